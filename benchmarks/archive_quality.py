"""Quality on published text and on the hand-read gold set — the figures issue 10 is judged by.

    python benchmarks/archive_quality.py               # print the tables
    python benchmarks/archive_quality.py --write-docs  # also replace its section of docs/benchmarks.md

1. False alarms on ../shared/archive plus ../shared/corpus (about 6.6 M characters of published
   text), per 100,000 characters: errors (each must be a published mistake named in
   tests/oddities.py), cross-check warnings, and usage warnings counted apart.
2. Coverage per genre: the share of stated figures (numeric kinds) that take part in at least
   one check, as the JSON report counts them.
3. Recall on the relation gold set (tests/gold/*.yaml, read by hand, not by running verify):
   per family, each relation broken beyond rounding, items dropped or added (gold_recall.py).
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests"))
import gold_recall  # noqa: E402  (beside this file)
from oddities import PUBLISHED_MISTAKES  # noqa: E402  (plain data shared with the tests)

from verify.checking.engine import check_document  # noqa: E402
from verify.checking.records import FileResult  # noqa: E402
from verify.inputs import read_document  # noqa: E402
from verify.loaders import load_rules  # noqa: E402

SHARED = REPO.parent / "shared"
GENRES = {"transcripts": ["archive/xwlb"], "reports": ["archive/bulletins"], "daily 1998": ["archive/rmrb1998"],
          "corpus": ["corpus"]}
NUMERIC = {"amount", "count", "percent", "point", "ratio"}
DOCS = REPO / "docs" / "benchmarks.md"
BEGIN, END = "<!-- archive-quality:begin -->", "<!-- archive-quality:end -->"


def _verify(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "verify", *args], cwd=REPO, capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        raise SystemExit(f"verify {' '.join(args)}: {out.stderr.strip()}")
    return json.loads(out.stdout)


def usage_rules() -> set[str]:
    """Rules of the usage pack: how a figure is written, counted apart from cross-checks."""
    return {p.stem for p in (REPO / "rules" / "usage").glob("*.yaml")}


@functools.cache
def _rules():
    return load_rules()


def checked_with_and_without_terms(path: str) -> tuple[FileResult, FileResult]:
    """A file checked with all rules, and with all but the fixed terms' (a quoted label read against
    the term's own numerals, which checks a figure against a reference, not against another figure)."""
    doc = read_document(path, None)
    return check_document(doc, _rules()), check_document(doc, [r for r in _rules() if r.kind != "term"])


def checked_numeric(path: str) -> tuple[int, int]:
    """Stated figures (numeric kinds) of a file that took part in a check, with all rules and with
    all but the fixed terms'. The JSON report's `checked` also counts the dates and weekdays the
    calendar rules check, which are no stated figures: a coverage of stated figures counts only
    those (as quality.py does)."""
    with_terms, without = checked_with_and_without_terms(path)
    return tuple(sum(r.quantities[i].kind in NUMERIC for i in r.checked) for r in (with_terms, without))


def measure_archive() -> tuple[list[str], dict]:
    """False alarms and coverage per genre, as markdown lines and raw counts."""
    usage = usage_rules()
    rows, totals = [], Counter()
    unexplained = []
    for genre, folders in GENRES.items():
        counts = Counter()
        for folder in folders:
            report = _verify("--format", "json", "--fail-on", "never", str(SHARED / folder))
            numbers = _verify("--numbers", "--format", "json", str(SHARED / folder))
            chars = sum(len(Path(f["path"]).read_text(encoding="utf-8")) for f in numbers["files"])
            stated = {f["path"]: sum(q["kind"] in NUMERIC for q in f["quantities"]) for f in numbers["files"]}
            counts["chars"] += chars
            counts["stated"] += sum(stated.values())
            for checked, without_terms in map(checked_numeric, stated):
                counts["checked"] += checked
                counts["checked without terms"] += without_terms
            for f in report["files"]:
                for x in f["findings"]:
                    where = f"{Path(f['path']).parent.name}/{Path(f['path']).name}"
                    if x["severity"] == "error":
                        counts["errors"] += 1
                        if (where, x["rule"], x["text"]) in PUBLISHED_MISTAKES:
                            counts["published"] += 1
                        else:
                            unexplained.append(f"{where} {x['rule']} {x['text']}")
                    elif x["severity"] == "warning":
                        counts["usage" if x["rule"] in usage else "cross"] += 1
        totals.update(counts)
        rows.append((genre, counts))
    lines = ["| genre | characters | errors (published mistakes) | cross-check warnings | usage warnings | "
             "errors /100k | cross-check warnings /100k | stated figures | in a check | in a check other than fixed terms |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for genre, c in rows + [("all", totals)]:
        per = 100_000 / max(1, c["chars"])
        lines.append(f"| {genre} | {c['chars']:,} | {c['errors']} ({c['published']}) | {c['cross']} | {c['usage']} | "
                     f"{c['errors'] * per:.2f} | {c['cross'] * per:.2f} | {c['stated']:,} | "
                     f"{100 * c['checked'] / max(1, c['stated']):.1f}% | "
                     f"{100 * c['checked without terms'] / max(1, c['stated']):.1f}% |")
    if unexplained:
        lines += ["", "Errors not named as published mistakes:", ""] + [f"- {u}" for u in unexplained]
    return lines, dict(totals)


def measure_gold() -> list[str]:
    """Recall per family on the gold set, and alarms on consistent rewrites."""
    relations = gold_recall.gold.load_relations()
    results, _ = gold_recall.measure(relations, REPO)
    table = gold_recall.summary(results)
    per_family = Counter(r.family for r in relations)
    lines = [f"{len(relations)} relations from {len({r.source for r in relations})} files.", "",
             "| family | relations | mutants | caught | recall | consistent rewrites | alarms on them |",
             "|---|---|---|---|---|---|---|"]
    core_m = core_c = 0
    for family, row in table.items():
        m, c = row.get("mutants", 0), row.get("caught", 0)
        if family in gold_recall.CORE:
            core_m, core_c = core_m + m, core_c + c
        lines.append(f"| {family} | {per_family[family]} | {m} | {c} | {100 * c / m:.0f}% | "
                     f"{row.get('rewrites', 0)} | {row.get('rewrite_alarms', 0)} |" if m else
                     f"| {family} | {per_family[family]} | 0 | 0 | – | {row.get('rewrites', 0)} | "
                     f"{row.get('rewrite_alarms', 0)} |")
    lines += ["", f"Core families together: {core_c}/{core_m} = {100 * core_c / max(1, core_m):.1f}% (target 95%)."]
    return lines


_COVERAGE_NOTES = """\
*In a check* counts a stated figure that took part in any check, whether it held or not. The last
column leaves out the fixed terms (rule fixed-term-numerals, since 2026-12-02): a quoted label such
as “一带一路” or “两个维护” is checked against the numerals of the term it spells, a reference rather
than another figure of the text, so its figures are shown apart. Transcripts quote such terms often
(“一带一路” alone 1,569 times), reports less. Most figures in no check are lone: a level or a rate
the text relates to nothing else it states (全年地区生产总值增长4.9%, 城镇新增就业62.6万人).
Since 2026-12-02 afternoon a named list's count counts as in a check (the named-list check had held
and been listed by `--show-passed`, but its count was not marked): about one point more on each genre.

How far reports can go: the figures of two reports were read one by one (2026-12-02, from the tool's
listing of every figure) for any relation the text itself states between figures — a total and its
parts, a share, a list and its count, a glossary entry and its items, a set and its members, a
level and its change. gwr_2026_hainan: about 87 of its 425 figures (20%), the tool checks 67;
gwr_2016_national (the first 150 of its 182 figures read): about 59 (32%), the tool checks 56.
The rest are lone targets, results and counts (增长6%左右, 新增46家, 过去五年). On these two texts the
35% of issue 10 is more than the text states. The other eight reports were read so too, figure by
figure into tests/gold/coverage/: see *Coverage of reports read by hand* below."""


_GOLD_NOTES = """\
What the core misses are (read one by one on 2026-12-02; `python benchmarks/gold_recall.py --misses`
lists them). Most cannot be caught without reading more into the words than they say: a list before
等N may name fewer than N things (named-list, counted-label and respectively misses of 等-lists); a
breakdown whose words never say it is complete (科技人员…其中种植业…, 专业人员…其中农机员…) may leave
parts out, so its sum is only a bound; 以上/至少 keep no upper side, being thresholds as often as
values; a 年均 rate of income may be real while its levels are nominal (nx2026-income-5y); a count
that a 共 sums with things named elsewhere (冬季两项共4个大项). Since 2026-12-02 近 and 超 bound both
sides (README, Qualifiers), which caught 18 core mutants the open sides had let pass; the false
findings that the open sides had hidden were found by taking the qualifiers out of the archive and
mended first.

On 2026-12-02 afternoon six relations read in gwr_2026_hainan and xwlb_20231228 were added (two
named lists, two notes spelling out their labels, two sets and members). The notes' lists are now
read (glossary entries); the named lists without 等 (石化新材料、现代金融、现代商贸3个千亿级) keep
their ×10 and digit misses: a count more than twice the names before it is left alone, because every
such count in the archive counts something else (取消、下放、转出49项; 四川青川、湖南古丈三省五县), so
30个 or 7个 there draws nothing. With them the core families stand at 94.8%, below the 95% they met
before: the target is missed on the larger set."""


def write_docs(section: list[str]) -> None:
    """Replace this benchmark's section of docs/benchmarks.md (between its markers), or append it."""
    doc = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    body = "\n".join([BEGIN, *section, END])
    if BEGIN in doc and END in doc:
        doc = doc[:doc.index(BEGIN)] + body + doc[doc.index(END) + len(END):]
    else:
        doc = doc.rstrip("\n") + "\n\n" + body + "\n"
    DOCS.write_text(doc, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-docs", action="store_true", help="replace this section of docs/benchmarks.md")
    args = parser.parse_args(argv)
    if not (SHARED / "archive").is_dir():
        print(f"skipped: {SHARED / 'archive'} is absent")
        return 0
    archive, _ = measure_archive()
    gold = measure_gold()
    section = ["## Published text and the relation gold set (issue 10)", "",
               "Generated by `python benchmarks/archive_quality.py --write-docs`.", "",
               "### False alarms and coverage", "", *archive, "", _COVERAGE_NOTES, "",
               "### Recall on relations read by hand", "", *gold, "", _GOLD_NOTES]
    print("\n".join(section))
    if args.write_docs:
        write_docs(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
