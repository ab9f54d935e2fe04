"""Golden outputs: whole reports of the sample page and of a copy with planted errors, byte for byte.

Each case runs `verify.cli.main` in-process from the checkout's folder (so paths print as
written here) and compares stdout, stderr and the exit code with the files in tests/golden/.
The mutated copy plants one error per rule family: a headline figure restated differently
(33.88万 -> 33.38万), a completion rate whose plan is not round (96.8% -> 93.7%), a 其中 part
above its total (高层次人才28.6万人), a rate above 100% (按期结案率110%), a wrong weekday
(11月4日(周四)), a reversed time range (下午4:30-2:00) and a 分别 list with a value missing.
The gate case adds a verify.toml with a baseline, suppressions (one stale), a disabled rule and
severity overrides.

After an intended change of output, regenerate with
    VERIFY_UPDATE_GOLDEN=1 pytest tests/test_golden.py
and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO
from verify.cli import main

GOLDEN = REPO / "tests" / "golden"
SAMPLE = "reports/qingdao-daily-2022-11-04.txt"
MUTATED = "tests/golden/qingdao-daily-2022-11-04-mutated.txt"
GATE = ["--config", "tests/golden/gate/verify.toml"]

# name -> (argv, exit code)
CASES = {
    "sample.table.txt": ([SAMPLE], 0),
    "sample.table-en.txt": (["--lang", "en", SAMPLE], 0),
    "sample.json": (["--format", "json", SAMPLE], 0),
    "sample.sarif": (["--format", "sarif", SAMPLE], 0),
    "sample.junit.xml": (["--format", "junit", SAMPLE], 0),
    "sample.md": (["--format", "markdown", SAMPLE], 0),
    "sample.github.txt": (["--format", "github", SAMPLE], 0),
    "sample.numbers.txt": (["--numbers", SAMPLE], 0),
    "sample.numbers-en.txt": (["--numbers", "--lang", "en", SAMPLE], 0),
    "sample.numbers.json": (["--numbers", "--format", "json", SAMPLE], 0),
    "mutated.table.txt": ([MUTATED], 1),
    "mutated.table-en.txt": (["--lang", "en", MUTATED], 1),
    "mutated.json": (["--format", "json", MUTATED], 1),
    "mutated.sarif": (["--format", "sarif", MUTATED], 1),
    "mutated.sarif-en.sarif": (["--format", "sarif", "--lang", "en", MUTATED], 1),
    "mutated.junit.xml": (["--format", "junit", MUTATED], 1),
    "mutated.md": (["--format", "markdown", MUTATED], 1),
    "mutated.md-en.md": (["--format", "markdown", "--lang", "en", MUTATED], 1),
    "mutated.github.txt": (["--format", "github", MUTATED], 1),
    "mutated.numbers.txt": (["--numbers", MUTATED], 0),
    "mutated.numbers.json": (["--numbers", "--format", "json", MUTATED], 0),
    "both.table.txt": ([SAMPLE, MUTATED], 1),
    "both.md": (["--format", "markdown", SAMPLE, MUTATED], 1),
    "both.json": (["--format", "json", SAMPLE, MUTATED], 1),
    "gate.table.txt": ([*GATE, MUTATED], 1),
    "gate.json": ([*GATE, "--format", "json", MUTATED], 1),
    "gate.sarif": ([*GATE, "--format", "sarif", MUTATED], 1),
    "gate.junit.xml": ([*GATE, "--format", "junit", MUTATED], 1),
    "gate.github.txt": ([*GATE, "--format", "github", MUTATED], 1),
}


@pytest.fixture
def in_checkout(monkeypatch, tmp_path):
    """Run from the checkout (paths as written above), with a private solve cache."""
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path / "cache"))


def _run(argv: list[str], capsys) -> tuple[str, str, int]:
    code = main(argv)
    out, err = capsys.readouterr()
    return out, err, int(code)


def _compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("VERIFY_UPDATE_GOLDEN"):
        if actual:
            path.write_bytes(actual.encode("utf-8"))
        else:
            path.unlink(missing_ok=True)
        return
    expected = path.read_bytes().decode("utf-8") if path.exists() else ""
    assert actual.encode("utf-8") == expected.encode("utf-8"), f"{name} differs from tests/golden/{name}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_output(name, in_checkout, capsys):
    """stdout byte for byte, stderr (golden <name>.stderr, absent when empty) and the exit code."""
    argv, status = CASES[name]
    out, err, code = _run(argv, capsys)
    _compare(name, out)
    _compare(name + ".stderr", err)
    assert code == status


def test_golden_written_baseline(in_checkout, tmp_path, capsys):
    """--write-baseline: the baseline file itself, byte for byte."""
    target = tmp_path / "baseline.json"
    out, _, code = _run(["--write-baseline", str(target), "--format", "json", MUTATED], capsys)
    assert code == 0
    _compare("mutated.baseline.json", target.read_text(encoding="utf-8"))


def test_mutated_copy_plants_every_error(in_checkout, capsys):
    """The mutated page draws a finding from each planted error (so the goldens cover each kind)."""
    data, _, _ = _run(["--format", "json", MUTATED], capsys)
    for rule in ("headline-restated", "completion-rate", "parts-of-total", "share-above-100", "weekday-of-date",
                 "time-range-order", "respectively-values"):
        assert f'"rule": "{rule}"' in data, rule


def test_golden_files_are_all_cases():
    """No stale golden file lingers after a case is renamed."""
    known = set(CASES) | {n + ".stderr" for n in CASES} | {"mutated.baseline.json",
                                                            Path(MUTATED).name}
    stray = {p.name for p in GOLDEN.iterdir() if p.is_file()} - known
    assert not stray
