"""Patterns of the statement stage searched only near where their matches can end
(regexes.ending_at) find what a search of the whole text finds."""

from __future__ import annotations

import importlib
import pytest

from conftest import SAMPLE, SHARED
from verify import regexes
from verify.reading.document import Document

scopes = importlib.import_module("verify.statements.scopes")
count_partitions = importlib.import_module("verify.statements.count_partitions")

MADE = "在中，中,在A中，x。3个中,12个城市中,在在在在在中，(在东部地区当中，1.3个城市中,70个大中城市中,其中在全国31个省份之中，" \
       "分地区看，在实行直达管理的1.7万亿元资金中，下达1.674万亿元"


def _texts():
    texts = [MADE, SAMPLE.read_text(encoding="utf-8")]
    for folder in ("corpus", "archive/xwlb", "archive/bulletins"):
        texts += [path.read_text(encoding="utf-8") for path in sorted((SHARED / folder).glob("*.txt"))[:40]]
    return [Document("<t>", text).view for text in texts]


@pytest.mark.parametrize("name", ["within", "among", "count total"])
def test_searched_near_their_ends_as_over_the_whole_text(name):
    pattern, ends, reach, ahead = {
        "within": (scopes._WITHIN, scopes._ENDS, 17, 1),
        "among": (scopes._AMONG, scopes._ENDS, 43, 1),
        "count total": (count_partitions._TOTAL, count_partitions._TOTAL_ENDS, count_partitions._TOTAL_REACH, 0),
    }[name]
    found = 0
    for view in _texts():
        near = regexes.ending_at(pattern, view, [m.end() for m in ends.finditer(view)], reach, ahead)
        assert [(m.span(), m.groupdict()) for m in near] == [(m.span(), m.groupdict()) for m in pattern.finditer(view)]
        found += len(near)
    assert found >= 3   # the made-up text and the sample page alone hold three of each (a clone without ../shared)
