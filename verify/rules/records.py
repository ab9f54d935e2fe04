"""What the rule stage hands on: a rule file's text, a loaded rule, its examples, and the base of
the typed parameters each kind's prepare returns."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import field
from types import MappingProxyType
from typing import Any

from verify.frozen import record
from verify.records import Severity
from verify.rules.patterns import CompiledPattern


class KindParams:
    """Base of the frozen parameters a kind's prepare returns from a rule's keys. The matcher may
    ask any of them how the figures of a match must be written (only the pattern kind says),
    whether the kind can judge a statement or a fact by the names it binds (only relation says no),
    and whether a figure matched alone can come to anything (only date-exists says no)."""

    written: Mapping[str, re.Pattern[str]] = MappingProxyType({})  # slot -> regex on its figure's text

    def judges(self, names: frozenset[str]) -> bool:
        """Whether a match binding figures by these names can come to anything: the matcher makes
        no match of a statement or a fact that cannot."""
        return True

    def may_find(self, quantity) -> bool:
        """Whether a match of a pattern that is this one figure alone ({date:date}) can come to
        anything (a finding or a check that held): the matcher makes no match of a figure that
        cannot, unless asked for every match (--why)."""
        return True


@record
class RuleSource:
    """A rule file's text, the name it is reported by, and its file stem (which must be its id)."""

    text: str
    where: str
    stem: str


@record
class Example:
    """A text a rule must fire on (fail) or match without firing (pass)."""

    text: str
    source: str | None = None
    date: str | None = None
    expected: str | None = None
    severity: str | None = None
    line: int | None = None


@record
class Rule:
    """One loaded, validated rule: its metadata, pattern and the kind's prepared parameters."""

    id: str
    kind: str
    severity: Severity
    title: str
    why: str
    path: str
    pattern: CompiledPattern
    params: dict[str, Any]
    fail_examples: list[Example]
    pass_examples: list[Example]
    lines: dict[str, int] = field(repr=False, default_factory=dict)
    title_en: str | None = None
    why_en: str | None = None
    message: str | None = None
    message_en: str | None = None
    match_on: str = "figures"  # "figures": the masked view with slots; "text": the text itself
    structure: str | None = None  # with match_on "statements": what the statement stage found
    prepared: KindParams = field(default_factory=lambda: KindParams())  # what the kind's prepare made of params

    def title_in(self, lang: str) -> str:
        """The title in the report's language."""
        return self.title_en if lang == "en" and self.title_en else self.title
