"""A finding's fingerprint: its rule and the normalised text of its sentence, hashed.

A paragraph that moves, or text added above it, keeps its fingerprint; editing the sentence
makes it new again. Baselines, suppressions and the SARIF log all know a finding by it.
"""

from __future__ import annotations

from verify import regexes
from verify.digest import sha256
from verify.reading.document import normalise, sentence_of
from verify.records import Finding

_SPACE = regexes.lazy(r"\s+")


def normalise_sentence(sentence: str) -> str:
    """Whitespace removed and full-width forms folded, so reflowed copy keeps its fingerprint."""
    return _SPACE.sub("", normalise(sentence))


def fingerprint(text: str, finding: Finding) -> str:
    """Rule id + normalised sentence, hashed: stable when the paragraph moves."""
    return hashed(finding.rule_id, normalise_sentence(sentence_of(text, finding.start, finding.end)))


def hashed(rule_id: str, sentence: str) -> str:
    """The fingerprint of a rule id and an already normalised sentence."""
    return sha256(f"{rule_id}\n{sentence}".encode("utf-8")).hexdigest()[:20]
