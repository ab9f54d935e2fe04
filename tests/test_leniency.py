"""The lenient reading of a figure (verify/checking/kinds/common.py value_interval): what it may stand
for when it was cut instead of rounded; an error must hold even then."""

from __future__ import annotations

from fractions import Fraction

import pytest

from verify.checking.kinds.common import value_interval
from verify.checking.kinds.relation_values import printed_apart, relation_env
from verify.reading.quantity import print_step
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


def _pair(headline: str, body: str) -> dict:
    (h,) = read_quantities(Document("x", headline))
    (b,) = read_quantities(Document("x", body))
    return {"headline": h, "body": b}


@pytest.mark.parametrize("headline, body, apart", [
    ("33.88万人", "33.89万人", True),    # one step, other digits: printed two ways
    ("33.88万人", "33.88万人", False),
    ("33.9万人", "33.88万人", False),    # the title rounds to fewer digits
    ("16万亿元", "168713亿元", False),
    ("4200人", "4187人", False),         # 4200 may be 4187 rounded to hundreds
    ("超6万亿元", "61218亿元", False),   # a qualified figure has no step
    ("20例", "21例", True),
])
def test_a_restatement_printed_to_one_step_must_print_alike(headline, body, apart):
    assert printed_apart(_pair(headline, body)) is apart


def test_in_a_restatement_only_the_coarser_figure_may_be_cut():
    figures = _pair("16万亿元", "168713亿元")
    env = relation_env(figures, lenient=True, restatement=True)
    assert env["headline"] == value_interval(figures["headline"], lenient=True)   # 16万亿 may be 16.87万亿 cut
    assert env["body"] == value_interval(figures["body"])                          # the finer one as stated
    figures = _pair("33.88万人", "33.89万人")
    env = relation_env(figures, lenient=True, restatement=True)
    assert env == {name: value_interval(q) for name, q in figures.items()}      # one step: neither cut


@pytest.mark.parametrize("text, step", [
    ("33.88万人", "100"), ("96.8%", "0.001"), ("4200人", "100"), ("4187人", "1"), ("4000人", "1000"),
    ("4200.0吨", "0.1"),   # every printed digit counts: no rounding to hundreds (reading.quantity.may_be_rounded)
    ("16万亿元", "1000000000000"), ("超6万亿元", None), ("9亿~16亿", None),
])
def test_print_step(text, step):
    (q,) = read_quantities(Document("x", text))
    assert print_step(q) == (Fraction(step) if step is not None else None)
