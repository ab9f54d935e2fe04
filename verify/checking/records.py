"""What the checking stage passes around: the context a kind judges in, a match of a rule's
pattern, a kind's verdict, and the outcome for one file."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field

from verify.frozen import record, slot_setters
from verify.checking.masking import MaskedText
from verify.reading.document import Document
from verify.reading.quantity import Quantity
from verify.reading.tables import TableRows, table_rows
from verify.records import Check, Finding
from verify.rules.records import Rule
from verify.statements.records import StatementReading


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
    statements: StatementReading = StatementReading({}, ())  # what each figure states (statement rules)
    checks: bool = True   # keep the checks that held (Verdict.held): only the reports that show them ask

    def read(self, reading: StatementReading) -> None:
        """Take the page's statements, and judge each count of whole things as exactly the number it
        prints (出席186人 is 186, not 185.5 to 186.5), and a figure the text leaves without a unit in
        the unit of the figure that restates it (超过40万，达到401763例): the statement stage says which."""
        self.statements = reading
        if reading.whole_counts or reading.borrowed_units:
            quantities = list(self.quantities)   # (a copy: the reader's list stays as read)
            for i in reading.whole_counts:
                quantities[i] = quantities[i].exactly()
            for i, unit in reading.borrowed_units:
                quantities[i] = quantities[i].with_unit(unit)
            self.quantities = quantities

    @property
    def tables(self) -> TableRows:
        """The document's table rows, found once."""
        if "tables" not in self.memo:
            self.memo["tables"] = table_rows(self.doc, self.quantities)
        return self.memo["tables"]


@record(slots=True, init=False)
class Match:
    """One place where a rule's pattern matched: its slots bound to figures (indexes into the
    document's quantities; a list slot to all it holds, in text order) and its groups to text."""

    rule: Rule
    start: int
    end: int
    figures: dict[str, int]               # {name:type} slots
    lists: dict[str, tuple[int, ...]]     # {name:type+} and {name:type*} slots
    texts: dict[str, str]
    text_spans: dict[str, tuple[int, int]]
    structure: object = None   # what the statement stage found, for kinds that read it whole (a Tally)

    def __init__(self, rule: Rule, start: int, end: int, figures: dict[str, int], lists: dict[str, tuple[int, ...]],
                 texts: dict[str, str], text_spans: dict[str, tuple[int, int]], structure: object = None) -> None:
        """The fields, stored through their slots (frozen.slot_setters): a page makes
        thousands of matches (one for each date of date-exists)."""
        s_rule, s_start, s_end, s_figures, s_lists, s_texts, s_spans, s_structure = _MATCH_SETTERS
        s_rule(self, rule), s_start(self, start), s_end(self, end), s_figures(self, figures), s_lists(self, lists)
        s_texts(self, texts), s_spans(self, text_spans), s_structure(self, structure)


_MATCH_SETTERS = slot_setters(Match)


@dataclass
class Verdict:
    """What a kind concluded from its matches: findings, and the figures it actually checked."""

    findings: list[Finding] = field(default_factory=list)
    checked: set[int] = field(default_factory=set)
    passed: list[Check] = field(default_factory=list)

    def held(self, rule: Rule, subject: Quantity, calculation: str) -> None:
        """Record a check that held."""
        self.passed.append(Check(rule.id, subject.start, subject.end, subject.text, calculation))


class FigureCount:
    """A checked file's figures once the file is done: only how many there were (reports print
    the count); so results of many files, or from a worker, hold no figures."""

    __slots__ = ("count",)

    def __init__(self, count: int) -> None:
        self.count = count

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        raise TypeError("a checked file keeps only the count of its figures")

    def __eq__(self, other) -> bool:
        return isinstance(other, FigureCount) and other.count == self.count

    def __repr__(self) -> str:
        return f"FigureCount({self.count})"


@record(slots=True)
class FileResult:
    """The outcome for one file: its figures, which were checked, and the findings."""

    doc: Document
    quantities: list[Quantity]
    checked: set[int]
    findings: list[Finding]
    passed: list[Check] = field(default_factory=list)
    baselined: list[Finding] = field(default_factory=list)          # known before: in the baseline
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)  # judged acceptable, with why

    def kept(self, figures: int | None = None) -> "FileResult":
        """The result as a run keeps it once the file is checked: findings, checks and counts;
        the document without its text, the figures as their count (`figures`, when a document
        checked in sections kept none)."""
        spans = {(f.start, f.end) for f in self.findings}
        count = len(self.quantities) if figures is None else figures
        return dataclasses.replace(self, doc=self.doc.kept(spans), quantities=FigureCount(count))
