"""A rule's pattern on the masked view -> [Match]: its slots bound to figures, its groups to text.

Patterns run line by line, and only on the lines that can hold a match: those holding one of
the pattern's required words, or a figure written the way the rule asks.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping

from verify import regexes
from verify.statements import NAMED_ROLES, Role, role_name
from verify.rules.slots import SLOT_TYPES, placeholder_of
from verify.checking.records import Context, Match
from verify.reading.document import normalise
from verify.reading.quantity import Quantity
from verify.rules.records import Rule

# Kinds that read figures as statements of a sentence; they leave rows of a table alone.
CROSS_CHECK_KINDS = frozenset({"relation", "sum", "count", "consistency"})


def find_matches(rule: Rule, context: Context, every: bool = False) -> list[Match]:
    """Every match of the rule's pattern, its slots bound to quantity indexes; `every` keeps the
    statements and facts the rule's kind cannot judge, and the figures alone it can find nothing
    in (KindParams.may_find), for --why, which says what they lack."""
    if rule.match_on == "text":
        return _text_matches(rule, context)
    if rule.match_on == "statements":
        return statement_matches(rule, context, every)
    if rule.pattern.single is not None and not every and not rule.prepared.written:   # only figures the kind may find in
        return _one_figure_matches(rule.pattern, rule, context, _tables(rule, context), rule.prepared.may_find)
    return find_matches_of(rule.pattern, rule, context, written=rule.prepared.written or None)


def statement_matches(rule: Rule, context: Context, every: bool = False) -> list[Match]:
    """The structures the statement stage found that the rule asks for, as matches: for `parts`,
    `total` and the list `parts` bound, with whether the total is certain, whether the parts are
    complete and whether the structure is only probable; for `facts`, each named figure bound."""
    reading = context.statements
    found = []
    judged: dict = {}   # names -> whether the rule's kind can judge a match by them
    if rule.structure == "each":   # every statement alone, bound by its role's name (share, fall, …)
        each = _each(context)
        judges = {name: every or _judges(rule, frozenset((name,)), judged) for name in {item[1] for item in each}}
        return [Match(rule, start, end, {name: index}, {}, {}, {}) for index, name, start, end in each if judges[name]]
    if rule.structure == "facts":   # (judged once for each set of names: a page has thousands of facts, few such sets)
        spans = _facts(context)
        chosen = sorted(k for names, places in _facts_by_names(context).items()
                        if every or _judges(rule, names, judged) for k in places)
        return [Match(rule, start, end, dict(bound), {}, {}, {}, fact)
                for fact, bound, _, start, end in (spans[k] for k in chosen)]
    if rule.structure == "headline":   # a title's figure and the body figure stating the same
        for pair in reading.headlines:
            head, body = context.quantities[pair.headline], context.quantities[pair.body]
            found.append(Match(rule, head.start, body.end, {"headline": pair.headline, "body": pair.body},
                               {}, {}, {}, pair))
        return found
    if rule.structure == "shares":   # shares of one whole, each in its own clause: together 100%
        return [Match(rule, g.start, g.end, {}, {"parts": g.parts}, {"complete": g.complete, "probable": "yes"}, {})
                for g in reading.share_groups]
    if rule.structure != "parts":   # a tally: a count and the items it names (statements/lists.py)
        return [Match(rule, t.start, t.end, {}, {"figures": t.figures}, {}, {}, t)
                for t in reading.tallies if t.family == rule.structure]
    for parts in reading.parts_lists:
        total = context.quantities[parts.total]
        texts = {"certain": "yes" if parts.certain else "no", "complete": parts.complete,
                 "probable": "yes" if parts.probable else "no"}
        found.append(Match(rule, total.start, parts.end, {"total": parts.total}, {"parts": parts.parts}, texts, {}))
    return found


def _judges(rule: Rule, names: frozenset[str], judged: dict) -> bool:
    if names not in judged:
        judged[names] = rule.prepared.judges(names)
    return judged[names]


def _each(context: Context) -> list[tuple[int, str, int, int]]:
    """Every statement as (index, the name a rule binds it by, start, end): found once per
    document, for all the rules on single statements."""
    if "statements, each" not in context.memo:
        quantities = context.quantities
        values = {role: role.value for role in Role}   # (Enum's .value is a Python property: not per statement)
        context.memo["statements, each"] = [(index, (role_name(st, quantities[index]) if st.role in NAMED_ROLES else None)
                                             or values[st.role],
                                             quantities[index].start, quantities[index].end)
                                            for index, st in context.statements.statements.items()]
    return context.memo["statements, each"]


def _facts(context: Context) -> list[tuple[object, dict[str, int], frozenset[str], int, int]]:
    """Every fact with its figures by name, all the names it binds, and its span: found once per
    document, for all the rules on facts (each match gets its own copy of the figures)."""
    if "statements, facts" not in context.memo:
        spans = []
        for fact in context.statements.facts:
            bound = fact.bound()
            names = frozenset(bound).union(name for name, _ in fact.constants)
            start = min(context.quantities[i].start for i in bound.values())
            end = max(context.quantities[i].end for i in bound.values())
            spans.append((fact, bound, names, start, end))
        context.memo["statements, facts"] = spans
    return context.memo["statements, facts"]


def _facts_by_names(context: Context) -> dict[frozenset[str], list[int]]:
    """The places in _facts of the facts binding each set of names, in text order: once per document."""
    if "statements, facts by names" not in context.memo:
        by_names: dict[frozenset[str], list[int]] = {}
        for k, (_, _, names, _, _) in enumerate(_facts(context)):
            by_names.setdefault(names, []).append(k)
        context.memo["statements, facts by names"] = by_names
    return context.memo["statements, facts by names"]


def _text_matches(rule: Rule, context: Context) -> list[Match]:
    """A pattern on the text itself (no slots): for how figures are written (.5, 4千, 90年)."""
    found = []
    for m in _matches_by_line(rule.pattern, context.doc.view):
        texts = {g: context.doc.text[m.start(g):m.end(g)] for g in rule.pattern.text_groups if m.start(g) >= 0}
        spans = {g: (m.start(g), m.end(g)) for g in texts}
        found.append(Match(rule, m.start(), m.end(), {}, {}, texts, spans))
    return found


def find_matches_of(pattern, rule: Rule, context: Context, window: tuple[int, int] | None = None,
                    written: Mapping[str, re.Pattern[str]] | None = None) -> list[Match]:
    """Every match of one compiled pattern (a rule's own, or one of its extra patterns),
    optionally only within a window of the masked text; `written` (slot -> regex on the figure's
    text) drops matches whose figures are not written so before anything else is built."""
    masked = context.masked
    found = []
    tables = _tables(rule, context)
    if pattern.single is not None and not window and not written:
        return _one_figure_matches(pattern, rule, context, tables)
    if window:
        matches = pattern.regex.finditer(masked.text, *window)
    elif written:  # only lines with a figure written so can hold a match: look nowhere else
        _, regex = next(iter(written.items()))
        hits = sorted(pos for text, places in _slots_by_text(context).items() if regex.search(text) for pos in places)
        # when most figures are written so (exceeds-target: not a range), the required words are the rarer
        matches = _matches_by_line(pattern, masked.text, hits, by_words=2 * len(hits) > len(masked.slots))
    else:
        matches = _matches_by_line(pattern, masked.text)
    for m in matches:
        if written and not _written_as(m, written, context):
            continue
        figures: dict[str, int] = {}
        lists: dict[str, tuple[int, ...]] = {}
        for name, slot in pattern.slots.items():
            if m.start(name) < 0:
                continue
            if slot.many:
                allowed = SLOT_TYPES[slot.type]
                lists[name] = tuple(i for i in masked.quantities_in(m.start(name), m.end(name))
                                    if _placeholder_allowed(context.quantities[i], allowed))
            else:
                index = masked.quantity_at(m.start(name))
                if index is not None:
                    figures[name] = index
        texts, spans = {}, {}
        for group in pattern.text_groups:
            if m.start(group) >= 0:
                start, end = masked.original(m.start(group)), masked.original(m.end(group))
                spans[group] = (start, end)
                texts[group] = context.doc.text[start:end]
        start, end = masked.original(m.start()), masked.original(m.end())
        if tables is not None and tables.spans and tables.overlaps(start, end):
            continue  # a row of a table is no sentence
        found.append(Match(rule, start, end, figures, lists, texts, spans))
    return found


def _tables(rule: Rule, context: Context):
    """The page's tables, for the kinds that leave their rows alone; else None."""
    return context.tables if rule.kind in CROSS_CHECK_KINDS else None


def _one_figure_matches(pattern, rule: Rule, context: Context, tables, may_find=None) -> list[Match]:
    """A pattern that is one figure slot and nothing else ({date:date}) matches each figure of the
    slot's types alone: found in one pass over the masked text (no line holds more of a match than
    its figure), its start the figure's own, as find_matches_of would have them. Each match's
    figure is found by one bisection from the one before (matches come in text order), and its
    end is its figure's end (or, when a placeholder follows at once, that figure's start: the
    offset masked.original gives). With `may_find`, none of a figure it says no to."""
    masked, quantities, name = context.masked, context.quantities, pattern.single
    slots, slot_quantity = masked.slots, masked.slot_quantity
    found, k, last = [], 0, len(slots) - 1
    for m in pattern.regex.finditer(masked.text):
        pos = m.start()
        k = bisect.bisect_left(slots, pos, k)
        if k <= last and slots[k] == pos:
            index = slot_quantity[k]
            if may_find is not None and not may_find(quantities[index]):
                continue
            start = quantities[index].start
            end = quantities[slot_quantity[k + 1]].start if k < last and slots[k + 1] == pos + 1 else quantities[index].end
        else:   # a placeholder character the page wrote itself: bound to no figure
            index, start, end = None, masked.original(pos), masked.original(m.end())
        if tables is not None and tables.spans and tables.overlaps(start, end):
            continue  # a row of a table is no sentence
        found.append(Match(rule, start, end, {name: index} if index is not None else {}, {}, {}, {}))
    return found


def _slots_by_text(context: Context) -> dict[str, list[int]]:
    """The masked position of every figure, by the figure's text: a page states the same few texts
    over and over, so a rule asking how a figure is written tests each text once, not each figure.
    Found once per document, for all such rules."""
    if "slots by text" not in context.memo:
        by_text: dict[str, list[int]] = {}
        quantities = context.quantities
        for pos, i in zip(context.masked.slots, context.masked.slot_quantity):
            by_text.setdefault(quantities[i].text, []).append(pos)
        folded: dict[str, list[int]] = {}
        for text, places in by_text.items():   # ９．５至９．５５亿 is asked about as 9.5至9.55亿 is
            folded.setdefault(ascii_form(text), []).extend(places)
        context.memo["slots by text"] = folded
    return context.memo["slots by text"]


def _written_as(m, written: dict, context: Context) -> bool:
    for slot, regex in written.items():
        index = context.masked.quantity_at(m.start(slot)) if m.start(slot) >= 0 else None
        if index is None or not regex.search(ascii_form(context.quantities[index].text)):
            return False
    return True


@functools.lru_cache(maxsize=4096)
def ascii_form(text: str) -> str:
    """A figure's text with full-width digits and marks folded (１．５亿 -> 1.5亿) and its thousands
    separators taken out (约555,000多人次 -> 约555000多人次), as the reader reads them: a rule's `written`
    test asks how a figure is written, not in which width or grouping."""
    folded = normalise(text)
    return _GROUPING.sub("", folded) if "," in folded else folded


_GROUPING = regexes.lazy(r"(?<=\d),(?=\d{3}(?!\d))")


def _matches_by_line(pattern, text: str, hits=None, by_words: bool = False):
    """The pattern's matches, line by line; only lines holding one of its required words (and,
    when `hits` is given, one of those places, figures written as the rule asks: found from the
    places, or, `by_words`, from the words). Each line is searched once: the next place is looked
    for after it, not among the places in it (年 or a figure stands many times in a line)."""
    if hits is None and pattern.anchor is None:  # one pass; a match across a line break is no match
        yield from (m for m in pattern.regex.finditer(text) if "\n" not in m.group())
        return
    anchor, pos, k = pattern.anchor, 0, 0
    by_words = by_words and anchor is not None
    while True:
        if hits is None or by_words:
            found = anchor.search(text, pos)
            if found is None:
                return
            hit = found.start()
        else:
            k = bisect.bisect_left(hits, pos, k)
            if k == len(hits):
                return
            hit = hits[k]
        begin = text.rfind("\n", 0, hit) + 1
        end = text.find("\n", hit)
        end = len(text) if end < 0 else end
        if hits is None or (_holds(hits, begin, end) if by_words else anchor is None or anchor.search(text, begin, end)):
            yield from _line_matches(pattern, text, begin, end)   # (a match holds a required word and a place)
        pos = end + 1


def _holds(places: list[int], begin: int, end: int) -> bool:
    """Whether one of the sorted places lies in [begin, end)."""
    k = bisect.bisect_left(places, begin)
    return k < len(places) and places[k] < end


def _line_matches(pattern, text: str, begin: int, end: int):
    """pattern.regex.finditer(text, begin, end), searched only from as far before each first
    character of its required words as a match can start (CompiledPattern.near): a rule whose
    pattern opens with a gap ([^。]{0,30}?比重) is not tried at every place of a long line."""
    if pattern.near is None:
        yield from pattern.regex.finditer(text, begin, end)
        return
    first, reach = pattern.near
    pos = begin
    while (hit := first.search(text, pos, end)) is not None:
        m = pattern.regex.search(text, max(pos, hit.start() - reach), end)
        if m is None:
            return
        yield m
        pos = m.end()   # (a match is never empty: an empty one holds none of the words)


def _placeholder_allowed(q: Quantity, allowed: str) -> bool:
    mark = placeholder_of(q)
    if mark is None:
        return False
    if "-" in allowed:  # a range such as \ue001-\ue00a
        lo, hi = allowed.split("-")
        return lo <= mark <= hi
    return mark in allowed
