"""Where a figure is, said the way a person looks for it in the file they have open.

Plain text, HTML and Markdown: line:column of the file (13:41). A Word document: its paragraph
(第12段第40字), table cell or header. A PDF: its page and line (第2页第14行). Every format
prints this in its `where`; the JSON and SARIF reports also carry the fields themselves.
"""

from __future__ import annotations

from verify.reading.source import SourcePosition

# Kept apart from messages.py: only position labels, in both languages.
_WORDS = {
    "zh": {"paragraph": "第{paragraph}段第{column}字", "cell": "表{table}第{row}行第{cell}格",
           "header": "页眉", "footer": "页脚", "page": "第{page}页第{line}行"},
    "en": {"paragraph": "para {paragraph}, char {column}", "cell": "table {table}, row {row}, cell {cell}",
           "header": "header ", "footer": "footer ", "page": "page {page}, line {line}"},
}


def where(doc, offset: int, lang: str = "zh") -> str:
    """The label of a character offset's place in its file."""
    return label(doc.locate(offset), lang)


def label(pos: SourcePosition, lang: str = "zh") -> str:
    """A source position as a person would read it out."""
    words = _WORDS.get(lang, _WORDS["zh"])
    if pos.format == "pdf":
        return words["page"].format(page=pos.page, line=pos.line)
    if pos.format == "docx":
        prefix = words[pos.part] if pos.part else ""
        if pos.table is not None:
            return prefix + words["cell"].format(table=pos.table, row=pos.row, cell=pos.cell)
        return prefix + words["paragraph"].format(paragraph=pos.paragraph, column=pos.column)
    return f"{pos.line}:{pos.column}"


def file_offsets(doc, start: int, end: int) -> dict:
    """The JSON contract's `start` and `end`: offsets in the file (Document.file_span), which for
    spaced copy read without its spaces are not those of the text read."""
    start, end = doc.file_span(start, end)
    return {"start": start, "end": end}


def source_record(doc, offset: int) -> dict:
    """The JSON contract's `source`: the format and the fields that place the offset in the file."""
    return doc.locate(offset).fields()
