"""Suppressions: an editor's judgement, with the reason why, that a finding is acceptable."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from verify.errors import InputError
from verify.gate.fingerprint import normalise_sentence
from verify.records import Finding


@dataclass(frozen=True)
class Suppression:
    """An editor's judgement that a finding is acceptable, with the reason why."""

    rule: str
    reason: str
    sentence: str | None = None
    fingerprint: str | None = None
    who: str | None = None
    when: str | None = None

    def matches(self, finding: Finding, print_: str | None, sentence: str) -> bool:
        """Whether this suppression covers the finding."""
        if finding.rule_id != self.rule:
            return False
        if self.fingerprint:
            return self.fingerprint == print_
        return normalise_sentence(self.sentence or "") in sentence


def parse_suppressions(text: str, path: str, known_rules: set[str]) -> list[Suppression]:
    """A suppression file's text (.verify-ignore.yaml): each entry needs a rule, a sentence or
    fingerprint, and a reason; anything else is an InputError naming `path` and the entry."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(path, f"not a suppression file ({exc.__class__.__name__})") from None
    entries = data.get("suppressions") if isinstance(data, dict) else data
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise InputError(path, "a list of suppressions (rule, sentence or fingerprint, reason) is expected")
    return [_suppression(path, i, entry, known_rules) for i, entry in enumerate(entries)]


def _suppression(path: str, index: int, entry, known_rules: set[str]) -> Suppression:
    where = f"suppression {index + 1}"
    if not isinstance(entry, dict):
        raise InputError(path, f"{where}: a mapping with rule, sentence or fingerprint, and reason")
    unknown = set(entry) - {"rule", "sentence", "fingerprint", "reason", "who", "when"}
    if unknown:
        raise InputError(path, f"{where}: unknown key '{sorted(unknown)[0]}'")
    if not str(entry.get("reason") or "").strip():
        raise InputError(path, f"{where}: a suppression needs a reason")
    if entry.get("rule") not in known_rules:
        raise InputError(path, f"{where}: unknown rule '{entry.get('rule')}'")
    if not entry.get("sentence") and not entry.get("fingerprint"):
        raise InputError(path, f"{where}: give the sentence or the fingerprint it excuses")
    return Suppression(str(entry["rule"]), str(entry["reason"]).strip(), entry.get("sentence"),
                       entry.get("fingerprint"), entry.get("who"), str(entry["when"]) if entry.get("when") else None)
