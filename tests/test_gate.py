"""The CI gate: inputs (folders, stdin), verify.toml, baselines, suppressions, -o, --jobs, and the
bad-input cases that must end with one line and exit 2."""

from __future__ import annotations

import io
import json
import sys

import pytest

from conftest import CORPUS, SAMPLE, corpus_file
from verify.cli import main

MUTATION = ("完成全年计划的96.8%", "完成全年计划的93.7%")   # a warning (implied plan 36.16万)
ERROR = ("按期结案率100%", "按期结案率110%")               # an error


@pytest.fixture(autouse=True)
def private_cache_and_folder(tmp_path, monkeypatch):
    """Each test in its own folder (no verify.toml above it) with its own formula cache."""
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path / ".cache"))
    monkeypatch.chdir(tmp_path)


def page(tmp_path, *changes, name="page.txt"):
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_json(capsys, *argv):
    code = main(["--format", "json", *map(str, argv)])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if out.out.strip() else None), out.err


def refused(capsys, *argv) -> str:
    """Exit 2 with exactly one stderr line and no traceback; the line is returned."""
    code = main([*map(str, argv)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


# ---------------------------------------------------------------- baselines


def test_baseline_lets_only_new_findings_fail(tmp_path, capsys):
    old = page(tmp_path, ERROR)
    assert main(["--write-baseline", str(tmp_path / "base.json"), str(old)]) == 0
    capsys.readouterr()
    # Move the paragraph with the known error to the end, add text above, add a new error.
    text = old.read_text(encoding="utf-8")
    paragraph = next(p for p in text.split("\n") if "按期结案率110%" in p)
    moved = "新加的一段导语。\n" + text.replace(paragraph + "\n", "") + "\n" + paragraph + "\n"
    moved = moved.replace("长期离职率同比降低26%", "长期离职率同比降低126%")
    old.write_text(moved, encoding="utf-8")
    code, report, _ = run_json(capsys, "--baseline", tmp_path / "base.json", old)
    assert code == 1
    active = report["files"][0]["findings"]
    assert [(f["rule"], f["text"]) for f in active if f["severity"] != "info"] == [("decrease-100", "126%")]
    baselined = report["files"][0]["baselined"]
    assert [f["rule"] for f in baselined if f["severity"] != "info"] == ["share-above-100"]
    assert report["summary"]["baselined"] == len(baselined) == 3  # the error and the two implied plans


def test_baseline_of_a_clean_state_passes_the_same_text(tmp_path, capsys):
    path = page(tmp_path, ERROR, MUTATION)
    main(["--write-baseline", str(tmp_path / "b.json"), str(path)])
    capsys.readouterr()
    code, report, _ = run_json(capsys, "--baseline", tmp_path / "b.json", "--fail-on", "warning", path)
    assert code == 0
    assert report["summary"]["errors"] == report["summary"]["warnings"] == 0


@pytest.mark.parametrize("content", ["not json at all", '{"schema": "something-else", "findings": []}',
                                     '{"schema": "verify-baseline/1", "findings": [{"rule": 3}]}'])
def test_a_file_that_is_not_a_baseline_is_refused(tmp_path, capsys, content):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    assert "bad.json" in refused(capsys, "--baseline", bad, SAMPLE)


def test_a_missing_baseline_is_refused(tmp_path, capsys):
    assert "nope.json" in refused(capsys, "--baseline", tmp_path / "nope.json", SAMPLE)


# ---------------------------------------------------------------- suppressions


def test_suppression_with_reason_sets_a_finding_aside(tmp_path, capsys):
    path = page(tmp_path, ERROR)
    (tmp_path / ".verify-ignore.yaml").write_text(
        "- rule: share-above-100\n  sentence: 立案查处各类违法案件4860件,按期结案率110%\n"
        "  reason: 原稿如此，已与记者核实\n  who: 编辑部\n", encoding="utf-8")
    code, report, err = run_json(capsys, path)
    assert code == 0 and err == ""
    assert report["summary"]["suppressed"] == 1
    assert report["files"][0]["suppressed"][0]["reason"] == "原稿如此，已与记者核实"


def test_suppression_without_reason_is_refused(tmp_path, capsys):
    (tmp_path / "ignore.yaml").write_text("- rule: share-above-100\n  sentence: 按期结案率110%\n", encoding="utf-8")
    assert "reason" in refused(capsys, "--ignore-file", tmp_path / "ignore.yaml", SAMPLE)


def test_suppression_of_an_unknown_rule_is_refused(tmp_path, capsys):
    (tmp_path / "ignore.yaml").write_text("- rule: no-such-rule\n  sentence: x\n  reason: y\n", encoding="utf-8")
    assert "no-such-rule" in refused(capsys, "--ignore-file", tmp_path / "ignore.yaml", SAMPLE)


def test_a_suppression_that_matches_nothing_is_reported(tmp_path, capsys):
    (tmp_path / "ignore.yaml").write_text("- rule: share-above-100\n  sentence: 这句话已经不在稿子里\n  reason: 旧豁免\n",
                                          encoding="utf-8")
    code, report, err = run_json(capsys, "--ignore-file", tmp_path / "ignore.yaml", SAMPLE)
    assert code == 0 and "matched nothing" in err and "share-above-100" in err


# ---------------------------------------------------------------- configuration


def test_config_sets_fail_level_disables_rules_and_overrides_severity(tmp_path, capsys):
    path = page(tmp_path, ERROR, MUTATION)
    (tmp_path / "verify.toml").write_text(
        'fail-on = "warning"\ndisable = ["share-above-100"]\n[severity]\ncompletion-rate = "info"\n', encoding="utf-8")
    code, report, _ = run_json(capsys, path)
    rules = {f["rule"] for f in report["files"][0]["findings"]}
    assert "share-above-100" not in rules
    assert all(f["severity"] == "info" for f in report["files"][0]["findings"] if f["rule"] == "completion-rate")
    assert code == 0
    assert main(["--fail-on", "never", "--config", str(tmp_path / "verify.toml"), str(page(tmp_path, ERROR))]) == 0


def test_config_is_found_in_a_folder_above(tmp_path, capsys, monkeypatch):
    (tmp_path / "verify.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert main([str(page(tmp_path, MUTATION))]) == 1


@pytest.mark.parametrize("content, word", [('colour = "red"\n', "colour"), ('disable = ["no-such-rule"]\n', "no-such-rule"),
                                            ('fail-on = "sometimes"\n', "fail-on"), ("jobs = 0\n", "jobs"),
                                            ("this is = not toml\n", "TOML"), ('[severity]\ncompletion-rate = "fatal"\n', "severity")])
def test_bad_config_is_refused_naming_the_key(tmp_path, capsys, content, word):
    (tmp_path / "verify.toml").write_text(content, encoding="utf-8")
    assert word in refused(capsys, SAMPLE)


# ---------------------------------------------------------------- inputs and outputs


def test_a_folder_is_checked_recursively_in_order(tmp_path, capsys):
    (tmp_path / "issue" / "p2").mkdir(parents=True)
    page(tmp_path / "issue", name="a.txt")
    page(tmp_path / "issue" / "p2", ERROR, name="b.txt")
    (tmp_path / "issue" / "notes.csv").write_text("不查", encoding="utf-8")
    code, report, _ = run_json(capsys, tmp_path / "issue")
    assert [f["path"].split("/")[-1] for f in report["files"]] == ["a.txt", "b.txt"]
    assert code == 1


def test_glob_chooses_the_files_of_a_folder(tmp_path, capsys):
    (tmp_path / "issue").mkdir()
    page(tmp_path / "issue", name="a.text")
    code, report, _ = run_json(capsys, "--glob", "*.text", tmp_path / "issue")
    assert len(report["files"]) == 1


def test_a_folder_with_nothing_to_check_is_refused(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert "nothing to check" in refused(capsys, tmp_path / "empty")


def test_stdin(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SAMPLE.read_bytes())))
    code, report, _ = run_json(capsys, "-")
    assert code == 0 and report["files"][0]["path"] == "<stdin>" and report["files"][0]["numbers"] > 80


def test_output_file_is_written_whole(tmp_path, capsys):
    out = tmp_path / "report.json"
    assert main(["--format", "json", "-o", str(out), str(page(tmp_path, ERROR))]) == 1
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["errors"] == 1
    assert not list(tmp_path.glob(".report.json.tmp"))


def test_output_into_a_missing_folder_is_refused(tmp_path, capsys):
    assert "report.json" in refused(capsys, "-o", tmp_path / "no" / "such" / "report.json", SAMPLE)


@pytest.mark.parametrize("argv", [["--numbers", "--format", "sarif"], ["--numbers", "--write-baseline", "b.json"],
                                  ["--jobs", "0"], ["--baseline", "x.json", "--write-baseline", "x.json"]])
def test_conflicting_options_are_refused(capsys, argv):
    refused(capsys, *argv, SAMPLE)


def test_parallel_jobs_give_the_same_output_in_the_same_order(capsys):
    if not CORPUS.is_dir():
        corpus_file("INDEX.tsv")  # skips with the reason
    files = sorted(str(p) for p in CORPUS.glob("*.txt"))
    main(["--format", "json", "--jobs", "1", *files])
    one = capsys.readouterr().out
    main(["--format", "json", "--jobs", "2", *files])
    two = capsys.readouterr().out
    assert one == two
    assert [f["path"] for f in json.loads(two)["files"]] == files


def test_fingerprint_is_hashlibs_sha256():
    """The gate hashes with the standard library's own SHA-256: the digest hashlib gives."""
    import hashlib

    from verify.gate.fingerprint import hashed

    assert hashed("completion-rate", "全市城镇新增就业33.88万人") == \
        hashlib.sha256("completion-rate\n全市城镇新增就业33.88万人".encode("utf-8")).hexdigest()[:20]
