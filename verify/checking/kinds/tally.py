"""tally: a stated number of things against the things the text names for it.

The statement stage reads the structure (verify/statements/lists.py, respectively.py,
count_partitions.py) into a Tally: the number stated, and the items as a range [fewest, most]
(和/及 may sit inside a name). A count of a list closed without 等 must lie in that range; with
等 it may not be below the fewest names; a 分别 list has as many values as names; the parts of a
count partition may not add up beyond the total, nor, when every part is named, fall short of it.
A structure the stage marks uncertain gives a warning at most.
"""

from __future__ import annotations

from verify.checking.records import Verdict
from verify.messages import text_for
from verify.records import Check, Finding, Related
from verify.rules.records import KindParams

TYPES: dict = {}
REQUIRED: set = set()
OPTIONAL: set = set()
MESSAGE_FIELDS: set = set()  # its messages are its own (a rule's message is not used)
_MESSAGES = {
    "respectively": {"zh": "“分别”后有 {count} 个数值，但前面列出的项目有 {items} 项：{listed}",
                     "en": "分别 is followed by {count} values, but {items} items are named: {listed}"},
    "count-partition": {"zh": "总数为 {count}，但各部分之和为 {items}：{listed}",
                        "en": "the total is {count}, but its parts add up to {items}: {listed}"},
}


def prepare(rule) -> KindParams:
    """Nothing to prepare: the statement stage has read the structure."""
    return KindParams()


def evaluate(rule, matches, context):
    """A stated number outside the range of items named is a finding."""
    verdict = Verdict()
    for match in matches:
        tally = match.structure
        if tally is None:
            continue
        verdict.checked |= set(tally.figures)
        listed = str(tally.fewest) if tally.fewest == tally.most else f"{tally.fewest}–{tally.most}"
        names = "、".join(tally.items) if tally.items else f"{tally.fewest}"
        start, end = tally.count
        text = context.doc.text[start:end]
        if tally.stated >= tally.fewest and (not tally.exact or tally.stated <= tally.most):
            sign = "=" if tally.exact else "≥"   # 智能制造、高端化工新材料、芯屏等十大: 10 ≥ the 3 named
            verdict.passed.append(Check(rule.id, start, end, text, f"{tally.stated} {sign} {names}"))
            continue
        severity = rule.severity if tally.certain else _at_most_warning(str(getattr(rule.severity, "value", rule.severity)))
        template = _MESSAGES.get(tally.family, {}).get(context.lang)
        values = {"count": tally.stated, "items": listed, "listed": names}
        message = template.format(**values) if template else text_for(context.lang, "count_mismatch", **values)
        others = tuple(Related(q.start, q.end, q.text) for q in (context.quantities[i] for i in tally.figures)
                       if (q.start, q.end) != (start, end))
        verdict.findings.append(Finding(rule.id, severity, start, end, text, message, listed,
                                        f"{names} → {listed}", others))
    return verdict


def _at_most_warning(severity: str) -> str:
    return "warning" if severity == "error" else severity
