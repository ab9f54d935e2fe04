"""count: a stated count and the items it counts.

“一匠五创”(新区工匠,创新能手、班组、企业、工作室、成果) names six items; a 分别 list with three
items needs three values. The count is a label or count slot (its value) or a list slot (its
length); the items are a text group split at its separators, or a list found after the match.

和/及/与 join two items (党代会和人代会) or sit inside one name (计算机及办公设备制造业), so the
items are a range: at least the pieces between firm separators (、，；) plus the soft joins whose
two sides end alike (党代会 / 人代会), at most every piece. Only a count outside that range is a
finding. A list whose end the text does not mark (after a colon) may run on, so there only a
count above the most items is one.
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction

from verify.frozen import record
from verify import regexes
from verify.errors import RuleFileError
from verify.checking.kinds.common import finding, rule_message, rule_pattern, rule_regex
from verify.messages import text_for
from verify.checking.records import Verdict
from verify.reading.quantity import CALENDAR_VALUES
from verify.rules.patterns import CompiledPattern
from verify.rules.records import KindParams, Rule
from verify.reading.numerals import read_chinese

TYPES = {"count": str, "items": str, "separators": str, "soft_separators": str, "items_after": str, "within": int,
         "items_share_label_char": bool, "list_end": str, "items_by": str}
REQUIRED = {"count", "items"}
OPTIONAL = set(TYPES) - REQUIRED
MESSAGE_FIELDS = {"count", "items"}  # what a rule's message may name besides its slots and groups
ITEMS_BY = ("separators", "enumerators")
DEFAULT_SEPARATORS = r"、|,|，|;|；"
DEFAULT_SOFT = r"以及|和|及|与|或"
ENUMERATION_REACH = 20  # an enumeration is looked for within 20 × `within` characters
PARAGRAPH_GAP = 3       # items that start paragraphs (（一）…) may stand 3 × `within` apart


@record
class CountParams(KindParams):
    """Slot and group names, separators and the optional following-list pattern."""

    count: str                          # a label or count slot (its value), or a list slot (its length)
    items: str                          # the text group holding the items
    separators: re.Pattern[str]
    soft: re.Pattern[str]               # joins that may sit inside one name (和, 及)
    after: CompiledPattern | None       # the list found after the match (items_after)
    within: int
    share: bool                         # items share the label's counted word
    open_end: bool                      # a list whose end the text does not mark
    enumerated: bool                    # items are 一是…二是…, not separated


def prepare(rule: Rule) -> CountParams:
    """Check the names against the pattern; compile separators and the following-list pattern."""
    count = rule.params["count"]
    if count not in rule.pattern.slots:
        raise RuleFileError(rule.path, rule.lines.get("count"), f"count '{count}' is not a slot of the pattern")
    items = rule.params["items"]
    after = None
    if rule.params.get("items_after"):
        after = rule_pattern(rule, "items_after", rule.params["items_after"])
        if items not in after.text_groups:
            raise RuleFileError(rule.path, rule.lines.get("items_after"), f"items_after needs a group (?P<{items}>…)")
    elif items not in rule.pattern.text_groups:
        raise RuleFileError(rule.path, rule.lines.get("items"), f"items '{items}' is not a text group (?P<{items}>…) of the pattern")
    separators = rule_regex(rule, "separators", DEFAULT_SEPARATORS)
    soft = rule_regex(rule, "soft_separators", DEFAULT_SOFT)
    within = rule.params.get("within", 400)
    if within < 1:
        raise RuleFileError(rule.path, rule.lines.get("within"), "within must be 1 or more (characters)")
    end = rule.params.get("list_end", "closed")
    if end not in ("closed", "open"):
        raise RuleFileError(rule.path, rule.lines.get("list_end"), "list_end is 'closed' or 'open'")
    items_by = rule.params.get("items_by", "separators")
    if items_by not in ITEMS_BY:
        raise RuleFileError(rule.path, rule.lines.get("items_by"), "items_by is 'separators' or 'enumerators'")
    return CountParams(count, items, separators, soft, after, within, bool(rule.params.get("items_share_label_char")),
                    end == "open", items_by == "enumerators")


def item_range(text: str, separators, soft) -> tuple[int, int, list[str]]:
    """(fewest, most) items a list can name, and its pieces at the firm separators.

    A soft join counts for sure only when its left side's last character recurs on its right
    (党代会和三届人代会、政协会中…): same-kind names. Otherwise it may sit inside one name.
    """
    pieces = [t.strip() for t in separators.split(text) if t.strip()]
    fewest = most = 0
    for piece in pieces:
        parts = [t.strip() for t in soft.split(piece) if t.strip()]
        most += len(parts)
        fewest += 1 + sum(1 for a, b in zip(parts, parts[1:]) if a[-1] in b)
    return fewest, most, pieces


def evaluate(rule, matches, context):
    """A count that differs from the number of items it names is a finding."""
    verdict = Verdict()
    prep: CountParams = rule.prepared
    for match in matches:
        bound = match.lists.get(prep.count, match.figures.get(prep.count))
        if bound is None or bound == ():
            continue
        if isinstance(bound, tuple) and len(bound) < 2:
            continue  # one figure after 分别 may be followed by more, each with its own label
        counted = [context.quantities[i] for i in bound] if isinstance(bound, tuple) else [context.quantities[bound]]
        stated = len(counted) if isinstance(bound, tuple) else counted[0].value
        items_text = _items_text(match, prep, context, counted[0])
        if items_text is None or stated is None or isinstance(stated, CALENDAR_VALUES):
            continue
        if prep.enumerated:
            if counted[0].qualifier or counted[0].value is None:
                continue  # 20多部法律: a vague count cannot be matched item by item
            pieces = enumerated_items(items_text, prep.within)
            fewest = most = len(pieces)
            if stated != len(pieces) and len(pieces) in _other_counts(match, counted[0], context):
                stated = len(pieces)  # 五个方面共二十项: the list counts the 方面, the first count
        else:
            fewest, most, pieces = item_range(items_text, prep.separators, prep.soft)
        if most < 2:
            continue
        verdict.checked |= set(bound) if isinstance(bound, tuple) else {bound}
        if not (stated > most or (stated < fewest and not prep.open_end)):
            if context.checks:
                subject = counted[-1] if isinstance(bound, tuple) else counted[0]
                verdict.held(rule, subject, f"{stated} = {'、'.join(pieces)}")
        else:
            subject = counted[-1] if isinstance(bound, tuple) else counted[0]
            listed = str(fewest) if fewest == most else f"{fewest}–{most}"
            names = {"count": str(stated), "items": listed, **match.texts}
            default = text_for(context.lang, "count_mismatch", count=stated, items=listed, listed="、".join(pieces))
            calculation = f"{'、'.join(pieces)} → {listed}"
            verdict.findings.append(finding(rule, rule.severity, subject, rule_message(rule, context.lang, default, names),
                                            listed, calculation, counted))
    return verdict


# 第一，… 第三就是…; 一是/一要/一则…; （一）… The first two are inline enumerators, the last a heading.
_ENUMERATOR = regexes.lazy(   # (behind a test of its first characters: it is run over pages)
    r"(?:^|(?<=[：:；;。，,\s“]))(?:第([一二三四五六七八九十]{1,3})(?:[，,、]|(?:就|则|还|也)?是)"
    r"|([一二三四五六七八九十]{1,3})(?:是|要|则|为|来|方面)|[(（]([一二三四五六七八九十]{1,3})[)）])", guard=True)


def enumerated_items(text: str, gap: int | None = None) -> list[str]:
    """一是…二是…第三就是…, （一）…（十一）: the run of enumerators numbered on from 一.

    A run keeps one form: 一是, 第一 or headings (（四）), so the headings of the next section do
    not lengthen a list of 一是; only within running text may 第三就是 follow 二是. Each item
    follows the one before within `gap` characters (three times that for items that start
    paragraphs: sections run long). A list of paragraphs (every item so far starts a line) may
    hold lists of its own inside a paragraph (一是… inline): those are skipped; another list that
    starts a line, or an inline list after an inline one, ends the run.
    """
    run: list[str] = []
    form = None
    paragraphs = nested = False
    last = 0
    for m in _ENUMERATOR.finditer(text):
        if gap is not None and m.start() - last > gap * (PARAGRAPH_GAP if paragraphs else 1):
            break
        this_form = "heading" if m.group(3) else "ordinal" if m.group(1) else "inline"
        if run and this_form != form and not (form == "inline" and this_form == "ordinal" and not paragraphs):
            continue  # 一是、二是…第三就是 within a paragraph; never the headings of the next section
        reading = read_chinese(next(g for g in m.groups() if g))
        number = int(reading.value) if reading else 0
        starts_line = text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip(" \t\u3000“") == ""
        if paragraphs and not starts_line:
            nested = nested or number == 1
            if nested or number != len(run) + 1:
                continue  # a list inside one paragraph of the list
            paragraphs = False  # 一是… at a line start, then ；二是… inline: one list
        if number == len(run) + 1:
            if not run:
                form, paragraphs = this_form, starts_line
            run.append(m.group().strip())
            last, nested = m.end(), False
        elif number == 1 and run:
            break  # a new list starts: the one that was counted has ended
    return run


_COUNTED_GROUPS = regexes.lazy(r"(\d+|[一二两三四五六七八九十]+)(?:大|个?方面|类|部分)(?=[\u4e00-\u9fff])", guard=True)


def _other_counts(match, counted, context) -> set[int]:
    """The other counts of the clause that announces a list (7个方面27项, 9大领域、30个方面96条):
    the list may enumerate any of them."""
    text = context.doc.text
    begin = max(text.rfind(ch, 0, counted.start) for ch in "。！？；\n") + 1
    found = {int(q.value) for q in context.quantities
             if begin <= q.start < match.end and q is not counted and q.kind in ("count", "amount")
             and isinstance(q.value, Fraction) and q.value.denominator == 1}
    for m in _COUNTED_GROUPS.finditer(text, begin, match.end):
        reading = read_chinese(m.group(1)) if not m.group(1).isdigit() else None
        found.add(int(m.group(1)) if m.group(1).isdigit() else int(reading.value) if reading else 0)
    return found


def _items_text(match, prep: CountParams, context, counted) -> str | None:
    if prep.after is None:
        return match.texts.get(prep.items)
    window = context.masked.text
    start = context.masked.masked_position(match.end)
    # enumerated items may run on for pages, each within `within` of the one before
    reach = prep.within * ENUMERATION_REACH if prep.enumerated else prep.within
    for m in prep.after.regex.finditer(window, start, min(len(window), start + reach)):
        text = m.group(prep.items)
        if prep.share and not _shares_label_char(counted.text, text, prep.separators):
            continue
        return text
    return None


def _shares_label_char(label: str, items_text: str, separators) -> bool:
    """“三水统筹” and 水资源、水环境、水生态: every item begins or ends with the label's counted
    word (三农: 农业、农村、农民; 五险: 养老保险…). A quoted sentence that merely holds the word
    (“四人帮” and “要求人的甚少，而给予人的却甚多”) spells out no label."""
    nouns = _label_nouns(label)
    if not nouns:
        return False
    items = [t.strip() for t in _ITEM_SPLIT.split(items_text) if t.strip()]
    return all(item.startswith(nouns) or item.endswith(nouns) for item in items)


_LABEL_NOUN = regexes.lazy(r"[一二两三四五六七八九十双]([^\W\d一二两三四五六七八九十双])")
_ITEM_SPLIT = regexes.lazy(r"[、,，;；和及与]")


@functools.lru_cache(maxsize=1024)
def _label_nouns(label: str) -> tuple[str, ...]:
    """The counted words of a label (“三水统筹” -> 水), read once per label: a label is held against
    every quoted text after it."""
    return tuple(_LABEL_NOUN.findall(label))
