"""Why one rule did or did not fire on a line: each place its pattern or structure matched, what
that match bound, and what the rule's kind made of it alone.

A rule author who expected a finding needs to know which step let the sentence go: the statement
stage found no structure there, the structure lacked a figure the formula needs, the units
differ, or the check was made and held. Each match is judged on its own, so a kind that weighs
matches together (a document's consistency) may say less here than in the whole check.
"""

from __future__ import annotations

import datetime
import enum
import functools

from verify.frozen import record
from verify.checking.kinds import KINDS
from verify.checking.kinds.common import comparable_units
from verify.checking.masking import mask
from verify.checking.matching import find_matches
from verify.checking.records import Context, Match
from verify.reading.document import Document
from verify.reading.quantity import Quantity
from verify.rules.formula.parse import variables
from verify.rules.records import Rule
from verify.statements.records import StatementReading


class Outcome(enum.Enum):
    """What became of one match."""

    FIRED = "fired"            # the kind reported a finding
    HELD = "held"              # the check was made and held
    INCOMPLETE = "incomplete"  # the formula needs a figure this match does not bind
    UNITS = "units"            # the figures it binds are of units that cannot be compared
    NOT_JUDGED = "not-judged"  # bound, but the kind made no check (too vague a figure, a row of a table)


@record
class MatchExplanation:
    """One match of the rule: where, the figures by name, the outcome and what it rests on."""

    start: int
    end: int
    bound: tuple[tuple[str, tuple[int, ...]], ...]   # name -> figure indexes (a list slot: several)
    outcome: Outcome
    missing: tuple[str, ...] = ()                    # INCOMPLETE: the formula's names nothing bound
    messages: tuple[str, ...] = ()                   # FIRED: the findings; HELD: the calculations
    stated: int | None = None                        # a tally: the number the text states
    items: tuple[str, ...] = ()                      # a tally: the things it names for that number


@record
class RuleExplanation:
    """A rule on one document (or one line of it): its matches, and the figures the reading found
    there, so that "no match" can be told apart from "no figure"."""

    rule: Rule
    line: int | None
    matches: tuple[MatchExplanation, ...]
    figures_on_line: tuple[int, ...]


def explain_rule(doc: Document, quantities: list[Quantity], reading: StatementReading, rule: Rule,
                 line: int | None = None, issue_date: datetime.date | None = None,
                 lang: str = "zh") -> RuleExplanation:
    """Every match of `rule` on `doc` (only those touching `line`, 1-based, when given), judged
    alone, on the figures and the reading `--statements` shows."""
    context = Context(doc, quantities, mask(doc, quantities), issue_date, "option" if issue_date else None, lang)
    context.read(reading)
    span = doc.line_span(line) if line is not None else None
    explained = []
    for match in find_matches(rule, context, every=True):
        if span is None or (match.start < span[1] and match.end >= span[0]):
            explained.append(_judge(rule, match, context))
    return RuleExplanation(rule, line, tuple(explained), figures_on_line(doc, quantities, line))


def figures_on_line(doc: Document, quantities: list[Quantity], line: int | None) -> tuple[int, ...]:
    """The figures (indexes) that start on a 1-based line; all of them when no line is given."""
    if line is None:
        return tuple(range(len(quantities)))
    start, end = doc.line_span(line)
    return tuple(i for i, q in enumerate(quantities) if start <= q.start < end)


def _judge(rule: Rule, match: Match, context: Context) -> MatchExplanation:
    bound = _bound(match)
    explained = functools.partial(MatchExplanation, match.start, match.end, bound,
                                  stated=getattr(match.structure, "stated", None),
                                  items=tuple(getattr(match.structure, "items", ())))
    verdict = KINDS[rule.kind].evaluate(rule, [match], context)
    if verdict.findings:
        return explained(Outcome.FIRED, messages=tuple(f.message for f in verdict.findings))
    if verdict.passed or verdict.checked:
        return explained(Outcome.HELD, messages=tuple(c.calculation for c in verdict.passed))
    missing = _missing(rule, match)
    if missing:
        return explained(Outcome.INCOMPLETE, missing=missing)
    figures = [context.quantities[i] for _, indexes in bound for i in indexes]
    return explained(Outcome.NOT_JUDGED if comparable_units(figures) else Outcome.UNITS)


def _bound(match: Match) -> tuple[tuple[str, tuple[int, ...]], ...]:
    named = [(name, (index,)) for name, index in match.figures.items()]
    named += [(name, tuple(indexes)) for name, indexes in match.lists.items() if indexes]
    return tuple(sorted(named, key=lambda item: min(item[1], default=-1)))


def _missing(rule: Rule, match: Match) -> tuple[str, ...]:
    """The names a relation's formula (or a compound rule) uses that this match leaves unbound (a
    lookup that found nothing counts as unbound)."""
    relation = getattr(rule.prepared, "relation", None)
    needed = variables(relation) if relation is not None else set(getattr(rule.prepared, "needed", ()))
    if not needed:
        return ()
    bound = set(match.figures) | set(match.lists) | {name for name, _ in getattr(match.structure, "constants", ())}
    return tuple(sorted(needed - bound))

