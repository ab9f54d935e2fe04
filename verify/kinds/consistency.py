"""consistency: one measure stated twice (headline and body, two paragraphs) must agree.

Matches are grouped by a key made of text groups (the measure's name, its last few characters
if `key_last` says so) and date slots (a period, compared by where it ends: 前10月 = 10月底).
"""

from __future__ import annotations

from verify.display import format_interval
from verify.errors import RuleFileError
from verify.kinds.common import finding, rule_message, value_interval
from verify.messages import text_for

REQUIRED = {"value", "key"}
OPTIONAL = {"key_last"}


def prepare(rule) -> dict:
    """Check that value is a figure slot and each key names a slot or text group."""
    value = rule.params["value"]
    if value not in rule.pattern.slots:
        raise RuleFileError(rule.path, rule.lines.get("value"), f"value '{value}' is not a slot of the pattern")
    key = rule.params["key"]
    if not isinstance(key, list) or not key:
        raise RuleFileError(rule.path, rule.lines.get("key"), "key is a list of slot or group names")
    known = set(rule.pattern.slots) | set(rule.pattern.text_groups)
    for name in key:
        if name not in known:
            raise RuleFileError(rule.path, rule.lines.get("key"), f"key '{name}' is not a slot or group of the pattern")
    last = rule.params.get("key_last") or {}
    if not isinstance(last, dict) or not all(isinstance(v, int) for v in last.values()):
        raise RuleFileError(rule.path, rule.lines.get("key_last"), "key_last maps a group name to a number of characters")
    return {"value": value, "key": key, "last": last}


def evaluate(rule, matches, context):
    """Every later statement of a measure must be able to equal the first one."""
    from verify.engine import Verdict

    verdict = Verdict()
    prep = rule.prepared
    groups: dict[tuple, list[int]] = {}
    for match in matches:
        index = match.figures.get(prep["value"])
        if index is None or isinstance(index, list):
            continue
        key = _key(match, prep, context)
        if key is not None:
            groups.setdefault(key + (context.quantities[index].unit,), []).append(index)
    for indexes in groups.values():
        unique = sorted(set(indexes))
        if len(unique) < 2:
            continue
        verdict.checked |= set(unique)
        first = context.quantities[unique[0]]
        for i in unique[1:]:
            q = context.quantities[i]
            if not value_interval(q, True).intersects(value_interval(first, True)):
                names = {"first": first.text, "second": q.text}
                default = text_for(context.lang, "restated_differs", first=first.text, second=q.text)
                shown = format_interval(value_interval(first), q, extra=0, as_ratio=True)
                verdict.findings.append(finding(rule, rule.severity, q, rule_message(rule, context.lang, default, names),
                                                shown, f"{first.text} ≠ {q.text}", [first]))
    return verdict


def _key(match, prep, context) -> tuple | None:
    parts = []
    for name in prep["key"]:
        if name in match.texts:
            text = match.texts[name]
            size = prep["last"].get(name)
            parts.append(text[-size:] if size else text)
        elif isinstance(match.figures.get(name), int):
            value = context.quantities[match.figures[name]].value
            parts.append(str(value).split("/")[-1] if isinstance(value, str) else str(value))
        else:
            return None
    return tuple(parts)
