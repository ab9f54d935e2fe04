"""Finding: one discrepancy, about one figure, with the arithmetic that shows it."""

from __future__ import annotations

import dataclasses
from dataclasses import field
from enum import StrEnum

from verify.frozen import record


class Severity(StrEnum):
    """How sure a finding is, surest first; each format's name for it."""

    ERROR = "error"      # the figures cannot all be right, even allowing for rounding and truncation
    WARNING = "warning"  # possible but implausible
    INFO = "info"        # implied values, checks that hold only if figures were truncated

    @property
    def rank(self) -> int:
        """0 for the surest (error), 2 for an info: text order, then the surest first."""
        return _RANK[self]

    @property
    def fires(self) -> bool:
        """Errors and warnings: a finding in its own right (a JUnit failure, a rule example that fires)."""
        return self is not Severity.INFO

    @property
    def sarif_level(self) -> str:
        """SARIF's result level: error, warning, note."""
        return "note" if self is Severity.INFO else self.value

    @property
    def github_command(self) -> str:
        """The GitHub Actions workflow command: ::error, ::warning, ::notice."""
        return "notice" if self is Severity.INFO else self.value


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@record(slots=True)
class Related:
    """Another figure a finding rests on."""

    start: int
    end: int
    text: str

    def shifted(self, offset: int) -> Related:
        """The same figure `offset` characters further on (a section placed in its document)."""
        return dataclasses.replace(self, start=self.start + offset, end=self.end + offset)


@record(slots=True)
class Finding:
    """What a rule found: where, how sure, what the text says and what arithmetic says instead."""

    rule_id: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    expected: str | None = None
    calculation: str | None = None
    related: tuple[Related, ...] = field(default_factory=tuple)
    fingerprint: str | None = None  # rule + sentence, as baselines know it: set by the gate

    def __post_init__(self) -> None:
        if not isinstance(self.severity, Severity):
            object.__setattr__(self, "severity", Severity(self.severity))

    def sort_key(self) -> tuple:
        """Text order, then the surest first."""
        return (self.start, self.severity.rank, self.rule_id)

    def shifted(self, offset: int) -> Finding:
        """The same finding `offset` characters further on, its related figures too."""
        return dataclasses.replace(self, start=self.start + offset, end=self.end + offset,
                                   related=tuple(r.shifted(offset) for r in self.related))


@record(slots=True)
class Check:
    """A check that was made and held: shown to the editor so a clean page proves something."""

    rule_id: str
    start: int
    end: int
    text: str
    calculation: str

    def shifted(self, offset: int) -> Check:
        """The same check `offset` characters further on."""
        return dataclasses.replace(self, start=self.start + offset, end=self.end + offset)
