"""False alarms on published text: ../shared/archive (TV transcripts, government work reports, a
national daily of 1998) and ../shared/corpus, about 6.4 million characters, none of it written for
this project. Published copy is taken as right until the arithmetic proves it wrong, so:

- errors: at most 0.1 per 100,000 characters, and each one a real published mistake listed with
  its arithmetic in tests/oddities.py;
- cross-check warnings (every rule outside rules/usage/): at most 0.5 per 100,000 characters;
- usage warnings (how a figure is written) are counted and printed apart, under a loose cap.

The whole archive is checked once per session (about 10 s, two processes), and once more with every
decimal rounded one place coarser (the rounding probe, below).
"""

from __future__ import annotations

import collections
import os
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from conftest import ARCHIVE, ARCHIVE_FOLDERS, CORPUS, REPO
from oddities import KNOWN_ODDITIES, PUBLISHED_MISTAKES
from verify.reading.document import Document, decode
from verify.checking.engine import check_all
from verify.loaders import load_rules

PER = 100_000
MAX_ERRORS = 0.1
MAX_CROSS_CHECK_WARNINGS = 0.5
MAX_USAGE_WARNINGS = 4.0  # loose: usage findings are mostly real, and never block a page

USAGE_RULES = frozenset(p.stem for p in (REPO / "rules" / "usage").glob("*.yaml"))


@pytest.fixture(scope="module")
def archive_run():
    """Every file of the archive folders and the corpus, checked once: (characters, findings)."""
    if not ARCHIVE.is_dir():
        pytest.skip(f"../shared/archive not present: {ARCHIVE} does not exist (a clone outside the "
                    f"workspace has no shared archive next to it), so false alarms cannot be measured")
    paths = [p for folder in ARCHIVE_FOLDERS for p in sorted((ARCHIVE / folder).glob("*.txt"))]
    paths += sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    documents = [decode(p.read_bytes(), str(p)) for p in paths]
    return sum(len(d.text) for d in documents), _checked(documents), documents


def _checked(documents) -> list:
    results = check_all(documents, load_rules(), jobs=min(2, os.cpu_count() or 1))
    return [(Path(r.doc.path), f) for r in results for f in r.findings]


def rate(count: int, characters: int) -> float:
    return count * PER / characters


def listing(found) -> str:
    return "\n".join(f"  {p.name}:{f.line} {f.rule_id} {f.text}: {f.message} ({f.calculation})" for p, f in found)


def known(path: Path, finding) -> bool:
    """A corpus oddity, or a published mistake of the archive (named by folder and file)."""
    return (path.name, finding.rule_id, finding.text) in KNOWN_ODDITIES \
        or (f"{path.parent.name}/{path.name}", finding.rule_id, finding.text) in PUBLISHED_MISTAKES


def test_errors_are_rare_and_each_a_known_published_mistake(archive_run):
    characters, findings, _ = archive_run
    errors = [(p, f) for p, f in findings if f.severity == "error"]
    unexplained = [(p, f) for p, f in errors if not known(p, f)]
    assert unexplained == [], f"errors on published text not in tests/oddities.py:\n{listing(unexplained)}"
    assert rate(len(errors), characters) <= MAX_ERRORS


def test_cross_check_warnings_are_rare(archive_run):
    characters, findings, _ = archive_run
    warnings = [(p, f) for p, f in findings if f.severity == "warning" and f.rule_id not in USAGE_RULES]
    assert rate(len(warnings), characters) <= MAX_CROSS_CHECK_WARNINGS, listing(warnings)


def test_usage_warnings_are_counted_apart(archive_run, capsys):
    characters, findings, _ = archive_run
    usage = collections.Counter(f.rule_id for _, f in findings if f.severity == "warning" and f.rule_id in USAGE_RULES)
    with capsys.disabled():
        print(f"\nusage warnings on {characters:,} characters of published text: {sum(usage.values())} "
              f"({rate(sum(usage.values()), characters):.2f} per 100,000): "
              + ", ".join(f"{rule} {n}" for rule, n in usage.most_common()))
    assert rate(sum(usage.values()), characters) <= MAX_USAGE_WARNINGS


def test_usage_rules_never_raise_errors(archive_run):
    _, findings, _ = archive_run
    assert [(p, f) for p, f in findings if f.rule_id in USAGE_RULES and f.severity == "error"] == []


# --- the rounding probe: a published page with its decimals rounded one place coarser is still true ---

_TO_NARROW = str.maketrans("０１２３４５６７８９．", "0123456789.")
_TO_WIDE = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
_DECIMAL = re.compile(r"(?<![\d.０-９．·])([0-9０-９]+)([.．·])([0-9０-９]+)(?![\d.０-９．·])")
_BOUND_BEFORE = ("超", "近", "约", "逾", "超过", "接近", "不足", "大约", "将近", "至少", "不到", "低于", "高于", "突破")
_BOUND_AFTER = ("多", "余", "以上", "以下", "左右", "上下", "强", "弱")


def rounded_one_place(text: str) -> str:
    """The text with each unqualified decimal rounded half up to one place fewer (33.88 -> 33.9, 8.7 -> 9,
    １２．６４ -> １２．６). The true value v of a figure x printed to step s lies within s/2 of x; rounded to
    10s, y = x rounded, |x - y| <= 4s when the dropped digit is no 5, so |v - y| < 5s: y's interval still
    holds v, and every relation that held still can. A dropped 5 (55.5 may be 55.48: 56 would not hold it)
    and a bound (超4.5亿, 94.7%以上: rounded up, no longer implied) are left as written."""
    def rounded(m: re.Match) -> str:
        whole, point, decimals = m.groups()
        before, after = m.string[max(0, m.start() - 2):m.start()], m.string[m.end():m.end() + 4]
        if decimals.translate(_TO_NARROW)[-1] == "5" or any(before.endswith(w) for w in _BOUND_BEFORE) \
                or any(w in after for w in _BOUND_AFTER):
            return m.group()
        places = len(decimals) - 1
        value = Decimal(f"{whole.translate(_TO_NARROW)}.{decimals.translate(_TO_NARROW)}")
        text = format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
        if any("０" <= ch <= "９" for ch in m.group()):
            text = text.translate(_TO_WIDE)
        return text.replace(".", point).replace("．", point) if places else text
    return _DECIMAL.sub(rounded, text)


@pytest.mark.parametrize("text, expected", [
    ("新增就业33.88万人，完成96.8%", "新增就业33.9万人，完成97%"),
    ("增长１２．６４％，占８．７％", "增长１２．６％，占９％"),
    ("１３４３·３６亿美元", "１３４３·４亿美元"),
    ("占比55.5%，超4.57亿，94.7%以上，2.36万余人", "占比55.5%，超4.57亿，94.7%以上，2.36万余人"),
])
def test_rounded_one_place(text, expected):
    assert rounded_one_place(text) == expected


def test_rounding_every_decimal_one_place_coarser_draws_no_new_finding(archive_run):
    """Rounded coarser, every figure's interval still holds what the published one stood for: a new error or
    cross-check warning can only be a misreading (the first run found a title's 5% paired with a body's 4%)."""
    _, findings, documents = archive_run
    rounded = [Document(d.path, rounded_one_place(d.text)) for d in documents]
    def counted(found):
        return collections.Counter((p, f.rule_id, f.severity) for p, f in found
                                   if f.severity == "error" or f.severity == "warning" and f.rule_id not in USAGE_RULES)
    before, after = counted(findings), counted(_checked(rounded))
    new = after - before
    assert not new, "findings the rounded copies draw and the published text does not:\n" + \
        "\n".join(f"  {p.name} {rule} {severity} ×{n}" for (p, rule, severity), n in new.items())


def test_full_width_digits_change_no_finding(archive_run):
    """The transcripts, reports and corpus with every digit, point and % in full width, as the 1998 daily
    writes them, draw the same findings at the same places (a rule's `written` test once missed
    ９．５至９．５５亿美元, whose point is no '.')."""
    _, findings, documents = archive_run
    half = [d for d in documents if "rmrb1998" not in d.path]
    wide = [Document(d.path, d.text.translate(_TO_WIDE)) for d in half]
    def placed(found):
        return collections.Counter((p, f.rule_id, f.severity, f.start) for p, f in found)
    paths = {Path(d.path) for d in half}
    assert placed(_checked(wide)) == placed((p, f) for p, f in findings if p in paths)


def test_two_articles_joined_by_a_blank_line_draw_the_findings_of_each(archive_run):
    """A page holds many articles: two files joined by a blank line draw each one's findings at its own
    places and no other (a share's whole was once looked up in the next article, of another period)."""
    _, findings, documents = archive_run
    chosen = [d for n, d in enumerate(documents) if "xwlb" not in d.path or n % 7 == 0]
    pairs = list(zip(chosen[0::2], chosen[1::2]))
    joined = [Document(f"{a.path}+{Path(b.path).name}", a.text.rstrip("\n") + "\n\n" + b.text) for a, b in pairs]
    by_path = collections.defaultdict(collections.Counter)
    for p, f in findings:
        by_path[str(p)][(f.rule_id, f.severity, f.start)] += 1
    expected, offsets = collections.Counter(), {}
    for (a, b), doc in zip(pairs, joined):
        offset = len(a.text.rstrip("\n")) + 2
        expected.update({(doc.path, *k): n for k, n in by_path[a.path].items()})
        expected.update({(doc.path, rule, severity, start + offset): n
                         for (rule, severity, start), n in by_path[b.path].items()})
    got = collections.Counter((str(p), f.rule_id, f.severity, f.start) for p, f in _checked(joined))
    assert got == expected, f"new: {sorted(got - expected)[:10]}, lost: {sorted(expected - got)[:10]}"


_BEFORE_DIGITS = re.compile(r"([\u4e00-\u9fff])([0-9])")
_AFTER_DIGITS = re.compile(r"([0-9%])([\u4e00-\u9fff])")


def test_copy_spaced_between_chinese_and_digits_draws_the_findings_of_the_printed_copy(archive_run):
    """The reports and the corpus set as web copy often is (就业 33.88 万人): read without those spaces,
    they draw the printed copy's findings (before reading/spacing.py, 80 errors more on the archive)."""
    _, findings, documents = archive_run
    chosen = [d for d in documents if "xwlb" not in d.path or d.path.endswith("0.txt")]
    spaced = [decode(_AFTER_DIGITS.sub(r"\1 \2", _BEFORE_DIGITS.sub(r"\1 \2", d.text)).encode(), d.path)
              for d in chosen]
    assert all(sp.spaces is not None for d, sp in zip(chosen, spaced) if _AFTER_DIGITS.search(d.text))
    paths = {Path(d.path) for d in chosen}
    def counted(found):
        return collections.Counter((p, f.rule_id, f.severity, f.text.replace(" ", "")) for p, f in found if p in paths)
    assert counted(_checked(spaced)) == counted(findings)
