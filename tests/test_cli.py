"""`verify` on the command line: exit codes (the CI contract), the table, unusable input.

0 no finding at or above --fail-on, 1 at least one, 2 unusable input with one line on stderr
naming the problem and no traceback. Run in process through verify.cli.main, and once as a real
process (python -m verify). The input file is never written to.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from wcwidth import wcswidth

from conftest import REPO, SAMPLE
from verify.cli import main

HEADERS_ZH = ("位置", "级别", "规则", "原文", "问题", "计算")
HEADERS_EN = ("position", "severity", "rule", "text", "problem", "calculation")
BORDER = "┌├│└╞╘"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Solved formulas go to a cache of the test session, not the user's home."""
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "verify-cache"))


def run(capsys, *argv) -> tuple[int, str, str]:
    """verify.cli.main in process: (exit code, stdout, stderr)."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return int(code), out, err


def run_process(*argv, cwd=None) -> subprocess.CompletedProcess:
    """python -m verify as a separate process, UTF-8 on both pipes."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "verify", *map(str, argv)], capture_output=True,
                          cwd=cwd or REPO, env=env, timeout=300, encoding="utf-8")



@pytest.fixture
def page(tmp_path) -> Path:
    path = tmp_path / "qingdao-daily-2022-11-04.txt"
    shutil.copyfile(SAMPLE, path)
    return path




def assert_one_line_error(code: int, out: str, err: str, *words: str) -> None:
    assert code == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, repr(err)
    assert err.startswith("verify: ")
    assert "Traceback" not in err
    for word in words:
        assert word in err, f"{word!r} not in {err!r}"


def tables(out: str) -> list[list[str]]:
    """The bordered tables of a report, each as its lines."""
    found, current = [], []
    for line in out.splitlines():
        if line[:1] in BORDER:
            current.append(line)
        elif current:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


# ---------------------------------------------------------------- the sample page


def test_sample_exits_0_with_its_table_and_summary(capsys, page):
    code, out, err = run(capsys, page)
    assert (code, err) == (0, "")
    header = next(line for line in out.splitlines() if "位置" in line)
    positions = [header.index(h) for h in HEADERS_ZH]
    assert positions == sorted(positions), header
    summary = [line for line in out.splitlines() if line.startswith(f"{page}: ")]
    assert len(summary) == 1
    assert "数字" in summary[0] and "覆盖率" in summary[0]
    assert "错误 0 条" in summary[0]


def test_sample_in_english(capsys, page):
    code, out, err = run(capsys, "--lang", "en", page)
    assert (code, err) == (0, "")
    header = next(line for line in out.splitlines() if "position" in line)
    positions = [header.index(h) for h in HEADERS_EN]
    assert positions == sorted(positions), header
    assert not any(h in out for h in HEADERS_ZH[:3])
    summary = [line for line in out.splitlines() if line.startswith(f"{page}: ")]
    assert len(summary) == 1 and "numbers" in summary[0] and "coverage" in summary[0]


def test_sample_in_the_repository_exits_0(capsys):
    code, _, err = run(capsys, SAMPLE)
    assert (code, err) == (0, "")


# ---------------------------------------------------------------- exit codes and --fail-on


def test_warning_exits_0_by_default(capsys, warning_page):
    code, out, err = run(capsys, warning_page)
    assert (code, err) == (0, "")
    assert "completion-rate" in out and "警告" in out and "36.16万人" in out
    assert "警告 1 条" in out


def test_warning_exits_1_with_fail_on_warning(capsys, warning_page):
    code, _, _ = run(capsys, "--fail-on", "warning", warning_page)
    assert code == 1


def test_warning_exits_0_with_fail_on_never(capsys, warning_page):
    code, _, _ = run(capsys, "--fail-on", "never", warning_page)
    assert code == 0


def test_warning_exits_0_with_fail_on_error(capsys, warning_page):
    code, _, _ = run(capsys, "--fail-on", "error", warning_page)
    assert code == 0


def test_error_exits_1(capsys, error_page):
    code, out, err = run(capsys, error_page)
    assert (code, err) == (1, "")
    assert "share-above-100" in out and "110%" in out and "错误 1 条" in out


def test_error_exits_0_with_fail_on_never(capsys, error_page):
    code, _, _ = run(capsys, "--fail-on", "never", error_page)
    assert code == 0


def test_error_exits_1_with_fail_on_warning(capsys, error_page):
    code, _, _ = run(capsys, "--fail-on", "warning", error_page)
    assert code == 1


def test_infos_alone_never_fail(capsys, page):
    code, out, _ = run(capsys, "--fail-on", "warning", page)
    assert code == 0 and "提示" in out


def test_several_files_are_each_reported_and_the_worst_exit_wins(capsys, page, warning_page, error_page):
    code, out, err = run(capsys, page, warning_page, error_page)
    assert (code, err) == (1, "")
    for path in (page, warning_page, error_page):
        assert sum(line.startswith(f"{path}: ") for line in out.splitlines()) == 1, path
        assert f"{path}\n" in out  # each file's table is headed by its path
    assert "合计：3 个文件，错误 1 条，警告 1 条" in out


def test_several_files_worst_is_a_warning(capsys, page, warning_page):
    assert run(capsys, page, warning_page)[0] == 0
    assert run(capsys, "--fail-on", "warning", warning_page, page)[0] == 1


def test_error_in_the_first_file_still_fails_when_later_files_are_clean(capsys, error_page, page):
    code, out, _ = run(capsys, error_page, page)
    assert code == 1 and f"{page}: " in out


def test_unusable_file_among_good_ones_exits_2(capsys, page, tmp_path):
    code, out, err = run(capsys, page, tmp_path / "missing.txt")
    assert_one_line_error(code, out, err, "missing.txt", "no such file")


# ---------------------------------------------------------------- unusable input


def test_missing_file(capsys, tmp_path):
    path = tmp_path / "nowhere.txt"
    code, out, err = run(capsys, path)
    assert_one_line_error(code, out, err, str(path), "no such file")


def test_directory(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path)
    assert_one_line_error(code, out, err, str(tmp_path), "directory")


def test_binary_file(capsys, tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, out, err = run(capsys, path)
    assert_one_line_error(code, out, err, str(path), "binary")


def test_binary_file_without_nul_bytes(capsys, tmp_path):
    path = tmp_path / "noise.bin"
    path.write_bytes(bytes(range(1, 32)) * 40 + bytes(range(0x81, 0xFF)))
    code, out, err = run(capsys, path)
    assert code == 2 and out == "" and err.count("\n") == 1 and str(path) in err and "Traceback" not in err


def test_undecodable_file(capsys, tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes("截至10月底".encode("utf-8") + b"\xff\xff\xff")
    code, out, err = run(capsys, path)
    assert_one_line_error(code, out, err, str(path), "UTF-8", "GB18030")


def test_undecodable_with_encoding_option(capsys, tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe abc")
    code, out, err = run(capsys, "--encoding", "utf-8", path)
    assert_one_line_error(code, out, err, str(path), "utf-8")


def test_unknown_encoding_option(capsys, page):
    code, out, err = run(capsys, "--encoding", "no-such-codec", page)
    assert_one_line_error(code, out, err, str(page), "no-such-codec")


def test_no_files_at_all(capsys):
    code, out, err = run(capsys)
    assert_one_line_error(code, out, err, "no input files")


def test_bad_date(capsys, page):
    code, out, err = run(capsys, "--date", "notadate", page)
    assert_one_line_error(code, out, err, "--date notadate", "YYYY-MM-DD")


def test_impossible_date(capsys, page):
    code, out, err = run(capsys, "--date", "2022-02-30", page)
    assert_one_line_error(code, out, err, "2022-02-30")


def test_bad_date_with_no_files_names_one_problem(capsys):
    code, out, err = run(capsys, "--date", "notadate")
    assert code == 2 and out == "" and err.count("\n") == 1


def test_empty_file_exits_0(capsys, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, out, err = run(capsys, path)
    assert (code, err) == (0, "")
    assert f"{path}: " in out and "数字 0 个" in out


def test_utf8_bom_file_exits_0(capsys, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.read_bytes())
    code, out, err = run(capsys, path)
    assert (code, err) == (0, "")


def test_gb18030_file_reports_like_utf8(capsys, tmp_path, page):
    path = tmp_path / "gbk.txt"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    _, utf8_out, _ = run(capsys, page)
    code, gbk_out, err = run(capsys, path)
    assert (code, err) == (0, "")
    assert gbk_out.replace(str(path), "FILE") == utf8_out.replace(str(page), "FILE")


# ---------------------------------------------------------------- the input is never written


@pytest.mark.parametrize("options", [[], ["--format", "json"], ["--numbers"], ["--lang", "en"],
                                     ["--fail-on", "warning"]], ids=lambda o: " ".join(o) or "default")
def test_input_file_is_never_modified(capsys, warning_page, options):
    before = warning_page.read_bytes()
    os.utime(warning_page, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    stat = warning_page.stat()
    run(capsys, *options, warning_page)
    after = warning_page.stat()
    assert warning_page.read_bytes() == before
    assert after.st_mtime_ns == stat.st_mtime_ns
    assert after.st_size == stat.st_size
    assert sorted(p.name for p in warning_page.parent.iterdir()) == ["warning.txt"]


# ---------------------------------------------------------------- python -m verify


def test_python_m_verify_sample(page):
    done = run_process(page)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "位置" in done.stdout and f"{page}: " in done.stdout


def test_python_m_verify_error_exit_1(error_page):
    done = run_process(error_page)
    assert done.returncode == 1 and "share-above-100" in done.stdout


def test_python_m_verify_missing_file_exit_2(tmp_path):
    done = run_process(tmp_path / "nowhere.txt")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "nowhere.txt" in done.stderr and "Traceback" not in done.stderr


def test_python_m_verify_help():
    done = run_process("--help")
    assert done.returncode == 0 and "--fail-on" in done.stdout


# ---------------------------------------------------------------- table alignment


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table_rows_have_one_display_width(capsys, lang, warning_page, error_page):
    code, out, _ = run(capsys, "--lang", lang, warning_page, error_page)
    assert code == 1
    found = tables(out)
    assert len(found) == 2
    for table in found:
        widths = {wcswidth(line) for line in table}
        assert len(widths) == 1, "\n".join(f"{wcswidth(line):4} {line}" for line in table)
        assert -1 not in widths


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table_of_every_rule_example_is_aligned(capsys, tmp_path, lang):
    """Every built-in rule's fail examples as one report: many rules, wide and wrapped cells."""
    from verify.loaders import load_rules

    texts = [e.text for rule in load_rules() for e in rule.fail_examples]
    path = tmp_path / "all-fail-examples.txt"
    path.write_text("\n".join(texts) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "--lang", lang, path)
    assert code == 1
    (table,) = tables(out)
    assert len(table) > 20
    widths = {wcswidth(line) for line in table}
    assert len(widths) == 1, "\n".join(f"{wcswidth(line):4} {line}" for line in table)


def test_table_headers_line_up_with_the_columns(capsys, warning_page):
    _, out, _ = run(capsys, warning_page)
    (table,) = tables(out)
    bars = {tuple(i for i, ch in enumerate(_cells(line)) if ch in "│┼├┤┬┴┌┐└┘") for line in table}
    assert len(bars) == 1, table


def _cells(line: str) -> str:
    """A line with each wide character doubled, so column separators sit at display columns."""
    return "".join(ch * max(wcswidth(ch), 1) for ch in line)
