"""`verify --numbers`: the table, the JSON contract (schema verify/3), exit 2 on unusable input.

Run in process through verify.cli.main and once as a real process (python -m verify), the way
CI and other tools call it. The input file is never written to.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO, SAMPLE, sample_text
from verify.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """verify.cli.main in process: (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return int(code), out, err


def run_process(*argv: str, cwd=None) -> subprocess.CompletedProcess:
    """python -m verify as a separate process, UTF-8 on both pipes."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "verify", *argv], capture_output=True, cwd=cwd or REPO,
                          env=env, timeout=120, encoding="utf-8")


def first_record(report: dict, text: str) -> dict:
    """The first quantity of the first file whose text is text."""
    return next(r for r in report["files"][0]["quantities"] if r["text"] == text)


@pytest.fixture
def page_copy(tmp_path):
    """A private copy of the sample page, so the test can prove it is left untouched."""
    path = tmp_path / "qingdao-daily-2022-11-04.txt"
    shutil.copyfile(SAMPLE, path)
    return path


# ---------------------------------------------------------------- table


def test_table(capsys, page_copy):
    code, out, err = run(capsys, "--numbers", str(page_copy))
    assert (code, err) == (0, "")
    assert "33.88万人" in out and "位置" in out.splitlines()[1]
    assert "338800" in out and "[338750, 338850]" in out
    assert str(page_copy) in out


def test_table_in_english(capsys, page_copy):
    code, out, _ = run(capsys, "--numbers", "--lang", "en", str(page_copy))
    assert code == 0 and "position" in out and "33.88万人" in out


# ---------------------------------------------------------------- JSON contract


@pytest.fixture
def report(capsys, page_copy) -> dict:
    code, out, err = run(capsys, "--numbers", "--format", "json", str(page_copy))
    assert (code, err) == (0, "")
    return json.loads(out)


def test_json_schema_and_file(report, page_copy):
    assert report["schema"] == "verify/3"
    assert len(report["files"]) == 1 and report["files"][0]["path"] == str(page_copy)
    keys = {"text", "start", "end", "line", "column", "value", "low", "high", "unit", "kind", "qualifier",
            "source_position"}
    assert all(set(r) == keys for r in report["files"][0]["quantities"])


def test_json_first_figure(report):
    record = first_record(report, "33.88万人")
    assert record == {
        "text": "33.88万人", "start": record["start"], "end": record["start"] + 7, "line": 5, "column": 13,
        "value": "338800", "low": "338750", "high": "338850", "unit": "人", "kind": "amount", "qualifier": None,
        "source_position": {"format": "text", "line": 5, "column": 13},
    }
    assert record["start"] == sample_text().index("33.88万人") == 63  # the README's example


@pytest.mark.parametrize("text, fields", [
    ("96.8%", {"value": "96.8", "low": "96.75", "high": "96.85", "unit": "%", "kind": "percent"}),
    ("0.5个百分点", {"value": "0.5", "low": "0.45", "high": "0.55", "unit": "百分点", "kind": "point"}),
    ("近63亿元", {"value": "6300000000", "low": "5670000000", "high": "6300000000", "unit": "元", "qualifier": "近"}),
    ("800余万元", {"value": "8000000", "low": "8000000", "high": "9000000", "qualifier": "余"}),
    ("21153起", {"value": "21153", "low": "21152.5", "high": "21153.5", "kind": "count"}),
    ("11月4日", {"value": "--11-04", "low": None, "high": None, "unit": None, "kind": "date"}),
    ("周五", {"value": "5", "kind": "weekday"}),
    ("下午2:30-4:00", {"value": "14:30/16:00", "kind": "time"}),
    ("前10月", {"value": "--01/--10", "kind": "date"}),
    ("一匠五创", {"value": "6", "low": "6", "high": "6", "unit": "项", "kind": "count"}),
    ("第一", {"value": "1", "low": None, "high": None, "kind": "ordinal"}),
])
def test_json_records(report, text, fields):
    record = first_record(report, text)
    assert {key: record[key] for key in fields} == fields


def test_json_values_are_strings_never_floats(report):
    for r in report["files"][0]["quantities"]:
        for key in ("value", "low", "high"):
            assert r[key] is None or isinstance(r[key], str), (r["text"], key)


def test_json_multiple_files(capsys, page_copy, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("完成全年计划的96.8%。", encoding="gb18030")
    code, out, _ = run(capsys, "--numbers", "--format", "json", str(page_copy), str(other))
    files = json.loads(out)["files"]
    assert code == 0 and [f["path"] for f in files] == [str(page_copy), str(other)]
    assert [r["text"] for r in files[1]["quantities"]] == ["96.8%"]


def test_encoding_option(capsys, tmp_path):
    path = tmp_path / "gb.txt"
    path.write_bytes("新增就业33.88万人".encode("gb18030"))
    code, out, _ = run(capsys, "--numbers", "--format", "json", "--encoding", "gb18030", str(path))
    assert code == 0 and json.loads(out)["files"][0]["quantities"][0]["value"] == "338800"


# ---------------------------------------------------------------- as a real process


def test_real_process_json(page_copy):
    done = run_process("--numbers", "--format", "json", str(page_copy))
    assert (done.returncode, done.stderr) == (0, "")
    record = first_record(json.loads(done.stdout), "33.88万人")
    assert (record["value"], record["low"], record["high"]) == ("338800", "338750", "338850")


def test_real_process_table(page_copy):
    done = run_process("--numbers", str(page_copy))
    assert done.returncode == 0 and "33.88万人" in done.stdout and "位置" in done.stdout


# ---------------------------------------------------------------- unusable input: exit 2


def _bad_inputs(tmp_path) -> dict[str, str]:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    broken = tmp_path / "broken.txt"
    broken.write_bytes("新增就业".encode("utf-8") + b"\xff\xfe\x80")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    return {"missing": str(tmp_path / "no-such-report.txt"), "directory": str(folder),
            "binary": str(binary), "undecodable": str(broken)}


@pytest.mark.parametrize("which", ["missing", "directory", "binary", "undecodable"])
def test_unusable_input_in_process(capsys, tmp_path, which):
    path = _bad_inputs(tmp_path)[which]
    code, out, err = run(capsys, "--numbers", path)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and path in err and "Traceback" not in err


@pytest.mark.parametrize("which", ["missing", "directory", "binary", "undecodable"])
def test_unusable_input_as_a_process(tmp_path, which):
    path = _bad_inputs(tmp_path)[which]
    done = run_process("--numbers", "--format", "json", path)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and path in done.stderr and "Traceback" not in done.stderr


def test_one_bad_file_among_good_ones_still_exits_2(capsys, page_copy, tmp_path):
    missing = str(tmp_path / "gone.txt")
    code, out, err = run(capsys, "--numbers", str(page_copy), missing)
    assert code == 2 and len(err.splitlines()) == 1 and missing in err


def test_wrong_encoding_option_exits_2(capsys, tmp_path):
    path = tmp_path / "gb.txt"
    path.write_bytes("新增就业33.88万人".encode("gb18030"))
    code, _, err = run(capsys, "--numbers", "--encoding", "utf-8", str(path))
    assert code == 2 and len(err.splitlines()) == 1 and str(path) in err


# ---------------------------------------------------------------- the input is never written


@pytest.mark.parametrize("argv", [["--numbers"], ["--numbers", "--format", "json"], ["--numbers", "--lang", "en"]])
def test_input_file_is_never_modified(capsys, page_copy, argv):
    before = (page_copy.read_bytes(), page_copy.stat().st_mtime_ns)
    code, _, _ = run(capsys, *argv, str(page_copy))
    assert code == 0
    assert (page_copy.read_bytes(), page_copy.stat().st_mtime_ns) == before


def test_input_file_is_never_modified_by_a_process(page_copy):
    before = (page_copy.read_bytes(), page_copy.stat().st_mtime_ns)
    assert run_process("--numbers", "--format", "json", str(page_copy)).returncode == 0
    assert (page_copy.read_bytes(), page_copy.stat().st_mtime_ns) == before
