"""numeral_grammar reads every numeral of the reader's characters as cn2an's normal mode does, and
a page of such numerals never imports cn2an."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys

import cn2an
from proces.conf import T2S_DICT

from verify.reading.numeral_grammar import ALPHABET, cn2an_integer

CHARS = sorted(ALPHABET)


def _cn2an(numeral: str) -> int | None:
    """cn2an's reading as numerals._chinese_integer took it: None where it raises or is no integer."""
    try:
        value = cn2an.cn2an(numeral, "normal")
    except (ValueError, KeyError, IndexError):
        return None
    return None if isinstance(value, float) and not value.is_integer() else int(value)


def test_cn2an_preprocessing_leaves_the_characters_as_they_are():
    assert not set(T2S_DICT) & ALPHABET
    assert all(not 65281 <= ord(ch) <= 65374 and ch != "\u3000" for ch in ALPHABET)


def test_every_numeral_of_up_to_four_characters_reads_as_cn2an_reads_it():
    differ = [numeral for length in range(1, 5) for numeral in map("".join, itertools.product(CHARS, repeat=length))
              if cn2an_integer(numeral) != _cn2an(numeral)]
    assert differ == []


def test_longer_numerals_read_as_cn2an_reads_them():
    """At random, loose and spoken shapes (三千五, 两亿五千零三十), and cn2an's own numerals cut short."""
    rng = random.Random(17)
    numerals = ["".join(rng.choice(CHARS) for _ in range(rng.randint(5, 32))) for _ in range(5000)]
    numerals += ["".join(rng.choice("一二两三四五六七八九") + rng.choice(["", "十", "百", "千", "万", "亿", "零"])
                         for _ in range(rng.randint(3, 16))) for _ in range(5000)]
    for n in [*range(1, 3000), *(rng.randrange(1, 10**16) for _ in range(3000))]:
        written = cn2an.an2cn(n)
        numerals += [written, written[:-1], written.replace("二", "两")[:-2]]
    differ = [numeral for numeral in numerals if numeral and cn2an_integer(numeral) != _cn2an(numeral)]
    assert differ == []


def test_reading_such_numerals_does_not_import_cn2an():
    code = ("import sys; from verify.reading.numerals import read_chinese; "
            "values = [read_chinese(n) and read_chinese(n).value for n in ('两亿五千', '三千五', '十一万三')]; "
            "print(values == [None, 3500, 113000], 'cn2an' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False"]
