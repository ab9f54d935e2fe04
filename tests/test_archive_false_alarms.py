"""False alarms on published text: ../shared/archive (TV transcripts, government work reports, a
national daily of 1998) and ../shared/corpus, about 6.4 million characters, none of it written for
this project. Published copy is taken as right until the arithmetic proves it wrong, so:

- errors: at most 0.1 per 100,000 characters, and each one a real published mistake listed with
  its arithmetic in tests/oddities.py;
- cross-check warnings (every rule outside rules/usage/): at most 0.5 per 100,000 characters;
- usage warnings (how a figure is written) are counted and printed apart, under a loose cap.

The whole archive is checked once per session (about 10 s, two processes).
"""

from __future__ import annotations

import collections
import os
from pathlib import Path

import pytest

from conftest import ARCHIVE, ARCHIVE_FOLDERS, CORPUS, REPO
from oddities import KNOWN_ODDITIES, PUBLISHED_MISTAKES
from verify.reading.document import decode
from verify.checking.engine import check_all
from verify.loaders import load_rules

PER = 100_000
MAX_ERRORS = 0.1
MAX_CROSS_CHECK_WARNINGS = 0.5
MAX_USAGE_WARNINGS = 4.0  # loose: usage findings are mostly real, and never block a page

USAGE_RULES = frozenset(p.stem for p in (REPO / "rules" / "usage").glob("*.yaml"))


@pytest.fixture(scope="module")
def archive_run():
    """Every file of the archive folders and the corpus, checked once: (characters, findings)."""
    if not ARCHIVE.is_dir():
        pytest.skip(f"../shared/archive not present: {ARCHIVE} does not exist (a clone outside the "
                    f"workspace has no shared archive next to it), so false alarms cannot be measured")
    paths = [p for folder in ARCHIVE_FOLDERS for p in sorted((ARCHIVE / folder).glob("*.txt"))]
    paths += sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    documents = [decode(p.read_bytes(), str(p)) for p in paths]
    results = check_all(documents, load_rules(), jobs=min(2, os.cpu_count() or 1))
    findings = [(Path(r.doc.path), f) for r in results for f in r.findings]
    return sum(len(d.text) for d in documents), findings


def rate(count: int, characters: int) -> float:
    return count * PER / characters


def listing(found) -> str:
    return "\n".join(f"  {p.name}:{f.line} {f.rule_id} {f.text}: {f.message} ({f.calculation})" for p, f in found)


def known(path: Path, finding) -> bool:
    """A corpus oddity, or a published mistake of the archive (named by folder and file)."""
    return (path.name, finding.rule_id, finding.text) in KNOWN_ODDITIES \
        or (f"{path.parent.name}/{path.name}", finding.rule_id, finding.text) in PUBLISHED_MISTAKES


def test_errors_are_rare_and_each_a_known_published_mistake(archive_run):
    characters, findings = archive_run
    errors = [(p, f) for p, f in findings if f.severity == "error"]
    unexplained = [(p, f) for p, f in errors if not known(p, f)]
    assert unexplained == [], f"errors on published text not in tests/oddities.py:\n{listing(unexplained)}"
    assert rate(len(errors), characters) <= MAX_ERRORS


def test_cross_check_warnings_are_rare(archive_run):
    characters, findings = archive_run
    warnings = [(p, f) for p, f in findings if f.severity == "warning" and f.rule_id not in USAGE_RULES]
    assert rate(len(warnings), characters) <= MAX_CROSS_CHECK_WARNINGS, listing(warnings)


def test_usage_warnings_are_counted_apart(archive_run, capsys):
    characters, findings = archive_run
    usage = collections.Counter(f.rule_id for _, f in findings if f.severity == "warning" and f.rule_id in USAGE_RULES)
    with capsys.disabled():
        print(f"\nusage warnings on {characters:,} characters of published text: {sum(usage.values())} "
              f"({rate(sum(usage.values()), characters):.2f} per 100,000): "
              + ", ".join(f"{rule} {n}" for rule, n in usage.most_common()))
    assert rate(sum(usage.values()), characters) <= MAX_USAGE_WARNINGS


def test_usage_rules_never_raise_errors(archive_run):
    _, findings = archive_run
    assert [(p, f) for p, f in findings if f.rule_id in USAGE_RULES and f.severity == "error"] == []
