"""verify --list-rules, --explain, --test-rules: what rule authors and data desks run."""

from __future__ import annotations

import pytest

from verify.cli import main
from verify.loaders import load_rules

GOOD = """\
id: growth-check
kind: relation
severity: error
title: 增加量与增长率相符
why: 上年数 = 今年数 − 增加量。
pattern: '{now:amount}[,，]?比上年增加{delta:amount}[,，]?增长{growth:percent}'
formula: delta == (now - delta) * growth
subject: growth
examples:
  fail:
    - text: 中央财政下达转移支付资金188.4亿元，比上年增加19.9亿元，增长18.8%。
      source: xwlb_20200716
  pass:
    - text: 中央财政下达转移支付资金188.4亿元，比上年增加19.9亿元，增长11.8%。
      source: xwlb_20200716
"""


@pytest.fixture(autouse=True)
def own_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path / ".cache"))


def pack(tmp_path, text: str):
    folder = tmp_path / "my-pack"
    folder.mkdir(exist_ok=True)
    (folder / "growth-check.yaml").write_text(text, encoding="utf-8")
    return folder


def test_list_rules_names_every_rule_with_kind_severity_title_file(capsys):
    assert main(["--list-rules"]) == 0
    out = capsys.readouterr().out
    for rule in load_rules():
        line = next(l for l in out.splitlines() if l.startswith(rule.id + " "))
        assert rule.kind in line and rule.severity in line and rule.title in line and rule.path in line


def test_explain_shows_why_formula_and_examples(capsys):
    assert main(["--explain", "completion-rate"]) == 0
    out = capsys.readouterr().out
    assert "done == plan * rate" in out and "完成全年计划" in out and "rules/cross-check/completion-rate.yaml" in out


def test_explain_lists_a_term_rule_s_terms_with_their_forms(capsys):
    assert main(["--explain", "fixed-term-numerals"]) == 0
    out = capsys.readouterr().out
    assert "terms:" in out and "  - 一带一路\n" in out and "  - 四个自信 / 三个自信\n" in out


def test_explain_an_unknown_rule_is_refused(capsys):
    assert main(["--explain", "no-such-rule"]) == 2
    assert "no-such-rule" in capsys.readouterr().err


def test_test_rules_passes_on_the_builtin_rules_and_a_good_pack(tmp_path, capsys):
    assert main(["--test-rules", str(pack(tmp_path, GOOD))]) == 0
    assert "0 failed" in capsys.readouterr().out


def test_a_wrong_example_fails_test_rules_naming_file_and_example(tmp_path, capsys):
    wrong = GOOD.replace("增长18.8%。\n      source", "增长11.8%。\n      source")
    folder = pack(tmp_path, wrong)
    assert main(["--test-rules", str(folder)]) == 1
    out = capsys.readouterr().out
    failing = [l for l in out.splitlines() if "growth-check.yaml" in l]
    assert len(failing) == 1 and "fail[0]" in failing[0] and ":11:" in failing[0], out


def test_a_rule_without_a_firing_example_fails_test_rules(tmp_path, capsys):
    no_fail = GOOD.replace("""  fail:
    - text: 中央财政下达转移支付资金188.4亿元，比上年增加19.9亿元，增长18.8%。
      source: xwlb_20200716
""", "  fail: []\n")
    assert main(["--test-rules", str(pack(tmp_path, no_fail))]) == 1
    assert "no example on which it fires" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["--list-rules"], ["--explain", "completion-rate"], ["--test-rules"],
                                     ["--numbers", "REPORT"], ["REPORT"]])
def test_a_malformed_rule_file_stops_every_command_with_file_and_line(tmp_path, capsys, command):
    bad = pack(tmp_path, GOOD.replace("severity: error", "serverity: error"))
    report = tmp_path / "r.txt"
    report.write_text("全市城镇新增就业33.88万人。", encoding="utf-8")
    argv = [str(report) if a == "REPORT" else a for a in command]
    assert main([*argv, "--rules", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "growth-check.yaml:3:" in err and "serverity" in err
