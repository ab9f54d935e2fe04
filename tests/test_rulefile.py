"""Loading rule files: every broken rule is refused with `path:line: problem` at the right line.

Each malformed rule is written to tmp_path as a whole file, so the expected line can be read off
the text. A valid minimal rule of each kind loads (and its own examples behave). Through the
command line a broken rule ends the run with exit 2 and one line on stderr, no traceback. The
solved forms of formulas are cached, so a warm run never imports sympy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE
from verify.checking.engine import check_all
from verify.cli import main
from verify.reading.document import decode
from verify.errors import RuleFileError
from verify.checking.examples import run_example
from verify.loaders import load_rule, load_rules

# A valid pattern rule; the malformed cases below are edits of it. Line numbers on the right.
PATTERN_RULE = """\
id: demo
kind: pattern
severity: error
title: 降幅不超过100%
why: 降幅最多100%。
pattern: '(?:下降|降低){rate:percent}'
condition: rate > 100%
examples:
  fail:
    - text: 长期离职率同比降低126%。
      source: qingdao-daily-2022-11-04 (26% changed to 126%)
  pass:
    - text: 长期离职率同比降低26%。
      source: qingdao-daily-2022-11-04
"""
#   1 id, 2 kind, 3 severity, 4 title, 5 why, 6 pattern, 7 condition, 8 examples,
#   9 fail, 10 fail[0], 12 pass, 13 pass[0]

RELATION_RULE = """\
id: demo
kind: relation
severity: error
title: 完成量、完成率与计划相符
why: 完成量 = 计划 × 完成率。
pattern: '全年计划{plan:amount}[^。]*?新增就业{done:amount}[,，]完成全年计划的{rate:percent}'
formula: done == plan * rate
examples:
  fail:
    - text: 全年计划35万人，今年新增就业33.88万人，完成全年计划的90.8%。
      source: qingdao-daily-2022-11-04 (plan added, 96.8% changed)
  pass:
    - text: 全年计划35万人，今年新增就业33.88万人，完成全年计划的96.8%。
      source: qingdao-daily-2022-11-04 (plan added)
"""
#   7 formula

SUM_RULE = """\
id: demo
kind: sum
severity: error
title: 其中各部分不超过总数
why: 部分不能大于总数。
pattern: '{total:amount}{gap!amount}其中(?:[,，:：])?{parts:amount*}'
total: total
parts: parts
examples:
  fail:
    - text: 全市引进集聚人才22.78万人,其中,新增专业技术人才9347人,高层次人才23.28万人。
      source: qingdao-daily-2022-11-04 (1.28万 changed to 23.28万)
  pass:
    - text: 全市引进集聚人才22.78万人,其中,新增专业技术人才9347人,高层次人才1.28万人。
      source: qingdao-daily-2022-11-04
"""

COUNT_RULE = """\
id: demo
kind: count
severity: error
title: 提法的数字与括号里的项目数一致
why: 数字之和就是项目数。
pattern: '“{label:label}”[^“”。(（]{0,8}[(（](?P<items>[^()（）“”]+)[)）]'
count: label
items: items
examples:
  fail:
    - text: 构建起“一匠四创”(新区工匠,创新能手、班组、企业、工作室、成果)全员创新培育选树体系。
      source: qingdao-daily-2022-11-04 (五 changed to 四)
  pass:
    - text: 构建起“一匠五创”(新区工匠,创新能手、班组、企业、工作室、成果)全员创新培育选树体系。
      source: qingdao-daily-2022-11-04
"""

CONSISTENCY_RULE = """\
id: demo
kind: consistency
severity: warning
title: 同一指标前后一致
why: 同一个数说两遍，两处必须一致。
pattern: '(?P<measure>城镇新增就业){value:amount}'
value: value
key: [measure]
examples:
  fail:
    - text: "前10月青岛城镇新增就业33.88万人\\n截至10月底，全市城镇新增就业33.38万人。"
      source: qingdao-daily-2022-11-04 (33.88 changed to 33.38)
  pass:
    - text: "前10月青岛城镇新增就业33.88万人\\n截至10月底，全市城镇新增就业33.88万人。"
      source: qingdao-daily-2022-11-04
"""

CALENDAR_RULE = """\
id: demo
kind: calendar
severity: error
title: 日期与星期相符
why: 星期可以由日期算出。
pattern: '{date:date}\\s*[(（]?{weekday:weekday}[)）]?'
check: weekday
examples:
  fail:
    - text: 网谈时间:11月4日(周四)下午2:30-4:00
      source: qingdao-daily-2022-11-04 (周五 changed to 周四)
      date: 2022-11-04
  pass:
    - text: 网谈时间:11月4日(周五)下午2:30-4:00
      source: qingdao-daily-2022-11-04
      date: 2022-11-04
"""

TERM_RULE = """\
id: demo
kind: term
severity: warning
title: 固定提法的数字
why: 固定提法的数字不能改。
pattern: '{label:label}'
terms:
  - 一带一路
  - [四个自信, 三个自信]
examples:
  fail:
    - text: 共建“一带两路”。
      source: xwlb_20181217 (一带一路 changed to 一带两路)
  pass:
    - text: 增强“三个自信”。
      source: xwlb_20151107
"""
#   7 terms, 8 terms[0], 9 terms[1]

COMPOUND_RULE = """\
id: demo
kind: compound
severity: warning
title: 年均增长率与起止年份相符
why: 终点是起点按年均增长率逐年增长的结果。
match_on: statements
structure: facts
start: rise_from
end: level
rate: yearly_rate
first_year: first_year
last_year: last_year
examples:
  fail:
    - text: 双边贸易额从2002年的547.67亿美元增长到2012年的4001亿美元，年均增长2.2%。
      source: xwlb_20130819 (22% changed to 2.2%)
  pass:
    - text: 双边贸易额从2002年的547.67亿美元增长到2012年的4001亿美元，年均增长22%。
      source: xwlb_20130819
"""
#   8 start, 10 rate

VALID = {
    "compound": COMPOUND_RULE,
    "term": TERM_RULE,
    "pattern": PATTERN_RULE,
    "relation": RELATION_RULE,
    "sum": SUM_RULE,
    "count": COUNT_RULE,
    "consistency": CONSISTENCY_RULE,
    "calendar": CALENDAR_RULE,
}


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Solved formulas go to a cache of the test session, not the user's home."""
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "verify-cache"))


def write(tmp_path: Path, text: str, name: str = "demo") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def replace_line(text: str, number: int, new: str) -> str:
    """The text with line `number` (1-based) replaced by `new` (which may hold several lines)."""
    lines = text.splitlines()
    assert 1 <= number <= len(lines)
    lines[number - 1] = new
    return "\n".join(lines) + "\n"


def delete_line(text: str, number: int) -> str:
    lines = text.splitlines()
    del lines[number - 1]
    return "\n".join(lines) + "\n"


def line_of(text: str, start: str) -> int:
    """The 1-based number of the first line that starts with `start`."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def refused(path: Path) -> RuleFileError:
    """The RuleFileError load_rule raises for a file (fails if it loads)."""
    with pytest.raises(RuleFileError) as info:
        load_rule(path)
    return info.value


def assert_refused_at(path: Path, line: int | None, *words: str) -> RuleFileError:
    """Refused with `path:line: problem`, the problem naming each of words."""
    error = refused(path)
    where = f"{path}:{line}" if line else str(path)
    message = str(error)
    assert message.startswith(f"{where}: "), f"expected {where}: …, got {message!r}"
    assert error.line == line and error.path == str(path)
    assert "\n" not in message
    for word in words:
        assert word in error.problem, f"{word!r} not in {error.problem!r}"
    return error


# ---------------------------------------------------------------- the valid rules load


@pytest.mark.parametrize("kind", sorted(VALID))
def test_valid_minimal_rule_of_each_kind_loads(tmp_path, kind):
    rule = load_rule(write(tmp_path, VALID[kind]))
    assert (rule.id, rule.kind) == ("demo", kind)
    assert len(rule.fail_examples) == 1 and len(rule.pass_examples) == 1
    assert rule.fail_examples[0].line == line_of(VALID[kind], "  fail:") + 1
    assert rule.pass_examples[0].line == line_of(VALID[kind], "  pass:") + 1


@pytest.mark.parametrize("kind", sorted(VALID))
def test_valid_minimal_rule_of_each_kind_passes_its_examples(tmp_path, kind):
    rule = load_rule(write(tmp_path, VALID[kind]))
    for group, examples in (("fail", rule.fail_examples), ("pass", rule.pass_examples)):
        for example in examples:
            assert run_example(rule, example, group) is None, f"{kind} {group}: {example.text}"


def test_valid_rule_in_a_pack_loads_with_the_builtin_rules(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    write(pack, PATTERN_RULE)
    ids = [r.id for r in load_rules([str(pack)])]
    assert "demo" in ids and ids.count("demo") == 1
    assert "completion-rate" in ids


def test_a_compound_rule_naming_a_figure_no_fact_binds_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(COMPOUND_RULE, 10, "rate: yearly_growth"))
    assert_refused_at(path, 10, "rate", "yearly_growth")


# ---------------------------------------------------------------- top-level keys


def test_unknown_key_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 3, "serverity: error"))
    assert_refused_at(path, 3, "unknown key 'serverity'")


def test_unknown_key_after_the_examples_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, PATTERN_RULE + "colour: red\n")
    assert_refused_at(path, 15, "unknown key 'colour'")


def test_missing_key_is_refused_naming_the_key(tmp_path):
    path = write(tmp_path, delete_line(PATTERN_RULE, 4))  # no title
    assert_refused_at(path, 1, "missing key 'title'")


def test_missing_kind_specific_key_is_refused(tmp_path):
    path = write(tmp_path, delete_line(RELATION_RULE, 7))  # no formula
    assert_refused_at(path, 1, "missing key 'formula'")


def test_key_without_value_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 4, "title:"))
    assert_refused_at(path, 4, "title")


def test_key_of_a_different_kind_is_unknown(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 7, "formula: rate > 100%"))
    assert_refused_at(path, 7, "unknown key 'formula'")


def test_unknown_kind_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 2, "kind: ratio"))
    error = assert_refused_at(path, 2, "unknown kind 'ratio'")
    for known in ("relation", "sum", "count", "consistency", "calendar", "pattern"):
        assert known in error.problem


def test_missing_kind_is_refused(tmp_path):
    path = write(tmp_path, delete_line(PATTERN_RULE, 2))
    assert_refused_at(path, 1, "unknown kind 'None'")


def test_kind_that_is_a_list_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 2, "kind: [pattern]"))
    assert_refused_at(path, 2, "kind")


def test_bad_severity_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 3, "severity: fatal"))
    assert_refused_at(path, 3, "severity must be one of error, warning, info")


def test_id_not_equal_to_the_file_name_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, PATTERN_RULE, name="other-name")
    assert_refused_at(path, 1, "id 'demo'", "'other-name'")


def test_id_on_a_later_line_is_refused_at_that_line(tmp_path):
    text = PATTERN_RULE.replace("id: demo\n", "") + "id: demo\n"
    path = write(tmp_path, text, name="other-name")
    assert_refused_at(path, len(text.splitlines()), "id 'demo'")


def test_empty_title_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 4, "title: '  '"))
    assert_refused_at(path, 4, "'title' must be a non-empty text")


def test_duplicate_key_is_refused_at_its_second_line(tmp_path):
    text = replace_line(PATTERN_RULE, 7, "pattern: '(?:减少){rate:percent}'\ncondition: rate > 100%")
    path = write(tmp_path, text)
    assert_refused_at(path, 7, "pattern")


# ---------------------------------------------------------------- YAML itself


def test_invalid_yaml_is_refused_at_the_broken_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 5, "why: [降幅最多100%"))
    error = refused(path)
    assert str(error).startswith(f"{path}:")
    assert "not valid YAML" in error.problem
    # the flow sequence opened on line 5 is found unclosed where the next key starts (line 6)
    assert error.line in (5, 6), str(error)


def test_invalid_yaml_bad_indentation_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 4, "title: 降幅\n  bad: indent"))
    error = refused(path)
    assert "not valid YAML" in error.problem
    assert error.line == 5, str(error)


def test_tab_indentation_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 11, "\t  source: qingdao-daily-2022-11-04"))
    error = refused(path)
    assert "not valid YAML" in error.problem and error.line == 11, str(error)


def test_python_tag_is_refused_not_constructed(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 5, "why: !!python/object/apply:os.getcwd []"))
    error = assert_refused_at(path, 5, "not valid YAML")
    assert "python/object" in error.problem


def test_rule_file_that_is_not_a_mapping_is_refused(tmp_path):
    path = write(tmp_path, "- id: demo\n- kind: pattern\n")
    assert_refused_at(path, 1, "mapping")


def test_empty_rule_file_is_refused(tmp_path):
    path = write(tmp_path, "")
    assert_refused_at(path, 1, "mapping")


def test_rule_file_not_in_utf8_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_bytes(PATTERN_RULE.encode("gb18030"))
    error = refused(path)
    assert str(error).startswith(f"{path}: ") and "cannot read" in error.problem


# ---------------------------------------------------------------- patterns


def test_bad_regular_expression_is_refused_at_the_pattern_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 6, "pattern: '(?:下降|降低{rate:percent}'"))
    assert_refused_at(path, 6, "bad regular expression")


def test_unknown_slot_type_is_refused_at_the_pattern_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 6, "pattern: '(?:下降|降低){rate:percent}{x:foo}'"))
    assert_refused_at(path, 6, "unknown slot type 'foo'")


def test_duplicate_slot_is_refused_at_the_pattern_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 6, "pattern: '{rate:percent}(?:下降|降低){rate:percent}'"))
    assert_refused_at(path, 6, "slot 'rate' is named twice")


def test_pattern_on_a_folded_block_is_refused_at_its_key_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 6, "pattern: >-\n  (?:下降|降低{rate:percent}"))
    assert_refused_at(path, 6, "bad regular expression")


def test_condition_variable_no_slot_binds_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 7, "condition: ratio > 100%"))
    assert_refused_at(path, 7, "'ratio'", "no slot binds")


# ---------------------------------------------------------------- formulas


@pytest.mark.parametrize("formula, words", [
    ("__import__('os') == done", ("'_'",)),
    ("done == __import__('os').system('x')", ("'_'",)),
    ("done == plan.rate * rate", ("attribute access",)),
    ("done == open(plan) * rate", ("'open'", "not allowed")),
    ("done == plan * rate * total", ("'total'", "no slot binds")),
    ("done = plan * rate", ("'='",)),
    ("done == plan ** rate", ("power",)),
    ("done == plan * rate; x", ("';'",)),
    ("done == [plan][0] * rate", ("indexing",)),
    ("done == lambda: 1", ("keyword",)),
], ids=["import", "import-call", "attribute", "open", "unbound", "single-equals", "power",
        "semicolon", "indexing", "lambda"])
def test_bad_formula_is_refused_at_the_formula_line(tmp_path, formula, words):
    path = write(tmp_path, replace_line(RELATION_RULE, 7, f"formula: \"{formula}\""))
    assert_refused_at(path, 7, *words)


def test_formula_attribute_access_a_dot_b(tmp_path):
    text = replace_line(RELATION_RULE, 6, "pattern: '{a:amount}完成{b:percent}'")
    path = write(tmp_path, replace_line(text, 7, "formula: a.b == a"))
    assert_refused_at(path, 7, "attribute access is not allowed", "column 2")


def test_formula_on_a_later_line_is_refused_at_that_line(tmp_path):
    text = delete_line(RELATION_RULE, 7) + "formula: done == open(plan)\n"
    path = write(tmp_path, text)
    assert_refused_at(path, len(text.splitlines()), "'open'")


def test_find_lookup_without_its_slot_is_refused_at_its_line(tmp_path):
    text = replace_line(RELATION_RULE, 6, "pattern: '新增就业{done:amount}，完成全年计划的{rate:percent}'")
    text = replace_line(text, 7, "formula: done == plan * rate\nfind:\n  plan: '全年计划{x:amount}'")
    path = write(tmp_path, text)
    assert_refused_at(path, 9, "find.plan")


# ---------------------------------------------------------------- kind parameters of the wrong type


def test_find_that_is_a_list_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(RELATION_RULE, 7, "formula: done == plan * rate\nfind: [a, b]"))
    assert_refused_at(path, 8, "find")


def test_message_that_is_not_text_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 7, "condition: rate > 100%\nmessage: [a]"))
    assert_refused_at(path, 8, "message")


def test_pattern_subject_that_is_not_a_slot_name_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 7, "condition: rate > 100%\nsubject: [rate]"))
    assert_refused_at(path, 8, "subject")


# A kind parameter of the wrong type surfaces as a bare TypeError/ValueError from prepare(), which
# load_rule reports at the *pattern* line (6) with Python's own words ("unhashable type: 'list'").
WRONG_TYPE = [
    ("check", CALENDAR_RULE, 7, "check: [weekday]"),
    ("count", COUNT_RULE, 7, "count: [label]"),
    ("parts", SUM_RULE, 8, "parts: [parts]"),
    ("key", CONSISTENCY_RULE, 8, "key: [[measure]]"),
    ("subject", RELATION_RULE, 7, "formula: done == plan * rate\nsubject: [rate]"),
    ("within", COUNT_RULE, 8, "items: items\nwithin: abc"),
    ("separators", COUNT_RULE, 8, "items: items\nseparators: 5"),
]


@pytest.mark.parametrize("key, base, number, new", WRONG_TYPE, ids=[w[0] for w in WRONG_TYPE])
def test_kind_parameter_of_the_wrong_type_is_refused_not_crashing(tmp_path, key, base, new, number):
    path = write(tmp_path, replace_line(base, number, new))
    error = refused(path)
    assert str(error).startswith(f"{path}:") and "\n" not in str(error)


@pytest.mark.parametrize("key, base, number, new", WRONG_TYPE, ids=[w[0] for w in WRONG_TYPE])
def test_kind_parameter_of_the_wrong_type_is_refused_at_its_line(tmp_path, key, base, new, number):
    path = write(tmp_path, replace_line(base, number, new))
    own_line = number + new.count("\n")
    assert_refused_at(path, own_line, key)


def test_deeply_nested_yaml_is_refused(tmp_path):
    """2000 nested brackets: refused as YAML (the loader's recursion limit), not a crash. The
    refusal names the file; where the nesting begins (line 5) is not known to the loader."""
    path = write(tmp_path, replace_line(PATTERN_RULE, 5, "why: " + "[" * 2000 + "]" * 2000))
    error = refused(path)
    assert error.line in (None, 5), str(error)
    assert str(error).startswith(str(path)) and "not valid YAML" in error.problem


# ---------------------------------------------------------------- examples


def test_example_without_text_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 10, "    - txt: 长期离职率同比降低126%。"))
    assert_refused_at(path, 10, "examples.fail[0] needs a 'text'")


def test_second_pass_example_without_text_is_refused_at_its_line(tmp_path):
    text = PATTERN_RULE + "    - source: qingdao-daily-2022-11-04\n"
    path = write(tmp_path, text)
    assert_refused_at(path, 15, "examples.pass[1] needs a 'text'")


def test_unknown_key_in_an_example_is_refused_at_the_example_line(tmp_path):
    text = replace_line(PATTERN_RULE, 11, "      source: qingdao-daily-2022-11-04\n      sauce: x")
    path = write(tmp_path, text)
    assert_refused_at(path, 10, "unknown key 'sauce'")


def test_examples_as_a_list_is_refused_at_its_line(tmp_path):
    text = "\n".join(PATTERN_RULE.splitlines()[:7]) + "\nexamples:\n  - text: 降低126%\n"
    path = write(tmp_path, text)
    assert_refused_at(path, 8, "examples must be a mapping")


# ---------------------------------------------------------------- packs


def test_duplicate_rule_ids_across_two_files_of_a_pack(tmp_path):
    pack = tmp_path / "pack"
    (pack / "a").mkdir(parents=True)
    (pack / "b").mkdir()
    first = write(pack / "a", PATTERN_RULE)
    second = write(pack / "b", "# the same rule again\n" + PATTERN_RULE)
    with pytest.raises(RuleFileError) as info:
        load_rules([str(pack)], builtin=False)
    error = info.value
    assert str(error).startswith(f"{second}:2: "), str(error)
    assert "duplicate rule id 'demo'" in error.problem and str(first) in error.problem


def test_rule_id_that_repeats_a_builtin_rule_is_a_duplicate(tmp_path):
    text = PATTERN_RULE.replace("id: demo", "id: decrease-100")
    path = write(tmp_path, text, name="decrease-100")
    with pytest.raises(RuleFileError) as info:
        load_rules([str(path)])
    assert str(info.value).startswith(f"{path}:1: ") and "rules/bounds/decrease-100.yaml" in str(info.value)


def test_missing_rule_pack_is_refused_naming_it(tmp_path):
    with pytest.raises(RuleFileError) as info:
        load_rules([str(tmp_path / "nowhere")])
    assert str(info.value) == f"{tmp_path / 'nowhere'}: no such rule file or folder"


# ---------------------------------------------------------------- through the command line


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return int(code), out, err


@pytest.fixture
def bad_rule(tmp_path) -> Path:
    return write(tmp_path, replace_line(PATTERN_RULE, 3, "serverity: error"))


def test_cli_bad_rule_file_exits_2_with_one_line_naming_file_and_line(capsys, bad_rule):
    code, out, err = run(capsys, "--rules", str(bad_rule), str(SAMPLE))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.endswith("\n")
    assert f"{bad_rule}:3:" in err and "serverity" in err
    assert "Traceback" not in err


def test_cli_bad_rule_pack_exits_2_with_one_line(capsys, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    path = write(pack, replace_line(RELATION_RULE, 7, "formula: done == __import__('os')"))
    code, out, err = run(capsys, "--rules", str(pack), str(SAMPLE))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and f"{path}:7:" in err and "Traceback" not in err


def test_cli_rule_with_find_list_exits_2_with_one_line(capsys, tmp_path):
    path = write(tmp_path, replace_line(RELATION_RULE, 7, "formula: done == plan * rate\nfind: [a, b]"))
    code, out, err = run(capsys, "--rules", str(path), str(SAMPLE))
    assert (code, out) == (2, "") and err.count("\n") == 1 and f"{path}:8:" in err


def test_cli_rule_with_kind_list_exits_2_with_one_line(capsys, tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 2, "kind: [pattern]"))
    code, out, err = run(capsys, "--rules", str(path), str(SAMPLE))
    assert (code, out) == (2, "") and err.count("\n") == 1 and f"{path}:2:" in err


def test_cli_rule_with_message_list_exits_2_as_a_process(tmp_path):
    path = write(tmp_path, replace_line(PATTERN_RULE, 7, "condition: rate > 100%\nmessage: [a]"))
    report = tmp_path / "report.txt"
    report.write_text("长期离职率同比降低126%。\n", encoding="utf-8")
    env = {**os.environ, "VERIFY_CACHE_DIR": str(tmp_path / "cache"), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "verify", "--rules", str(path), str(report)], cwd=REPO, env=env,
                          capture_output=True, encoding="utf-8", timeout=300)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_cli_unreadable_input_is_reported_before_a_bad_rule_file(capsys, bad_rule, tmp_path):
    """The input files are opened before the rules are loaded: with both broken, the one line on
    stderr names the input file."""
    code, out, err = run(capsys, "--rules", str(bad_rule), str(tmp_path / "missing.txt"))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "missing.txt" in err and "Traceback" not in err


def test_cli_numbers_with_a_bad_rule_file_exits_2(capsys, bad_rule):
    """A malformed rule file makes every command exit 2, --numbers included (issue 4)."""
    code, out, err = run(capsys, "--numbers", "--rules", str(bad_rule), str(SAMPLE))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(bad_rule) in err and "Traceback" not in err


def test_cli_numbers_without_added_rules_does_not_load_rules(capsys):
    code, out, err = run(capsys, "--numbers", str(SAMPLE))
    assert (code, err) == (0, "") and "33.88万人" in out


# ---------------------------------------------------------------- the formula cache


CACHE_PROBE = textwrap.dedent("""\
    import sys
    from verify.cli import main
    code = main(["--format", "json", *sys.argv[1:]])
    print("SYMPY_IMPORTED=" + str("sympy" in sys.modules), file=sys.stderr)
    sys.exit(code)
""")
# The built-in formulas ship solved; a user's pack with a formula of its own needs the solver.
NEW_FORMULA_RULE = RELATION_RULE.replace("formula: done == plan * rate", "formula: done == rate * plan")


def run_probe(cache_dir: Path, pack: bool = True) -> tuple[subprocess.CompletedProcess, bool]:
    env = {**os.environ, "VERIFY_CACHE_DIR": str(cache_dir), "PYTHONIOENCODING": "utf-8"}
    rules = []
    if pack:
        folder = cache_dir.parent / f"{cache_dir.name}-pack"
        folder.mkdir(exist_ok=True)
        (folder / "demo.yaml").write_text(NEW_FORMULA_RULE, encoding="utf-8")
        rules = ["--rules", str(folder)]
    done = subprocess.run([sys.executable, "-c", CACHE_PROBE, *rules, "reports/qingdao-daily-2022-11-04.txt"],
                          cwd=REPO, env=env, capture_output=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr
    marker = [line for line in done.stderr.splitlines() if line.startswith("SYMPY_IMPORTED=")]
    assert len(marker) == 1, done.stderr
    return done, marker[0] == "SYMPY_IMPORTED=True"


def test_warm_formula_cache_never_imports_sympy(tmp_path):
    cold, _ = run_probe(tmp_path)  # may import sympy to solve the formulas
    cache_files = list(tmp_path.glob("solved-*.json"))
    assert len(cache_files) == 1, list(tmp_path.iterdir())
    assert isinstance(json.loads(cache_files[0].read_text(encoding="utf-8")), dict)
    warm, imported = run_probe(tmp_path)
    assert not imported, "the second run, with every formula cached, imported sympy"
    assert json.loads(warm.stdout) == json.loads(cold.stdout)


def test_warm_run_does_not_write_the_cache(tmp_path):
    """Loading rules writes the solve cache only when a formula was solved in this run."""
    run_probe(tmp_path)
    caches = sorted(tmp_path.glob("*.json"))  # the solved formulas, the compiled patterns (verify/regexes.py), the parsed YAML (verify/yaml_data.py)
    assert [c.name.split("-")[0] for c in caches] == ["regex", "solved", "yaml"]
    for cache in caches:
        os.utime(cache, (1_000_000_000, 1_000_000_000))
    run_probe(tmp_path)
    assert [cache.stat().st_mtime for cache in caches] == [1_000_000_000] * 3
    assert sorted(tmp_path.iterdir()) == caches


def test_empty_cache_dir_solves_a_new_formula_with_sympy(tmp_path):
    _, imported = run_probe(tmp_path)
    assert imported, "a cold cache should need sympy to solve a formula of a user's pack"


def test_builtin_formulas_ship_solved(tmp_path):
    """A fresh install (empty cache) checks with the built-in rules without sympy, and solves nothing."""
    _, imported = run_probe(tmp_path / "cache", pack=False)
    assert not imported, "the built-in formulas' solved forms ship with the package"
    assert list(tmp_path.glob("cache/solved-*")) == []


def test_corrupt_cache_is_ignored_and_rewritten(tmp_path):
    run_probe(tmp_path)
    cache = next(tmp_path.glob("solved-*.json"))
    cache.write_text("{not json", encoding="utf-8")
    done, imported = run_probe(tmp_path)
    assert imported
    assert json.loads(done.stdout)["schema"] == "verify/3"
    assert isinstance(json.loads(cache.read_text(encoding="utf-8")), dict)


def test_convert_naming_no_family_of_units_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, RELATION_RULE.replace("formula: done == plan * rate\n",
                                                 "formula: done == plan * rate\nconvert: weights\n"))
    assert_refused_at(path, 8, "'weights'", "no family")


def test_a_lookup_finds_figures_of_the_match_s_own_article_only(tmp_path):
    # daqing_article_14's first quarter (非国有投资完成7.8亿元) and its half year's share, with another report's
    # 全年 whole: after a blank line it is another article, whose figure is no whole of this share
    first = "一季度，非国有投资完成7.8亿元。\n上半年，非国有投资占全市固定资产投资比重为24.6%。\n"
    other = "全市固定资产投资完成247.4亿元，同比增长2.3%。\n"
    found = {}
    for name, text in (("apart", first + "\n" + other), ("together", first + other)):
        page = tmp_path / f"{name}.txt"
        page.write_text(text, encoding="utf-8")
        found[name] = [f.rule_id for r in check_all([decode(page.read_bytes(), str(page))], load_rules()) for f in r.findings]
    assert "share-of-whole" not in found["apart"]
    assert "share-of-whole" in found["together"]   # in one article, 7.8 ÷ 247.4 is 3.15%, not 24.6%


@pytest.mark.parametrize("text", ["接待游客约555000多人次。", "接待游客约555,000多人次。", "接待游客约５５５０００多人次。"])
def test_how_a_figure_is_written_is_asked_of_its_digits_not_their_width_or_grouping(tmp_path, text):
    # xwlb_20231003 (约555000多人次, 约 and 多 together), with thousands separators and in full width
    page = tmp_path / "page.txt"
    page.write_text(text + "\n", encoding="utf-8")
    found = [f.rule_id for r in check_all([decode(page.read_bytes(), str(page))], load_rules()) for f in r.findings]
    assert "redundant-approximation" in found


# ---------------------------------------------------------------- term lists


@pytest.mark.parametrize("entry,words", [
    ("  - 一带一路经济带", ["not read as a counted label"]),          # 一 alone counts one thing
    ("  - 三农", ["one character besides its numerals"]),              # “三保”, “四化” and “两化” too
    ("  - [四个自信, 四项自信]", ["differ in more than their numerals"]),
    ("  - 一带两路", ["given twice", "一带一路"]),                      # the skeleton of line 8
    ("  - {a: 1}", ["a term is a text"]),
    ("  - []", ["a term is a text"]),
])
def test_broken_term_is_refused_at_its_line(tmp_path, entry, words):
    path = write(tmp_path, replace_line(TERM_RULE, 9, entry))
    assert_refused_at(path, 9, *words)
