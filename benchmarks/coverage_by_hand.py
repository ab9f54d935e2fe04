"""How far coverage on reports can go: figures read by hand against the figures verify checks.

    python benchmarks/coverage_by_hand.py               # the table, per report
    python benchmarks/coverage_by_hand.py --misses      # also every figure read into a relation that no check takes
    python benchmarks/coverage_by_hand.py --write-docs  # also replace its section of docs/benchmarks.md

tests/gold/coverage/<report>.tsv holds, for every stated figure (numeric kinds) of a report of
../shared/archive/bulletins/, whether it takes part in a relation the text itself states, its
family, its partners and its arithmetic, decided by reading the text, not by running verify (the
figures were listed by `verify --numbers` only). Quoted labels whose numerals are only part of
their wording (“三保”, “两新”, “十四五”) are the family fixed-term: counted apart, since nothing in the
text spells most of them out. Set against the figures verify's checks take part in (with all rules,
and without the fixed terms' rule), this says how much of a report a checker of stated relations
can cover at all, and which stated relations it misses.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import gold  # noqa: E402  (beside this file: where ../shared is)
from archive_quality import NUMERIC, checked_with_and_without_terms  # noqa: E402  (coverage as it counts it)

READINGS = REPO / "tests" / "gold" / "coverage"
LABELS = "fixed-term"
FAMILIES = {"parts-total", "share", "named-list", "counted-label", "enumeration", "set-member", "growth",
            "difference", "average", "completion", "respectively", "range/order", "restated", LABELS}
COLUMNS = ["pos", "text", "in_relation", "family", "partners", "arithmetic"]
DOCS = REPO / "docs" / "benchmarks.md"
BEGIN, END = "<!-- coverage-by-hand:begin -->", "<!-- coverage-by-hand:end -->"


@dataclass(frozen=True)
class Reading:
    """One figure as read by hand: where it is (line:column, in characters), its text, and its relation."""

    pos: str
    text: str
    related: bool
    family: str
    partners: str
    arithmetic: str


def load_reading(path: Path) -> list[Reading]:
    """The rows of one reading, checked for shape (a ValueError names the row that is not)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    if not rows or rows[0] != COLUMNS:
        raise ValueError(f"{path.name}: the header must be {' '.join(COLUMNS)}")
    found = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(COLUMNS) or row[2] not in ("yes", "no") or (row[2] == "yes") != (row[3] in FAMILIES):
            raise ValueError(f"{path.name}:{number}: expected six columns, yes or no, and a known family for yes")
        found.append(Reading(row[0], row[1], row[2] == "yes", row[3], row[4], row[5]))
    return found


def report_of(reading: Path) -> Path:
    """The report a reading is of, in ../shared/archive/bulletins/."""
    return gold.shared_dir() / "archive" / "bulletins" / f"{reading.stem}.txt"


def stated_figures(report: Path) -> dict[str, tuple[str, bool, bool]]:
    """Each stated figure of a report by its position (line:column, as --numbers prints it): its text,
    whether a check took it (all rules), and whether one did without the fixed terms' rule."""
    with_terms, without = checked_with_and_without_terms(str(report))
    text, found = with_terms.doc.text, {}
    for i, q in enumerate(with_terms.quantities):
        if q.kind in NUMERIC:
            line, column = text.count("\n", 0, q.start) + 1, q.start - text.rfind("\n", 0, q.start)
            found[f"{line}:{column}"] = (q.text, i in with_terms.checked, i in without.checked)
    return found


def compare(reading: Path) -> tuple[Counter, list[Reading]]:
    """Counts for one report, and the figures read into a relation that no check takes."""
    rows, figures = load_reading(reading), stated_figures(report_of(reading))
    related = [r for r in rows if r.related]
    plain = [r for r in related if r.family != LABELS]
    counts = Counter(stated=len(figures), related=len(related), plain=len(plain),
                     checked=sum(c for _, c, _ in figures.values()),
                     checked_plain=sum(c for _, _, c in figures.values()),
                     both=sum(figures.get(r.pos, ("", False, False))[2] for r in plain))
    missed = [r for r in plain if not figures.get(r.pos, ("", False, False))[2]]
    return counts, missed


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / max(1, whole):.1f}%"


def table() -> tuple[list[str], list[tuple[str, Reading]]]:
    """The markdown table, and every stated relation missed (with its report's name)."""
    lines = ["| report | stated figures | in a stated relation, as read | of them not quoted labels | "
             "in a check | in a check other than fixed terms | read relations (not labels) that a check takes |",
             "|---|---|---|---|---|---|---|"]
    total, missed = Counter(), []
    for reading in sorted(READINGS.glob("*.tsv")):
        counts, lost = compare(reading)
        total += counts
        missed += [(reading.stem, r) for r in lost]
        lines.append(_row(reading.stem, counts))
    lines.append(_row("all", total))
    return lines, missed


def _row(name: str, c: Counter) -> str:
    return (f"| {name} | {c['stated']:,} | {c['related']} ({_pct(c['related'], c['stated'])}) | "
            f"{c['plain']} ({_pct(c['plain'], c['stated'])}) | {c['checked']} ({_pct(c['checked'], c['stated'])}) | "
            f"{c['checked_plain']} ({_pct(c['checked_plain'], c['stated'])}) | "
            f"{c['both']} of {c['plain']} ({_pct(c['both'], c['plain'])}) |")


_NOTES = """\
Read by hand (2026-12-02, one reader per report, every figure of the `verify --numbers` listing,
tests/gold/coverage/): whether the figure takes part in a relation the text itself states between
its own figures or names. The readings are generous: a level beside its own rate (达到X、增长p%), a
whole with only its share, a count of a set against 500强, a target restated in another section
and a year within a five-year total were often marked, though little or nothing in the text checks
them. Quoted labels whose numerals are part of their wording (“三保”, “两新”, “两重”, “四化”) were
marked apart: the text spells most of them out nowhere, so no arithmetic of the text can check them.
Without those labels, a quarter of the figures of these eight reports are in a stated relation, and
verify's checks take about half of those; the checks also take figures the readers left out, mostly
rates bounded by 100% and an increase within its level. So 35% of a report's figures is more than
its text relates, unless every quoted label counts. The relations the checks miss (`--misses`, 273):
levels beside their own rates and changes (59), counted labels spelled out in a note, over the next
paragraphs or by their parts' endings (“三通一码”：赣服通、赣政通、赣企通、赣通码; 50), lists before
等N个 with one name or with long names (32), 分别 lists written without 分别 (国内游客人次、总花费增长
5.6％、7.5％; 30), parts across sentences (23), restatements across sections (20), members of a set
such as 500强 (18), a level against a threshold stated elsewhere (16) and shares with one side
unstated (15)."""


def write_docs(lines: list[str]) -> None:
    """Replace this script's section of docs/benchmarks.md (added before its last section when absent)."""
    doc = DOCS.read_text(encoding="utf-8")
    body = "\n".join([BEGIN, "### Coverage of reports read by hand", "",
                      "Generated by `python benchmarks/coverage_by_hand.py --write-docs`.", "", *lines, "", _NOTES, END])
    if BEGIN in doc and END in doc:
        doc = doc[:doc.index(BEGIN)] + body + doc[doc.index(END) + len(END):]
    else:
        doc = doc.rstrip("\n") + "\n\n" + body + "\n"
    DOCS.write_text(doc, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the read relations no check takes")
    parser.add_argument("--write-docs", action="store_true", help="replace this section of docs/benchmarks.md")
    args = parser.parse_args()
    if not (gold.shared_dir() / "archive" / "bulletins").is_dir():
        raise SystemExit("../shared/archive/bulletins is absent: the reports read are not here")
    lines, missed = table()
    print("\n".join(lines))
    if args.misses:
        for name, r in missed:
            print(f"{name} {r.pos} {r.text} {r.family}: {r.arithmetic}")
    if args.write_docs:
        write_docs(lines)


if __name__ == "__main__":
    main()
