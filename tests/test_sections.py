"""A long document is read and checked a section at a time (reading.document.sections), so that
memory stays flat; what it reports is placed in the whole document, as if checked whole."""

from __future__ import annotations

import json

import pytest

from conftest import SAMPLE
from verify.checking.engine import check_document
from verify.cli import main
from verify.loaders import load_rules
from verify.reading import document
from verify.reading.document import Document, sections
from verify.reading.reader import read_quantities

PAGE = SAMPLE.read_text(encoding="utf-8").rstrip("\n") + "\n\n"


def test_sections_cut_after_a_blank_line_and_cover_the_text():
    doc = Document("<t>", "甲" * 5 + "\n" + "乙" * 3 + "\n\n" + "丙" * 7 + "\n" + "丁" * 20)
    cut = list(sections(doc, 8))
    assert [offset for offset, _ in cut] == [0, 6, 11, 19]
    assert "".join(part.text for _, part in cut) == doc.text
    assert all(doc.text[offset:].startswith(part.text) for offset, part in cut)
    assert cut[1][1].text.endswith("\n\n")             # a blank line is the cut when there is one
    assert len(cut[-1][1].text) == 20                  # a line longer than a section is not split


def test_a_short_document_is_its_own_section():
    doc = Document("<t>", PAGE)
    assert list(sections(doc)) == [(0, doc)]


@pytest.fixture
def three_pages(monkeypatch):
    """The sample page three times over, with sections a little longer than one page."""
    monkeypatch.setattr(document, "SECTION_CHARS", len(PAGE) + 50)
    return Document("<three>", PAGE * 3)


def test_findings_of_each_section_are_placed_in_the_whole_document(three_pages):
    rules = load_rules()
    one = check_document(Document("<one>", PAGE + "\n"), rules)
    three = check_document(three_pages, rules)
    assert len(list(sections(three_pages))) == 3
    assert [(f.start, f.rule_id) for f in three.findings] == [
        (f.start + k * len(PAGE), f.rule_id) for k in range(3) for f in one.findings]
    assert all(three_pages.text[f.start:f.end] == f.text for f in three.findings)
    assert len(three.quantities) == 3 * len(one.quantities) and len(three.checked) == 3 * len(one.checked)
    assert [q.text for q in three.quantities] == [q.text for q in read_quantities(three_pages)]
    kept = check_document(three_pages, rules, keep=True)
    assert len(kept.quantities) == len(three.quantities) and kept.findings == three.findings


def test_numbers_listing_of_a_long_file_is_the_whole_files(tmp_path, capsys, monkeypatch):
    path = tmp_path / "three.txt"
    path.write_text(PAGE * 3, encoding="utf-8")
    assert main(["--numbers", "--format", "json", str(path)]) == 0
    whole = capsys.readouterr().out
    monkeypatch.setattr(document, "SECTION_CHARS", len(PAGE) + 50)
    assert main(["--numbers", "--format", "json", str(path)]) == 0
    assert capsys.readouterr().out == whole
    assert len(json.loads(whole)["files"][0]["quantities"]) == 3 * len(read_quantities(Document("<p>", PAGE)))


def test_a_range_keeps_its_ends_in_place_when_checked_in_sections(monkeypatch):
    """Quantity.shifted places a range's two ends too, not only the range."""
    paragraph = "农村居民人均可支配收入同比名义增长都在5.5%—7.6%之间。\n\n"
    monkeypatch.setattr(document, "SECTION_CHARS", len(paragraph) + 5)
    doc = Document("<ranges>", paragraph * 3)
    result = check_document(doc, load_rules())
    ranges = [q for q in result.quantities if q.ends is not None]
    assert [q.start for q in ranges] == [ranges[0].start + k * len(paragraph) for k in range(3)]
    assert all(q.start <= end.start < end.end <= q.end and doc.text[end.start:end.end] == end.text
               for q in ranges for end in q.ends)
