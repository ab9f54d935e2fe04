"""sum: a total and its parts. Parts never exceed their total; a complete partition adds up.

Which partitions are complete is data in the rule (第一/第二/第三产业, 城镇/乡村 …): only
when the parts' labels name every member of one partition must they add up to the total.
"""

from __future__ import annotations

import re
from fractions import Fraction

from verify.display import format_interval
from verify.errors import RuleFileError
from verify.interval import Interval
from verify.kinds.common import finding, rule_message, value_interval
from verify.messages import text_for

REQUIRED = {"total", "parts"}
OPTIONAL = {"partitions", "labels", "skip_label", "complete"}
_LABEL_EDGE = re.compile(r"^[\s,，、:：;；(（)）其中分别为是达]+|[\s,，、:：;；(（)）为是达约近共]+$")


class Prepared:
    """Slot names, the partitions and the label filter of a sum rule."""

    def __init__(self, total, parts, partitions, labels, skip_label, complete):
        self.total, self.parts, self.partitions = total, parts, partitions
        self.labels, self.skip_label, self.complete = labels, skip_label, complete


def prepare(rule) -> Prepared:
    """Check that total and parts name slots (or total is a constant) and partitions are lists."""
    slots = rule.pattern.slots
    total = rule.params["total"]
    if isinstance(total, str) and total not in slots:
        raise RuleFileError(rule.path, rule.lines.get("total"), f"total '{total}' is not a slot of the pattern")
    if not isinstance(total, (str, int)):
        raise RuleFileError(rule.path, rule.lines.get("total"), "total is a slot name or a number such as 100")
    parts = rule.params["parts"]
    if parts not in slots or not slots[parts].many:
        raise RuleFileError(rule.path, rule.lines.get("parts"), f"parts '{parts}' must be a list slot {{{parts}:type+}} or {{{parts}:type*}}")
    partitions = rule.params.get("partitions") or []
    if not all(isinstance(p, list) and len(p) >= 2 for p in partitions):
        raise RuleFileError(rule.path, rule.lines.get("partitions"), "partitions is a list of lists of two or more labels")
    labels = rule.params.get("labels", "before")
    if labels != "before" and labels not in rule.pattern.text_groups:
        raise RuleFileError(rule.path, rule.lines.get("labels"), "labels is 'before' or the name of a text group")
    try:
        skip = re.compile(rule.params["skip_label"]) if rule.params.get("skip_label") else None
    except re.error as exc:
        raise RuleFileError(rule.path, rule.lines.get("skip_label"), f"skip_label: {exc.msg}") from None
    complete = rule.params.get("complete", "partitions")
    if complete not in ("partitions", "always"):
        raise RuleFileError(rule.path, rule.lines.get("complete"), "complete is 'partitions' or 'always'")
    return Prepared(total, parts, [[str(x) for x in p] for p in partitions], labels, skip, complete)


def evaluate(rule, matches, context):
    """Parts above the total are an error; a complete partition that does not add up is an error."""
    from verify.engine import Verdict

    verdict = Verdict()
    prep: Prepared = rule.prepared
    for match in matches:
        part_indexes = match.figures.get(prep.parts) or []
        total_q = context.quantities[match.figures[prep.total]] if isinstance(prep.total, str) and prep.total in match.figures else None
        if isinstance(prep.total, str) and total_q is None:
            continue
        labelled = _labelled_parts(part_indexes, match, prep, context)
        parts = [(i, label) for i, label in labelled if prep.skip_label is None or not prep.skip_label.search(label)]
        parts = [(i, label) for i, label in parts if total_q is None or context.quantities[i].unit == total_q.unit]
        if len(parts) < (1 if total_q is not None else 2):
            continue
        quantities = [context.quantities[i] for i, _ in parts]
        labels = [label for _, label in parts] if prep.labels == "before" else _items(match.texts.get(prep.labels, ""))
        complete = prep.complete == "always" or _is_partition(labels, len(parts), prep.partitions)
        verdict.checked |= {i for i, _ in parts} | ({match.figures[prep.total]} if total_q else set())
        verdict.findings += _judge(rule, prep, total_q, quantities, complete, context.lang)
    return verdict


def _labelled_parts(indexes, match, prep, context):
    """Each part with the words before it (since the previous figure): its label."""
    result, cursor = [], match.start
    total_index = match.figures.get(prep.total) if isinstance(prep.total, str) else None
    if total_index is not None:
        cursor = max(cursor, context.quantities[total_index].end)
    for i in indexes:
        q = context.quantities[i]
        label = _LABEL_EDGE.sub("", context.doc.text[cursor:q.start])
        result.append((i, label))
        cursor = q.end
    return result


def _items(text: str) -> list[str]:
    return [t for t in re.split(r"[、,，和及与]", text) if t.strip()]


def _is_partition(labels: list[str], count: int, partitions: list[list[str]]) -> bool:
    """Whether the labels name every member of one partition, one member each."""
    for members in partitions:
        if len(members) != count or len(labels) != count:
            continue
        if all(any(m in label for m in members) for label in labels) and \
                all(any(m in label for label in labels) for m in members):
            return True
    return False


def _judge(rule, prep, total_q, parts, complete, lang):
    total = value_interval(total_q) if total_q is not None else Interval.point(Fraction(prep.total))
    total_lenient = value_interval(total_q, True) if total_q is not None else total
    if total_q is None:  # shares of a whole: the parts are percentages, compare them as stated
        total, total_lenient = Interval.point(Fraction(prep.total) / 100), Interval.point(Fraction(prep.total) / 100)
    strict = _sum(value_interval(q) for q in parts)
    lenient = _sum(value_interval(q, True) for q in parts)
    subject = total_q or parts[-1]
    like = total_q or parts[0]
    stated = " + ".join(q.text for q in parts)
    shown_sum = format_interval(strict, like, extra=0, as_ratio=True)
    calculation = f"{stated} = {shown_sum}"
    names = {"total": total_q.text if total_q else str(prep.total), "sum": shown_sum}
    if lenient.low is not None and total_lenient.high is not None and lenient.low > total_lenient.high:
        message = rule_message(rule, lang, text_for(lang, "parts_exceed", sum=shown_sum, total=names["total"]), names)
        return [finding(rule, rule.severity, subject, message, shown_sum, calculation, parts)]
    if complete and not lenient.intersects(total_lenient):
        expected = _implied_parts(total, parts, like)
        message = rule_message(rule, lang, text_for(lang, "parts_dont_add", sum=shown_sum, total=names["total"]), names)
        return [finding(rule, rule.severity, subject, message, shown_sum, f"{calculation}; {expected}", parts)]
    if complete and not strict.intersects(total):
        message = text_for(lang, "parts_truncated", sum=shown_sum, total=names["total"])
        return [finding(rule, "info", subject, message, shown_sum, calculation, parts)]
    return []


def _sum(intervals) -> Interval:
    total = Interval.point(0)
    for iv in intervals:
        total = total + iv
    return total


def _implied_parts(total: Interval, parts, like) -> str:
    """For a broken sum: each part's value given the total and the other parts."""
    shown = []
    for q in parts:
        others = _sum(value_interval(o) for o in parts if o is not q)
        shown.append(f"{q.text}→{format_interval(total - others, q, extra=0, as_ratio=True)}")
    return "; ".join(shown)
