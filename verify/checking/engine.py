"""rules x documents -> [FileResult]: the checking pipeline of one document, and of many.

check_document names every stage: read the figures, mask them, match each rule's pattern,
let the rule's kind judge the matches, and collect findings and the figures that were checked.
"""

from __future__ import annotations

import datetime
import importlib
import itertools
from collections.abc import Callable, Iterable
import os

from verify.checking.kinds import KINDS
from verify.checking.masking import mask
from verify.checking.matching import find_matches
from verify.checking.records import Context, FileResult, Verdict
from verify.errors import RuleFileError
from verify.reading.calendar import date_in_name
from verify.reading.document import Document, sections
from verify.reading.quantity import Quantity
from verify.reading.reader import read_quantities
from verify.records import Finding
from verify.rules.budget import OverBudget, match_seconds, time_budget
from verify.rules.records import Rule
from verify.statements import read_statements


def check_all(sources: Iterable[Document | str], rules: list[Rule], issue_date: datetime.date | None = None,
              lang: str = "zh", jobs: int = 1, read: Callable[[str], Document] | None = None,
              keep: bool = False, done=None, checks: bool = True) -> list[FileResult]:
    """Check documents (or the files `read` reads, one at a time), in parallel processes when
    jobs > 1; results keep the input order. With `keep`, each result is kept without its text
    and figures (FileResult.kept): a run's memory does not grow with its number of files, and a
    worker sends back only findings, checks and counts. `done`, when given, is called once per
    document checked (a progress bar). Without `checks`, the checks that held are not kept (a
    report that shows none: their texts are not written)."""
    if jobs <= 1:   # (checked again below, once the names are counted)
        return [_counted(_check_one(source, rules, issue_date, lang, read, keep, checks), done) for source in sources]
    sources = list(sources)  # names, or documents that only the parent can read (stdin)
    jobs = min(jobs, len(sources), os.cpu_count() or 1)  # never more processes than files or CPUs
    if jobs <= 1:
        return [_counted(_check_one(source, rules, issue_date, lang, read, keep, checks), done) for source in sources]
    # multiprocessing is 20 modules of start-up: its module is loaded by name only for --jobs
    parallel = importlib.import_module("verify.checking.parallel")
    results = parallel.check_in_parallel(sources, jobs, _check_one, (rules, issue_date, lang, read, keep, checks))
    return [_counted(result, done) for result in results]


def _counted(result: FileResult, done) -> FileResult:
    if done is not None:
        done()
    return result


def _check_one(source, rules, issue_date, lang, read, keep, checks=True) -> FileResult:
    doc = source if isinstance(source, Document) else read(source)
    return check_document(doc, rules, issue_date, lang, keep=keep, checks=checks)


def check_document(doc: Document, rules: list[Rule], issue_date: datetime.date | None = None,
                   lang: str = "zh", date_source: str | None = None, keep: bool = False, checks: bool = True) -> FileResult:
    """Read, mask, match, judge: the whole check of one document, a section at a time when it is
    long (reading.document.sections), so that memory stays flat. With `keep`, the result holds
    its figures' count rather than the figures (FileResult.kept); without `checks`, no checks that held."""
    if issue_date is not None:
        date_source = date_source or "option"
    else:
        issue_date = date_in_name(doc.path)
        date_source = "file name" if issue_date else None
    parts = sections(doc)
    offset, section = next(parts)
    if section is doc:  # not long: checked whole
        result = _check_section(doc, rules, issue_date, date_source, lang, checks)
        return result.kept() if keep else result
    quantities: list[Quantity] = []
    figures = 0
    total = Verdict()
    for offset, section in itertools.chain([(offset, section)], parts):
        part = _check_section(section, rules, issue_date, date_source, lang, checks)
        total.findings.extend(f.shifted(offset) for f in part.findings)
        total.passed.extend(c.shifted(offset) for c in part.passed)
        total.checked |= {figures + i for i in part.checked}
        figures += len(part.quantities)
        if not keep:
            quantities.extend(q.shifted(offset) for q in part.quantities)
    result = FileResult(doc, quantities, total.checked, total.findings, total.passed)
    return result.kept(figures=figures) if keep else result


def _check_section(doc: Document, rules: list[Rule], issue_date: datetime.date | None, date_source: str | None,
                   lang: str, checks: bool = True) -> FileResult:
    quantities = read_quantities(doc)
    masked = mask(doc, quantities)
    context = Context(doc, quantities, masked, issue_date, date_source, lang, checks=checks)
    if any(rule.match_on == "statements" for rule in rules):
        context.read(read_statements(doc, quantities))
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
    return FileResult(doc, quantities, total.checked, _without_repeats(total.findings), total.passed)


def _without_repeats(findings: list[Finding]) -> list[Finding]:
    """The findings less those that repeat one before them: the same figure, and the same value
    that the arithmetic says instead (“七条底线”是：six items, found by the colon-list pattern and by the
    statement stage's reading of the label alike). Sorted surest first, so the surest is kept."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for f in findings:
        key = (f.start, f.end, f.expected)
        if f.expected is not None and key in seen:
            continue
        kept.append(f)
        if f.expected is not None:
            seen.add(key)
    return kept


