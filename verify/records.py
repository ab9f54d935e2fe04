"""Finding: one discrepancy, about one figure, with the arithmetic that shows it."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Related:
    """Another figure a finding rests on."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found: where, how sure, what the text says and what arithmetic says instead."""

    rule_id: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    expected: str | None = None
    calculation: str | None = None
    related: tuple[Related, ...] = field(default_factory=tuple)
    fingerprint: str | None = None  # rule + sentence, as baselines know it: set by the gate

    def sort_key(self) -> tuple:
        """Text order, then the surest first."""
        return (self.start, SEVERITY_ORDER[self.severity], self.rule_id)


@dataclass(frozen=True, slots=True)
class Check:
    """A check that was made and held: shown to the editor so a clean page proves something."""

    rule_id: str
    start: int
    end: int
    text: str
    calculation: str
