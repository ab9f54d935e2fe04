"""The lenient reading of a figure (verify/checking/kinds/common.py value_interval): what it may stand
for when it was cut instead of rounded; an error must hold even then."""

from __future__ import annotations

from fractions import Fraction

import pytest

from verify.checking.kinds.common import value_interval
from verify.reading.document import Document
from verify.reading.reader import read_quantities


@pytest.mark.parametrize("text, low, high", [
    ("33.88万人", "338750", "338900"),   # rounded or cut: up to 33.89万
    ("4200人", "4149.5", "4250.5"),      # 4200 may be 4187 rounded to hundreds
    ("20例", "19.5", "20.5"),            # a plain count: as read, not widened
    ("五百人", "450", "550"),            # below 1000 as read
    ("千名", "500", "2000"),             # read as 500 to 1500 already: cut, up to 1999, never down to 0
    ("两千人", "1500", "3000"),
])
def test_lenient_interval(text, low, high):
    (q,) = read_quantities(Document("x", text))
    assert value_interval(q, lenient=True) == type(value_interval(q))(Fraction(low), Fraction(high))
