"""The published arithmetic mistakes named in tests/oddities.py are still found, as errors."""

from __future__ import annotations

import pytest

from conftest import ARCHIVE
from oddities import PUBLISHED_MISTAKES
from verify.reading.document import decode
from verify.checking.engine import check_document
from verify.loaders import load_rules


@pytest.mark.parametrize("where,rule_id,text", sorted(PUBLISHED_MISTAKES))
def test_published_mistake_is_found(where, rule_id, text):
    path = ARCHIVE / where
    if not ARCHIVE.is_dir():
        pytest.skip(f"../shared/archive not present: {ARCHIVE} does not exist, so {where} cannot be read")
    result = check_document(decode(path.read_bytes(), path.name), load_rules())
    assert (rule_id, text) in {(f.rule_id, f.text) for f in result.findings if f.severity == "error"}
