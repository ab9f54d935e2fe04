"""Decoding reports: UTF-8 with or without BOM, GB18030, overrides, binary and broken input.

Also positions (1-based lines and columns counted in characters) and sentence spans.
"""

from __future__ import annotations

import bisect
import re

import pytest

from conftest import SAMPLE, corpus_file, full_row, read, sample_text
from verify.reading.document import Document, Position, decode, normalise
from verify.errors import InputError
from verify.reading.reader import read_quantities

PATH = "reports/page.txt"


def quantities_of(doc: Document) -> list[tuple]:
    """Every field of every quantity, offsets included."""
    return [(q.start, q.end, *full_row(q)) for q in read_quantities(doc)]


@pytest.fixture(scope="module")
def page() -> str:
    return sample_text()


@pytest.fixture(scope="module")
def utf8_quantities(page):
    return quantities_of(decode(page.encode("utf-8"), PATH))


# ---------------------------------------------------------------- encodings


def test_utf8(page):
    doc = decode(page.encode("utf-8"), PATH)
    assert (doc.text, doc.encoding, doc.path) == (page, "utf-8", PATH)


def test_utf8_with_bom_reads_the_same(page, utf8_quantities):
    doc = decode(b"\xef\xbb\xbf" + page.encode("utf-8"), PATH)
    assert doc.text == page  # the BOM is not text: offsets stay those of the page
    assert quantities_of(doc) == utf8_quantities


def test_gb18030_reads_the_same(page, utf8_quantities):
    raw = page.encode("gb18030")
    assert raw != page.encode("utf-8")
    doc = decode(raw, PATH)
    assert (doc.text, doc.encoding) == (page, "gb18030")
    assert quantities_of(doc) == utf8_quantities


def test_gbk_subset_reads_as_gb18030():
    text = "前10月青岛城镇新增就业33.88万人,完成全年计划的96.8%。"
    doc = decode(text.encode("gbk"), PATH)
    assert doc.text == text
    assert [q.text for q in read_quantities(doc)] == ["前10月", "33.88万人", "96.8%"]


def test_encoding_override(page, utf8_quantities):
    doc = decode(page.encode("gb18030"), PATH, encoding="gb18030")
    assert (doc.text, doc.encoding) == (page, "gb18030")
    assert quantities_of(doc) == utf8_quantities


def test_encoding_override_strips_a_bom(page):
    doc = decode(b"\xef\xbb\xbf" + page.encode("utf-8"), PATH, encoding="utf-8")
    assert doc.text == page


def test_encoding_override_is_obeyed_even_when_detection_would_differ(page):
    doc = decode(page.encode("utf-8"), PATH, encoding="latin-1")
    assert doc.encoding == "latin-1" and doc.text != page


def test_encoding_override_that_does_not_fit_names_the_file(page):
    with pytest.raises(InputError) as info:
        decode(page.encode("gb18030"), PATH, encoding="utf-8")
    assert info.value.path == PATH
    assert str(info.value).startswith(f"{PATH}: ") and "utf-8" in str(info.value)


def test_unknown_encoding_names_the_file():
    with pytest.raises(InputError) as info:
        decode(b"abc", PATH, encoding="no-such-codec")
    assert str(info.value).startswith(f"{PATH}: ") and "no-such-codec" in str(info.value)


# ---------------------------------------------------------------- unreadable input


@pytest.mark.parametrize("raw", [
    pytest.param(b"\x00\x01\x02\x03" * 64, id="nul-bytes"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", id="png-header"),
    pytest.param("新增就业33.88万人".encode("utf-8") + b"\x00" + b"tail", id="text-with-a-nul"),
    pytest.param(b"\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10\x11" * 20 + "中文".encode("gb18030"),
                 id="control-bytes-gb18030"),
])
def test_binary_input_is_an_input_error_naming_the_file(raw):
    with pytest.raises(InputError) as info:
        decode(raw, PATH)
    assert info.value.path == PATH
    assert str(info.value).startswith(f"{PATH}: ") and "binary" in str(info.value)
    assert "\n" not in info.value.one_line()


@pytest.mark.parametrize("raw", [
    pytest.param(b"abc\xffdef", id="0xff"),
    pytest.param("新增就业".encode("utf-8") + b"\x80", id="utf8-then-0x80"),
    pytest.param(b"\xef\xbb\xbf" + "新增".encode("gb18030"), id="bom-then-gb18030"),
])
def test_undecodable_input_is_an_input_error_naming_the_file(raw):
    with pytest.raises(InputError) as info:
        decode(raw, PATH)
    assert info.value.path == PATH
    assert str(info.value).startswith(f"{PATH}: ")
    assert "\n" not in info.value.one_line()


def test_empty_input_is_an_empty_document():
    doc = decode(b"", PATH)
    assert doc.text == "" and read_quantities(doc) == [] and doc.sentence_spans() == []


# ---------------------------------------------------------------- positions


def test_line_and_column_are_one_based_and_count_characters():
    text = "标题\n前10月青岛城镇新增就业33.88万人\n"
    doc = decode(text.encode("utf-8"), PATH)
    first, second = read_quantities(doc)
    assert (first.text, doc.position(first.start)) == ("前10月", Position(2, 1))
    # 12 characters (前10月青岛城镇新增就业) precede the figure: column 13, not a byte count
    assert second.text == "33.88万人"
    assert doc.position(second.start) == Position(2, 13)
    assert doc.position(0) == Position(1, 1)


def test_positions_on_the_sample_page(page):
    doc = decode(page.encode("gb18030"), PATH)
    found = {q.text: doc.position(q.start) for q in reversed(read_quantities(doc))}  # first wins
    assert found["33.88万人"] == Position(5, 13)
    assert found["96.8%"] == Position(13, 56)
    assert found["10万余平方米"].line == 121


def test_position_after_crlf_line_ends():
    doc = Document(PATH, "甲\r\n乙丙33.88万人")
    q = read_quantities(doc)[0]
    assert doc.position(q.start) == Position(2, 3)


def test_bom_does_not_shift_columns():
    doc = decode(b"\xef\xbb\xbf" + "新增33.88万人".encode("utf-8"), PATH)
    assert doc.position(read_quantities(doc)[0].start) == Position(1, 3)


def test_position_at_end_of_text():
    doc = Document(PATH, "ab\ncd")
    assert doc.position(len(doc.text)) == Position(2, 3)


# ---------------------------------------------------------------- the matching view


def test_view_maps_one_character_to_one():
    text = "３３．８８万人，完成全年计划的９６．８％（周五）下午２：３０－４：００\u3000～"
    view = normalise(text)
    assert len(view) == len(text)
    assert view == "33.88万人,完成全年计划的96.8%(周五)下午2:30-4:00 ~"
    assert Document(PATH, text).view == view


# ---------------------------------------------------------------- sentences


SENTENCE_SEPARATORS = "。！？!?；;\n"


def _check_cover(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert 0 <= previous_end <= start < end <= len(text)
        assert all(ch in SENTENCE_SEPARATORS for ch in text[previous_end:start])
        previous_end = end
    assert all(ch in SENTENCE_SEPARATORS for ch in text[previous_end:])


def test_sentence_spans_cover_the_sample_page(page):
    doc = Document(str(SAMPLE), page)
    spans = doc.sentence_spans()
    _check_cover(page, spans)
    # every quantity lies inside one sentence
    for q in read_quantities(doc):
        assert any(start <= q.start and q.end <= end for start, end in spans), q.text


def test_sentence_spans_split_at_end_marks():
    text = "甲。乙！丙？丁；戊\n己!庚"
    doc = Document(PATH, text)
    assert [text[s:e] for s, e in doc.sentence_spans()] == ["甲。", "乙！", "丙？", "丁；", "戊\n", "己!", "庚"]


def test_sentence_spans_keep_runs_of_marks_together():
    text = "\n\n第一句。。\n\n第二句？！"
    spans = Document(PATH, text).sentence_spans()
    assert [text[s:e] for s, e in spans] == ["第一句。。\n\n", "第二句？！"]
    _check_cover(text, spans)


@pytest.mark.parametrize("text", ["", "\n", "。", "无标点", "a\n\nb", "１。２"])
def test_sentence_spans_cover_small_texts(text):
    _check_cover(text, Document(PATH, text).sentence_spans())


# ---------------------------------------------------------------- the shared corpus copy


def test_shared_corpus_copy_reads_like_the_sample():
    shared = corpus_file("qingdao-daily-2022-11-04.txt")
    assert read(decode(shared.read_bytes(), str(shared)).text) == read(sample_text())


def test_every_shared_corpus_file_decodes_and_reads():
    corpus_file("INDEX.tsv")
    from conftest import CORPUS

    for path in sorted(CORPUS.glob("*.txt")):
        doc = decode(path.read_bytes(), str(path))
        found = read_quantities(doc)
        assert all(doc.text[q.start:q.end] == q.text for q in found), path.name
        assert re.search(r"\d", doc.text) is None or found, path.name


def test_corpus_file_skips_with_a_reason_when_shared_is_absent(monkeypatch, tmp_path):
    import conftest

    monkeypatch.setattr(conftest, "CORPUS", tmp_path / "no-shared" / "corpus")
    with pytest.raises(pytest.skip.Exception, match=r"\.\./shared/corpus not present"):
        conftest.corpus_file("qingdao-daily-2022-11-04.txt")


def test_sentence_at_finds_what_sentence_of_finds():
    """The document's bisection over sentence ends gives the sentence the plain scan gives."""
    from conftest import sample_text
    from verify.reading.document import sentence_of

    text = "开头没有句号" + sample_text() + "结尾；也没有句号"
    doc = Document("<t>", text)
    for start in range(0, len(text), 7):
        for end in (start, min(len(text), start + 5)):
            assert doc.sentence_at(start, end) == sentence_of(text, start, end)


def test_sentence_bounds_kept_for_the_next_span_give_what_a_fresh_search_gives():
    """The sentence found last is kept for the spans after it (a line of thousands of findings without
    an end was quadratic); in any order, and for spans across an end, the bounds are a fresh search's."""
    import random

    text = "开头没有句号，" * 30 + "一句。两句！" + "很长的一行没有句号，" * 200 + "结尾；" + "又。。一句\n末尾"
    spans = [(start, min(len(text), start + width)) for start in range(0, len(text), 3) for width in (0, 2, 9)]
    for order in (spans, random.Random(7).sample(spans, len(spans))):
        doc = Document("<t>", text)
        for start, end in order:
            assert doc.sentence_bounds(start, end) == Document("<t>", text).sentence_bounds(start, end)


def test_normalise_folds_as_one_translation():
    """normalise folds character by character, in one pass or many: no character folds into one
    that folds again, so the view is what str.translate with the same table makes."""
    from verify.reading.document import _FOLD
    assert not set(_FOLD.values()) & set(_FOLD)
    text = "".join(_FOLD) + "１３４３·３亿美元，增长（约）５％～６％：" + sample_text()
    assert normalise(text) == _decimal_points(text.translate(str.maketrans(_FOLD)))


def _decimal_points(folded: str) -> str:
    return re.sub(r"(?<=\d)[·・](?=\d)", ".", folded)


def test_masked_position_is_the_first_at_or_after_an_offset():
    """masked_position finds, for every offset of the text (inside figures too, and past its end),
    the first masked position whose original offset is at or after it."""
    from verify.checking.masking import mask
    text = sample_text()[:20_000]
    doc = Document("sample", text)
    masked = mask(doc, read_quantities(doc))
    originals = [masked.original(m) for m in range(len(masked.text))]   # never decreasing
    for offset in range(len(text) + 3):
        assert masked.masked_position(offset) == bisect.bisect_left(originals, offset), offset


def test_spaced_copy_is_compacted_with_its_offsets_kept():
    from verify.reading.spacing import compacted, in_file
    text = "就业 33.88 万人，增长 5%，两地  12 个"
    read, removed = compacted(text)
    assert read == "就业33.88万人，增长5%，两地12个"
    for offset, ch in enumerate(read):   # every character read is the file's character at its file offset
        assert text[in_file(offset, removed)] == ch
    assert compacted("遭袭 22人死亡，38人受伤") == ("遭袭 22人死亡，38人受伤", None)   # more tight than spaced
