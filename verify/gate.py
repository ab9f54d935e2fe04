"""Only new, real problems fail the build: fingerprints, baselines and suppressions.

A finding's fingerprint is its rule and the normalised text of its sentence, so a paragraph that
moves, or text added above it, keeps its fingerprint; editing the sentence makes it new again.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from verify import safe_yaml
from verify.document import normalise, sentence_span
from verify.errors import InputError
from verify.findings import Finding

BASELINE_SCHEMA = "verify-baseline/1"
_SPACE = re.compile(r"\s+")
def normalise_sentence(sentence: str) -> str:
    """Whitespace removed and full-width forms folded, so reflowed copy keeps its fingerprint."""
    return _SPACE.sub("", normalise(sentence))


def fingerprint(text: str, finding: Finding) -> str:
    """Rule id + normalised sentence, hashed: stable when the paragraph moves."""
    return _sentence_and_print(text, finding)[1]


_SENTENCES: list = [None, {}]


def _sentence_and_print(text: str, finding: Finding) -> tuple[str, str]:
    """The finding's normalised sentence and fingerprint, each worked out once per sentence and
    rule: a line of 4,000 findings and no full stop is one long sentence, and normalising and
    hashing it again for every finding was quadratic."""
    if _SENTENCES[0] is not text:
        _SENTENCES[:] = [text, {}]
    cache = _SENTENCES[1]
    span = sentence_span(text, finding.start, finding.end)
    if span not in cache:
        cache[span] = normalise_sentence(text[span[0]:span[1]])
    key = (finding.rule_id, span)
    if key not in cache:
        cache[key] = _hashed(finding.rule_id, cache[span])
    return cache[span], cache[key]


def _hashed(rule_id: str, sentence: str) -> str:
    return hashlib.sha256(f"{rule_id}\n{sentence}".encode("utf-8")).hexdigest()[:20]


@dataclass
class Suppression:
    """An editor's judgement that a finding is acceptable, with the reason why."""

    rule: str
    reason: str
    sentence: str | None = None
    fingerprint: str | None = None
    who: str | None = None
    when: str | None = None
    used: int = 0

    def matches(self, finding: Finding, print_: str, sentence: str) -> bool:
        """Whether this suppression covers the finding."""
        if finding.rule_id != self.rule:
            return False
        if self.fingerprint:
            return self.fingerprint == print_
        return normalise_sentence(self.sentence or "") in sentence


@dataclass
class Gate:
    """Sorts findings into active, baselined and suppressed ones."""

    baseline: Counter = field(default_factory=Counter)
    suppressions: list[Suppression] = field(default_factory=list)

    def sort(self, text: str, findings: list[Finding]) -> tuple[list[Finding], list[Finding], list[tuple[Finding, str]]]:
        """(active, baselined, suppressed with their reasons) for one file's findings."""
        active, baselined, suppressed = [], [], []
        remaining = Counter(self.baseline)
        verdicts: dict = {}  # (sentence, rule) -> the suppression that covers it: once per sentence
        for f in findings:
            sentence, print_ = _sentence_and_print(text, f)
            key = (id(sentence), print_, f.rule_id)
            if key not in verdicts:
                verdicts[key] = next((s for s in self.suppressions if s.matches(f, print_, sentence)), None)
            rule = verdicts[key]
            if rule is not None:
                rule.used += 1
                suppressed.append((f, rule.reason))
            elif remaining[(f.rule_id, print_)] > 0:
                remaining[(f.rule_id, print_)] -= 1
                baselined.append(f)
            else:
                active.append(f)
        return active, baselined, suppressed

    def stale(self) -> list[Suppression]:
        """Suppressions that matched nothing in this run: the text they excused has changed."""
        return [s for s in self.suppressions if not s.used]


def write_baseline(path: str, entries: list[tuple[str, Finding, str]]) -> str:
    """The baseline file's text: every current finding's rule, fingerprint, file and figure."""
    records = [{"rule": f.rule_id, "fingerprint": print_, "path": file, "text": f.text, "severity": f.severity}
               for file, f, print_ in entries]
    return json.dumps({"schema": BASELINE_SCHEMA, "findings": records}, ensure_ascii=False, indent=2) + "\n"


def read_baseline(path: str) -> Counter:
    """(rule, fingerprint) counts of a baseline file; an InputError if it is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))  # a BOM is fine
    except FileNotFoundError:
        raise InputError(path, "no such baseline file") from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(path, f"not a verify baseline ({exc.__class__.__name__})") from None
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA or not isinstance(data.get("findings"), list):
        raise InputError(path, f"not a verify baseline (expected schema {BASELINE_SCHEMA})")
    counts: Counter = Counter()
    for record in data["findings"]:
        if not isinstance(record, dict) or not isinstance(record.get("rule"), str) \
                or not isinstance(record.get("fingerprint"), str):
            raise InputError(path, "not a verify baseline (a finding lacks rule or fingerprint)")
        counts[(record["rule"], record["fingerprint"])] += 1
    return counts


def read_suppressions(path: str, known_rules: set[str]) -> list[Suppression]:
    """The suppression file (.verify-ignore.yaml): a list whose entries each need a rule, a
    sentence or fingerprint, and a reason, all text; anything else is an InputError naming the entry."""
    try:
        data = safe_yaml.read(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(path, "no such suppression file") from None
    except yaml.MarkedYAMLError as exc:
        line = f"{exc.problem_mark.line + 1}: " if exc.problem_mark else ""
        raise InputError(path, f"{line}not a suppression file ({exc.problem or exc.__class__.__name__})") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
        raise InputError(path, f"not a suppression file ({exc.__class__.__name__})") from None
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
