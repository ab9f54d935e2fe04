"""A count and the labelled values given for each of its members in the next sentence
(verify/statements/labelled_values.py): ９类商品。各单项商品…分别为：碳酸饮料９２％，…"""

from __future__ import annotations

import pytest

from conftest import read_statements_of

_GOODS = ("对京、津、沪等１５个省、区、市市场销售的９类商品进行了质量抽查。各单项商品抽查合格率分别为：碳酸饮料９２％，"
          "羊绒衫６９．２％，环形门锁６５％，挂面６４．３％，西裤５６％，定型包装火腿５５．５％，电水壶３５％，茉莉花茶１８％，按摩电器１６．１％。")


def tallies(text: str) -> list[tuple[int, int, bool, bool]]:
    """(stated, items, exact, certain) of every named list of a text whose items were given values."""
    _, reading = read_statements_of(text)
    return [(t.stated, len(t.items), t.exact, t.certain) for t in reading.tallies
            if t.family == "named-list" and t.items and t.items[0] == "碳酸饮料"]


def test_each_of_the_counted_kinds_given_a_value_is_a_list_of_them():
    assert tallies(_GOODS) == [(9, 9, True, False)]


@pytest.mark.parametrize("text", [
    _GOODS.replace("各单项商品", "单项商品"),                  # no 各: not said to be each of them
    _GOODS.replace("各单项商品", "各单项产品"),                # 各 names another noun than the count's
    _GOODS.replace("电水壶３５％", "电水壶较好"),              # a piece without its figure: no list of labelled values
    _GOODS.replace("进行了质量抽查。", "进行了质量抽查；"),    # the count in the same sentence: not this reading
])
def test_no_list_without_each_the_counted_noun_a_figure_per_piece_or_the_sentence_before(text):
    assert tallies(text) == []


def test_an_ordinal_or_the_tail_of_a_longer_number_counts_nothing():
    assert tallies(_GOODS.replace("的９类商品", "的第９类商品")) == []
    assert tallies(_GOODS.replace("的９类商品", "的１９类商品")) == [(19, 9, True, False)]
