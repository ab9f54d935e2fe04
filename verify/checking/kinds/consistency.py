"""consistency: one measure stated twice (headline and body, two paragraphs) must agree.

Matches are grouped by a key made of text groups (the measure's name, its last few characters
if `key_last` says so) and date slots (a period, compared by where it ends: 前10月 = 10月底).
With `against`, each match of `pattern` (a headline) is compared with the matches of `against`
(the body) that share its key and follow it within `within` characters; without it, all matches
of `pattern` are compared. `max_ratio` keeps apart figures too far apart to be one figure
misprinted (4186列 in a quarter, 1488列 in March).

A restatement names the same measure for the same time: a figure whose sentence marks another
statement before it (`other_statement`: 其中 a part, 预计 a forecast, 计划 a plan, 另外 another
fact) is not one; nor is one whose sentence names another date or period than the headline.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction

from verify.frozen import record
from verify.rules.formula.printing import format_interval
from verify.errors import RuleFileError
from verify.checking.kinds.common import finding, rule_message, rule_pattern, rule_regex, value_interval
from verify.messages import text_for
from verify.checking.matching import find_matches_of
from verify.checking.records import Verdict
from verify.reading.quantity import CALENDAR_VALUES
from verify.rules.patterns import CompiledPattern
from verify.rules.records import KindParams, Rule

TYPES = {"value": str, "key": list, "key_last": dict, "against": str, "within": int, "max_ratio": (int, float),
         "other_statement": str}
REQUIRED = {"value", "key"}
OPTIONAL = set(TYPES) - REQUIRED
MESSAGE_FIELDS = {"first", "second"}  # what a rule's message may name besides its slots and groups


@record
class ConsistencyParams(KindParams):
    """The figure slot, the key that names the measure, and where its restatements are looked for."""

    value: str
    key: tuple[str, ...]
    last: Mapping[str, int]           # key group -> characters of it that count (key_last)
    against: CompiledPattern | None   # the body's statements, compared with each headline
    within: int | None
    max_ratio: int | float | None
    other: re.Pattern[str] | None      # words that mark another statement (其中, 预计, 计划)


def prepare(rule: Rule) -> ConsistencyParams:
    """Check that value is a figure slot and each key names a slot or text group."""
    value = rule.params["value"]
    if value not in rule.pattern.slots:
        raise RuleFileError(rule.path, rule.lines.get("value"), f"value '{value}' is not a slot of the pattern")
    key = rule.params["key"]
    if not isinstance(key, list) or not key or not all(isinstance(name, str) for name in key):
        raise RuleFileError(rule.path, rule.lines.get("key"), "key is a list of slot or group names")
    known = set(rule.pattern.slots) | set(rule.pattern.text_groups)
    for name in key:
        if name not in known:
            raise RuleFileError(rule.path, rule.lines.get("key"), f"key '{name}' is not a slot or group of the pattern")
    last = rule.params.get("key_last") or {}
    if not isinstance(last, dict) or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0
                                             for v in last.values()):
        raise RuleFileError(rule.path, rule.lines.get("key_last"), "key_last maps a group name to a number of characters")
    against = None
    if rule.params.get("against"):
        against = rule_pattern(rule, "against", rule.params["against"])
        missing = [n for n in key + [value] if n not in set(against.slots) | set(against.text_groups)]
        if missing:
            raise RuleFileError(rule.path, rule.lines.get("against"), f"against lacks '{missing[0]}'")
    limits = {}
    for name, kind, least in (("within", int, 1), ("max_ratio", (int, float), 1)):
        if name in rule.params and not isinstance(rule.params[name], kind):
            raise RuleFileError(rule.path, rule.lines.get(name), f"{name} must be a number")
        if name in rule.params and not least <= rule.params[name] < float("inf"):
            raise RuleFileError(rule.path, rule.lines.get(name), f"{name} must be {least} or more")
        limits[name] = rule.params.get(name)
    return ConsistencyParams(value, tuple(key), last, against, limits["within"], limits["max_ratio"],
                             rule_regex(rule, "other_statement"))


def evaluate(rule, matches, context):
    """Every other statement of a measure must be able to equal the first (or the headline's)."""
    verdict = Verdict()
    prep: ConsistencyParams = rule.prepared
    heads = _grouped(matches, prep, context)
    bodies = _grouped(_against_matches(rule, prep, matches, context), prep, context) if prep.against else heads
    for key, head_indexes in heads.items():
        first = head_indexes[0]
        head = context.quantities[first]
        others = [i for i in sorted(set(bodies.get(key, [])) - {first})
                  if (prep.within is None or 0 < context.quantities[i].start - head.end <= prep.within)
                  and _restates(head, context.quantities[i], prep, context)]
        if not others:
            continue
        verdict.checked |= {first, *others}
        for i in others:
            finding_ = _compare(rule, head, context.quantities[i], context.lang, prep.max_ratio)
            if finding_ is not None:
                verdict.findings.append(finding_)
            elif context.checks:
                verdict.held(rule, context.quantities[i], f"{head.text} = {context.quantities[i].text}")
    return verdict


_CLAUSE_ENDS = "。！？；;!?\n"


def _restates(head, q, prep: ConsistencyParams, context) -> bool:
    """Whether q can be the same measure, for the same time, as the headline's figure."""
    text = context.doc.text
    begin = max(text.rfind(ch, 0, q.start) for ch in _CLAUSE_ENDS) + 1
    if prep.other is not None and prep.other.search(text, begin, q.start):
        return False  # 其中…, 预计…, 计划…: a part, a forecast or a plan
    head_line = text.rfind("\n", 0, head.start) + 1
    return _same_time(_times(context, head_line, head.start), _times(context, begin, q.start))


def _times(context, begin: int, end: int) -> dict[str, set[str]]:
    """Dates and years stated in [begin, end), by kind, each by where it ends (前10月 = 10月底)."""
    found: dict[str, set[str]] = {}
    for q in context.quantities:
        if begin <= q.start < end and q.kind in ("date", "year") and isinstance(q.value, CALENDAR_VALUES):
            found.setdefault(q.kind, set()).add(q.value.iso.split("/")[-1])
    return found


def _same_time(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    """No kind of time named on both sides with nothing in common (1—7月 against 4月份)."""
    return all(a[kind] & b[kind] for kind in a.keys() & b.keys())


def _against_matches(rule, prep, heads, context) -> list:
    """Matches of `against` in the stretch after each headline (all the text without `within`)."""
    if prep.within is None:
        return find_matches_of(prep.against, rule, context)
    found, done = [], 0
    for head in heads:
        begin = max(done, context.masked.masked_position(head.end))
        end = min(len(context.masked.text), context.masked.masked_position(head.end + prep.within) + 1)
        if begin < end:
            found += find_matches_of(prep.against, rule, context, (begin, end))
            done = end
    return found


def _grouped(matches, prep, context) -> dict[tuple, list[int]]:
    groups: dict[tuple, list[int]] = {}
    for match in matches:
        index = match.figures.get(prep.value)
        if index is None:
            continue
        key = _key(match, prep, context)
        if key is not None:
            groups.setdefault(key + (context.quantities[index].unit,), []).append(index)
    return groups


def _compare(rule, first, q, lang, max_ratio):
    a, b = value_interval(first, True), value_interval(q, True)
    if a.intersects(b):
        return None
    if max_ratio is not None and _too_far(a, b, Fraction(str(max_ratio))) and not _same_digits(first, q):
        return None  # a different figure, unless the same digits stand at another scale (33.88万 / 3.388万)
    names = {"first": first.text, "second": q.text}
    default = text_for(lang, "restated_differs", first=first.text, second=q.text)
    shown = format_interval(value_interval(first), q, extra=0, as_ratio=True)
    return finding(rule, rule.severity, q, rule_message(rule, lang, default, names), shown,
                   f"{first.text} ≠ {q.text}", [first])


def _same_digits(a, b) -> bool:
    """33.88万人 and 3.388万人: one figure with its decimal point or 万/亿 slipped."""
    digits = [re.sub(r"\D", "", q.text).lstrip("0") for q in (a, b)]
    return bool(digits[0]) and digits[0] == digits[1]


def _too_far(a, b, ratio: Fraction) -> bool:
    """Whether two positive figures differ by more than `ratio` times."""
    x, y = a.midpoint, b.midpoint
    if x is None or y is None or x <= 0 or y <= 0:
        return False
    return max(x, y) > ratio * min(x, y)


def _key(match, prep, context) -> tuple | None:
    parts = []
    for name in prep.key:
        if name in match.texts:
            text = match.texts[name]
            size = prep.last.get(name)
            parts.append(text[-size:] if size else text)
        elif name in match.figures:
            value = context.quantities[match.figures[name]].value
            parts.append(value.iso.split("/")[-1] if isinstance(value, CALENDAR_VALUES) else str(value))
        else:
            return None
    return tuple(parts)
