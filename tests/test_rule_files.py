"""The built-in rule files as data: names, ids, examples and their sources; and how rules are read.

Like proselint's test_check_paths: every rule file is checked as a file, before anything runs it.
A rule's examples must come from real writing: each cites a `source` that starts with the stem of a
file in ../shared/corpus, and together a rule's examples name at least two different texts (one
text proves a pattern fits one writer, not the genre).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from conftest import ARCHIVE, CORPUS, REPO, corpus_file, source_file
from verify.loaders import builtin_rules_dir, load_rules

RULES_DIR = REPO / "rules"
PACKAGE_DIR = REPO / "verify"
RULE_PATHS = sorted(RULES_DIR.rglob("*.yaml"))
RULE_IDS = [p.relative_to(RULES_DIR).as_posix() for p in RULE_PATHS]

# Rules whose examples cite fewer than two different real texts. Each entry is a strict xfail:
# when the rule gains a second source the test XPASSes and fails, so the entry must be removed.
SINGLE_SOURCE = {
    "exceeds-target-range": "a figure said to exceed a target stated as a range (已超过…下降40%-45%的目标): "
                            "xwlb_20181126 is the only such sentence of the corpus and archive",
    "average-per-unit-at-least": "a population, a total and an average per head it passes (突破人均万元大关) in one "
                                 "sentence: rmrb_19980125 is the only such sentence of the corpus and archive",
    "average-per-unit": "an average per unit (户均, 人均) with its count in 按…计算 and the total before it: rmrb_19980113 "
                        "is the only such sentence of the corpus and archive (按…计算 is otherwise 按可比价格计算)",
    "growth-change-times": "a level, its increase and 增长N倍 in one sentence: daqing_article_16 is the only "
                           "such sentence in the corpus and archive (6.6 M characters searched)",
    "completion-of-plan": "a completion rate with its plan right before it (完成全年1.8万亿元投资目标任务的25.5%): "
                          "xwlb_20210429 is the only such sentence; xwlb_20231101 puts the plan in a parenthesis "
                          "(完成今年全年目标任务（12.9万公里）的91.4%), which the reader does not take as a completion",
    "yearly-average-increase": "N年来…从A增加到B，年均增加C (an amount, not a rate): xwlb_20131107 is the only such "
                               "sentence in the corpus and archive (the others give 年均增长 as a compound rate)",
    "loan-deposit-ratio": "deposits, loans and 贷存比 in one sentence: rmrb_19980115 is the only text of the corpus "
                          "and archive that states them (6.6 M characters searched)",
    "change-against-compared": "a level, the figure after 比 and the change between them, all three stated: "
                               "xwlb_20170607 is the only such sentence of the corpus and archive",
    "drop-against-compared": "a level, the figure after 比 and the drop between them, all three stated: "
                             "rmrb_19980109 is the only such sentence of the corpus and archive",
    "part-within-items": "a part after 其中 of a whole given as a count and the size of each (两台33万千瓦机组，其中有"
                         "60万千瓦…): rmrb_19980131 is the only such sentence of the corpus and archive (11 counts "
                         "followed by a size in 6.6 M characters, no other with a 其中 part)",
    "ratio-of-part-values": "a ratio of shares (三次产业比为3.9：59.5：36.6) after the values of its parts: "
                            "daqing_article_15 is the only text of the corpus and archive that states one (the "
                            "others, rmrb_19980105 and daqing_article_14, give no values of the parts)",
}


def raw(path: Path) -> dict:
    """A rule file as plain data (safe_load, the way the package reads it)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def examples(data: dict) -> list[tuple[str, int, object]]:
    """(group, index, item) for every example of a rule file."""
    groups = data.get("examples") or {}
    return [(group, i, item) for group in ("fail", "pass") for i, item in enumerate(groups.get(group) or [])]


def source_stem(source: str) -> str:
    """The corpus file stem a source starts with: the text before the first space or parenthesis."""
    return re.split(r"[\s(（]", source.strip(), maxsplit=1)[0]


def with_single_source_xfail(paths: list[Path]) -> list:
    params = []
    for path in paths:
        marks = []
        if path.stem in SINGLE_SOURCE:
            marks = [pytest.mark.xfail(strict=True, reason=SINGLE_SOURCE[path.stem])]
        params.append(pytest.param(path, marks=marks, id=path.relative_to(RULES_DIR).as_posix()))
    return params


# ---------------------------------------------------------------- the set of files


def test_builtin_rules_are_the_checkout_rules_folder():
    """From a checkout the rules are rules/; from an installed wheel, the copy it carries."""
    installed = builtin_rules_dir()
    ours = {p.relative_to(RULES_DIR).as_posix(): p.read_bytes() for p in RULE_PATHS}
    theirs = {p.relative_to(installed).as_posix(): p.read_bytes()
              for p in installed.rglob("*") if p.suffix in (".yaml", ".yml")}
    assert theirs == ours


def test_there_are_rule_files_in_every_pack():
    packs = {p.relative_to(RULES_DIR).parts[0] for p in RULE_PATHS}
    assert packs == {"bounds", "calendar", "cross-check", "facts", "lists", "usage"}
    assert len(RULE_PATHS) >= 10


def test_rule_ids_are_unique():
    ids = [raw(p).get("id") for p in RULE_PATHS]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []


def test_all_builtin_rules_load():
    loaded = load_rules()
    assert sorted(r.id for r in loaded) == sorted(p.stem for p in RULE_PATHS)


# ---------------------------------------------------------------- each file


@pytest.mark.parametrize("path", RULE_PATHS, ids=RULE_IDS)
def test_id_equals_file_stem(path):
    assert raw(path)["id"] == path.stem


@pytest.mark.parametrize("path", RULE_PATHS, ids=RULE_IDS)
def test_has_fail_and_pass_examples(path):
    groups = raw(path)["examples"]
    assert len(groups.get("fail") or []) >= 1, f"{path}: no fail example"
    assert len(groups.get("pass") or []) >= 1, f"{path}: no pass example"


@pytest.mark.parametrize("path", RULE_PATHS, ids=RULE_IDS)
def test_every_example_cites_a_source(path):
    missing = [f"{group}[{i}]" for group, i, item in examples(raw(path))
               if not isinstance(item, dict) or not str(item.get("source") or "").strip()]
    assert missing == [], f"{path}: examples without a source: {missing}"


@pytest.mark.parametrize("path", RULE_PATHS, ids=RULE_IDS)
def test_every_source_names_a_corpus_file(path):
    stems = {source_stem(str(item["source"])) for _, _, item in examples(raw(path))
             if isinstance(item, dict) and item.get("source")}
    for stem in sorted(stems):
        source_file(f"{stem}.txt")  # skips without ../shared, fails when the file is in neither folder


@pytest.mark.parametrize("path", with_single_source_xfail(RULE_PATHS))
def test_examples_come_from_at_least_two_real_texts(path):
    stems = {source_stem(str(item["source"])) for _, _, item in examples(raw(path))
             if isinstance(item, dict) and item.get("source")}
    if CORPUS.is_dir():
        stems &= {p.stem for p in [*CORPUS.glob("*.txt"), *ARCHIVE.glob("*/*.txt")]}
    assert len(stems) >= 2, f"{path.stem}: examples name only {sorted(stems)}"


def test_source_stem():
    assert source_stem("qingdao-daily-2022-11-04 (96.8% changed to 93.7%)") == "qingdao-daily-2022-11-04"
    assert source_stem("xwlb_20200228") == "xwlb_20200228"
    assert source_stem("holiday_notices_2007-2025_clauses（改）") == "holiday_notices_2007-2025_clauses"


# ---------------------------------------------------------------- rule text is never run


def package_sources() -> list[Path]:
    return sorted(PACKAGE_DIR.rglob("*.py"))


def test_package_has_sources():
    assert len(package_sources()) > 10


@pytest.mark.parametrize("path", package_sources(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_unsafe_calls_in_package(path):
    text = path.read_text(encoding="utf-8")
    bad = []
    for number, line in enumerate(text.splitlines(), 1):
        for m in re.finditer(r"yaml\.load\((?P<args>[^\n]*)", line):
            if "Safe" not in m.group("args"):
                bad.append(f"{number}: yaml.load without a Safe loader")
        for word in (r"yaml\.unsafe_load", r"yaml\.full_load", r"\bUnsafeLoader\b", r"\bFullLoader\b",
                     r"(?<![\w.])eval\(", r"(?<![\w.])exec\(", r"\bsympify\b", r"\bparse_expr\b",
                     r"__import__\("):
            if re.search(word, line):
                bad.append(f"{number}: {word}")
    assert bad == [], f"{path}: {bad}"


@pytest.mark.parametrize("path", package_sources(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_eval_exec_calls_in_package_ast(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name in ("eval", "exec", "sympify", "parse_expr", "__import__", "unsafe_load", "full_load"):
                calls.append(f"{node.lineno}: {name}()")
            if name == "load" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                    and func.value.id == "yaml":
                loader = [k.value for k in node.keywords if k.arg == "Loader"] + node.args[1:]
                if not loader or "Safe" not in ast.unparse(loader[0]):
                    calls.append(f"{node.lineno}: yaml.load() without a Safe loader")
    assert calls == [], f"{path}: {calls}"


def test_rule_files_are_read_with_safe_load_only(tmp_path):
    """A Python-object tag in a rule file is refused by safe_load, never constructed."""
    from verify.errors import RuleFileError
    from verify.loaders import load_rule

    path = tmp_path / "evil.yaml"
    path.write_text("id: !!python/object/apply:os.system ['echo pwned']\nkind: pattern\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_rule(path)
    assert info.value.line == 1
    assert str(info.value).startswith(f"{path}:1: ")


@pytest.mark.parametrize("path", [p for p in RULE_PATHS if p.parent.name == "usage"], ids=lambda p: p.stem)
def test_usage_rules_are_warnings_at_most(path):
    """How a figure is written never proves a figure wrong: usage rules warn at most (README)."""
    rule = raw(path)
    assert rule["severity"] in ("warning", "info")
    for example in (rule.get("examples") or {}).get("fail", []):
        assert example.get("severity", "warning") in ("warning", "info")
