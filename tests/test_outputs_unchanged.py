"""Speed work changes no output: verify's JSON on ../shared/corpus and ../shared/archive, byte for
byte, against the fingerprints recorded in tests/output_fingerprints.json (benchmarks/outputs.py).

An intended change of output (a new rule, a fixed false alarm) is recorded with
``python benchmarks/outputs.py --write``; the failure names the files whose entries changed.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import ARCHIVE, CORPUS, REPO

_spec = importlib.util.spec_from_file_location("outputs", REPO / "benchmarks" / "outputs.py")
outputs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(outputs)

GOLDEN = json.loads(outputs.GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("mode", sorted(outputs.MODES))
@pytest.mark.parametrize("folder", outputs.FOLDERS)
def test_output_unchanged(folder, mode):
    if not CORPUS.is_dir() or not ARCHIVE.is_dir():
        pytest.skip(f"../shared not present ({CORPUS}, {ARCHIVE}): nothing to compare")
    key = f"{mode} {folder}"
    actual = {key: outputs.fingerprints(outputs.run_verify(folder, mode))}
    assert outputs.differences({key: GOLDEN[key]}, actual) == [], (
        "if the change of output is intended, record it: python benchmarks/outputs.py --write")
