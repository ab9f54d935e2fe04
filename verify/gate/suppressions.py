"""Suppressions: an editor's judgement, with the reason why, that a finding is acceptable."""

from __future__ import annotations

import datetime

from verify.frozen import record
from verify import yaml_data
from verify.errors import InputError, YamlError
from verify.gate.fingerprint import normalise_sentence
from verify.records import Finding


@record
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
    """A suppression file's text (.verify-ignore.yaml): a list whose entries each need a rule, a
    sentence or fingerprint, and a reason, all text; anything else is an InputError naming `path`
    and the entry. Anchors, aliases and deep nesting are refused before the YAML is built."""
    try:
        data, _ = yaml_data.parse(text)
    except YamlError as exc:
        if not exc.marked:
            raise InputError(path, f"not a suppression file ({exc.kind})") from None
        line = f"{exc.line}: " if exc.line else ""
        raise InputError(path, f"{line}not a suppression file ({exc.problem or exc.kind})") from None
    if isinstance(data, dict) and set(data) == {"suppressions"}:
        data = data["suppressions"]  # the list under one key, as the file was first written
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError(path, "not a suppression file: its top level must be a list of entries "
                               "(- rule: …, sentence: … or fingerprint: …, reason: …)")
    return [_suppression(path, i, entry, known_rules) for i, entry in enumerate(data)]


_TEXT_KEYS = ("rule", "sentence", "fingerprint", "reason", "who")


def _suppression(path: str, index: int, entry, known_rules: set[str]) -> Suppression:
    where = f"suppression {index + 1}"
    if not isinstance(entry, dict):
        raise InputError(path, f"{where}: a mapping with rule, sentence or fingerprint, and reason")
    unknown = set(entry) - {*_TEXT_KEYS, "when"}
    if unknown:
        raise InputError(path, f"{where}: unknown key '{sorted(unknown, key=str)[0]}'")
    for key in _TEXT_KEYS:
        if key in entry and not isinstance(entry[key], str):
            raise InputError(path, f"{where}: {key} must be a text")
        if key in entry and not entry[key].strip():
            raise InputError(path, f"{where}: {key} is blank")
    if "when" in entry and not isinstance(entry["when"], (str, datetime.date)):
        raise InputError(path, f"{where}: when must be a date or a text")
    if "reason" not in entry:
        raise InputError(path, f"{where}: a suppression needs a reason")
    if entry.get("rule") not in known_rules:
        raise InputError(path, f"{where}: unknown rule '{entry.get('rule')}'")
    if not entry.get("sentence") and not entry.get("fingerprint"):
        raise InputError(path, f"{where}: give the sentence or the fingerprint it excuses")
    if "sentence" in entry and not normalise_sentence(entry["sentence"]):
        raise InputError(path, f"{where}: sentence is blank")
    return Suppression(entry["rule"], entry["reason"].strip(), entry.get("sentence"),
                       entry.get("fingerprint"), entry.get("who"), str(entry["when"]) if entry.get("when") else None)
