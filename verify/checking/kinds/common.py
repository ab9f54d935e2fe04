"""What the kinds share: binding figures to intervals, units, leniency, messages, findings."""

from __future__ import annotations

import re
from fractions import Fraction

from verify import regexes
from verify.errors import RuleFileError
from verify.records import Finding, Related, Severity
from verify.reading.interval import Interval
from verify.reading.quantity import Quantity, Year, may_be_rounded, trailing_zero_place
from verify.reading.numerals import counted_as, decimal_string
from verify.rules.formula.parse import FormulaError, end_key, parse_formula
from verify.rules.patterns import PatternError, compile_pattern

_PERCENT_LITERAL = regexes.lazy(r"(?<![\d.])(\d{1,30}(?:\.\d{1,30})?)\s*%")  # bounded: linear in a long literal


def value_interval(q: Quantity, lenient: bool = False) -> Interval:
    """The figure as a number for arithmetic: % ‰ 成 百分点 as plain ratios (96.8% -> 0.968).

    Lenient widens an unqualified rounded figure to cover truncation as well as rounding (33.88
    may be anything from 33.875 to just under 33.89), and an integer of 1000 or more ending in
    two or more zeros by half its last non-zero place (4200 may be 4187 rounded), unless it is read
    as rounded to that place already (千 is 500 to 1500: cut, it may be up to 1999, not down to 0): an
    error must hold even then.
    """
    if isinstance(q.value, Year) and q.value.last is None:
        return Interval.point(q.value.first)  # 2021年: a year takes part in arithmetic (year - 1)
    iv = q.fraction_interval()
    if not lenient or q.qualifier is not None or iv.low is None or iv.high is None:
        return iv
    if may_be_rounded(q):  # cut toward zero instead of rounded: 33.88 may stand for anything up to 33.89
        return iv.cut()
    zeros = trailing_zero_place(q)
    if zeros >= 100 and abs(q.value) >= 1000:  # 4200人 may be 4187 rounded to hundreds; 20例 is 20
        if iv.high - iv.low >= zeros:
            return iv.cut()   # 千 is read as 500 to 1500 already: cut, up to 1999
        return Interval(iv.low - Fraction(zeros, 2), iv.high + Fraction(zeros, 2))
    return iv


def stated(q: Quantity) -> bool:
    """Whether a figure stands in the text; a number the calendar implies (22天 of a span of dates)
    has no span of its own."""
    return q.end > q.start


def comparable_units(quantities: list[Quantity]) -> bool:
    """Stated figures of one measure: all amounts share a unit (never compare 人 with 元); 名 and 位
    count people as 人 does (包括2名警察在内的32人)."""
    units = {counted_as(q.unit) for q in quantities if q.kind in ("amount", "count") and stated(q)}
    return len(units) <= 1


def related(quantities: list[Quantity]) -> tuple[Related, ...]:
    """The other figures of a finding, for the report."""
    return tuple(Related(q.start, q.end, q.text) for q in quantities)


def fill(template: str, texts: dict[str, str]) -> str:
    """Fill {name} placeholders of a rule's message; unknown names stay as written."""
    class _Keep(dict):
        def __missing__(self, key):
            return "{" + key + "}"

    return template.format_map(_Keep(texts))


def rule_message(rule, lang: str, default: str, texts: dict[str, str]) -> str:
    """The rule's own message in the report's language, else the kind's default."""
    own = rule.message_en if lang == "en" else rule.message
    return fill(own, texts) if own else default


def finding(rule, severity: Severity, subject: Quantity, message: str, expected: str | None = None,
            calculation: str | None = None, others: list[Quantity] | None = None) -> Finding:
    """A finding about one figure."""
    shown = [q for q in others or [] if q is not subject and stated(q)]
    return Finding(rule.id, severity, subject.start, subject.end, subject.text, message, expected,
                   calculation, related(shown))


def exact(value: int | str) -> Interval:
    """A constant of a rule (such as 100 for shares of a whole)."""
    return Interval.point(Fraction(value))


def rule_regex(rule, key: str, default: str | None = None) -> re.Pattern | None:
    """A plain regular expression setting of a rule (or `default` when the rule does not set
    `key`), refused at the line of `key` when it is broken."""
    source = rule.params.get(key, default)
    if not source:
        return None
    try:
        return regexes.compile(source)
    except re.error as exc:
        raise RuleFileError(rule.path, rule.lines.get(key), f"{key}: {exc.msg}") from None


def rule_pattern(rule, key: str, source: str):
    """An extra pattern of a rule (with slots), refused at the line of `key` when it is broken."""
    try:
        return compile_pattern(source)
    except PatternError as exc:
        raise RuleFileError(rule.path, rule.lines.get(key), f"{key}: {exc}") from None


def rule_written(rule) -> dict[str, re.Pattern]:
    """A rule's `written` setting: {slot: regex} that the figure's own text must match (9~16亿
    written without the first 亿; a range with its unit on both ends); refused at its line."""
    written = rule.params.get("written") or {}
    for slot, regex in written.items():
        if slot not in rule.pattern.slots or not isinstance(regex, str):
            raise RuleFileError(rule.path, rule.lines.get(f"written.{slot}"), f"written: '{slot}' must be a slot, with a regex")
    return {slot: rule_regex(rule, f"written.{slot}", regex) for slot, regex in written.items()}


def with_range_ends(env: dict, figures: dict, lenient: bool) -> dict:
    """The environment of a formula, with the two ends of every range figure beside it, as
    first_end(r) and last_end(r) read them."""
    for name, q in figures.items():
        if not isinstance(q, list) and q.ends is not None:
            env[end_key("first_end", name)] = value_interval(q.ends[0], lenient)
            env[end_key("last_end", name)] = value_interval(q.ends[1], lenient)
    return env


def parse_rule_formula(rule, key: str, text: str | None = None):
    """Parse a formula of the rule, reporting errors at its line. `100%` may be written for 1."""
    text = _PERCENT_LITERAL.sub(lambda m: decimal_string(Fraction(m.group(1)) / 100),
                                str(rule.params[key]) if text is None else text)
    try:
        return parse_formula(text)
    except FormulaError as exc:
        raise RuleFileError(rule.path, rule.lines.get(key), f"{key}: {exc}") from None
