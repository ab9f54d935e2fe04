"""Run each rule's own examples: a fail example must draw a finding, a pass example must match
the rule and draw none. A rule whose pass example never matches proves nothing, so it fails;
only a rule that fires on every match (a pattern without condition) has near misses as passes.
"""

from __future__ import annotations

import datetime

from verify.frozen import record
from verify.statements import read_statements
from verify.reading.document import Document
from verify.rules.records import Example, Rule
from verify.checking.engine import check_document
from verify.checking.matching import find_matches, find_matches_of
from verify.checking.records import Context
from verify.checking.masking import mask
from verify.reading.reader import read_quantities



@record
class ExampleFailure:
    """An example that does not behave as its rule file says."""

    rule: Rule
    group: str
    index: int
    example: Example
    problem: str

    def one_line(self) -> str:
        """`rules/x.yaml:12: fail[0]: no finding …` for the terminal."""
        where = f"{self.rule.path}:{self.example.line}" if self.example.line else self.rule.path
        return f"{where}: {self.group}[{self.index}]: {self.problem}: {self.example.text[:60]}"


def run_example(rule: Rule, example: Example, group: str) -> str | None:
    """None when the example behaves as declared, else what went wrong."""
    date = datetime.date.fromisoformat(example.date) if example.date else None
    doc = Document("<example>", example.text)
    result = check_document(doc, [rule], date, "zh", date_source="option" if date else None)
    own = [f for f in result.findings if f.rule_id == rule.id]
    firing = [f for f in own if f.severity.fires]
    if group == "fail":
        wanted = [f for f in own if f.severity == example.severity] if example.severity else firing
        if not wanted:
            got = ", ".join(f"{f.severity}: {f.message}" for f in own) or "no finding"
            return f"expected a {example.severity or 'error or warning'} finding, got {got}"
        if example.expected and not any(example.expected in (f.expected or "") or example.expected in f.message
                                        for f in wanted):
            return f"expected {example.expected!r} in the finding, got {wanted[0].expected!r}"
        return None
    if firing:
        return f"must not fire, but: {firing[0].severity}: {firing[0].message}"
    if unconditional(rule):
        return None  # it fires wherever it matches: its pass examples are near misses it must leave alone
    quantities = read_quantities(doc)
    context = Context(doc, quantities, mask(doc, quantities))
    if rule.match_on == "statements":
        context.read(read_statements(doc, quantities))
    looked_at = find_matches(rule, context) if rule.match_on in ("text", "statements") \
        else find_matches_of(rule.pattern, rule, context)
    if not looked_at:  # the pattern itself, before any test of how figures are written
        return "the rule's pattern does not match this pass example, so it proves nothing"
    return None


def unconditional(rule: Rule) -> bool:
    """A pattern rule with no condition and no test of how figures are written fires on every match."""
    return rule.kind == "pattern" and not rule.params.get("condition") and not rule.params.get("written")


def check_rule_examples(rules: list[Rule]) -> list[ExampleFailure]:
    """Every failing example of every rule, and rules with no fail example."""
    failures = []
    for rule in rules:
        if not rule.fail_examples:
            failures.append(ExampleFailure(rule, "fail", 0, Example(text="", line=rule.lines.get("examples")),
                                           "the rule has no example on which it fires"))
        for group, examples in (("fail", rule.fail_examples), ("pass", rule.pass_examples)):
            for i, example in enumerate(examples):
                problem = run_example(rule, example, group)
                if problem:
                    failures.append(ExampleFailure(rule, group, i, example, problem))
    return failures
