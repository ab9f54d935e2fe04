"""The terminal table fits the terminal and never splits a figure; its options (issue 12).

Rendered at 80 and 160 columns (COLUMNS, as shutil.get_terminal_size reads it) for the sample
page with seven errors planted, for every built-in rule's fail examples, and in English.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys

import pytest
from wcwidth import wcswidth

from conftest import REPO, SAMPLE, planted_page
from verify.cli import main
from verify.loaders import load_rules
from verify.report.console import ProgressBar, wants_color
from verify.report.terminal import Styled, figure_piece, wrap

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "verify-cache"))


def run(capsys, monkeypatch, columns: int, *argv) -> tuple[int, str, str]:
    monkeypatch.setenv("COLUMNS", str(columns))
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return int(code), out, err


@pytest.fixture
def planted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # short relative paths: a long path is the one thing that may not fit
    return planted_page(tmp_path).name


@pytest.fixture
def every_fail_example(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "fail-examples.txt"
    path.write_text("\n".join(e.text for r in load_rules() for e in r.fail_examples) + "\n", encoding="utf-8")
    return path.name


def figures(capsys, monkeypatch, *paths) -> set[str]:
    """Every figure a finding is about or rests on, and the figures of its message and arithmetic."""
    _, out, _ = run(capsys, monkeypatch, 200, "--format", "json", *paths)
    found = set()
    for file in json.loads(out)["files"]:
        for f in file["findings"]:
            for text in (f["text"], *(r["text"] for r in f["related"])):
                found |= set(re.split(r"[、，,和及与]", text))  # a list of figures is figures, not one
            for text in (f["message"], f["calculation"] or ""):
                found |= set(re.findall(r"\d+(?:\.\d+)?(?:万|亿)?(?:人|元|%|个)?", text))
    return {f for f in found if len(f) > 1}


def column_lines(out: str) -> list[list[str]]:
    """The text of the report as runs of lines that continue each other: each table column of
    each row (a cell's lines), and the lines outside tables."""
    runs, cells, plain = [], {}, []
    for line in ANSI.sub("", out).splitlines():
        if line.startswith("│"):
            for i, cell in enumerate(line.strip("│").split("│")):
                cells.setdefault(i, []).append(cell.strip())
            continue
        runs += list(cells.values())
        cells = {}
        if line[:1] in "┌├└":
            continue
        plain.append(line.strip())
    return runs + list(cells.values()) + [plain]


def unbroken(figure: str, out: str) -> bool:
    """No line of a cell (or of the text outside tables) ends with the start of the figure while
    the next line starts with its rest."""
    for lines in column_lines(out):
        for first, second in zip(lines, lines[1:]):
            for cut in range(1, len(figure)):
                if first.endswith(figure[:cut]) and second.startswith(figure[cut:]):
                    return False
    return True


@pytest.mark.parametrize("columns", [80, 160])
@pytest.mark.parametrize("pages", ["planted", "every_fail_example"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_line_wider_than_the_terminal_and_no_figure_split(capsys, monkeypatch, request, columns, pages, lang):
    path = request.getfixturevalue(pages)
    for extra in ([], ["--show-passed", "--statistics"], ["--color", "always"]):
        code, out, _ = run(capsys, monkeypatch, columns, "--lang", lang, *extra, path)
        assert code == 1
        lines = out.splitlines()
        assert len(lines) > 20
        too_wide = [line for line in lines if wcswidth(ANSI.sub("", line)) > columns]
        assert not too_wide, "\n".join(f"{wcswidth(ANSI.sub('', line))} {line!r}" for line in too_wide)
        assert -1 not in {wcswidth(ANSI.sub("", line)) for line in lines}
    plain = run(capsys, monkeypatch, columns, "--lang", lang, path)[1]
    for figure in figures(capsys, monkeypatch, path):
        assert unbroken(figure, plain), f"{figure} split across lines at {columns} columns:\n{plain}"


def test_the_check_for_split_figures_is_not_vacuous():
    assert not unbroken("36.16万人", "│ 计算 33.88万人 ÷ 93.7% = 36.16万 │\n│ 人（36.13万人～36.18万人） │")
    assert unbroken("36.16万人", "│ 计算 33.88万人 ÷ 93.7% = │\n│ 36.16万人 │")


@pytest.mark.parametrize("text, width, lines", [
    ("截至10月底，全市城镇新增就业33.88万人，完成全年计划的96.8%", 16,
     ["截至10月底，全市", "城镇新增就业", "33.88万人，完成", "全年计划的96.8%"]),
    # a range verify prints is two figures: it may break after its ～, never inside either end
    ("33.88万人 ÷ 93.7% = 36.16万人（36.13万人～36.18万人）", 20,
     ["33.88万人 ÷ 93.7% =", "36.16万人", "（36.13万人～", "36.18万人）"]),
    ("33.88万人 ÷ 93.7% = 36.16万人（36.13万人～36.18万人）", 30,
     ["33.88万人 ÷ 93.7% = 36.16万人", "（36.13万人～36.18万人）"]),
    ("counted-label-quoted-list", 14, ["counted-label-", "quoted-list"]),
    ("the parts add up to 1,234.5万元, not to the total", 18, ["the parts add up", "to 1,234.5万元,", "not to the total"]),
    ("the same measure is stated as '38.88万人' and here", 30,
     ["the same measure is stated as", "'38.88万人' and here"]),
    ("网谈时间:11月4日(周四)下午4:30-2:00", 12, ["网谈时间:", "11月4日", "(周四)", "下午4:30-2:00"]),
])
def test_wrap_breaks_between_characters_outside_figures(text, width, lines):
    assert wrap(figure_piece(text), width) == lines


def test_eighty_columns_stacks_the_fields_and_160_gives_each_a_column(capsys, monkeypatch, planted):
    narrow = run(capsys, monkeypatch, 80, planted)[1]
    wide = run(capsys, monkeypatch, 160, planted)[1]
    header = next(line for line in wide.splitlines() if "位置" in line)
    assert all(h in header for h in ("位置", "级别", "规则", "原文", "问题", "计算"))
    header = next(line for line in narrow.splitlines() if "位置" in line)
    assert "原文" in header and "级别" not in header


def test_the_sentence_is_shown_with_the_figure_marked(capsys, monkeypatch, planted):
    out = run(capsys, monkeypatch, 200, planted)[1]
    cells = "".join(line.split("│")[4].strip() for line in out.splitlines() if line.count("│") == 7)
    assert "截至10月底,全市城镇新增就业【33.88万人】,完成全年计划的93.7%,总量为全省第一;" in cells
    coloured = run(capsys, monkeypatch, 200, "--color", "always", planted)[1]
    assert "\x1b[7m33.88万人\x1b[0m" in coloured and "【" not in coloured


# ---------------------------------------------------------------- colour


def test_color_follows_the_option_the_terminal_and_no_color(capsys, monkeypatch, planted):
    assert "\x1b[" in run(capsys, monkeypatch, 120, "--color", "always", planted)[1]
    assert "\x1b[" not in run(capsys, monkeypatch, 120, "--color", "never", planted)[1]
    assert "\x1b[" not in run(capsys, monkeypatch, 120, planted)[1]  # auto, and stdout is not a terminal
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" in run(capsys, monkeypatch, 120, "--color", "always", planted)[1]  # the option wins


def test_severities_have_their_colours(capsys, monkeypatch, planted):
    out = run(capsys, monkeypatch, 160, "--color", "always", planted)[1]
    assert "\x1b[1;31m错误\x1b[0m" in out and "\x1b[33m警告\x1b[0m" in out and "\x1b[36m提示\x1b[0m" in out


class _Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("choice, tty, no_color, expected", [
    ("auto", True, "", True), ("auto", False, "", False), ("auto", True, "1", False),
    ("always", False, "1", True), ("never", True, "", False), ("auto", None, "", False),
])
def test_wants_color(choice, tty, no_color, expected):
    stream = None if tty is None else _Stream(tty)  # None: the report goes to a file (-o)
    assert wants_color(choice, stream, {"NO_COLOR": no_color} if no_color else {}) is expected


def test_o_output_is_never_coloured_on_auto(capsys, monkeypatch, tmp_path, planted):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    run(capsys, monkeypatch, 120, "-o", tmp_path / "out.txt", planted)
    assert "\x1b[" not in (tmp_path / "out.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------- --show-passed, --quiet, --statistics


def test_checks_held_are_a_count_unless_show_passed(capsys, monkeypatch):
    out = run(capsys, monkeypatch, 120, SAMPLE)[1]
    (count,) = re.findall(r"已核对且相符 (\d+) 项（--show-passed 逐项列出）", out)
    assert int(count) >= 7 and "weekday-of-date" not in out
    out = run(capsys, monkeypatch, 120, "--show-passed", SAMPLE)[1]
    listed = out[out.index(f"已核对且相符的 {count} 项："):].splitlines()[1:int(count) + 1]
    assert all(re.match(r"  \d+:\d+  [a-z0-9-]+  ", line) for line in listed), listed
    assert "  51:12  weekday-of-date  2022-11-04 = 周五" in listed


def test_quiet_prints_findings_only(capsys, monkeypatch, planted):
    code, out, err = run(capsys, monkeypatch, 120, "--quiet", planted)
    assert code == 1 and err == ""
    assert out.startswith(planted + "\n┌") and out.endswith("┘\n")
    assert "覆盖率" not in out and "已核对" not in out
    assert run(capsys, monkeypatch, 120, "-q", SAMPLE.parent / "qingdao-daily-2022-11-04.txt")[1] != ""
    clean = run(capsys, monkeypatch, 120, "-q", "--fail-on", "never", REPO / "pyproject.toml")
    assert clean[1] == ""


def test_statistics_counts_findings_per_rule(capsys, monkeypatch, planted):
    out = run(capsys, monkeypatch, 120, "--statistics", "-q", planted)[1]
    stats = out[out.index("各规则的发现："):].splitlines()
    rows = {cells[0]: cells[1:] for cells in ([c.strip() for c in line.strip("│").split("│")]
                                              for line in stats if line.startswith("│"))}
    findings = json.loads(run(capsys, monkeypatch, 120, "--format", "json", planted)[1])["files"][0]["findings"]
    expected = {}
    for f in findings:
        expected.setdefault(f["rule"], [0, 0, 0])[("error", "warning", "info").index(f["severity"])] += 1
    assert {rule: [int(c) for c in cells] for rule, cells in rows.items() if rule not in ("合计", "规则")} == \
           {rule: [*tally, sum(tally)] for rule, tally in expected.items()}
    totals = [sum(t[i] for t in expected.values()) for i in range(3)]
    assert [int(c) for c in rows["合计"]] == [*totals, len(findings)]
    assert len(expected) >= 5 and rows["completion-rate"] == ["0", "1", "1", "2"]


def test_statistics_never_enters_a_machine_format(capsys, monkeypatch, planted):
    code, out, err = run(capsys, monkeypatch, 120, "--statistics", "--format", "json", planted)
    assert code == 2 and out == "" and "--statistics" in err


# ---------------------------------------------------------------- progress bar, --version, --help


def test_progress_bar_draws_and_clears():
    stream = _Stream(True)
    bar = ProgressBar(3, stream, 80)
    for _ in range(3):
        bar.advance()
    bar.close()
    text = stream.getvalue()
    assert "1/3" in text and "3/3" in text and text.endswith("\r")


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    folder = tmp_path / "issue"
    folder.mkdir()
    for i in range(25):
        (folder / f"{i:02}.txt").write_text("全市引进集聚人才22.78万人。\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "verify", "--format", "json", str(folder)], capture_output=True,
                          encoding="utf-8", cwd=REPO)
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(done.stdout)["summary"]["files"] == 25


def test_progress_bar_on_a_terminal_stays_out_of_the_report(capsys, monkeypatch, tmp_path):
    folder = tmp_path / "issue"
    folder.mkdir()
    for i in range(25):
        (folder / f"{i:02}.txt").write_text("全市引进集聚人才22.78万人。\n", encoding="utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    code, out, err = run(capsys, monkeypatch, 120, "--format", "json", folder)
    assert code == 0 and json.loads(out)["summary"]["files"] == 25
    assert "25/25" in err
    assert run(capsys, monkeypatch, 120, "-q", folder)[2] == ""  # --quiet: no bar


def test_version_comes_from_the_package_metadata(capsys):
    from importlib.metadata import version

    code = main(["--version"])
    assert code == 0 and capsys.readouterr().out == f"verify {version('newsroom-verify')}\n"


def test_help_has_the_exit_codes_and_examples(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^  0  .*\n  1  .*\n  2  unusable", out, re.M)
    assert "verify --format html -o report.html" in out and "--show-passed" in out


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "markdown", "github"])
def test_machine_formats_ignore_width_colour_and_table_options(capsys, monkeypatch, planted, fmt):
    plain = run(capsys, monkeypatch, 200, "--format", fmt, planted)[1]
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    dressed = run(capsys, monkeypatch, 60, "--format", fmt, "--color", "always", "--show-passed", "-q", planted)[1]
    assert dressed == plain and "\x1b[" not in plain


def test_a_bound_on_a_percentage_is_shown_in_percent(capsys, monkeypatch, tmp_path):
    """A held bound reads 92% ≤ 100%, and so does a part of a ratio of shares written without a %
    sign (三次产业比为…：31.3：…, read as a percentage): never 31.3 ≤ 1."""
    page = tmp_path / "ratio.txt"
    page.write_text("公有制经济实现增加值833亿元，非公有制经济实现增加值395亿元，公有与非公有制经济比重为67.8：32.2。\n"
                    "按期结案率92%。\n", encoding="utf-8")
    out = run(capsys, monkeypatch, 160, "--show-passed", page)[1]
    assert "share-above-100  92% ≤ 100%" in out
    assert "67.8 ≤ 100%" in out and "≤ 1\n" not in out
