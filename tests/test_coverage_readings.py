"""The coverage readings (tests/gold/coverage/*.tsv): each row is where it says, and each report is read whole.

A reading says, for every stated figure of a report, whether it takes part in a relation the text
states; benchmarks/coverage_by_hand.py sets it against what verify checks. These cases keep the
readings in step with the reader: a figure the reader no longer finds, or finds anew, must be read
by hand again. The reports are not shipped with the project: without ../shared every case skips.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import coverage_by_hand as coverage  # noqa: E402

READINGS = sorted(coverage.READINGS.glob("*.tsv"))


def test_readings_exist():
    assert len(READINGS) >= 8, "the eight reports read by hand"


@pytest.mark.parametrize("reading", READINGS, ids=lambda p: p.stem)
def test_reading_is_well_formed(reading):
    rows = coverage.load_reading(reading)
    assert len({r.pos for r in rows}) == len(rows), "one row per figure"
    assert all(r.arithmetic for r in rows if r.related), "a relation is written out"


@pytest.mark.parametrize("reading", READINGS, ids=lambda p: p.stem)
def test_reading_covers_its_report(reading):
    report = coverage.report_of(reading)
    if not report.is_file():
        pytest.skip(f"../shared absent ({report}): the report is not here")
    figures = coverage.stated_figures(report)
    rows = {r.pos: r.text for r in coverage.load_reading(reading)}
    assert set(rows) == set(figures), "every stated figure read, and only those"
    assert all(figures[pos][0] == text for pos, text in rows.items()), "the figure at each position as read"


def test_bad_row_is_named(tmp_path):
    bad = tmp_path / "x.tsv"
    bad.write_text("\t".join(coverage.COLUMNS) + "\n1:2\t3个\tyes\tguess\t\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"x.tsv:2"):
        coverage.load_reading(bad)
