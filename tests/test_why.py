"""`verify --statements --why RULE [--line N]`: what one rule made of each of its matches, so a
rule author sees why it did or did not fire on a line — a finding, a check that held, a figure the
formula needs and the sentence does not give, or no structure at all (and which figures were there)."""

from __future__ import annotations

import json

import pytest

from verify.cli import main

PAGE = ("青岛日报\n"
        "全市实现一般预算收入1000亿元，比上年增长10%，增加100亿元。\n"
        "工业增加值500亿元，增长5%。\n"
        "北京、上海、广州3个城市参加。\n")


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "verify-cache"))


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return int(code), out, err


def test_a_broken_triple_fires_and_a_triple_without_its_change_says_what_is_missing(capsys, page):
    code, out, err = run(capsys, "--statements", "--why", "growth-change-rate", page)
    assert code == 0 and err == ""
    why = out[out.index("规则 growth-change-rate"):]
    assert "2:11 level=1000亿元, rate=10%, change=100亿元" in why
    assert "触发：“10%”与同句其他数字不符" in why and "11.1%" in why
    assert "3:6 level=500亿元, rate=5%" in why
    assert "未核对：公式还需要 change，此处没有读到" in why


def test_line_keeps_only_that_lines_figures_and_matches(capsys, page):
    code, out, _ = run(capsys, "--statements", "--why", "growth-change-rate", "--line", 3, "--lang", "en", page)
    assert code == 0
    assert "500亿元" in out and "1000亿元" not in out and "北京" not in out
    assert "rule growth-change-rate (line 3):" in out
    assert "not checked: the formula also needs change, not read here" in out


def test_a_line_without_the_structure_names_its_figures(capsys, page):
    code, out, _ = run(capsys, "--statements", "--why", "growth-change-rate", "--line", 4, page)
    assert code == 0
    assert "没有匹配：语句阶段在此处没有读出规则所读的结构（facts）" in out
    assert "此处的数字：3个" in out


def test_a_pattern_rule_that_does_not_match_says_so(capsys, page):
    _, out, _ = run(capsys, "--statements", "--why", "weekday-of-date", "--line", 1, "--lang", "en", page)
    assert "no match: the rule's pattern does not match here" in out and "no figures here" in out


def test_a_tally_that_holds_shows_its_arithmetic(capsys, page):
    _, out, _ = run(capsys, "--statements", "--why", "named-list-count", "--line", 4, page)
    assert "4:1 3: 北京、上海、广州" in out
    assert "已核对，相符：3 = 北京、上海、广州" in out
    _, out, _ = run(capsys, "--statements", "--format", "json", "--why", "named-list-count", "--line", 4, page)
    [match] = json.loads(out)["files"][0]["why"]["matches"]
    assert (match["outcome"], match["stated"], match["items"]) == ("held", 3, ["北京", "上海", "广州"])


def test_a_dropped_name_fires_with_the_names_it_counted(capsys, tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("北京、上海、广州、深圳5个城市参加。\n", encoding="utf-8")
    _, out, _ = run(capsys, "--statements", "--why", "named-list-count", path)
    assert "1:1 5: 北京、上海、广州、深圳" in out
    assert "触发：所述数目为 5，但列出的项目有 4 项" in out


def test_json_has_a_why_member_only_when_asked(capsys, page):
    _, out, _ = run(capsys, "--statements", "--format", "json", page)
    assert "why" not in json.loads(out)["files"][0]
    _, out, _ = run(capsys, "--statements", "--format", "json", "--why", "growth-change-rate", "--line", 2, page)
    entry = json.loads(out)["files"][0]
    assert {s["line"] for s in entry["statements"]} == {2}
    why = entry["why"]
    assert why["rule"] == "growth-change-rate" and why["line"] == 2
    [match] = why["matches"]
    assert match["outcome"] == "fired"
    assert [f["text"] for f in match["bound"]["change"]] == ["100亿元"]
    assert [f["text"] for f in why["figures_here"]] == ["1000亿元", "10%", "100亿元"]


@pytest.mark.parametrize("argv, says", [
    (["--statements", "--why", "no-such-rule"], "--why no-such-rule: no such rule"),
    (["--why", "growth-change-rate"], "--why and --line go with --statements"),
    (["--line", "2"], "--why and --line go with --statements"),
    (["--statements", "--line", "0"], "--line must be 1 or more"),
])
def test_misuse_is_one_line_and_exit_2(capsys, page, argv, says):
    code, out, err = run(capsys, *argv, page)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and says in err


def test_a_compound_rule_says_which_figures_a_fact_leaves_unbound(capsys, tmp_path):
    path = tmp_path / "trade.txt"
    path.write_text("双边贸易额从2002年的547.67亿美元增长到2012年的4001亿美元，年均增长2.2%。\n", encoding="utf-8")
    code, out, err = run(capsys, "--statements", "--why", "yearly-rate-over-years", "--line", "1", path)
    assert code == 0 and err == ""
    why = out[out.index("规则 yearly-rate-over-years"):]
    assert "未核对：公式还需要 first_year、last_year、rise_from、yearly_rate" in why   # the fact of before and level
    assert "触发：从2002年的“547.67亿美元”到2012年的“4001亿美元”，10年间年均增长约为22.0%" in why
