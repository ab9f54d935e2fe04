"""sum: a total and its parts. No part exceeds its total; parts of one partition add up.

A part larger than its total is always wrong. Parts may overlap (党员 who are 一线 and also
大专), so their sum is only compared with the total when their labels name distinct members of
one partition, which is data in the rule (第一/第二/第三产业, 城镇/乡村 …): then the sum may not
exceed the total, and when the partition is complete it must equal it within rounding.
"""

from __future__ import annotations

import dataclasses
import re
from fractions import Fraction

from verify.frozen import record
from verify import regexes
from verify.rules.formula.printing import format_interval
from verify.errors import RuleFileError
from verify.reading.interval import Interval
from verify.reading.numerals import counted_as
from verify.checking.kinds.common import finding, rule_message, rule_regex, value_interval
from verify.messages import text_for
from verify.records import Severity
from verify.checking.records import Verdict
from verify.rules.records import KindParams, Rule
from verify.statements import Role

TYPES = {"total": (str, int), "parts": str, "partitions": list, "labels": str, "skip_label": str, "stop_label": str,
         "skip_total": str, "complete": str}
REQUIRED = {"total", "parts"}
OPTIONAL = set(TYPES) - REQUIRED
MESSAGE_FIELDS = {"total"}  # what a rule's message may name besides its slots and groups
_LABEL_EDGE = regexes.lazy(r"^[\s,，、:：;；(（)）其中分别为是达]+|[\s,，、:：;；(（)）为是达约近共]+$")
_CLAUSE_MARK = regexes.lazy(r"[。；;，,：:]")


@record
class SumParams(KindParams):
    """Slot names, the partitions and the label filter of a sum rule."""

    total: str | int                                  # a slot, or a constant such as 100 (shares of a whole)
    parts: str                                        # a list slot
    partitions: list[tuple[list[str], list[str]]]     # (members, names of the whole)
    labels: str                                       # "before" or a text group
    complete: str                                     # "partitions" or "always"
    skip_label: re.Pattern[str] | None
    stop_label: re.Pattern[str] | None
    skip_total: re.Pattern[str] | None


def prepare(rule: Rule) -> SumParams:
    """Check that total and parts name slots (or total is a constant) and partitions are lists."""
    slots = rule.pattern.slots
    total = rule.params["total"]
    if isinstance(total, str) and total not in slots:
        raise RuleFileError(rule.path, rule.lines.get("total"), f"total '{total}' is not a slot of the pattern")
    if not isinstance(total, (str, int)) or isinstance(total, bool) or (isinstance(total, int) and not 0 < total < 10**15):
        raise RuleFileError(rule.path, rule.lines.get("total"), "total is a slot name or a number such as 100")
    parts = rule.params["parts"]
    if parts not in slots or not slots[parts].many:
        raise RuleFileError(rule.path, rule.lines.get("parts"), f"parts '{parts}' must be a list slot {{{parts}:type+}} or {{{parts}:type*}}")
    partitions = [_partition_entry(rule, p) for p in rule.params.get("partitions") or []]
    labels = rule.params.get("labels", "before")
    if labels != "before" and labels not in rule.pattern.text_groups:
        raise RuleFileError(rule.path, rule.lines.get("labels"), "labels is 'before' or the name of a text group")
    skips = tuple(rule_regex(rule, key) for key in ("skip_label", "stop_label", "skip_total"))
    complete = rule.params.get("complete", "partitions")
    if complete not in ("partitions", "always"):
        raise RuleFileError(rule.path, rule.lines.get("complete"), "complete is 'partitions' or 'always'")
    return SumParams(total, parts, partitions, labels, complete, *skips)


def _partition_entry(rule, entry) -> tuple[list[str], list[str]]:
    """A partition: its members (synonyms joined by |) and names of the whole (一二三产, 三次产业)."""
    if isinstance(entry, list):
        entry = {"members": entry}
    members, whole = (entry.get("members"), entry.get("whole", [])) if isinstance(entry, dict) else (None, None)
    if not isinstance(members, list) or len(members) < 2 or not isinstance(whole, list) \
            or set(entry) - {"members", "whole"}:
        raise RuleFileError(rule.path, rule.lines.get("partitions"),
                            "a partition is a list of two or more members, or {members: [...], whole: [...]}")
    return [str(m) for m in members], [str(w) for w in whole]


def evaluate(rule, matches, context):
    """Parts above the total are an error; a complete partition that does not add up is an error."""
    verdict = Verdict()
    prep: SumParams = rule.prepared
    for match in matches:
        part_indexes = match.lists.get(prep.parts) or ()
        total_index = _total_index(match, prep, context)
        total_q = context.quantities[total_index] if total_index is not None else None
        if isinstance(prep.total, str) and total_q is None:
            continue
        labelled = _labelled_parts(part_indexes, match, prep, context)
        if prep.stop_label is not None:  # 当日转为确诊病例24例 is no longer a part of the list
            stop = next((n for n, (_, label) in enumerate(labelled) if prep.stop_label.search(label)), len(labelled))
            labelled = labelled[:stop]
        parts = [(i, label) for i, label in labelled if prep.skip_label is None or not prep.skip_label.search(label)]
        parts = [(i, label) for i, label in parts if total_q is None or _of_unit(context.quantities[i], total_q, context)]
        if len(parts) < (1 if total_q is not None else 2):
            continue
        quantities = [context.quantities[i] for i, _ in parts]
        labels = [label for _, label in parts] if prep.labels == "before" else _items(match.texts.get(prep.labels, ""))
        disjoint, complete = _partition(labels, len(parts), prep.partitions)
        if prep.complete == "always":
            disjoint = complete = True
        if "complete" in match.texts:   # the statement stage has read whether the parts are all
            disjoint = match.texts["complete"] in ("complete", "disjoint")
            complete = match.texts["complete"] == "complete"
        certain = match.texts.get("certain") != "no"   # the statement stage was sure of the total
        if not certain:
            disjoint = complete = False
        verdict.checked |= {i for i, _ in parts} | ({total_index} if total_q else set())
        found = _judge(rule, prep, total_q, quantities, (disjoint, complete), context.lang)
        if not found and rule.match_on == "statements" and certain and not disjoint and total_q is not None:
            found = _overfull(rule, total_q, quantities, [i for i, _ in parts], context)
        if not certain or match.texts.get("probable") == "yes":   # a structure probable, not certain
            found = [dataclasses.replace(f, severity="warning") if f.severity == "error" else f for f in found]
        verdict.findings += found
        if not found and context.checks:
            verdict.held(rule, total_q or quantities[0], _held_text(prep, total_q, quantities, disjoint, complete))
    return verdict


def _of_unit(part, total, context) -> bool:
    """A part of the total's unit (名 and 位 count people as 人 does), or of the one written in brackets
    after it (2469.61万台（辆）)."""
    text = context.doc.text
    return counted_as(part.unit) == counted_as(total.unit) or any(text.startswith(f"{a}{part.unit}{b}", total.end) for a, b in ("（）", "()"))


def _total_index(match, prep, context) -> int | None:
    """The total: the bound figure, or, when that is an increment (比同期增加73.5亿元), the figure
    of the same unit just before it (626.9亿元). A signed total (顺差, 净增) has none."""
    if not isinstance(prep.total, str) or prep.total not in match.figures:
        return None
    index = match.figures[prep.total]
    if prep.skip_total is None:
        return index
    unit = context.quantities[index].unit
    line_start = context.doc.text.rfind("\n", 0, context.quantities[index].start)
    for candidate in range(index, max(-1, index - 4), -1):
        q = context.quantities[candidate]
        if q.start <= line_start:
            break
        if q.unit != unit or q.kind not in ("amount", "count"):
            continue
        if not prep.skip_total.search(_label_before(q, line_start + 1, context)):
            return candidate
        if not _INCREMENT.search(_label_before(q, line_start + 1, context)):
            return None  # 顺差162亿美元: a signed total, not an increment of one
    return None


_INCREMENT = regexes.lazy(r"(?:增加|减少|增长|下降|多|少)$")


def _labelled_parts(indexes, match, prep, context):
    """Each part with the words of its own clause before it (since the previous figure): its label."""
    result, cursor = [], match.start
    total_index = match.figures.get(prep.total) if isinstance(prep.total, str) else None
    if total_index is not None:
        cursor = max(cursor, context.quantities[total_index].end)
    for i in indexes:
        q = context.quantities[i]
        clause = _CLAUSE_MARK.split(context.doc.text[cursor:q.start])[-1]  # the part's own clause
        label = _LABEL_EDGE.sub("", clause)
        result.append((i, label))
        cursor = q.end
    return result


def _items(text: str) -> list[str]:
    return [t for t in re.split(r"[、,，和及与]", text) if t.strip()]


def _label_before(q, floor: int, context) -> str:
    """The words just before a figure: the total's own label (顺差162亿美元)."""
    text = context.doc.text[max(0, q.start - 12, floor - 40):q.start]
    return re.split(r"[,，、;；:：。]", text)[-1]


def _longest_hits(label: str, names: list[list[str]]) -> set[int]:
    """Members named in a label, a member inside a longer one dropped (Ⅴ类 within 劣Ⅴ类)."""
    found = {i: max((n for n in m if n in label), key=len) for i, m in enumerate(names) if any(n in label for n in m)}
    return {i for i, n in found.items() if not any(n != o and n in o for o in found.values())}


def _partition(labels: list[str], count: int, partitions: list[list[str]]) -> tuple[bool, bool]:
    """(labels name distinct members of one partition, and all of its members)."""
    for members, whole in partitions:
        if len(members) == count and any(w in label for w in whole for label in labels):
            return True, True  # 一二三产就业人员占比分别为…: the list names the whole partition
        names = [member.split("|") for member in members]  # 第三产业|三产: synonyms of one member
        hits = [_longest_hits(label, names) for label in labels]
        if len(labels) != count or any(len(h) != 1 for h in hits):
            continue
        chosen = [next(iter(h)) for h in hits]
        if len(set(chosen)) == len(chosen):
            return True, len(chosen) == len(members)
    return False, False


def _judge(rule, prep, total_q, parts, partition, lang):
    """A part above the total; then, for parts of one partition, their sum against the total."""
    disjoint, complete = partition
    percent_whole = total_q is None  # shares of a whole: the parts are percentages of it
    total = value_interval(total_q) if not percent_whole else Interval.point(Fraction(prep.total) / 100)
    total_lenient = value_interval(total_q, True) if not percent_whole else total
    like = total_q or parts[0]
    names = {"total": total_q.text if total_q else f"{prep.total}%"}
    leniently = [value_interval(q, True) for q in parts]   # (each worked out once: Fraction arithmetic)
    for q, lenient_q in zip(parts, leniently):
        if lenient_q.low is not None and total_lenient.high is not None and lenient_q.low > total_lenient.high:
            message = rule_message(rule, lang, text_for(lang, "part_exceeds", part=q.text, total=names["total"]), names)
            return [finding(rule, rule.severity, q, message, None, f"{q.text} > {names['total']}", [total_q] if total_q else [])]
    if not disjoint:
        return []
    strict = _sum(value_interval(q) for q in parts)
    lenient = _sum(leniently)
    subject = total_q or parts[-1]
    exceeds = lenient.low is not None and total_lenient.high is not None and lenient.low > total_lenient.high
    if not exceeds and not (complete and (not lenient.intersects(total_lenient) or not strict.intersects(total))):
        return []   # no finding below: the sum is shown only in one (most parts add up)
    shown_sum = format_interval(strict, like, extra=0, as_ratio=True)
    calculation = f"{' + '.join(q.text for q in parts)} = {shown_sum}"
    names["sum"] = shown_sum
    if exceeds:
        message = rule_message(rule, lang, text_for(lang, "parts_exceed", sum=shown_sum, total=names["total"]), names)
        return [finding(rule, rule.severity, subject, message, shown_sum, calculation, parts)]
    if complete and not lenient.intersects(total_lenient):
        expected = _implied_parts(total, parts)
        message = rule_message(rule, lang, text_for(lang, "parts_dont_add", sum=shown_sum, total=names["total"]), names)
        return [finding(rule, rule.severity, subject, message, shown_sum, f"{calculation}; {expected}", parts)]
    if complete and not strict.intersects(total):
        message = text_for(lang, "parts_truncated", sum=shown_sum, total=names["total"])
        return [finding(rule, Severity.INFO, subject, message, shown_sum, calculation, parts)]
    return []


def _overfull(rule, total_q, parts, indexes, context) -> list:
    """Parts that need not partition their total still cannot all fit in it, unless each carries
    its own share (一线的100.6万名，占50.8%；大专的86万名，占43.4%): groups of other dimensions,
    which overlap. Not certain to be wrong, so a warning."""
    shared = context.memo.get("shares' wholes")
    if shared is None:  # once per document, not per match
        shared = context.memo["shares' wholes"] = {
            st.of for st in context.statements.statements.values() if st.role is Role.SHARE and st.of is not None}
    if len(parts) < 2 or all(i in shared for i in indexes):
        return []
    lenient = _sum(value_interval(q, True) for q in parts)
    total = value_interval(total_q, True)
    if lenient.low is None or total.high is None or lenient.low <= total.high:
        return []
    shown = format_interval(_sum(value_interval(q) for q in parts), total_q, extra=0, as_ratio=True)
    message = text_for(context.lang, "parts_exceed", sum=shown, total=total_q.text)
    calculation = f"{' + '.join(q.text for q in parts)} = {shown} > {total_q.text}"
    return [finding(rule, "warning", total_q, message, shown, calculation, parts)]


def _held_text(prep, total_q, parts, disjoint, complete) -> str:
    total = total_q.text if total_q else f"{prep.total}%"
    if not disjoint:
        return f"{'、'.join(q.text for q in parts)} ≤ {total}"
    return f"{' + '.join(q.text for q in parts)} {'=' if complete else '≤'} {total}"


def _sum(intervals) -> Interval:
    total = Interval.point(0)
    for iv in intervals:
        total = total + iv
    return total


def _implied_parts(total: Interval, parts) -> str:
    """For a broken sum: each part's value given the total and the other parts."""
    shown = []
    for q in parts:
        others = _sum(value_interval(o) for o in parts if o is not q)
        shown.append(f"{q.text}→{format_interval(total - others, q, extra=0, as_ratio=True)}")
    return "; ".join(shown)
