"""benchmarks/quality.py --quick runs end to end and prints its headline figures, so the script that
measures recall, false alarms and coverage cannot rot unnoticed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import CORPUS, REPO


def test_quick_quality_run_prints_recall_false_alarms_and_coverage():
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpus not present: {CORPUS} does not exist, so there is nothing to mutate")
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "quality.py"), "--quick"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for label in ("mutation recall, all mutants:", "mutation recall, checked figures:",
                  "hand-made mutants caught:", "errors+warnings on unchanged texts:", "  of which real oddities of the text:",
                  "coverage (numbers in >= 1 check):"):
        assert any(line.startswith(label) for line in lines), f"no line starting {label!r} in:\n{done.stdout}"
    assert "quick sample of" in lines[0]
