"""--format sarif | junit | markdown | github: the same findings in every CI-facing format.

Every format is produced for the sample page (two infos) and for a mutated copy (a warning, an
info and an error); SARIF validates against the shared OASIS schema and its regions slice the
original text to each finding; JUnit parses with the right counts; markdown has one row per
finding; github one annotation per finding. Same input, same bytes.
"""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import SAMPLE, SHARED
from verify import __version__, cli
from verify.reading.document import Document, decode
from verify.checking.engine import check_all
from verify.checking.records import FileResult
from verify.records import Finding, Related
from verify.gate.apply import stamp
from verify.gate.fingerprint import fingerprint as baseline_fingerprint
from verify.messages import text_for
from verify.report.github import escape_data, escape_property
from verify.report.markdown import cell
from verify.report import render
from verify.loaders import load_rules

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
NEW_FORMATS = ("sarif", "junit", "markdown", "github")
MUTATIONS = (("完成全年计划的96.8%", "完成全年计划的93.7%"), ("按期结案率100%", "按期结案率110%"))
ORIGINAL_PATH = "reports/qingdao-daily-2022-11-04.txt"
MUTATED_PATH = "mutated/qingdao-daily-2022-11-04.txt"  # same issue date in the name as the original
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@pytest.fixture(scope="module", autouse=True)
def private_cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VERIFY_CACHE_DIR", str(tmp_path_factory.mktemp("verify-cache")))
        yield


def mutated_text() -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in MUTATIONS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def check(text: str, path: str) -> list[FileResult]:
    """The built-in rules' results, stamped by the gate (fingerprints), as the CLI renders them."""
    return stamp(check_all([decode(text.encode("utf-8"), path)], load_rules([])), {})


def fingerprint(doc: Document, finding: Finding) -> str:
    """The gate's fingerprint of a finding, computed apart from the report."""
    return baseline_fingerprint(doc.text, finding)


@pytest.fixture(scope="module")
def rules():
    return load_rules([])


@pytest.fixture(scope="module")
def pages(private_cache) -> dict[str, list[FileResult]]:
    return {"original": check(SAMPLE.read_text(encoding="utf-8"), ORIGINAL_PATH),
            "mutated": check(mutated_text(), MUTATED_PATH)}


@pytest.fixture(scope="module")
def mutated(pages) -> list[FileResult]:
    return pages["mutated"]


def test_the_pages_give_the_findings_the_formats_are_tested_on(pages):
    assert [f.severity for f in pages["original"][0].findings] == ["info", "info"]
    assert [(f.severity, f.rule_id, f.text) for f in pages["mutated"][0].findings] == [
        ("warning", "completion-rate", "33.88万人"), ("info", "completion-rate", "2.64万人"),
        ("error", "share-above-100", "110%")]


@pytest.mark.parametrize("page", ["original", "mutated"])
@pytest.mark.parametrize("fmt", NEW_FORMATS)
def test_every_format_is_produced_and_stable(pages, rules, fmt, page):
    first = render(pages[page], fmt, "zh", rules).encode("utf-8")
    again = render(check(pages[page][0].doc.text, pages[page][0].doc.path), fmt, "zh", rules).encode("utf-8")
    assert first and first.endswith(b"\n")
    assert first == again


# SARIF

def sarif(results, rules, lang: str = "zh") -> dict:
    return json.loads(render(results, "sarif", lang, rules))


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra: pip install '.[test]'")
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"../shared not present: {SARIF_SCHEMA} does not exist (a clone outside the workspace "
                    f"has no shared schemas next to it), so SARIF cannot be validated")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    if "properties" not in schema and "Root" in schema.get("definitions", {}):
        # This copy keeps the log's own schema in definitions/Root and refers to it nowhere:
        # validated as is, any JSON would pass. Validate against the root it defines.
        schema = {**schema, "$ref": "#/definitions/Root"}
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def test_the_schema_check_is_not_vacuous(mutated, rules, validator):
    log = sarif(mutated, rules)
    assert validator.is_valid(log)
    assert not validator.is_valid({})
    log["runs"][0]["results"][0]["level"] = "info"  # SARIF says "note"
    assert not validator.is_valid(log)


@pytest.mark.parametrize("page", ["original", "mutated"])
def test_sarif_validates_against_the_oasis_schema(pages, rules, validator, page):
    errors = sorted(validator.iter_errors(sarif(pages[page], rules)), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_sarif_run_names_the_tool_and_every_loaded_rule(mutated, rules):
    [run] = sarif(mutated, rules)["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"], run["columnKind"]) == ("verify", __version__, "unicodeCodePoints")
    assert [d["id"] for d in driver["rules"]] == [r.id for r in rules]
    for descriptor, rule in zip(driver["rules"], rules):
        assert descriptor["shortDescription"]["text"] == rule.title
        assert descriptor["fullDescription"]["text"] == " ".join(rule.why.split())
        assert descriptor["defaultConfiguration"]["level"] == SARIF_LEVELS[rule.severity]
        assert descriptor["name"] and descriptor["name"] != rule.id


def test_sarif_rules_are_listed_without_findings(rules, validator):
    clean = check("今天天气很好。\n", "clean.txt")
    log = sarif(clean, rules)
    assert validator.is_valid(log)
    assert log["runs"][0]["results"] == []
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == len(rules)


def test_sarif_rules_in_english(mutated, rules):
    by_id = {d["id"]: d for d in sarif(mutated, rules, "en")["runs"][0]["tool"]["driver"]["rules"]}
    assert by_id["completion-rate"]["shortDescription"]["text"] == "amount done, completion rate and plan agree"
    assert by_id["completion-rate"]["fullDescription"]["text"].startswith("A completion rate implies")


def test_sarif_results_levels_and_regions(mutated, rules):
    [result] = mutated
    text = result.doc.text
    [run] = sarif(mutated, rules)["runs"]
    descriptors = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == len(result.findings)
    for entry, finding in zip(run["results"], result.findings):
        assert entry["ruleId"] == finding.rule_id == descriptors[entry["ruleIndex"]]["id"]
        assert entry["level"] == SARIF_LEVELS[finding.severity]
        assert entry["message"]["text"].startswith(finding.message)
        if finding.calculation:
            assert finding.calculation in entry["message"]["text"]
        [location] = entry["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == MUTATED_PATH
        region = physical["region"]
        assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == finding.text
        assert (region["startLine"], region["startColumn"]) == line_column(text, region["charOffset"])
        end = region["charOffset"] + region["charLength"]
        assert (region["endLine"], region["endColumn"]) == line_column(text, end)
        related = entry.get("relatedLocations", [])
        assert len(related) == len(finding.related)
        for loc, rel in zip(related, finding.related):
            r = loc["physicalLocation"]["region"]
            assert text[r["charOffset"]:r["charOffset"] + r["charLength"]] == rel.text == loc["message"]["text"]
    assert [e["level"] for e in run["results"]] == ["warning", "note", "error"]


def test_sarif_without_the_rule_list_still_indexes_its_results(mutated):
    [run] = sarif(mutated, None)["runs"]
    ids = [d["id"] for d in run["tool"]["driver"]["rules"]]
    assert sorted(ids) == ["completion-rate", "share-above-100"]
    assert all(ids[e["ruleIndex"]] == e["ruleId"] for e in run["results"])


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (characters) of an offset, computed independently."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def test_fingerprint_follows_the_sentence_not_the_page(pages, rules):
    original, changed = pages["original"][0], pages["mutated"][0]
    by_text = {f.text: fingerprint(original.doc, f) for f in original.findings}
    after = {f.text: fingerprint(changed.doc, f) for f in changed.findings}
    assert by_text == {f.text: baseline_fingerprint(original.doc.text, f) for f in original.findings}
    assert after["2.64万人"] == by_text["2.64万人"]  # its sentence is unchanged
    assert after["33.88万人"] != by_text["33.88万人"]  # its sentence now says 93.7%
    spaced = check(original.doc.text.replace("政策性扶持创业", "政策性 扶持\u3000创业"), ORIGINAL_PATH)[0]
    moved = check("新增一段。\n\n" + original.doc.text, ORIGINAL_PATH)[0]
    for other in (spaced, moved):
        assert {f.text: fingerprint(other.doc, f) for f in other.findings} == by_text
    entries = sarif(pages["original"], rules)["runs"][0]["results"]
    assert [list(e["partialFingerprints"].values())[0] for e in entries] == [
        f"{fingerprint(original.doc, f)}:1" for f in original.findings]


def test_sarif_keeps_suppressed_findings_marked(rules, validator):
    doc = Document("x.txt", "合格率110%。结案率120%。\n")
    kept = Finding("share-above-100", "error", 3, 7, "110%", "m1")
    excused = Finding("share-above-100", "error", 11, 15, "120%", "m2")
    [result] = stamp([FileResult(doc, [], set(), [kept])], {})
    why = "a typo in the source, corrected in print"
    [excused_result] = stamp([FileResult(doc, [], set(), [excused])], {})
    result = dataclasses.replace(result, suppressed=[(excused_result.findings[0], why)])
    log = sarif([result], rules)
    assert validator.is_valid(log)
    entries = log["runs"][0]["results"]
    assert ["suppressions" in e for e in entries] == [False, True]
    assert entries[1]["suppressions"] == [{"kind": "external", "justification": why}]


def test_sarif_fingerprints_of_one_sentence_stay_apart(rules):
    doc = Document("x.txt", "合格率110%，达标率120%。\n")
    findings = [Finding("share-above-100", "error", 3, 7, "110%", "m1"),
                Finding("share-above-100", "error", 11, 15, "120%", "m2")]
    entries = sarif(stamp([FileResult(doc, [], set(), findings)], {}), rules)["runs"][0]["results"]
    digest = fingerprint(doc, findings[0])
    assert fingerprint(doc, findings[1]) == digest
    assert [e["partialFingerprints"]["verifySentenceHash/v1"] for e in entries] == [f"{digest}:1", f"{digest}:2"]


def test_sarif_uri_of_an_absolute_path(rules):
    doc = Document("/tmp/新闻 稿.txt", "合格率110%。\n")
    result = stamp([FileResult(doc, [], set(), [Finding("share-above-100", "error", 3, 7, "110%", "m")])], {})[0]
    uri = sarif([result], rules)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "file:///tmp/%E6%96%B0%E9%97%BB%20%E7%A8%BF.txt"


# JUnit

@pytest.mark.parametrize("page, failures", [("original", 0), ("mutated", 2)])
def test_junit_parses_with_counts(pages, page, failures):
    [result] = pages[page]
    root = ET.fromstring(render(pages[page], "junit", "zh", fail_on="warning").encode("utf-8"))
    assert root.tag == "testsuites"
    [suite] = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert suite.get("name") == result.doc.path
    assert {c.get("classname") for c in cases} == {result.doc.path}
    assert [c.get("name") for c in cases] == sorted({f.rule_id for f in result.findings}
                                                      | {c.rule_id for c in result.passed})
    failed = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("tests")) == int(root.get("tests")) == len(cases)
    assert int(suite.get("failures")) == int(root.get("failures")) == len(failed) == failures
    found = [f for f in result.findings if f.severity != "info"]
    assert len(list(root.iter("failure"))) == len(found)


def test_junit_failure_carries_message_location_and_calculation(mutated):
    root = ET.fromstring(render(mutated, "junit", "zh", fail_on="warning"))
    failures = {c.get("name"): c.find("failure") for c in root.iter("testcase") if c.find("failure") is not None}
    warning = next(f for f in mutated[0].findings if f.severity == "warning")
    node = failures["completion-rate"]
    assert (node.get("type"), node.get("message")) == ("warning", warning.message)
    line, column = line_column(mutated[0].doc.text, warning.start)
    assert node.text == f"{MUTATED_PATH}:{line}:{column} {warning.text}\n{warning.calculation}"
    assert failures["share-above-100"].get("type") == "error"
    info = next(f for f in mutated[0].findings if f.severity == "info")
    outs = [c.find("system-out").text for c in root.iter("testcase") if c.find("system-out") is not None]
    assert any(info.message in out for out in outs)


# Markdown

@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", ["original", "mutated"])
def test_markdown_table_per_file(pages, page, lang):
    [result] = pages[page]
    out = render(pages[page], "markdown", lang)
    lines = out.splitlines()
    header = "| " + " | ".join(text_for(lang, k) for k in ("col_position", "col_severity", "col_rule",
                                                          "col_text", "col_problem", "col_calculation")) + " |"
    assert header in lines
    if lang == "zh":
        assert header == "| 位置 | 级别 | 规则 | 原文 | 问题 | 计算 |"
    assert f"### {cell(result.doc.path)}" in lines
    rows = lines[lines.index(header) + 2:]
    rows = rows[:rows.index("")]
    assert len(rows) == len(result.findings)
    for row, finding in zip(rows, result.findings):
        assert row.startswith(f"| {':'.join(map(str, line_column(result.doc.text, finding.start)))} |")
        assert text_for(lang, "severity_" + finding.severity) in row
    assert any(line.startswith(cell(result.doc.path) + ":") for line in lines)  # the summary line


def test_markdown_cells_escape_pipes_and_newlines():
    assert cell("a|b\nc") == "a\\|b<br>c"
    doc = Document("x.txt", "率110%\n")
    finding = Finding("r", "error", 1, 5, "110%", "one | two\nthree", calculation="1 | 2")
    out = render([FileResult(doc, [], set(), [finding])], "markdown", "zh")
    row = next(line for line in out.splitlines() if line.startswith("| 1:2 |"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 7
    assert "one \\| two<br>three" in row


# GitHub annotations

GITHUB_LINE = re.compile(r"::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),endColumn=(\d+),"
                         r"title=([^:]*)::(.*)")


@pytest.mark.parametrize("page", ["original", "mutated"])
def test_github_one_annotation_per_finding(pages, page):
    [result] = pages[page]
    lines = render(pages[page], "github", "zh").splitlines()
    assert len(lines) == len(result.findings)
    prefix = {"error": "error", "warning": "warning", "info": "notice"}
    for line, finding in zip(lines, result.findings):
        m = GITHUB_LINE.fullmatch(line)
        assert m, line
        command, path, row, col, end, title, message = m.groups()
        assert (command, path, title) == (prefix[finding.severity], result.doc.path, finding.rule_id)
        assert (int(row), int(col)) == line_column(result.doc.text, finding.start)
        assert int(end) == int(col) + len(finding.text)
        assert message.startswith(escape_data(finding.message))


def test_github_escaping():
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    doc = Document("dir,a:b.txt", "率110%\n")
    finding = Finding("r", "warning", 1, 5, "110%", "two\nlines: 5%", related=(Related(0, 1, "率"),))
    [line] = render([FileResult(doc, [], set(), [finding])], "github", "zh").splitlines()
    assert line == "::warning file=dir%2Ca%3Ab.txt,line=1,col=2,endColumn=6,title=r::two%0Alines: 5%25"


# Through the command line

@pytest.mark.parametrize("fmt", NEW_FORMATS)
@pytest.mark.parametrize("page", ["original", "mutated"])
def test_cli_prints_the_rendered_format(capsys, monkeypatch, tmp_path, rules, fmt, page):
    if fmt not in cli.FORMATS:
        pytest.skip(f"verify.cli.FORMATS {cli.FORMATS} does not accept '{fmt}' yet")
    monkeypatch.chdir(tmp_path)  # no verify.toml or .verify-ignore.yaml of the checkout applies
    text = SAMPLE.read_text(encoding="utf-8") if page == "original" else mutated_text()
    path = tmp_path / "qingdao-daily-2022-11-04.txt"
    path.write_text(text, encoding="utf-8")
    code = cli.main(["--format", fmt, str(path)])
    out, err = capsys.readouterr()
    assert err == ""
    assert code == (1 if page == "mutated" else 0)
    assert out == render(check(text, str(path)), fmt, "zh", rules)


def test_the_command_line_offers_every_format_render_knows():
    from verify.report import FORMATS

    assert set(FORMATS) <= set(cli.FORMATS)
