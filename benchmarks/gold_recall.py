"""Recall on the relation gold set: break each relation read by hand, and see whether verify notices.

    python benchmarks/gold_recall.py            # every relation of tests/gold/*.yaml
    python benchmarks/gold_recall.py --misses   # also list the mutants that were not caught

For every relation of the gold set (found by reading, not by running verify):
- each figure is broken beyond rounding, twice: ×10 (its decimal point moved, or a 0 added) and its
  leading digit changed; a mutant counts only when the gold arithmetic then fails;
- in list families (分别, 等N个, counted labels, enumerations), one item is dropped and one added;
  when the gold arithmetic still holds so (a list before 等N个 may lose a name), the edit is no
  break: it is counted with the consistent rewrites, on which verify must say nothing;
- a consistent rewrite doubles every amount and count of the relation (percentages kept): the
  relation still holds, so verify must say nothing new about it.
A mutant is caught when verify gives its text an error or warning, absent from the clean text,
on one of the relation's figures (the finding's own span or its related figures) or, for items,
inside the relation's text. Runs verify as a subprocess over one folder of mutated files.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold  # noqa: E402  (beside this file)

ALARMS = ("error", "warning")
CONSISTENT = "consistent-item"  # an item dropped or added that leaves the relation holding (see _item_op)
LIST_FAMILIES = {"respectively", "named-list", "counted-label", "enumeration", "count-partition"}
CORE = ("partition-sum", "parts-within-total", "share", "respectively", "growth", "difference", "average",
        "completion", "headline", "counted-label", "named-list", "enumeration")
_DIGITS = re.compile(r"[0-9０-９]+(?:[.．·][0-9０-９]+)?")
_FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")


@dataclass(frozen=True)
class GoldMutant:
    """One edit of a source file that breaks (or, for rewrites, keeps) one gold relation."""

    relation: gold.Relation
    op: str                                  # scale, digit, drop-item, add-item, rewrite
    edits: tuple[tuple[int, int, str], ...]  # (start, end, new) in the source file, ascending
    watch: tuple[tuple[int, int], ...]       # spans to look at, in the mutated file


def _apply(text: str, edits) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _shift(pos: int, edits) -> int:
    return pos + sum(len(new) - (end - start) for start, end, new in edits if end <= pos)


def _retext(number: str, value: Fraction, full_width: bool) -> str:
    decimals = len(number.split(".")[1]) if "." in number else 0
    shown = f"{float(value):.{decimals}f}" if decimals else str(round(value))
    return shown.translate(_FULL) if full_width else shown


def _variants(span: gold.Span) -> list[tuple[str, str]]:
    """The figure ×10 and with its leading digit changed, as printed."""
    m = _DIGITS.search(span.text)
    if not m or span.override != (None, None, None):
        return []
    raw = m.group()
    full = any("０" <= ch <= "９" for ch in raw)
    ascii_ = raw.translate(str.maketrans("０１２３４５６７８９．·", "0123456789..")).replace("·", ".")
    value = Fraction(ascii_)
    lead = next(i for i, ch in enumerate(ascii_) if ch not in "0.") if value else None
    out = [("scale", _retext(ascii_, value * 10, full))]
    if lead is not None:
        d = int(ascii_[lead])
        changed = ascii_[:lead] + str(d + 4 if d < 5 else d - 4) + ascii_[lead + 1:]
        out.append(("digit", changed.translate(_FULL) if full else changed))
    return [(op, span.text[:m.start()] + new + span.text[m.end():]) for op, new in out]


def mutants_of(rel: gold.Relation) -> list[GoldMutant]:
    """Every mutant of one relation that really breaks it (or, for a rewrite, keeps it)."""
    found = []
    if rel.family in ("weekday",):
        return found
    for span in rel.figures:
        for op, new_text in _variants(span):
            changed = dataclasses.replace(rel, figures=tuple(dataclasses.replace(s, text=new_text) if s is span else s
                                                             for s in rel.figures))
            try:
                if gold.check(changed).holds:
                    continue
            except gold.GoldError:
                continue
            edits = ((span.start, span.end, new_text),)
            found.append(GoldMutant(rel, op, edits, _watch(rel, edits)))
    if rel.family in LIST_FAMILIES and len(rel.items) >= 2:
        found += _item_mutants(rel)
    rewrite = _rewrite(rel)
    if rewrite is not None:
        found.append(rewrite)
    return found


def _watch(rel: gold.Relation, edits) -> tuple[tuple[int, int], ...]:
    spans = [(s.start, s.end) for s in (*rel.figures, *rel.items)]
    if rel.family in LIST_FAMILIES or not spans:
        spans.append((rel.start, rel.start + len(rel.text)))
    return tuple((_shift(a, edits), _shift(b, edits) + sum(len(n) - (e - s) for s, e, n in edits if a <= s < b))
                 for a, b in spans)


def _item_mutants(rel: gold.Relation) -> list[GoldMutant]:
    last = rel.items[-1]
    out = []
    text = rel.path.read_text(encoding="utf-8")
    glue = text[rel.items[-2].end:last.start]
    if 0 < len(glue) <= 2:  # drop the last item with the glue before it: A、B和C -> A、B
        edits = ((rel.items[-2].end, last.end, ""),)
        out.append(GoldMutant(rel, _item_op(rel, rel.items[:-1], "drop-item"), edits, _watch(rel, edits)))
        edits = ((last.end, last.end, "、" + last.text),)
        out.append(GoldMutant(rel, _item_op(rel, rel.items + (last,), "add-item"), edits, _watch(rel, edits)))
    return out


def _item_op(rel: gold.Relation, items: tuple, op: str) -> str:
    """The mutant's op, or CONSISTENT when the relation still holds with the items changed so (a
    list before 等N个 may lose a name): then it is no break, and an alarm on it is a false one."""
    try:
        return op if not gold.check(dataclasses.replace(rel, items=items)).holds else CONSISTENT
    except gold.GoldError:
        return op


def _rewrite(rel: gold.Relation) -> GoldMutant | None:
    """Every amount and count of the relation doubled: a rewrite under which it still holds."""
    if rel.family in LIST_FAMILIES or rel.family in ("weekday", "time-range", "headline") or rel.items:
        return None
    edits, figures = [], []
    for span in rel.figures:
        m = _DIGITS.search(span.text)
        if re.search(r"[%％‰点成倍]", span.text) or not m or span.override != (None, None, None):
            figures.append(span)
            continue
        raw = m.group()
        ascii_ = raw.translate(str.maketrans("０１２３４５６７８９．·", "0123456789..")).replace("·", ".")
        new = _retext(ascii_, Fraction(ascii_) * 2, any("０" <= ch <= "９" for ch in raw))
        new_text = span.text[:m.start()] + new + span.text[m.end():]
        edits.append((span.start, span.end, new_text))
        figures.append(dataclasses.replace(span, text=new_text))
    if not edits:
        return None
    try:
        if not gold.check(dataclasses.replace(rel, figures=tuple(figures))).holds:
            return None
    except gold.GoldError:
        return None
    return GoldMutant(rel, "rewrite", tuple(edits), _watch(rel, tuple(edits)))


def run_verify(folder: Path, repo: Path) -> dict[str, list[dict]]:
    """verify --format json over a folder: findings per file name."""
    out = subprocess.run([sys.executable, "-m", "verify", "--format", "json", "--fail-on", "never", str(folder)],
                         cwd=repo, capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        raise SystemExit(f"verify failed: {out.stderr.strip()}")
    report = json.loads(out.stdout)
    return {Path(f["path"]).name: f["findings"] for f in report["files"]}


def _touches(finding: dict, spans) -> bool:
    places = [(finding["start"], finding["end"])] + [(r["start"], r["end"]) for r in finding.get("related", [])]
    return any(a < e and s < b for a, b in places for s, e in spans)


def _within(finding: dict, spans) -> bool:
    places = [(finding["start"], finding["end"])] + [(r["start"], r["end"]) for r in finding.get("related", [])]
    return all(any(a < e and s < b for s, e in spans) for a, b in places)


def measure(relations: list[gold.Relation], repo: Path) -> tuple[list[tuple[GoldMutant, bool]], dict]:
    """Run every mutant and its clean file; (mutant, alarmed) pairs."""
    mutants = [m for rel in relations for m in mutants_of(rel)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = {}
        for n, m in enumerate(mutants):
            text = sources.setdefault(m.relation.path, m.relation.path.read_text(encoding="utf-8"))
            (folder / f"m{n:05d}.txt").write_text(_apply(text, m.edits), encoding="utf-8")
        for k, path in enumerate(sources):
            (folder / f"clean{k:03d}_{path.name}").write_text(sources[path], encoding="utf-8")
        findings = run_verify(folder, repo)
    clean = {path: findings[f"clean{k:03d}_{path.name}"] for k, path in enumerate(sources)}
    results = []
    for n, m in enumerate(mutants):
        before = {(f["rule"], _shift(f["start"], m.edits)) for f in clean[m.relation.path] if f["severity"] in ALARMS}
        new = [f for f in findings[f"m{n:05d}.txt"] if f["severity"] in ALARMS and (f["rule"], f["start"]) not in before]
        if m.op == "rewrite":  # only an alarm about the rewritten figures alone: figures outside the
            # relation were left as they were, so a finding that also names one of them is right
            edited = [(_shift(a, m.edits), _shift(a, m.edits) + len(n)) for a, _, n in m.edits]
            results.append((m, any(_within(f, edited) for f in new)))
        else:
            results.append((m, any(_touches(f, m.watch) for f in new)))
    return results, {"chars": sum(len(t) for t in sources.values())}


def summary(results) -> dict[str, dict[str, int]]:
    """Per family: mutants, caught; and consistent rewrites that drew an alarm."""
    table: dict[str, Counter] = defaultdict(Counter)
    for m, alarmed in results:
        row = table[m.relation.family]
        if m.op in ("rewrite", CONSISTENT):
            row["rewrites"] += 1
            row["rewrite_alarms"] += alarmed
        else:
            row["mutants"] += 1
            row["caught"] += alarmed
    return {family: dict(counts) for family, counts in sorted(table.items())}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the mutants that were not caught")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    relations = gold.load_relations()
    results, _ = measure(relations, gold.REPO)
    table = summary(results)
    if args.json:
        print(json.dumps(table, ensure_ascii=False, indent=1))
        return 0
    print(f"{len(relations)} relations from {len({r.source for r in relations})} files")
    print(f"{'family':20} {'relations':>9} {'mutants':>8} {'caught':>7} {'recall':>7} {'rewrites':>9} {'alarms':>7}")
    per_family = Counter(r.family for r in relations)
    totals = Counter()
    for family, row in table.items():
        mutants, caught = row.get("mutants", 0), row.get("caught", 0)
        totals.update(row)
        recall = f"{100 * caught / mutants:.0f}%" if mutants else "-"
        print(f"{family:20} {per_family[family]:>9} {mutants:>8} {caught:>7} {recall:>7} "
              f"{row.get('rewrites', 0):>9} {row.get('rewrite_alarms', 0):>7}")
    core = [row for family, row in table.items() if family in CORE]
    core_m, core_c = sum(r.get("mutants", 0) for r in core), sum(r.get("caught", 0) for r in core)
    print(f"{'all':20} {len(relations):>9} {totals['mutants']:>8} {totals['caught']:>7} "
          f"{100 * totals['caught'] / max(1, totals['mutants']):>6.0f}% {totals['rewrites']:>9} {totals['rewrite_alarms']:>7}")
    print(f"core families: {core_c}/{core_m} = {100 * core_c / max(1, core_m):.1f}%")
    if args.misses:
        for m, alarmed in results:
            if not alarmed and m.op not in ("rewrite", CONSISTENT):
                print(f"MISS {m.relation.id} {m.op}: {' / '.join(n for _, _, n in m.edits)} | {m.relation.text[:80]}")
            if alarmed and m.op in ("rewrite", CONSISTENT):
                print(f"REWRITE ALARM {m.relation.id}: {m.relation.text[:80]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
