"""count: a stated count and the items it counts.

“一匠五创”(新区工匠,创新能手、班组、企业、工作室、成果) names six items; a 分别 list with three
items needs three values. The count is a label or count slot (its value) or a list slot (its
length); the items are a text group split at its separators, or a list found after the match.
"""

from __future__ import annotations

import re

from verify.errors import RuleFileError
from verify.kinds.common import finding, rule_message
from verify.messages import text_for
from verify.patterns import PatternError, compile_pattern

REQUIRED = {"count", "items"}
OPTIONAL = {"separators", "items_after", "within", "items_share_label_char"}
DEFAULT_SEPARATORS = r"、|,|，|和|及|与|以及"


class Prepared:
    """Slot and group names, separators and the optional following-list pattern."""

    def __init__(self, count, items, separators, after, within, share):
        self.count, self.items, self.separators = count, items, separators
        self.after, self.within, self.share = after, within, share


def prepare(rule) -> Prepared:
    """Check the names against the pattern; compile separators and the following-list pattern."""
    count = rule.params["count"]
    if count not in rule.pattern.slots:
        raise RuleFileError(rule.path, rule.lines.get("count"), f"count '{count}' is not a slot of the pattern")
    items = rule.params["items"]
    after = None
    if rule.params.get("items_after"):
        try:
            after = compile_pattern(rule.params["items_after"])
        except PatternError as exc:
            raise RuleFileError(rule.path, rule.lines.get("items_after"), f"items_after: {exc}") from None
        if items not in after.text_groups:
            raise RuleFileError(rule.path, rule.lines.get("items_after"), f"items_after needs a group (?P<{items}>…)")
    elif items not in rule.pattern.text_groups:
        raise RuleFileError(rule.path, rule.lines.get("items"), f"items '{items}' is not a text group (?P<{items}>…) of the pattern")
    try:
        separators = re.compile(rule.params.get("separators", DEFAULT_SEPARATORS))
    except re.error as exc:
        raise RuleFileError(rule.path, rule.lines.get("separators"), f"separators: {exc.msg}") from None
    within = int(rule.params.get("within", 400))
    return Prepared(count, items, separators, after, within, bool(rule.params.get("items_share_label_char")))


def evaluate(rule, matches, context):
    """A count that differs from the number of items it names is a finding."""
    from verify.engine import Verdict

    verdict = Verdict()
    prep: Prepared = rule.prepared
    for match in matches:
        bound = match.figures.get(prep.count)
        if bound is None or bound == []:
            continue
        counted = [context.quantities[i] for i in bound] if isinstance(bound, list) else [context.quantities[bound]]
        stated = len(counted) if isinstance(bound, list) else counted[0].value
        items_text = _items_text(match, prep, context, counted[0])
        if items_text is None or not isinstance(stated, type(counted[0].value)) and not isinstance(bound, list):
            continue
        items = [t.strip() for t in prep.separators.split(items_text) if t.strip()]
        if len(items) < 2:
            continue
        verdict.checked |= set(bound) if isinstance(bound, list) else {bound}
        if len(items) != stated:
            subject = counted[-1] if isinstance(bound, list) else counted[0]
            names = {"count": str(stated), "items": str(len(items)), **match.texts}
            default = text_for(context.lang, "count_mismatch", count=stated, items=len(items), listed="、".join(items))
            calculation = f"{'、'.join(items)} = {len(items)}"
            verdict.findings.append(finding(rule, rule.severity, subject, rule_message(rule, context.lang, default, names),
                                            str(len(items)), calculation, counted))
    return verdict


def _items_text(match, prep: Prepared, context, counted) -> str | None:
    if prep.after is None:
        return match.texts.get(prep.items)
    window = context.masked.text
    start = _masked_pos(context, match.end)
    for m in prep.after.regex.finditer(window, start, min(len(window), start + prep.within)):
        text = m.group(prep.items)
        if prep.share and not _shares_label_char(counted.text, text, prep.separators):
            continue
        return text
    return None


def _masked_pos(context, original: int) -> int:
    """Masked position of an original offset (the first masked position at or after it)."""
    masked = context.masked
    lo, hi = 0, len(masked.text)
    while lo < hi:
        mid = (lo + hi) // 2
        if masked.original(mid) < original:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _shares_label_char(label: str, items_text: str, separators) -> bool:
    """“三水统筹” and 水资源、水环境、水生态: every item holds the label's counted word."""
    nouns = re.findall(r"[一二两三四五六七八九十双]([^\W\d一二两三四五六七八九十双])", label)
    items = [t for t in separators.split(items_text) if t.strip()]
    return bool(nouns) and all(any(n in item for n in nouns) for item in items)
