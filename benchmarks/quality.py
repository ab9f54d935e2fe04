"""Quality of verify on real texts: does a changed figure get caught, and do clean pages stay quiet?

    python benchmarks/quality.py               # every text of ../shared/corpus, every mutant
    python benchmarks/quality.py --quick       # a fixed sample of the mutants (for the test suite)
    python benchmarks/quality.py --write-docs  # also run speed.py and write docs/benchmarks.md
    QUALITY_TOP_MISSES=60 python benchmarks/quality.py   # list 60 kinds of misses, not 10

Mutants are made mechanically from the reader's figures, whatever the rules matched: every
stated figure of a numeric kind (amount, count, percent, point, ratio; counted labels are
counts) gets a one-digit change and a change of scale (×10 or ÷10); every weekday moves on one
day; every counted label has one numeral moved by one; every 、-list of figures, and the 、-list of
items right after a count, loses one item. Choices are drawn from random.Random seeded with the
file, the place and the operation, so every run makes the same mutants.

A mutant is caught when its text draws an error or warning that the clean text does not have
(same rule, same span once the edit's change of length is allowed for) on the changed figure,
or one that names it among its related figures.
"""

from __future__ import annotations

import argparse
import datetime
import multiprocessing
import os
import platform
import random
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from mutants import (NUMERIC, SEED, Mutant, figure_list_mutant, figure_lists, figure_mutants, item_list_mutant,
                     weekday_mutant)

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from oddities import KNOWN_ODDITIES  # noqa: E402  (plain data shared with the corpus tests)
CORPUS = REPO.parent / "shared" / "corpus"
DOCS = REPO / "docs" / "benchmarks.md"
WORKERS = 2
QUICK_SAMPLE = 150
ALARMS = ("error", "warning")

RULES = None  # loaded once per process (see _load_rules)


@dataclass
class CleanRun:
    """What the unchanged text gives: figures, checked figures (and by which rules), alarms."""

    name: str
    text: str
    quantities: list
    checked: set[int]
    checked_by: dict[int, set[str]]
    alarms: list
    mutants: list[Mutant] = field(default_factory=list)
    caught: dict[int, tuple[str, ...]] = field(default_factory=dict)

    @property
    def numeric(self) -> list[int]:
        """Indexes of the stated numbers (numeric kinds): the base of coverage."""
        return [i for i, q in enumerate(self.quantities) if q.kind in NUMERIC]


def make_mutants(run: CleanRun) -> list[Mutant]:
    """Every mutant of one clean text, in text order, without duplicate edits."""
    found: list[Mutant] = []
    for i, q in enumerate(run.quantities):
        if q.kind in NUMERIC:
            found += figure_mutants(run.name, i, q)
        if q.kind == "weekday":
            found.append(weekday_mutant(run.name, i, q))
        if q.kind == "count":
            found += [m for m in [item_list_mutant(run.name, run.text, i, q)] if m]
    found += [figure_list_mutant(run.name, run.text, run.quantities, r) for r in figure_lists(run.text, run.quantities)]
    unique = {(m.start, m.end, m.new): m for m in found if run.text[m.start:m.end] != m.new}
    return sorted(unique.values(), key=lambda m: (m.start, m.op))


# --- running the checker ----------------------------------------------------------------


def _load_rules():
    """Rules are loaded once per process: loading is a tenth of the time of a whole check."""
    global RULES
    if RULES is None:
        from verify.loaders import load_rules

        RULES = load_rules()
    return RULES


def check(name: str, text: str, rules=None):
    """One in-process check; the file name is kept, as it may carry the issue date."""
    from verify.reading.document import Document
    from verify.checking.engine import check_document

    return check_document(Document(name, text), rules if rules is not None else _load_rules())


def alarm_keys(findings) -> set[tuple[str, int, int]]:
    """The errors and warnings of a run, as (rule, start, end): what a mutant's run is compared with."""
    return {(f.rule_id, f.start, f.end) for f in findings if f.severity in ALARMS}


def clean_run(path: Path) -> CleanRun:
    """Check the unchanged text, then each rule alone, to learn which rules checked which figure."""
    text = path.read_text(encoding="utf-8")
    result = check(path.name, text)
    checked_by: dict[int, set[str]] = defaultdict(set)
    for rule in _load_rules():
        for i in check(path.name, text, [rule]).checked:
            checked_by[i].add(rule.id)
    alarms = [f for f in result.findings if f.severity in ALARMS]
    return CleanRun(path.name, text, result.quantities, set(result.checked), dict(checked_by), alarms)


def judge(task: tuple) -> list[tuple[int, tuple[str, ...]]]:
    """Run a batch of mutants of one text; for each, the rules whose new alarms touch the change."""
    name, text, clean_keys, batch = task
    out = []
    for number, m in batch:
        mutated = text[:m.start] + m.new + text[m.end:]
        result = check(name, mutated)
        out.append((number, tuple(sorted({f.rule_id for f in new_alarms(result.findings, clean_keys, m)
                                          if touches(f, m.spans)}))))
    return out


def new_alarms(findings, clean_keys: set, m: Mutant) -> list:
    """Errors and warnings the clean text does not have, positions moved back across the edit."""
    return [f for f in findings if f.severity in ALARMS
            and (f.rule_id, back(f.start, m), back(f.end, m, end=True)) not in clean_keys]


def back(p: int, m: Mutant, end: bool = False) -> int:
    """An offset of the mutated text in the clean text, so a finding keeps its key across the edit."""
    cut = m.start + len(m.new)
    if p < cut or (end and p == m.start):  # an end at a deletion belongs before it
        return p
    return p - (len(m.new) - (m.end - m.start))


def touches(finding, spans) -> bool:
    """Whether a finding, or one of the figures it rests on, overlaps a changed span."""
    own = [(finding.start, finding.end)] + [(r.start, r.end) for r in finding.related]
    return any(a < e and s < b for a, b in own for s, e in spans)


def run_mutants(runs: list[CleanRun], quick: bool, workers: int) -> None:
    """Judge every mutant (or the quick sample) in batches over a pool; record the catchers."""
    todo = [(run, n) for run in runs for n in range(len(run.mutants))]
    if quick:
        keep = set(random.Random(SEED).sample(range(len(todo)), min(QUICK_SAMPLE, len(todo))))
        todo = [t for i, t in enumerate(todo) if i in keep]
    by_file: dict[str, list] = defaultdict(list)
    for run, n in todo:
        by_file[run.name].append((n, run.mutants[n]))
    index = {run.name: run for run in runs}
    tasks = [(name, index[name].text, alarm_keys(index[name].alarms), items[i:i + 40])
             for name, items in by_file.items() for i in range(0, len(items), 40)]
    with multiprocessing.get_context("fork").Pool(workers, initializer=_load_rules) as pool:
        for task, results in zip(tasks, pool.imap(judge, tasks)):
            for n, rules in results:
                index[task[0]].caught[n] = rules


def hand_made() -> tuple[int, int, int, list[str]]:
    """The hand-made mutants of tests/test_mutations.py: caught (any rule), by the named rule, total."""
    sys.path.insert(0, str(REPO / "tests"))
    try:
        from test_mutations import BROKEN
    except Exception as exc:  # pytest missing, or the test module changed
        return 0, 0, 0, [f"cannot import tests/test_mutations.py BROKEN: {exc}"]
    caught = named = 0
    missed = []
    for name, printed, mutated, rule_id in BROKEN:
        text = (CORPUS / name).read_text(encoding="utf-8")
        start = text.index(printed)
        m = Mutant(name, "hand", start, start + len(printed), mutated, ((start, start + len(mutated)),), (), "")
        keys = alarm_keys(check(name, text).findings)
        hits = [f for f in new_alarms(check(name, text[:start] + mutated + text[start + len(printed):]).findings,
                                      keys, m) if touches(f, m.spans)]
        caught += bool(hits)
        named += any(f.rule_id == rule_id for f in hits)
        if not hits:
            missed.append(f"{name}: {printed} → {mutated} ({rule_id})")
    return caught, named, len(BROKEN), missed


# --- report -------------------------------------------------------------------------------


def rule_kinds() -> dict[str, str]:
    """Rule id -> rule kind (relation, sum, count, …), from the loaded rules."""
    return {rule.id: rule.kind for rule in _load_rules()}


def judged(runs: list[CleanRun]) -> list[tuple[CleanRun, Mutant, tuple[str, ...]]]:
    """Every mutant that was run, with the rules that caught it (empty: missed)."""
    return [(run, run.mutants[n], rules) for run in runs for n, rules in sorted(run.caught.items())]


def checkers(run: CleanRun, m: Mutant) -> set[str]:
    """The rules that checked any figure the mutant changed, on the clean text."""
    return set().union(*(run.checked_by.get(i, set()) for i in m.figures))


def pct(a: int, b: int) -> str:
    """'a/b  x.x%' with an empty total shown as such."""
    return f"{a}/{b}  {100 * a / b:5.1f}%" if b else f"{a}/0     —"


def by_operation(rows: list, indent: str = "    ") -> list[str]:
    """Recall per mutation (digit, scale, …) and per variant (digit/last, digit/other, …)."""
    ops = {m.op for _, m, _ in rows}
    lines = []
    for op in sorted({o.split("/")[0] for o in ops} | ops):
        sub = [bool(c) for _, m, c in rows if m.op == op or m.op.startswith(op + "/")]
        name = f"  {op}" if "/" in op else op
        lines.append(f"{indent}{name:33} {pct(sum(sub), len(sub))}")
    return lines


def recall_lines(rows: list, kinds: dict[str, str]) -> list[str]:
    """Recall over all mutants, by operation, and among checked figures by operation, rule kind and rule."""
    lines = [f"mutation recall, all mutants:         {pct(sum(bool(c) for *_, c in rows), len(rows))}"]
    lines += by_operation(rows)
    checked = [(run, m, c) for run, m, c in rows if checkers(run, m)]
    lines.append(f"mutation recall, checked figures:     {pct(sum(bool(c) for *_, c in checked), len(checked))}")
    lines += by_operation(checked)
    by_kind, by_rule = defaultdict(list), defaultdict(list)
    for run, m, c in checked:
        ids = checkers(run, m)
        for kind in {kinds[r] for r in ids}:
            by_kind[kind].append(bool(c))
        for r in ids:
            by_rule[r].append(bool(c))
    lines.append("  by kind of the checking rule (a figure checked by two kinds counts for both):")
    lines += [f"    {k:33} {pct(sum(v), len(v))}" for k, v in sorted(by_kind.items())]
    lines.append("  by checking rule:")
    lines += [f"    {r:33} {pct(sum(v), len(v))}" for r, v in sorted(by_rule.items())]
    return lines


def missed_lines(rows: list, top: int = 10) -> list[str]:
    """The most common misses among checked figures: checking rule(s) × operation, with an example."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for run, m, c in rows:
        ids = checkers(run, m)
        if ids and not c:
            groups[("+".join(sorted(ids)), m.op)].append((run.name, m.shown))
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]
    lines = [f"most common misses among checked figures (rule × mutation), top {top}:"]
    for (rules, op), items in ranked:
        name, shown = items[0]
        lines.append(f"    {len(items):4}  {rules} × {op}   e.g. {name}: {shown}")
    return lines


def file_lines(runs: list[CleanRun]) -> list[str]:
    """Per file: size, stated numbers, coverage, alarms, mutants caught."""
    lines = [f"{'file':42} {'chars':>6} {'numbers':>7} {'checked':>7} {'cover':>6} {'alarms':>6} {'caught':>11}"]
    for run in runs:
        numeric = run.numeric
        covered = sum(i in run.checked for i in numeric)
        caught = sum(bool(c) for c in run.caught.values())
        share = f"{100 * covered / len(numeric):5.1f}%" if numeric else "    —"
        lines.append(f"{run.name:42} {len(run.text):6} {len(numeric):7} {covered:7} {share:>6} "
                     f"{len(run.alarms):6} {f'{caught}/{len(run.caught)}':>11}")
    return lines


def summary_lines(runs: list[CleanRun], hand: tuple, seconds: float, quick: bool) -> list[str]:
    """The whole table: recall, hand-made mutants, false alarms, coverage, per file, misses."""
    rows = judged(runs)
    chars = sum(len(r.text) for r in runs)
    alarms = sum(len(r.alarms) for r in runs)
    numeric = sum(len(r.numeric) for r in runs)
    covered = sum(sum(i in r.checked for i in r.numeric) for r in runs)
    mode = f"quick sample of {len(rows)} mutants" if quick else f"all {len(rows)} mutants"
    lines = [f"verify quality: {len(runs)} texts, {chars:,} characters, {len(_load_rules())} rules, {mode}, "
             f"seed {SEED}", ""]
    lines += recall_lines(rows, rule_kinds())
    caught, named, total, missed = hand
    lines.append(f"hand-made mutants caught:             {pct(caught, total)}  ({named} by the rule named in the test)")
    lines += [f"    missed: {m}" for m in missed]
    known = [(r.name, f) for r in runs for f in r.alarms if (r.name, f.rule_id, f.text) in KNOWN_ODDITIES]
    lines.append(f"errors+warnings on unchanged texts:   {alarms} in {chars:,} chars = "
                 f"{alarms * 10_000 / chars:.2f} per 10,000 chars")
    lines.append(f"  of which real oddities of the text: {len(known)} (tests/oddities.py); false alarms: "
                 f"{alarms - len(known)} = {(alarms - len(known)) * 10_000 / chars:.2f} per 10,000 chars")
    for run in runs:
        lines += [f"    {run.name}: {f.severity} {f.rule_id} at {f.start} {f.text}"
                  + ("  (a real oddity)" if (run.name, f.rule_id, f.text) in KNOWN_ODDITIES else "")
                  for f in run.alarms]
    lines.append(f"coverage (numbers in >= 1 check):     {pct(covered, numeric)}")
    lines += ["", *file_lines(runs), "", *missed_lines(rows, int(os.environ.get("QUALITY_TOP_MISSES", "10"))), "", f"runtime: {seconds:.1f} s"]
    return lines


# --- docs --------------------------------------------------------------------------------


def machine() -> list[str]:
    """Where the figures came from: platform, CPU, cores, Python, date."""
    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return [f"- platform: {platform.platform()}", f"- CPU: {cpu}", f"- cores: {os.cpu_count()}",
            f"- Python: {platform.python_version()}", f"- date: {datetime.date.today().isoformat()}"]


def speed_runs() -> list[tuple[str, str]]:
    """Run benchmarks/speed.py the documented way."""
    outputs = []
    for args in (["--runs", "3"],):
        command = "python benchmarks/speed.py " + " ".join(args)
        done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "speed.py"), *args],
                              capture_output=True, text=True, cwd=REPO, check=False)
        outputs.append((command, done.stdout.strip() or done.stderr.strip()))
    return outputs


def write_docs(table: list[str]) -> None:
    """docs/benchmarks.md: the quality table, the speed figures, the machine and the commands."""
    parts = ["# Benchmarks", "",
             "Figures from `benchmarks/quality.py` (mutation recall, false alarms, coverage on the texts of "
             "`../shared/corpus/`) and `benchmarks/speed.py` (whole-process speed and memory). "
             "Reproduce them with:", "", "```sh", "python benchmarks/quality.py", "python benchmarks/speed.py --runs 3",
             "```", "", "`python benchmarks/quality.py --write-docs` runs both and rewrites this file.", "",
             "## Machine", "", *machine(), "", "## Quality", "", _QUALITY_NOTES, "", "```", *table, "```", "",
             "## Speed", ""]
    for command, out in speed_runs():
        parts += [f"`{command}`", "", "```", out, "```", ""]
    parts += ["## Against the targets", "", _SPEED_NOTES, ""]
    DOCS.parent.mkdir(exist_ok=True)
    DOCS.write_text("\n".join(parts), encoding="utf-8")


_QUALITY_NOTES = """\
Mutants are made mechanically from every figure the reader finds, whatever the rules matched:
`digit` (one digit changed: the last significant one +1, or another one at random), `scale`
(×10 or ÷10), `weekday` (one day on), `label` (one numeral of a counted label such as “一匠五创”
moved by one), `drop` (one item dropped from a 、-list of figures, or from the 、-list of items
right after a count). A mutant is caught when it draws a new error or warning on the changed
figure or on a finding that names it as related. *Checked figures* are those that took part in a
check on the clean text; their recall is broken down by the kind of the rule that checked them.
A mutant of a figure that no rule checks can only be caught by chance, so the overall recall
mostly measures coverage. Some misses are by design: `digit/last` often stays within the
leniency for rounded figures (one unit of the last digit; a count of whole things, 出席186人, is
exact, so there a changed last digit breaks an exact sum), and a rule that checks how many values
a list has (`respectively-values`) or only a bound (`decrease-100`, `share-above-100`) cannot see
most changes of value. Hand-made mutants are `BROKEN` of `tests/test_mutations.py`; they count as
caught by the same test, with the whole rewritten passage as the changed span."""


_SPEED_NOTES = """\
| target (issue 11; the speed row of issue 10) | figure above | |
|---|---|---|
| whole check ≤ 8× the floor on each genre | `check × floor` | missed: 21–28× (40–53× before the work of issue 10; the profile below says where the time goes) |
| `--numbers` ≤ 6× the floor | `numbers × floor` | missed: 10–14× (26–36× until 2026-12-01 evening, when the JSON listing stopped building an encoder for each of its ~30 values per figure and printed decimals in whole numbers) |
| whole check ≥ 1 M characters per second (issue 10) | `chars/s` | met on the transcripts and the reports (1.11 M and 1.09 M in the run of 2026-12-02 03:05 UTC, floor 0.042–0.046 s; 0.96–1.11 M and 0.99–1.10 M in the session's runs on the shared machine) and on the page in most runs (0.98–1.11 M); missed on the mixed corpus, which has the most figures per character: 0.84–0.88 M (0.82–0.84 M the night before, about 0.55 M before issue 10). Session 13's `re` work (below) took 10% off the instructions of the work after start-up on its branch (9% of the whole process): whole runs, CPU seconds, least of eight alternating with the code before (load average 1.5–2): mixed 1.20 -> 1.14 s (0.83 -> 0.88 M characters per second), transcripts 1.00 -> 0.96 s, reports 0.99 -> 0.98 s (medians 1.27 -> 1.17, 1.10 -> 1.04, 1.22 -> 1.08 s). Merged with the session's new readings (two-sided 近 and 超, complements, labelled values, a place within the world, 分别 values within their whole), main checks 1 M mixed characters in 1.14–1.19 CPU s; about 0.14–0.19 s more would have to go. Session 14 (2026-12-02, two helpers' rounds on the statement stage and on reading, rules and start-up; outputs byte-identical) took 7.7% off the instructions of a whole run on 1 M mixed characters (callgrind: 10.04 G at the session's start, 9.25 G after both rounds, 9.27 G with the session's new readings), but the CPU seconds did not follow measurably on this machine that day: alternating runs of the session's first and last code gave least 1.09 and 1.08 s, medians 1.15 and 1.14 s; the floor itself moved from 0.043 to 0.060 s between runs, and `check × floor` on the mixed corpus stays at 25. Session 15 (a helper's round on the statement stage, the collector and a finding's sentence) took 6.3% more off the instructions (9.43 G -> 8.84 G): the mixed corpus 1.10–1.15 s, 0.87–0.91 M characters per second in the session's last two runs (the table above is the second). Session 16 (2026-12-02 morning): the machine ran slower all session (the floor 0.056–0.060 s, against 0.042–0.049 s the day before), and the session's last run (the table above) gives 0.59–0.74 M characters per second on every genre; alternating whole runs of the session's first code (acf9c67) and its last on 1 M mixed characters, each with its own pattern cache, gave 1.64–1.66 s and 1.62–1.66 s: the session's new readings (members after 在N个Y中, 包括 lists, headline digits, names with digits) cost nothing measurable, and its helper's 2.0% fewer instructions (below) did not show either. Session 17 (2026-12-02, the same slow machine: floor 0.054–0.061 s): the helper's round (below) took 20.8% off the instructions on 1 M transcript characters (cn2an no longer imported for 三千五 and the like) and 1.9% on 1 M mixed ones; whole runs alternating the session's first code (fe01c68) and its last, each with its own pattern cache, least of four: transcripts 1.316 -> 1.104 s (the helper's), page 1.38 -> 1.36 s, reports 1.31 -> 1.33 s, mixed 1.69 -> 1.64 s; the session's new readings (fixed terms, thresholds, 突破, 万 with its tail, 分别 over clauses) cost nothing measurable. Session 18 (2026-12-02 afternoon, floor 0.054–0.084 s): 0.49–0.80 M characters per second in its first run, 0.62–0.90 M in its last; its readings (a named list's count marked checked, members without 中, 1万两千, 突破了, rates alone after 其中, the years of a yearly rate, notes, the false alarms mended) cost nothing measurable: whole runs on 1 M mixed characters alternating 522b617 and the session's last code, each with its own pattern cache and bytecode, least of four 1.63 s and 1.63 s; a helper's round on read_statement took 0.5% off the instructions (callgrind 8,694 M -> 8,650 M), no more was found. Session 19 (2026-12-02 evening, floor 0.056–0.060 s): 0.60–0.86 M characters per second (the table above); its readings (两个 after two names, notes of counted words, one finding per fault) cost nothing measurable: whole runs on 1 M mixed characters alternating 0fbe7df and the session's last code, least of four 1.66 s and 1.66 s. 0.5–0.9 M characters per second on this machine: missed |
| 10 M characters ≤ 10.5× the cost of 1 M | `1 M -> 10 M` | met: check × 8.6–9.1, `--numbers` × 9.2–9.6 (a long text is read and checked a section at a time) |
| peak memory ≤ 150 MB at 10 M characters | `peak memory at 10 M` | met: check 119 MB, `--numbers` 74–75 MB (before sections: 402 MB and 677 MB) |
| a folder of 10,000 files in flat memory | `folder of short files` | near: 27 MB for 1,000 files, 59–60 MB for 10,000: about 1 KB kept per checked file (its findings, its line starts, the kept record) |
| start-up ≤ 0.15 s warm, ≤ 0.3 s cold, sympy not imported | `start-up` | warm met, cold at the edge (on 2026-12-02 morning's slower machine, the table above: warm 0.159 s, cold 0.434 s; the session's first code measured alike, 0.13–0.14 s warm against 0.13–0.14 s): warm 0.110–0.126 s on 2026-12-02 after session 14 (0.130–0.134 s before; parsed YAML kept between runs: no PyYAML import; the collector frozen after start-up); cold 0.29–0.31 s at the end of session 15 (load average 1.1; the session's first code measured alike, least 0.27 against 0.28 s), 0.254–0.300 s on 2026-12-02 (0.266–0.282 s before session 14; 0.302 s on 2026-12-01 evening: a module's patterns are now compiled when first used, and records' __eq__, __hash__ and __repr__ are no longer compiled one by one at import); sympy never imported for the built-in rules |
| `--jobs 2` ≥ 1.7× `--jobs 1` on 200 files, idle machine | `--jobs` | missed here: × 1.56–1.61 (load average 0.9–1.1); it was × 1.69–1.73 before issue 10's speed work: each file is now cheaper to check, so the pool's fixed cost (start-up of two workers, results sent back) weighs more; workers do 1.12× the work of one process |
| outputs byte-identical | tests/test_outputs_unchanged.py | met for the speed work: `--format json` and `--numbers --format json` of ../shared/corpus and every archive folder, against fingerprints recorded anew only by commits that change what is found (each says so) |

Figures are CPU seconds (user + system, children included), not wall time: the machine they
came from is shared by other developers' test runs, and CPU time is what a core spends whatever
else runs. Only `--jobs` is wall time, so it is measured with the machine otherwise idle.

What changed, each with its commit: the solved forms of the built-in formulas ship with the
package (`verify/rules/formula/solved.json`), so no run imports sympy for them; compiled patterns
(`verify/regexes.py`) and parsed YAML texts (`verify/yaml_data.py`) are kept across runs, and
every pattern's text is the same under any `PYTHONHASHSEED`; a relation's `find` lookup reads the
text once per document, not once per match, and other per-match scans of the whole page stop or
run once; a text over 1,000,000 characters is read and checked a section at a time, its view made
only per section; the check keeps only findings, checks and counts of a checked file, and
workers send back only that; `--numbers --format json` is written a thousand figures at a time;
the modules only some runs need (the table's libraries, the input readers, the charset
detector, the worker pool) are loaded by name when a run asks for them. For issue 10: patterns
that `re` cannot search by a first character (the reader's alternatives, rule patterns,
vocabulary patterns) go behind a lookahead of the characters a match can start with
(`regexes.guarded`, worked out from the parsed pattern and kept in the pattern cache); patterns
whose matches must end at a marker (X中，, 在N个Y中) are searched only just before each marker
(`regexes.ending_at`); `each` and `facts` rules make matches only of what their kind can judge;
a plain figure's value, interval and reading are worked out once per numeral; Chinese numerals
written out place by place are read without importing cn2an; `normalise` replaces only the
characters present. On 2026-12-01: the reader's master pattern is tried only from a few
characters before each digit, numeral or weekday word (`figure_pattern.anchors`); word lists are
compiled as trees of their shared beginnings (上(?:午|海)?); rule patterns are searched only near
their required words; the patterns compiled at import come from the pattern cache; the console
entry freezes what start-up loaded out of the collector's sight. Later that day: `Quantity` and
`Statement` store their fields through their slots in their own `__init__`; rules that ask how a
figure is written test each distinct figure text once per page; `facts` rules check each set of
names once; a plain figure's value and step skip the multiplication by 1 and Fractions made
anew (about 5% in all). Late that day, two more rounds: a one-slot pattern ({date:date}) matched
in one pass; rule lines found from their required words; a plain figure, an ordinal, a label and
a date read once per way they are written; the master pattern without the inner groups of five
kinds (72 -> 42 groups; a match of those kinds read again with its own pattern); statements kept
with an index of their roles, so readings that want one role walk only those; a title's body
gathered only when the title has a figure worth pairing; `--numbers` writing its JSON without an
encoder per value. In the night to 2026-12-02: patterns a run may not need compiled when first
used (`regexes.lazy`; those searched thousands of times a page still at import); records made by
`verify/frozen.py` (dataclasses writes each record's `__init__` and frozen `__setattr__`; its
`__eq__`, `__hash__` and `__repr__` are functions made once, comparing and hashing the same tuples);
`Interval` storing its bounds through its slots; the role index handing out its lists as they are;
sentence ends found among the clause ends; a middle dot between digits found by splitting, not by
a lookbehind tried at every character; the vocabulary's dimension words as one flat alternation.
On 2026-12-02 (session 13), in `verify/regexes.py`, to the code of every pattern it keeps (the
rules', the vocabulary's, the reader's): a pattern that `re` can search by no first character (it
opens with a lookaround, a repeat or alternatives that do not each start with a character: every
guarded pattern) gets the class of its first characters (`regex_starts.first_class`) in the block
where `re` keeps what a search skips to, so a search passes over the other places in C instead of
calling the whole pattern at each (4.9 M such calls per 1 M mixed characters, 1.0 M after; not for
a pattern opening with `^`, which `re` tries at the start alone); in such a class `\\d` is a
bitmap of the basic plane's digits and every character beyond it, not a lookup in Unicode's tables
for each character passed over (also in a class `re` made itself, such as the reader's anchors);
each greedy optional part that is not one character, `(…)?`, is compiled as `(?:…|)`, which `re`
runs without copying every group's place before and after trying it (the master pattern did that
a dozen times a figure, 42 groups each). In `statements/reader.py`, four searches whose every
match holds a given character (比/较, 从/由, 高/低, 新增) are skipped when the words hold none, and the
measure's cuts are made by the span of their one match; in `statements/clauses.py`, a figure's
parenthetical is found by bisecting where each opens, not (open, close) pairs. Instructions of a
whole run (callgrind, warm caches, bytecode cached, PYTHONHASHSEED=0; start-up on a one-line file
0.74 G): 1 M mixed characters 10.75 G -> 9.77 G (the work after start-up 10.0 G -> 9.0 G, 10%
less), 1 M transcript characters 9.08 G -> 8.25 G. CPU seconds of the check in one process (least
of four, three alternations, load average 4): 1.22–1.24 s -> 1.16–1.18 s. The 297 patterns a run compiles were checked to match as `re.compile`'s on 215,000 mixed
and 150,000 transcript characters (every match, and a match at every seventh place).
Every one of these left the outputs byte-identical.

Later on 2026-12-02 (session 14; reading, rules and start-up, outputs byte-identical): the caches
of compiled patterns and parsed YAML texts keep, when a run writes them, what the run used and
only as many bytes again of the newest other entries (`user_cache.trimmed`): the shared cache of
this machine had grown to 4.8 MB of patterns of many versions and 2.3 MB of YAML texts, read in
full at every start (0.04–0.07 s a run); a file is read as bytes (read_text's pass for line ends
over 1 MB cost 3 ms). A rule pattern's text is compiled once (the rules on statements compiled
their structure's sixty-slot pattern each); a record's frozen `__setattr__` and `__delattr__` are
closures on Python 3.11 and 3.12, not compiled text; tomllib and tempfile are loaded only when a
verify.toml is read or a file written; the young generation is collected at 100,000 objects.
A qualified figure's interval, a percentage as a ratio and a last digit's step are worked out in
integers, one Fraction per bound; a one-slot pattern's figure is found by one bisection. Whole
runs, CPU seconds, least of seven alternating with the code before (machine shared): 1 M mixed
characters 1.136 -> 1.101 s with clean caches of each, 1.213 -> 1.104 s with a copy of the
shared cache (the branch trims it at its first run that compiles a pattern); start-up on a
one-line file warm 0.130 -> 0.110 s, cold 0.263 -> 0.254 s. Instructions (callgrind): one-line
file 762 M -> 611 M, 1 M mixed characters 10.04 G -> 9.80 G. The report itself (gate, JSON) costs
1.3 ms on 1 M characters. Tried and not kept: a first-character test before the not-a-unit words
(slower: the alternation's match is 0.2 µs); ending the process with os._exit (24 M instructions
of teardown, 0.6%: atexit and buffered files would be skipped).

The same day, the statement stage (session 14, outputs byte-identical; `repr` of every statement
reading of the corpus, the archive and both 1 M texts unchanged): subjects searched only in the
paragraphs that hold a figure, each up to its last one, in one walk with the figures; the openers
of ，累计分别 found from each 分别 rather than tried at every comma; a partition member's lookup
kept per label; `Layout.sentence` bisecting itself, and a figure taking the sentence of the
statement before it when that holds it; integers where Fractions were made (whole counts, a
title's loose top); the five end-anchored role patterns searched only in a label ending with a
character a match can end with (`Vocabulary.tails`, checked against the parsed patterns by
tests/test_vocabulary_tails.py); a title's period patterns kept per vocabulary. The statement
stage on 1 M mixed characters: 4.75 G -> 4.29 G instructions, 0.48–0.49 -> 0.43–0.44 CPU s;
0.364 -> 0.330 s per 1 M characters over the corpus and the archive (6.57 M characters). Both
rounds merged, with the session's new readings (clocks in numerals, years before 1900, daily
averages of a named period, 自然增长 as a balance): 9.27 G instructions on 1 M mixed characters,
7.7% fewer than at the session's start.

Where the time goes (`python benchmarks/time_profile.py` and a helper's profile: in-process,
1,000,000 characters of the mixed corpus, CPU seconds), on 2026-12-01 late evening (the night's
work took about 6% off the whole, spread over these): reading the
figures 0.22 (the master pattern's search 0.10 for 31,901 matches, building the figures 0.12); the
statement stage 0.50 (`read_statement` 0.17, about 11 µs a figure over three clause lookups and a
dozen short searches of its role; 其中 scopes 0.07, named lists 0.04, month facts 0.03, clauses
and subjects 0.05 between them, whole-text scans); matching the rules 0.13 and judging them 0.10
over 81 rules (84 now), none above 0.01; start-up 0.13, of which 0.09 is imports (about 0.02 Python
making the methods of 58 record dataclasses; less since `frozen.py`). One combined pattern for the role was tried and was slower:
the role reader's cost is Python's, spread over the function, not its searches. The mixed corpus
has 24,000 figures per 1 M characters against 17,000–18,000 in the other genres; one million
characters per second on it needs about 0.15 s less: fewer dataclasses at import, the statement
passes that want levels (62% of statements) merged into one walk, a leaner master pattern; each is
a change of design.

By instructions (callgrind, 2026-12-02, in-process stages on 1 M mixed characters, measured after
the first of session 13's changes): reading the figures 2.5 G, the statement stage about 4.8 G, the
rules about 2 G, start-up 0.74 G. `re` was about a quarter of all: its scan for where a match can
start, one class test for each character passed (about 0.9 G, some 16 passes over the page: the
whole-page searches of the statement passes, the subjects, the clauses, and the rules' required
words), and the matching itself. Tried and not kept: remembering the role reader's answer for each
label (the words since the previous figure). 85% of the speed corpus's labels recur, but only
because that corpus is the mixed corpus repeated 4.6 times; within one text (215,000 mixed or
200,000 transcript characters) 25–30% do, so the gain would be the benchmark's, not a page's.
cProfile overstates small calls several times over (str.rfind looked like 2 µs a call, and is 0.1);
the wall times of this shared machine varied by 20% between runs of the same code, so instruction
counts decided.

On 2026-12-02 (session 15, outputs byte-identical; callgrind, warm caches, PYTHONHASHSEED=0, whole
runs on 1 M mixed characters): the collector's first threshold is 1,000,000 objects (the one young
collection of a 1 M-character run looked through 100,000 objects, nearly all alive, to free 154:
9.43 G -> 9.37 G); `lay_out` finds brackets with str.find and picks sentence ends through a
frozenset's `__contains__` and `operator.sub` (462 M -> 293 M instructions: a str's `__contains__`
and `int.__sub__` are slot wrappers that make an argument tuple at each call, and a pattern of
the six brackets tested every character of the page; -> 9.23 G); the role reader tests units
against sets, asks `_ago` and `_compared_to` only where they can answer yes, and searches the
plan, average and net words once together before searching each (the read_statement loop 1.41 G
-> 1.35 G; -> 9.16 G); a finding's sentence is found near its span, not from a list of every
sentence end of the page (-> 9.03 G); the readings test roles by plain names (`records.LEVEL`),
not `Role.LEVEL`: on Python 3.11 Enum's class has a `__getattr__`, so every member looked up on it
costs a Python call of `type.__getattribute__` with an argument tuple, about 850 instructions
(the role reader asked 122,000 a page: its loop 1.28 G -> 1.17 G; -> 8.92 G, and the other
readings -> 8.84 G). In all 9.43 G -> 8.84 G (-6.3%). Where the instructions
go now, by callgrind's dumps at each stage of one run (the dumps add a little: 9.3 G in all):
start-up and imports 0.39 G, loading the rules and the file 0.22 G, reading the figures 2.2 G (the
master pattern's matching alone 0.7 G: about 22,000 instructions a match, over its thirteen
alternatives), masking 0.09 G, the statement stage 4.2 G before the roles by name (the read_statement loop
1.31 G, restatements 0.46 G, parts_lists 0.44 G, named_lists 0.36 G, lay_out 0.34 G, subjects
0.21 G, period_facts 0.20 G), the rules 2.0 G (matching 1.06 G, judging 0.95 G, 84 rules, none above
0.11 G), freeing the page's objects and the report 0.28 G. Tried and not kept:
the clause ends by str.find for each mark (15% fewer instructions, no faster: the sort of 74,000
ends costs what the class test saved); one pattern for the title tests of a line (a title line's
cost is the loop, not its searches); integer group numbers for the reader's `m.group` (no faster
than names); the figure index of count_partitions made only when a partition is found (the mixed
text has them). Still dear and left: building a frozen record stores each field through a member
descriptor's `__set__`, itself a slot wrapper (twelve calls for each figure and each statement,
about 0.15 G of the statement loop); no public way was found to do it cheaper. Whole runs after the merge with session 15's readings (`speed.py --runs 3`, 07:18 UTC and again
for the table above, load average 1.1): the mixed corpus 1.103 and 1.151 s, 0.91 and 0.87 M characters per second (0.82–0.89 M before);
the page, transcripts and reports 0.87–0.96 s (1.05–1.15 M); ten alternating runs of the
branch and main before it: least 1.14 against 1.20 s.

Session 16 (2026-12-02, a helper's round; outputs byte-identical): a numeral read once per page, a
cut figure's interval in integers, and the checks that held kept only for the reports that show them
(table, html, junit: a JSON run wrote 3,694 texts of checks that held on 1 M mixed characters to
throw them away). Instructions of a whole run (callgrind, PYTHONHASHSEED=0, a pattern cache of its
own for each tree): 1 M mixed characters 8,873 M -> 8,694 M (-2.0%), 1 M transcript characters
7,635 M -> 7,597 M (-0.5%); in CPU seconds no difference shows on the shared machine (load average
1.5–2: least of seven alternating runs 1.64 s before, 1.62 s after, main 1.68 s). Still missed:
about 13% more would have to go. Where the instructions of 1 M mixed characters go now (callgrind
dumps at each stage): reading 2.1 G (the master pattern's search and the loop around it 1.17 G, of
which its matching 0.73 G; the builders 0.92 G), the read_statement loop 1.23 G, restatements
0.46 G, parts_lists 0.43 G, named_lists 0.35 G, lay_out 0.29 G (its finditer of the clause ends
0.17 G), subjects 0.22 G, period_facts 0.21 G; no rule above 0.11 G. Two costs run through all of
it: `re` passing over characters by a class (13.2 M class tests from its search loop, about 49
instructions each with the loop: 1 G, a tenth of the run), and frozen records stored field by field
through slot setters (11.6 k instructions a Quantity, 27,476 a page: 0.32 G; about 11 k a Statement,
15,038: 0.17 G). Tried and not kept: the master pattern without its alternatives' guards (the
lookahead of first characters, or of the marker each calendar alternative holds): more instructions,
361 M -> 397 M and 417 M for 215,000 characters; its unit alternation behind a lookahead of the
units' first characters (0.5% less of the master's matching); a record built as an unfrozen subclass
whose class is then switched, or through object.__setattr__ (17.3 k and 15.8 k instructions a
Quantity, against 11.6 k); the clause ends by split and accumulate (207 M against 174 M for
finditer); a figure's time from a bisection of the calendar figures (-6 M). A run that compiles a
pattern the shared cache lacks rewrites the cache (about 0.2 G, 2% of a 1 M run, mostly JSON
encoding): runs of two checkouts alternating on one cache measure those writes.

Session 17 (2026-12-02, a helper's round; outputs byte-identical). Reading the transcripts cost
about twice as much a figure as the other genres (time_profile: 0.51 s for 15,041 figures) mostly
for five numerals on 1 M characters (两亿五千, 十五六, 二三十, 一两百, 千百) that numerals.py left to
cn2an: importing cn2an built its converters and compiled its large patterns, 1.20 G instructions,
0.15 s, on any page holding one such numeral (read_quantities of the same text with cn2an already
imported: 0.32 s). They are now read by cn2an's own normal-mode steps (`reading/numeral_grammar.py`,
its grammar of integers followed by splitting at each level's unit; the same answers as cn2an on
all 1.5 M numerals of up to five of the reader's characters and on 400 k longer ones, and the
grammar alone on all 25.6 M of up to six); cn2an is imported only for a numeral of other
characters. A compile of a pattern with a [\\u4e00-\\u9fff] class costs `re` about 11 M instructions
(its class compiler walks the range a character at a time): count_partitions compiled one for each
total (30 on 1 M transcript characters), now one pattern of every classifier and a test of the
head; 21 patterns that statement readings wrote inline are module patterns the pattern cache keeps.
date-exists makes matches only of dates past their month's end (`KindParams.may_find`).
Instructions of whole runs (callgrind, PYTHONHASHSEED=0, each checkout on its own copy of one
pattern cache, two warm runs, run one after the other; two runs at once on one cache trim each
other's entries: main on the transcripts measured 7,914 M so): 1 M transcript characters 7,634 M
-> 6,046 M (-20.8%: cn2an 1,196 M, count_partitions 310 M, inline patterns 56 M, date-exists
26 M), 1 M mixed characters 8,763 M -> 8,600 M (-1.9%: 59 M, 72 M, 32 M). CPU seconds of whole
runs, least of six alternating with main (load average 0.7-1.4): transcripts 1.316 -> 1.104 s
(0.76 -> 0.91 M characters per second), mixed 1.624 -> 1.588 s (0.62 -> 0.63 M). Left as they
are: of the reader's 24,755 master-pattern cycles on the transcripts, 9,500 end in no figure
(3,444 not-a-number words; 6,114 numerals without a unit: 两国, 之一), but a pattern that skipped
them would also consume the text differently. Tried and not kept: cn2an's grammar as a pattern
through the pattern cache (260 KB of code in the cache, which every run reads: +8 M instructions
on a page without such numerals). The mixed corpus still needs about 0.6 s less on this machine
for 1 M characters a second."""


def main() -> int:
    """Parse arguments, check the corpus, run everything, print the table (and write the docs)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help=f"judge a fixed sample of {QUICK_SAMPLE} mutants")
    parser.add_argument("--write-docs", action="store_true", help="also run speed.py and write docs/benchmarks.md")
    parser.add_argument("--workers", type=int, default=WORKERS)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"quality.py: no corpus at {CORPUS} (the texts live in ../shared/corpus next to the repository)",
              file=sys.stderr)
        return 2
    began = time.perf_counter()
    runs = [clean_run(p) for p in sorted(CORPUS.glob("*.txt"))]
    for run in runs:
        run.mutants = make_mutants(run)
    run_mutants(runs, args.quick, args.workers)
    hand = hand_made()
    table = summary_lines(runs, hand, time.perf_counter() - began, args.quick)
    print("\n".join(table))
    if args.write_docs:
        write_docs(table)
        print(f"wrote {DOCS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
