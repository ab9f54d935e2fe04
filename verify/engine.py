"""rules x quantities -> [Match] -> [Finding]: the checking pipeline of one document.

check_document names every stage: read the figures, mask them, match each rule's pattern,
let the rule's kind judge the matches, and collect findings and the figures that were checked.
"""

from __future__ import annotations

import datetime
import os
import signal
from dataclasses import dataclass, field

from verify.budget import OverBudget, match_seconds, time_budget
from verify.document import Document
from verify.errors import RuleFileError
from verify.findings import Check, Finding
from verify.masked import SLOT_TYPES, MaskedText, mask, placeholder_of
from verify.quantities import Quantity, read_quantities
from verify.rulefile import Rule, load_rules


@dataclass
class Context:
    """What every kind may consult while judging a match."""

    doc: Document
    quantities: list[Quantity]
    masked: MaskedText
    issue_date: datetime.date | None = None
    issue_date_source: str | None = None   # "option" or "file name"
    lang: str = "zh"
    memo: dict = field(default_factory=dict)  # what kinds compute once per document


@dataclass
class Match:
    """One place where a rule's pattern matched, with its slots bound to figures and text."""

    rule: Rule
    start: int
    end: int
    figures: dict[str, int | list[int]]
    texts: dict[str, str]
    text_spans: dict[str, tuple[int, int]]


@dataclass
class Verdict:
    """What a kind concluded from its matches: findings, and the figures it actually checked."""

    findings: list[Finding] = field(default_factory=list)
    checked: set[int] = field(default_factory=set)
    passed: list[Check] = field(default_factory=list)

    def held(self, rule: Rule, subject: Quantity, calculation: str) -> None:
        """Record a check that held."""
        self.passed.append(Check(rule.id, subject.start, subject.end, subject.text, calculation))


@dataclass
class FileResult:
    """The outcome for one file: its figures, which were checked, and the findings."""

    doc: Document
    quantities: list[Quantity]
    checked: set[int]
    findings: list[Finding]
    passed: list[Check] = field(default_factory=list)
    baselined: list[Finding] = field(default_factory=list)          # known before: in the baseline
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)  # judged acceptable, with why


def check_documents(documents: list[Document], rule_paths: list[str], issue_date: datetime.date | None,
                    lang: str = "zh") -> list[FileResult]:
    """Load the rules once (all validated before any text), then check each document."""
    rules = load_rules(rule_paths)
    return [check_document(doc, rules, issue_date, lang) for doc in documents]


def check_all(documents: list[Document], rules: list[Rule], issue_date: datetime.date | None = None,
              lang: str = "zh", jobs: int = 1) -> list[FileResult]:
    """Check documents, in parallel processes when jobs > 1; results keep the input order."""
    jobs = min(jobs, len(documents), os.cpu_count() or 1)  # never more processes than files or CPUs
    if jobs <= 1:
        return [check_document(doc, rules, issue_date, lang) for doc in documents]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(rules, issue_date, lang)) as pool:
        return list(pool.map(_check_in_worker, documents, chunksize=max(1, len(documents) // (jobs * 4))))


_WORKER: dict = {}


def _start_worker(rules, issue_date, lang) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to report, once
    _WORKER.update(rules=rules, issue_date=issue_date, lang=lang)


def _check_in_worker(doc: Document) -> FileResult:
    return check_document(doc, _WORKER["rules"], _WORKER["issue_date"], _WORKER["lang"])


def check_document(doc: Document, rules: list[Rule], issue_date: datetime.date | None = None,
                   lang: str = "zh", date_source: str | None = None) -> FileResult:
    """Read, mask, match, judge: the whole check of one document."""
    from verify.dates import date_in_name
    from verify.kinds import KINDS

    quantities = read_quantities(doc)
    masked = mask(doc, quantities)
    if issue_date is not None:
        date_source = date_source or "option"
    else:
        issue_date = date_in_name(doc.path)
        date_source = "file name" if issue_date else None
    context = Context(doc, quantities, masked, issue_date, date_source, lang)
    total = Verdict()
    seconds = match_seconds(len(doc.text))
    for rule in rules:
        try:
            with time_budget(seconds):
                matches = find_matches(rule, context)
                verdict = KINDS[rule.kind].evaluate(rule, matches, context) if matches else None
        except OverBudget:
            raise RuleFileError(rule.path, rule.lines.get("pattern"),
                                f"rule '{rule.id}' took more than {seconds:.0f} s on {doc.path} "
                                f"(a pattern that backtracks too much?)") from None
        if verdict is not None:
            total.findings.extend(verdict.findings)
            total.checked |= verdict.checked
            total.passed.extend(verdict.passed)
    total.findings.sort(key=Finding.sort_key)
    total.passed.sort(key=lambda c: (c.start, c.rule_id))
    return FileResult(doc, quantities, total.checked, total.findings, total.passed)


def find_matches(rule: Rule, context: Context) -> list[Match]:
    """Every match of the rule's pattern, its slots bound to quantity indexes."""
    if rule.match_on == "text":
        return _text_matches(rule, context)
    written = rule.prepared.get("written") if isinstance(rule.prepared, dict) else None
    return find_matches_of(rule.pattern, rule, context, written=written)


def _text_matches(rule: Rule, context: Context) -> list[Match]:
    """A pattern on the text itself (no slots): for how figures are written (.5, 4千, 90年)."""
    found = []
    for m in _matches_by_line(rule.pattern, context.doc.view):
        texts = {g: context.doc.text[m.start(g):m.end(g)] for g in rule.pattern.text_groups if m.start(g) >= 0}
        spans = {g: (m.start(g), m.end(g)) for g in texts}
        found.append(Match(rule, m.start(), m.end(), {}, texts, spans))
    return found


def find_matches_of(pattern, rule: Rule, context: Context, window: tuple[int, int] | None = None,
                    written: dict | None = None) -> list[Match]:
    """Every match of one compiled pattern (a rule's own, or one of its extra patterns),
    optionally only within a window of the masked text; `written` (slot -> regex on the figure's
    text) drops matches whose figures are not written so before anything else is built."""
    masked = context.masked
    found = []
    if window:
        matches = pattern.regex.finditer(masked.text, *window)
    elif written:  # only lines with a figure written so can hold a match: look nowhere else
        _, regex = next(iter(written.items()))
        hits = [pos for pos, i in zip(masked.slots, masked.slot_quantity) if regex.search(context.quantities[i].text)]
        matches = _matches_by_line(pattern, masked.text, hits)
    else:
        matches = _matches_by_line(pattern, masked.text)
    for m in matches:
        if written and not _written_as(m, written, context):
            continue
        figures: dict[str, int | list[int]] = {}
        for name, slot in pattern.slots.items():
            if m.start(name) < 0:
                continue
            if slot.many:
                allowed = SLOT_TYPES[slot.type]
                figures[name] = [i for i in masked.quantities_in(m.start(name), m.end(name))
                                 if _placeholder_allowed(context.quantities[i], allowed)]
            else:
                index = masked.quantity_at(m.start(name))
                if index is not None:
                    figures[name] = index
        texts, spans = {}, {}
        for group in pattern.text_groups:
            if m.start(group) >= 0:
                start, end = masked.original(m.start(group)), masked.original(m.end(group))
                spans[group] = (start, end)
                texts[group] = context.doc.text[start:end]
        start, end = masked.original(m.start()), masked.original(m.end())
        found.append(Match(rule, start, end, figures, texts, spans))
    return found


def _written_as(m, written: dict, context: Context) -> bool:
    for slot, regex in written.items():
        index = context.masked.quantity_at(m.start(slot)) if m.start(slot) >= 0 else None
        if index is None or not regex.search(context.quantities[index].text):
            return False
    return True


def _matches_by_line(pattern, text: str, hits=None):
    """The pattern's matches, line by line; only lines holding one of its required words (or,
    when `hits` is given, one of those places: figures written as the rule asks)."""
    if hits is None and pattern.anchor is None:  # one pass; a match across a line break is no match
        yield from (m for m in pattern.regex.finditer(text) if "\n" not in m.group())
        return
    done = -1
    for hit in hits if hits is not None else (m.start() for m in pattern.anchor.finditer(text)):
        if hit < done:
            continue
        begin = text.rfind("\n", 0, hit) + 1
        end = text.find("\n", hit)
        end = len(text) if end < 0 else end
        yield from pattern.regex.finditer(text, begin, end)
        done = end + 1


def _placeholder_allowed(q: Quantity, allowed: str) -> bool:
    mark = placeholder_of(q)
    if mark is None:
        return False
    if "-" in allowed:  # a range such as \ue001-\ue00a
        lo, hi = allowed.split("-")
        return lo <= mark <= hi
    return mark in allowed
