"""Mutants of real texts for benchmarks/quality.py: made mechanically from the reader's figures.

Every stated figure of a numeric kind gets a one-digit change and a change of scale (×10 or ÷10);
every weekday moves on one day; every counted label has one numeral moved by one; every 、-list of
figures, and the 、-list of items right after a count, loses one item. Choices are drawn from
random.Random seeded with the file, the place and the operation, so every run makes the same mutants.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

SEED = 20221104
NUMERIC = ("amount", "count", "percent", "point", "ratio")

_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_CHINESE = re.compile(r"[零〇一二两三四五六七八九十百千]+")
_CN_DIGITS = "一二三四五六七八九"
_CN_VALUE = {ch: i + 1 for i, ch in enumerate(_CN_DIGITS)} | {"两": 2, "双": 2}
_CN_UP = {"十": "百", "百": "千", "千": "万"}
_WEEKDAY_NEXT = {"一": "二", "二": "三", "三": "四", "四": "五", "五": "六", "六": "日", "日": "一", "天": "一"}
_FIGURE_GLUE = re.compile(r"\s*(?:、|和|及|与)\s*")
# A count opens a list when a bracket, a colon or 包括/即/分别是 follows within a few characters.
_OPENER = re.compile(r"[^。；;！？!?\n，,、]{0,8}?(?P<open>[(（:：]|包括|分别是|分别为|即)")
_LIST_END_BRACKET = re.compile(r"[)）。\n]")
_LIST_END_CLAUSE = re.compile(r"[。！？!?\n]")
_LIST_ITEM = re.compile(r"[^、，,；;]+")


@dataclass(frozen=True)
class Mutant:
    """One edit of one clean text, and where the changed figure stands in the mutated text."""

    file: str
    op: str                               # digit/last|other, scale/×10|÷10, weekday, label, drop/figures|items
    start: int                            # the edit replaces text[start:end] by new
    end: int
    new: str
    spans: tuple[tuple[int, int], ...]    # the changed figure(s), in the mutated text
    figures: tuple[int, ...]              # indexes of the clean figures the mutant is of
    shown: str                            # "33.88万人 → 33.89万人", for the report



# --- mutant generation ---------------------------------------------------------------------


def rng_for(name: str, start: int, op: str) -> random.Random:
    """A generator per file, place and operation, so adding a file never changes other mutants."""
    return random.Random(f"{SEED}:{name}:{start}:{op}")


def numeral_runs(text: str) -> list[re.Match]:
    """The numerals of a figure's text: Arabic ones if any, else Chinese (not 百 of 百分点/百分之)."""
    arabic = list(_ARABIC.finditer(text))
    if arabic:
        return arabic
    return [m for m in _CHINESE.finditer(text) if not (m.group() == "百" and text[m.end():m.end() + 1] == "分")]


def change_digit(run: str, rng: random.Random) -> tuple[str, str] | None:
    """One digit changed: the last significant digit +1 (9 -> 8), or another digit at random."""
    if run[0].isdigit():
        return _change_arabic_digit(run, rng)
    places = [i for i, ch in enumerate(run) if ch in _CN_VALUE]
    if not places:  # 十 -> 二十: its unwritten 1 becomes 2
        return ("二" + run, "last") if run[0] in "十百千" else None
    last = places[-1]
    if len(places) > 1 and rng.random() < 0.5:
        i = rng.choice(places[:-1])
        digit = rng.choice([d for d in _CN_DIGITS if _CN_VALUE[d] != _CN_VALUE[run[i]]])
        return run[:i] + digit + run[i + 1:], "other"
    value = _CN_VALUE[run[last]]
    return run[:last] + _CN_DIGITS[value if value < 9 else 7] + run[last + 1:], "last"


def _change_arabic_digit(run: str, rng: random.Random) -> tuple[str, str]:
    """The Arabic case of change_digit; trailing zeros of an integer are not significant."""
    digits = [i for i, ch in enumerate(run) if ch.isdigit()]
    first = next((i for i in digits if run[i] != "0"), digits[-1])
    significant = [i for i in digits if i >= first]
    if "." not in run:
        while len(significant) > 1 and run[significant[-1]] == "0":
            significant.pop()
    last = significant[-1]
    if len(significant) > 1 and rng.random() < 0.5:
        i = rng.choice(significant[:-1])
        choices = [d for d in "0123456789" if d != run[i] and not (i == first and d == "0")]
        return run[:i] + rng.choice(choices) + run[i + 1:], "other"
    d = int(run[last])
    return run[:last] + str(d + 1 if d < 9 else 8) + run[last + 1:], "last"


def change_scale(run: str, rng: random.Random) -> tuple[str, str] | None:
    """×10 or ÷10: move the decimal point, add or drop a trailing zero; simple Chinese numerals only."""
    if not run[0].isdigit():
        return _scale_chinese(run)
    plain = run.replace(",", "")
    if "." not in plain:
        down = plain.endswith("0") and len(plain) > 1 and rng.random() < 0.5
        return (plain[:-1], "÷10") if down else (plain + "0", "×10")
    whole, decimals = plain.split(".")
    up = rng.random() < 0.5
    if up:
        whole, decimals = (whole + decimals[0]).lstrip("0") or "0", decimals[1:]
    else:
        whole, decimals = whole[:-1] or "0", whole[-1] + decimals
    return (f"{whole}.{decimals}" if decimals else whole), ("×10" if up else "÷10")


def _scale_chinese(run: str) -> tuple[str, str] | None:
    """三 -> 三十, 三十 -> 三百, 五百 -> 五千, 千 -> 万; anything longer is left alone."""
    if len(run) == 1 and run in _CN_VALUE:
        return ("二" if run == "两" else run) + "十", "×10"
    if len(run) <= 2 and run[-1] in _CN_UP and (len(run) == 1 or run[0] in _CN_VALUE):
        return run[:-1] + _CN_UP[run[-1]], "×10"
    return None


def figure_mutants(name: str, index: int, q) -> list[Mutant]:
    """The digit and scale mutants of one numeric figure (labels: one numeral moved by one)."""
    if q.label:
        return [m for m in [label_mutant(name, index, q)] if m]
    runs = numeral_runs(q.text)
    found = []
    for op, change in (("digit", change_digit), ("scale", change_scale)):
        if not runs:
            break
        rng = rng_for(name, q.start, op)
        run = rng.choice(runs) if op == "digit" else runs[0]
        changed = change(run.group(), rng)
        if changed is None or changed[0] == run.group():
            continue
        new = q.text[:run.start()] + changed[0] + q.text[run.end():]
        found.append(_replace(name, f"{op}/{changed[1]}", index, q, new))
    return found


def _replace(name: str, op: str, index: int, q, new: str) -> Mutant:
    """A mutant that rewrites one figure's text in place."""
    return Mutant(name, op, q.start, q.end, new, ((q.start, q.start + len(new)),), (index,), f"{q.text} → {new}")


def label_mutant(name: str, index: int, q) -> Mutant | None:
    """“一匠五创” -> “一匠四创”: one numeral of a counted label one up or down."""
    rng = rng_for(name, q.start, "label")
    places = [i for i, ch in enumerate(q.text) if ch in _CN_VALUE]
    if not places:
        return None
    i = rng.choice(places)
    value = _CN_VALUE[q.text[i]]
    step = 1 if value == 1 else (-1 if value == 9 else rng.choice((-1, 1)))
    return _replace(name, "label", index, q, q.text[:i] + _CN_DIGITS[value + step - 1] + q.text[i + 1:])


def weekday_mutant(name: str, index: int, q) -> Mutant:
    """周五 -> 周六: the weekday one day on."""
    new = q.text[:-1] + _WEEKDAY_NEXT[q.text[-1]]
    return _replace(name, "weekday", index, q, new)


def figure_lists(text: str, quantities: list) -> list[list[int]]:
    """Runs of two or more figures of one numeric kind joined by 、 (和/及/与 allowed, one 、 needed)."""
    lists, current = [], []
    for i, q in enumerate(quantities):
        prev = quantities[current[-1]] if current else None
        glue = _FIGURE_GLUE.fullmatch(text, prev.end, q.start) if prev else None
        if prev and glue and q.kind == prev.kind and q.kind in NUMERIC:
            current.append(i)
            continue
        if len(current) > 1:
            lists.append(current)
        current = [i]
    if len(current) > 1:
        lists.append(current)
    return [run for run in lists if any("、" in text[quantities[a].end:quantities[b].start]
                                        for a, b in zip(run, run[1:]))]


def figure_list_mutant(name: str, text: str, quantities: list, run: list[int]) -> Mutant:
    """0.6、0.5、0.5个百分点 -> 0.6、0.5个百分点: one item (never the last, which carries the unit) dropped."""
    k = rng_for(name, quantities[run[0]].start, "drop").randrange(len(run) - 1)
    start, end = quantities[run[k]].start, quantities[run[k + 1]].start
    first, last = quantities[run[0]], quantities[run[-1]]
    span = (first.start, last.end - (end - start))
    shown = f"{text[first.start:last.end]} → {text[first.start:start]}{text[end:last.end]}"
    return Mutant(name, "drop/figures", start, end, "", (span,), tuple(run), shown)


def item_list_mutant(name: str, text: str, index: int, q) -> Mutant | None:
    """“一匠五创”(新区工匠,创新能手、…) or 三项：A、B、C: the list a count opens loses one item."""
    m = _OPENER.match(text, q.end)
    if m is None:
        return None
    closing = _LIST_END_BRACKET if m.group("open") in "(（" else _LIST_END_CLAUSE
    stop = closing.search(text, m.end())
    body_end = stop.start() if stop else len(text)
    items = [i for i in _LIST_ITEM.finditer(text, m.end(), body_end) if i.group().strip()]
    if len(items) < 2:
        return None
    k = rng_for(name, q.start, "drop-item").randrange(len(items))
    if k < len(items) - 1:
        start, end = items[k].start(), items[k + 1].start()
    else:
        start, end = items[k - 1].end(), items[k].end()
    span = (m.end(), body_end - (end - start))
    shown = f"{q.text}{text[q.end:m.end()]}…: drop {text[start:end].strip('、，,；;')}"
    return Mutant(name, "drop/items", start, end, "", ((q.start, q.end), span), (index,), shown)
