"""The real texts of ../shared/corpus are published pages whose figures hold: no error, and no
warning unless it is a real oddity named here with its arithmetic. The sample page shows the
checks the issue lists."""

from __future__ import annotations

import pytest

from conftest import CORPUS, SAMPLE, corpus_file
from oddities import KNOWN_ODDITIES
from verify.reading.document import decode
from verify.checking.engine import check_document
from verify.loaders import load_rules

RULES = load_rules()
CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else ["<no corpus>"]



def test_known_oddities_are_still_found():
    """Each named oddity is still reported, so the list cannot silently outlive its reason."""
    for name, rule_id, text in KNOWN_ODDITIES:
        result = check_file(corpus_file(name))
        assert (rule_id, text) in {(f.rule_id, f.text) for f in result.findings if f.severity == "warning"}


def check_file(path):
    return check_document(decode(path.read_bytes(), path.name), RULES)


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_text_has_no_error_and_no_unexplained_warning(name):
    result = check_file(corpus_file(name))
    errors = [f"{f.rule_id} {f.text}: {f.message} ({f.calculation})" for f in result.findings if f.severity == "error"]
    assert errors == []
    warnings = [f"{f.rule_id} {f.text}: {f.message} ({f.calculation})" for f in result.findings
                if f.severity == "warning" and (name, f.rule_id, f.text) not in KNOWN_ODDITIES]
    assert warnings == []


def test_sample_report_is_clean_and_shows_its_checks():
    result = check_file(SAMPLE)
    assert [f for f in result.findings if f.severity in ("error", "warning")] == []
    implied = {f.text: f.expected for f in result.findings if f.rule_id == "completion-rate"}
    assert implied["33.88万人"].startswith("35.00万人")   # 33.88万 ÷ 96.8% = 35万
    assert implied["2.64万人"].startswith("3.00万人")     # 2.64万 ÷ 88% = 3万
    held = {(c.rule_id, c.text) for c in result.passed}
    assert ("parts-of-total", "22.78万人") in held          # 其中 9347人 + 1.28万人 ≤ 22.78万人
    assert ("respectively-values", "0.6、0.5、0.5个百分点") in held   # three bodies, three values
    assert ("counted-label-items", "一匠五创") in held        # six items in brackets
    assert ("counted-label-quoted-list", "三水统筹") in held  # 水资源、水环境、水生态
    assert ("weekday-of-date", "周五") in held               # 2022-11-04 was a Friday
    assert ("headline-restated", "33.88万人") in held           # headline and body agree
    assert ("time-range-order", "下午2:30-4:00") in held
    assert len(result.checked) >= 15


def test_sample_report_copy_is_the_corpus_page():
    corpus_page = corpus_file("qingdao-daily-2022-11-04.txt")
    assert SAMPLE.read_bytes() == corpus_page.read_bytes()
