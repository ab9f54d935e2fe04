"""pattern: a pattern that is a finding by itself, or when a condition on its slots surely holds.

`condition: rate >= 100` fires only when every value inside the stated intervals satisfies it
(下降120% does; 下降约100% does not), so an approximate figure never raises the alarm.
`written` asks how a figure is written: {slot: regex} must find a match in the figure's own text
(9~16亿 written without the first 亿, 约…左右 both at once); the engine applies it while matching.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import field

from verify.frozen import record
from verify.errors import RuleFileError
from verify.rules.formula.parse import Relation, variables
from verify.rules.formula.evaluate import relation_may_hold
from verify.checking.kinds.common import finding, parse_rule_formula, rule_message, rule_written, value_interval, with_range_ends
from verify.messages import text_for
from verify.checking.records import Verdict
from verify.records import Finding
from verify.rules.records import KindParams, Rule

TYPES = {"condition": str, "subject": str, "written": dict}
REQUIRED: set[str] = set()
OPTIONAL = set(TYPES)
MESSAGE_FIELDS = {"title"}  # what a rule's message may name besides its slots and groups
_NEGATION = {">": "<=", ">=": "<", "<": ">=", "<=": ">", "==": "=="}


@record
class PatternParams(KindParams):
    """The condition a pattern rule tests (if any), the slot its finding is about, and how its
    figures must be written."""

    condition: Relation | None
    subject: str | None
    written: Mapping[str, re.Pattern[str]] = field(default_factory=dict)


def prepare(rule: Rule) -> PatternParams:
    """Parse the optional condition; its variables must be slots."""
    condition = parse_rule_formula(rule, "condition") if rule.params.get("condition") else None
    if condition is not None:
        for var in sorted(variables(condition) - set(rule.pattern.slots)):
            raise RuleFileError(rule.path, rule.lines.get("condition"), f"condition uses '{var}', which no slot binds")
        if condition.op == "==":
            raise RuleFileError(rule.path, rule.lines.get("condition"), "a condition compares with < <= > or >=")
    subject = rule.params.get("subject") or next(iter(rule.pattern.slots), None)
    if subject is not None and subject not in rule.pattern.slots:
        raise RuleFileError(rule.path, rule.lines.get("subject"), f"subject '{subject}' is not a slot of the pattern")
    return PatternParams(condition, subject, rule_written(rule))


def evaluate(rule, matches, context):
    """One finding per match whose condition surely holds."""
    verdict = Verdict()
    prep: PatternParams = rule.prepared
    condition = prep.condition
    for match in matches:
        figures = {k: context.quantities[v] for k, v in match.figures.items()}
        if condition is not None:
            if not variables(condition) <= set(figures):
                continue
            verdict.checked |= set(match.figures.values())
            env = with_range_ends({k: value_interval(q) for k, q in figures.items()}, figures, False)
            negated = Relation(_NEGATION[condition.op], condition.left, condition.right)
            if relation_may_hold(negated, env):
                continue
        verdict.checked |= set(match.figures.values())
        subject = figures.get(prep.subject) or next(iter(figures.values()), None)
        texts = {"title": rule.title_in(context.lang), **match.texts, **{k: q.text for k, q in figures.items()}}
        default = text_for(context.lang, "pattern_found", title=rule.title_in(context.lang))
        message = rule_message(rule, context.lang, default, texts)
        if subject is None:
            verdict.findings.append(_text_finding(rule, match, message, context.doc.text))
        else:
            verdict.findings.append(finding(rule, rule.severity, subject, message, None, None,
                                            list(figures.values())))
    return verdict


def _text_finding(rule, match, message, text: str):
    return Finding(rule.id, rule.severity, match.start, match.end, text[match.start:match.end], message)
