"""Gated results: severities set as verify.toml says, every finding fingerprinted, and findings
sorted into active, baselined and suppressed ones. Pure: results, a baseline, suppressions and
overrides in; new results and the suppressions that matched nothing out."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence

from verify.checking.records import FileResult
from verify.gate.fingerprint import hashed, normalise_sentence
from verify.gate.suppressions import Suppression
from verify.reading.document import Document
from verify.records import Finding, Severity


class _Sentences:
    """A document's sentences, each normalised once, and each rule's fingerprint of each hashed once:
    a line of 4,000 findings and no full stop is one long sentence, and normalising and hashing it
    again for every finding was quadratic."""

    def __init__(self, doc: Document):
        self.doc = doc
        self._normalised: dict[object, str] = {}
        self._prints: dict[tuple[str, object], str] = {}

    def of(self, f: Finding) -> tuple[object, str]:
        """The finding's sentence: where it is (a key) and its normalised text. A document kept
        without its text (a checked file, once its figures are gone) keeps its findings' sentences."""
        bounds = getattr(self.doc, "sentence_bounds", None)
        if bounds is None:
            sentence = self.doc.sentence_at(f.start, f.end)
            if sentence not in self._normalised:
                self._normalised[sentence] = normalise_sentence(sentence)
            return sentence, self._normalised[sentence]
        span = bounds(f.start, f.end)
        if span not in self._normalised:
            self._normalised[span] = normalise_sentence(self.doc.text[span[0]:span[1]])
        return span, self._normalised[span]

    def fingerprint(self, f: Finding) -> str:
        """hashed(rule, normalised sentence), once per rule and sentence."""
        span, sentence = self.of(f)
        key = (f.rule_id, span)
        if key not in self._prints:
            self._prints[key] = hashed(f.rule_id, sentence)
        return self._prints[key]


def stamp(results: Sequence[FileResult], overrides: Mapping[str, Severity]) -> list[FileResult]:
    """Each finding with its fingerprint and the severity verify.toml [severity] sets for its rule
    (for firing findings, errors and warnings; at "info" every finding of the rule is an info)."""
    stamped = []
    for r in results:
        sentences = _Sentences(r.doc)
        stamped.append(dataclasses.replace(r, findings=[_stamped(sentences, f, overrides) for f in r.findings]))
    return stamped


def _stamped(sentences: _Sentences, f: Finding, overrides: Mapping[str, Severity]) -> Finding:
    level = overrides.get(f.rule_id)
    severity = level if level is not None and (f.severity.fires or level is Severity.INFO) else f.severity
    return dataclasses.replace(f, severity=severity, fingerprint=sentences.fingerprint(f))


def apply_gate(results: Sequence[FileResult], baseline: Counter,
               suppressions: Sequence[Suppression]) -> tuple[list[FileResult], list[Suppression]]:
    """Baselined and suppressed findings moved aside (stamped results in); the suppressions that
    matched nothing in this run, whose excused text has changed."""
    if not baseline and not suppressions:
        return list(results), []
    used: set[int] = set()
    gated = []
    for result in results:
        active, baselined, suppressed = _sort(result.doc, result.findings, baseline, suppressions, used)
        gated.append(dataclasses.replace(result, findings=active, baselined=baselined, suppressed=suppressed))
    return gated, [s for i, s in enumerate(suppressions) if i not in used]


def _sort(doc: Document, findings: list[Finding], baseline: Counter, suppressions: Sequence[Suppression],
          used: set[int]) -> tuple[list[Finding], list[Finding], list[tuple[Finding, str]]]:
    """(active, baselined, suppressed with their reasons) for one file's findings."""
    active, baselined, suppressed = [], [], []
    remaining = Counter(baseline)
    sentences = _Sentences(doc)
    verdicts: dict = {}  # (sentence, rule, fingerprint) -> the suppression covering it: judged once per sentence
    for f in findings:
        index = None
        if suppressions:
            span, sentence = sentences.of(f)
            key = (span, f.rule_id, f.fingerprint)
            if key not in verdicts:
                verdicts[key] = next((i for i, s in enumerate(suppressions) if s.matches(f, f.fingerprint, sentence)),
                                     None)
            index = verdicts[key]
        if index is not None:
            used.add(index)
            suppressed.append((f, suppressions[index].reason))
        elif remaining[(f.rule_id, f.fingerprint)] > 0:
            remaining[(f.rule_id, f.fingerprint)] -= 1
            baselined.append(f)
        else:
            active.append(f)
    return active, baselined, suppressed
