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


def stamp(results: Sequence[FileResult], overrides: Mapping[str, Severity]) -> list[FileResult]:
    """Each finding with its fingerprint and the severity verify.toml [severity] sets for its rule
    (for firing findings, errors and warnings; at "info" every finding of the rule is an info)."""
    return [dataclasses.replace(r, findings=[_stamped(r.doc, f, overrides) for f in r.findings])
            for r in results]


def _stamped(doc: Document, f: Finding, overrides: Mapping[str, Severity]) -> Finding:
    level = overrides.get(f.rule_id)
    severity = level if level is not None and (f.severity.fires or level is Severity.INFO) else f.severity
    print_ = hashed(f.rule_id, normalise_sentence(doc.sentence_at(f.start, f.end)))
    return dataclasses.replace(f, severity=severity, fingerprint=print_)


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
    for f in findings:
        sentence = normalise_sentence(doc.sentence_at(f.start, f.end)) if suppressions else ""
        index = next((i for i, s in enumerate(suppressions) if s.matches(f, f.fingerprint, sentence)), None)
        if index is not None:
            used.add(index)
            suppressed.append((f, suppressions[index].reason))
        elif remaining[(f.rule_id, f.fingerprint)] > 0:
            remaining[(f.rule_id, f.fingerprint)] -= 1
            baselined.append(f)
        else:
            active.append(f)
    return active, baselined, suppressed
