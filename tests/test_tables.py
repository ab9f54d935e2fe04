"""Rows of a table flattened to text are found, and cross-checks leave them alone."""

from __future__ import annotations

from verify.checking.engine import check_document
from verify.loaders import load_rules
from verify.reading.document import Document
from verify.reading.reader import read_quantities
from verify.reading.tables import table_rows

# rmrb_19980113: 表２, rows of 万人 and shares under a heading
TABLE = ("表２：东、中、西部地区在本乡（镇）及以外地区从业的人员比重\n"
         "东部地区１４９１４．１３ ６６．５０ ７５１１．８９ ３３．５０\n"
         "中部地区１５５２４．６１ ７９．８８ ３９０９．８４ ２０．１２\n"
         "西部地区１２００２．４５ ８４．３８ ２２２２．６６ １５．６２\n")


def rows_of(text: str) -> list[str]:
    doc = Document("<t>", text)
    return [text[a:b] for a, b in table_rows(doc, read_quantities(doc)).spans]


def test_rows_of_figures_separated_by_spaces_are_table_rows():
    assert rows_of(TABLE) == TABLE.splitlines()[1:]


def test_prose_is_no_table_row():
    assert rows_of("美单日新增超3万7千 为疫情新高\n全市城镇新增就业33.88万人，完成全年计划的96.8%。\n") == []
    # figures side by side in a sentence: punctuation says it is prose
    assert rows_of("比分为21 10、21 16，两局获胜。\n") == []


def test_a_table_is_no_headline_and_its_body():
    rules = load_rules()
    text = TABLE + "\n" + TABLE.replace("１４９１４．１３", "１９０２１．５４")
    result = check_document(Document("<t>", text), rules)
    assert [f for f in result.findings if f.rule_id == "headline-restated"] == []
