"""Rule patterns: regular expressions with typed slots, compiled for the masked view.

A rule author writes an ordinary regular expression plus slots:

  {done:amount}    one figure of a type, bound to the name `done`
  {vals:number+}   a list of figures joined by 、 和 及 与 或 , (0.6、0.5、0.5个百分点)
  {parts:amount*}  every figure of the type in the rest of the sentence (greedy, stops at 。！？)
  {gap}            any text within the sentence, shortest first
  {gap!amount}     the same, but crossing no figure of that type
  (?P<name>...)    a plain named group binds text (a list of items, a measure's name)

Types: amount (amounts and counts), count, percent, point (百分点), ratio, number (any of
those), year, date, weekday, time, label (a counted label such as “一匠五创”), any.

A pattern matches within one line (a paragraph) of the text. A pattern that must contain a
fixed word (分别, 其中, 比重|占比) is only tried on the lines that contain it: that word is
found by reading the compiled pattern, so rule authors need not name it.
"""

from __future__ import annotations

import functools
import re

from verify.frozen import record
from verify import regexes
from verify.reading.document import SEMICOLONS, SENTENCE_ENDS
from verify.rules.slots import SLOT_TYPES

try:
    from re import _parser  # the standard library's own parser; only read, never run
except ImportError:  # a private module may change between Python versions: then scan everything
    _parser = None

SENTENCE_STOP = "".join(ch for ch in SENTENCE_ENDS if ch not in SEMICOLONS)  # what a gap or list slot never crosses
LIST_GLUE = r"(?:、|和|及|与|或|以及|,)"

# Calendar figures and counted labels are rare enough to look for; amounts and percentages are not.
_RARE_PLACEHOLDERS = set("\ue006\ue007\ue008\ue009\ue00a")
_MACRO = regexes.lazy(r"\{(?:(?P<name>[A-Za-z_][A-Za-z0-9_]*):(?P<type>[a-z]+)(?P<mult>[+*]?)|gap(?:!(?P<gap_type>[a-z]+))?)\}")


class PatternError(ValueError):
    """A pattern that cannot be compiled: unknown slot type, duplicate name, bad regex."""


@record
class Slot:
    """A typed slot of a pattern: one figure, a tight list, or every figure in a region."""

    name: str
    type: str
    many: str  # "" one figure, "+" a list, "*" a region


@record
class CompiledPattern:
    """A pattern ready to run on the masked view, with its slots and text groups."""

    source: str
    regex: re.Pattern[str]
    slots: dict[str, Slot]
    text_groups: tuple[str, ...]
    anchor: re.Pattern[str] | None = None  # words every match contains, to skip other lines fast
    # the first characters of those words, and how far before the first of them a match can start
    near: tuple[re.Pattern[str], int] | None = None
    single: str | None = None   # the slot, when the pattern is one figure slot and nothing else ({date:date})


@functools.lru_cache(maxsize=1024)
def compile_pattern(source: str) -> CompiledPattern:
    """Expand slots and gaps into plain regex and compile; PatternError says what is wrong. Once
    per text: the rules on statements share a few never-matching patterns (loader.STATEMENT_SLOTS,
    sixty slots for facts), which every such rule compiled again at every start."""
    slots: dict[str, Slot] = {}

    def expand(m: re.Match) -> str:
        if m.group("name") is None:
            if m.group("gap_type"):
                return f"[^{SENTENCE_STOP}{_chars(m.group('gap_type'))}]*?"
            return f"[^{SENTENCE_STOP}]*?"
        name, kind, many = m.group("name"), m.group("type"), m.group("mult")
        chars = _chars(kind)
        if name in slots:
            raise PatternError(f"slot '{name}' is named twice")
        slots[name] = Slot(name, kind, many)
        if many == "+":
            return f"(?P<{name}>[{chars}](?:{LIST_GLUE}[{chars}])*)"
        if many == "*":
            return f"(?P<{name}>[^{SENTENCE_STOP}]*)"
        return f"(?P<{name}>[{chars}])"

    expanded = _MACRO.sub(expand, source)
    try:
        regex = regexes.compile(regexes.guarded(expanded))   # places no match can start at fail one test
    except re.error as exc:
        raise PatternError(f"bad regular expression: {exc.msg}") from None
    text_groups = tuple(g for g in regex.groupindex if g not in slots)
    words = regexes.derived("words", expanded, lambda: required_words(expanded))   # parsed once, then kept
    anchor = regexes.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))) if words else None
    single = next(iter(slots)) if len(slots) == 1 and not text_groups and _MACRO.fullmatch(source) \
        and not next(iter(slots.values())).many else None
    return CompiledPattern(source, regex, slots, text_groups, anchor, _near(expanded, words), single)


def _near(expanded: str, words: list[str] | None) -> tuple[re.Pattern[str], int] | None:
    """The class of the required words' first characters and the most characters a match holds
    before its first one (regexes.anchor_reach, verified on the pattern): a line need be searched
    only from that far before each of them. None when that cannot be verified."""
    if not words:
        return None
    first = "".join(sorted({re.escape(word[0]) for word in words}))
    reach = regexes.anchor_reach(expanded, first)
    return None if reach is None else (regexes.compile(f"[{first}]"), reach)


def required_words(expanded: str) -> list[str] | None:
    """Words of which every match holds one: the longest run of literal characters at the top
    level of the pattern, or a top-level group of literal alternatives (比重|比例|占比)."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(expanded)
    except Exception:  # a private module may change between Python versions: then scan everything
        return None
    best: list[str] | None = None
    run = ""
    for op, arg in list(parsed) + [(None, None)]:
        if op is _parser.LITERAL:
            run += chr(arg)
            continue
        if run and (best is None or min(map(len, best)) < len(run)):
            best = [run]
        run = ""
        choices = _literal_choices(op, arg, _parser)
        if choices and (best is None or min(map(len, best)) < min(map(len, choices))):
            best = choices
    return best


def _literal_choices(op, arg, _parser) -> list[str] | None:
    """(?:比重|比例|占比) -> ['比重', '比例', '占比']; a slot of a type -> its placeholders; else None."""
    if op is _parser.SUBPATTERN:
        items = list(arg[-1])
        if len(items) == 1:
            op, arg = items[0]
    chars = [chr(arg)] if op is _parser.LITERAL else (
        [chr(a) for o, a in arg] if op is _parser.IN and all(o is _parser.LITERAL for o, _ in arg) else [])
    if chars and all(ch in _RARE_PLACEHOLDERS for ch in chars):
        return chars  # {d:date} -> its placeholder: a character few lines hold
    if op is not _parser.BRANCH:
        return None
    choices = []
    for branch in arg[1]:
        items = list(branch)
        if not items or any(o is not _parser.LITERAL for o, _ in items):
            return None
        choices.append("".join(chr(a) for _, a in items))
    return choices


def _chars(kind: str) -> str:
    try:
        return SLOT_TYPES[kind]
    except KeyError:
        known = ", ".join(sorted(SLOT_TYPES))
        raise PatternError(f"unknown slot type '{kind}' (known: {known})") from None
