""".docx -> Document: body paragraphs and tables in order, then headers and footers.

Positions are what an editor can count in Word: the paragraph (non-empty paragraphs of the
body, from 1), a table cell (table, row, cell, from 1; a merged cell is read once), or the
paragraph of a header or footer; the column counts characters within the paragraph. A row's
cells are read as one line separated by tabs, so a label and its figure stay together.
"""

from __future__ import annotations

import io
import zipfile

import docx  # python-docx; this module is loaded by name only when a .docx is read (inputs.READERS)

from verify.reading.document import Document, extracted
from verify.errors import InputError
from verify.reading.source import SourcePosition, TextBuilder

FORMAT = "docx"


def read(raw: bytes, path: str, encoding: str | None = None) -> Document:
    """Read a Word document (python-docx); `encoding` does not apply to it."""
    try:
        word = docx.Document(io.BytesIO(raw))
    except (docx.opc.exceptions.PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(path, f"not a readable .docx file ({exc})") from None
    except Exception as exc:  # lxml and python-docx raise many kinds on a damaged package
        raise InputError(path, f"not a readable .docx file ({type(exc).__name__})") from None
    builder = TextBuilder()
    table_type = docx.table.Table
    _read_blocks(builder, word.iter_inner_content(), table_type, part=None, tables=[0])
    seen: set[int] = set()
    for section in word.sections:
        for part, story in (("header", section.header), ("footer", section.footer)):
            if story.is_linked_to_previous or id(story._element) in seen:
                continue
            seen.add(id(story._element))
            _read_blocks(builder, story.iter_inner_content(), table_type, part=part, tables=[0])
    return extracted(path, builder.text(), source=builder.map)


def _read_blocks(builder: TextBuilder, blocks, table_type, part: str | None, tables: list[int]) -> None:
    """Paragraphs numbered among the non-empty ones of this story; tables numbered in order."""
    paragraph = 0
    for block in blocks:
        if isinstance(block, table_type):
            tables[0] += 1
            _read_table(builder, block, part, tables[0])
            continue
        text = block.text
        if not text.strip():
            continue
        paragraph += 1
        builder.add(text, SourcePosition(FORMAT, column=1, part=part, paragraph=paragraph))
        builder.end_block()


def _read_table(builder: TextBuilder, table, part: str | None, number: int) -> None:
    """Each row one line; each cell's paragraphs joined by a space and kept apart by a tab."""
    for r, row in enumerate(table.rows, start=1):
        seen: set[int] = set()
        first = True
        for c, cell in enumerate(row.cells, start=1):
            if id(cell._tc) in seen:
                continue  # a horizontally merged cell appears once per grid column it spans
            seen.add(id(cell._tc))
            texts = [p.text for p in cell.paragraphs if p.text.strip()]
            for k, text in enumerate(texts, start=1):
                if not first:
                    builder.add_gap("\t" if k == 1 else " ")
                first = False
                builder.add(text, SourcePosition(FORMAT, column=1, part=part, table=number, row=r, cell=c,
                                                 paragraph=k))
        builder.end_block()
