"""The reader's own reading of Chinese numerals agrees with cn2an, which reads the rest."""

from __future__ import annotations

import itertools
import random

import cn2an
import pytest

from verify.reading.numerals import _ONE_PLACE, _PLACE_PAIR, _chinese_integer, _standard_integer

HEADS = ["", "一", "二", "两", "三", "五", "九"]
TAILS = ["", "一", "五", "九"]
# 一亿一 is refused by cn2an too (a tail after 亿 is ambiguous), so the shapes stop at 万 for tails.
SHAPES = [h + p + t for h, p, t in itertools.product(HEADS, "十百千万亿", TAILS) if not (p == "亿" and t)]


@pytest.mark.parametrize("numeral", SHAPES)
def test_one_place_numerals_read_as_cn2an_reads_them(numeral):
    assert _ONE_PLACE.match(numeral)
    expected = cn2an.cn2an("一" + numeral if numeral[0] in "十百千万亿" else numeral, "normal")
    assert _chinese_integer(numeral) == expected


PAIRS = ([h + p + b for h, p, b in itertools.product(HEADS, "十百千", ["万", "亿", "万亿"])]
         + [h + p + "零" + t for h, p, t in itertools.product(HEADS, "百千", ["一", "五", "九"])])


@pytest.mark.parametrize("numeral", PAIRS)
def test_two_place_numerals_read_as_cn2an_reads_them(numeral):
    assert _PLACE_PAIR.match(numeral)
    expected = cn2an.cn2an("一" + numeral if numeral[0] in "十百千万亿" else numeral, "normal")
    assert _chinese_integer(numeral) == expected


@pytest.mark.parametrize("numeral, value", [("三十三", 33), ("一千零八", 1008), ("二〇二二", 2022), ("十万", 100000),
                                            ("一百二十三万四千五百", 1234500)])
def test_longer_numerals_read_as_their_value(numeral, value):
    assert _chinese_integer(numeral) == value


def test_lexicon_reads_the_same_as_the_pure_python_safe_loader_reads_it():
    """The lexicon goes through yaml_data (libyaml's safe loader, or the cache); the pure-Python
    safe loader reads the same data."""
    import yaml

    from verify import yaml_data
    from verify.reading.numerals import LEXICON

    text = LEXICON.read_text(encoding="utf-8")
    assert yaml_data.parse(text)[0] == yaml.safe_load(text)

def test_numerals_written_out_in_full_read_as_cn2an_reads_them():
    """Every numeral cn2an writes (and with 两 for 二 before 千 百 万 亿) is read as cn2an reads it
    back, by the reader's own reading of numerals written out place by place where it takes them."""
    rng = random.Random(10)
    for n in [*range(1, 12001), *(rng.randrange(1, 10**13) for _ in range(3000))]:
        written = cn2an.an2cn(n)
        for form in {written, written.replace("二千", "两千").replace("二百", "两百").replace("二万", "两万").replace("二亿", "两亿")}:
            assert _chinese_integer.__wrapped__(form) == n == cn2an.cn2an(form, "normal"), form


def test_the_reader_takes_only_what_cn2an_reads_the_same():
    """Any run of numerals the reader's own reading takes, cn2an reads to the same value; the
    shapes it leaves to cn2an are those that leave a place out (三千五, 两亿五千, 一千五十)."""
    rng = random.Random(11)
    for _ in range(40000):
        numeral = "".join(rng.choice("一二两三五九十百千万亿零〇") for _ in range(rng.randint(1, 9)))
        value = _standard_integer(numeral)
        if value is not None:
            assert cn2an.cn2an(numeral, "normal") == value, numeral
    assert [_standard_integer(n) for n in ("三千五", "两亿五千", "一千五十", "一万五百", "二十零五")] == [None] * 5
