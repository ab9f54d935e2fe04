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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.masked import SLOT_TYPES

SENTENCE_STOP = "。！？!?\\n"
LIST_GLUE = r"(?:、|和|及|与|或|以及|,)"

_MACRO = re.compile(r"\{(?:(?P<name>[A-Za-z_][A-Za-z0-9_]*):(?P<type>[a-z]+)(?P<mult>[+*]?)|gap(?:!(?P<gap_type>[a-z]+))?)\}")


class PatternError(ValueError):
    """A pattern that cannot be compiled: unknown slot type, duplicate name, bad regex."""


@dataclass(frozen=True)
class Slot:
    """A typed slot of a pattern: one figure, a tight list, or every figure in a region."""

    name: str
    type: str
    many: str  # "" one figure, "+" a list, "*" a region


@dataclass(frozen=True)
class CompiledPattern:
    """A pattern ready to run on the masked view, with its slots and text groups."""

    source: str
    regex: re.Pattern[str]
    slots: dict[str, Slot]
    text_groups: tuple[str, ...]


def compile_pattern(source: str) -> CompiledPattern:
    """Expand slots and gaps into plain regex and compile; PatternError says what is wrong."""
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
        regex = re.compile(expanded)
    except re.error as exc:
        raise PatternError(f"bad regular expression: {exc.msg}") from None
    text_groups = tuple(g for g in regex.groupindex if g not in slots)
    return CompiledPattern(source, regex, slots, text_groups)


def _chars(kind: str) -> str:
    try:
        return SLOT_TYPES[kind]
    except KeyError:
        known = ", ".join(sorted(SLOT_TYPES))
        raise PatternError(f"unknown slot type '{kind}' (known: {known})") from None
