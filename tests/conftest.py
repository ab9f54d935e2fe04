"""Shared helpers for the reader and CLI tests: paths, the sample page, labelled quantities.

Every helper lives here (STYLE.md: keep the helpers in one module). Test modules import them
with ``from conftest import ...``; pytest puts this folder on sys.path.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest

from verify.reading.document import Document
from verify.reading.quantity import CALENDAR_VALUES, Quantity
from verify.reading.reader import read_quantities

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
ARCHIVE = SHARED / "archive"
ARCHIVE_FOLDERS = ("xwlb", "bulletins", "rmrb1998")
SAMPLE = REPO / "reports" / "qingdao-daily-2022-11-04.txt"

CALENDAR_KINDS = frozenset({"year", "date", "weekday", "time"})


def corpus_file(name: str) -> Path:
    """A file of ../shared/corpus; skip (not fail) in a clone that has no ../shared next to it."""
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpus not present: {CORPUS} does not exist (a clone outside the "
                    f"workspace has no shared corpus next to it), so {name} cannot be read")
    path = CORPUS / name
    if not path.is_file():
        pytest.fail(f"{path}: missing from the shared corpus (the folder exists, the file does not)")
    return path


def source_file(name: str) -> Path:
    """A published text a rule example comes from: ../shared/corpus, or a folder of
    ../shared/archive; skip (not fail) where ../shared is absent."""
    if not CORPUS.is_dir():
        return corpus_file(name)
    for path in [CORPUS / name, *ARCHIVE.glob(f"*/{name}")]:
        if path.is_file():
            return path
    pytest.fail(f"{name}: in neither {CORPUS} nor a folder of {ARCHIVE}")


def sample_text() -> str:
    """The sample page as text (it is UTF-8 without BOM)."""
    return SAMPLE.read_text(encoding="utf-8")


def read(text: str, path: str = "<test>") -> list[Quantity]:
    """The reader's quantities of a text."""
    return read_quantities(Document(path, text))


def frac(value: str | int | None) -> Fraction | None:
    """Exact value from a decimal or 'p/q' string; None stays None."""
    return None if value is None else Fraction(str(value))


@dataclass(frozen=True)
class Expected:
    """A hand-written quantity: what the reader must return, written as decimal strings."""

    text: str
    value: str | None
    low: str | None
    high: str | None
    unit: str | None
    kind: str
    qualifier: str | None = None
    scale: str | None = None
    label: bool = False

    def typed_value(self):
        """The value as the reader types it: ISO text for calendar kinds, else a Fraction."""
        return self.value if self.kind in CALENDAR_KINDS else frac(self.value)


def row(q: Quantity) -> tuple:
    """The comparable fields of a quantity (bounds as Fractions, value typed; a calendar value as
    the ISO text it prints as)."""
    value = q.value.iso if isinstance(q.value, CALENDAR_VALUES) else q.value
    return (q.text, value, q.interval.low, q.interval.high, q.unit, q.kind, q.qualifier)


def expected_row(e: Expected) -> tuple:
    """The same fields from a hand-written expectation."""
    return (e.text, e.typed_value(), frac(e.low), frac(e.high), e.unit, e.kind, e.qualifier)


def full_row(q: Quantity) -> tuple:
    """Every field of a quantity except the offsets."""
    return (*row(q), q.scale, q.label)


def expected_full_row(e: Expected) -> tuple:
    """Every field of a hand-written expectation except the offsets."""
    return (*expected_row(e), e.scale, e.label)


def only(text: str) -> Quantity:
    """The one quantity of a text; fails with the whole reading when there is not exactly one."""
    found = read(text)
    assert len(found) == 1, f"{text!r}: expected one quantity, got {[full_row(q) for q in found]}"
    return found[0]


def overlaps(q: Quantity, start: int, end: int) -> bool:
    """Whether a quantity's span shares a character with [start, end)."""
    return q.start < end and start < q.end


def mutated(tmp_path: Path, old: str, new: str, name: str | None = None) -> Path:
    """A copy of the sample page with one figure changed (exactly once)."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / (name or f"mutated-{len(list(tmp_path.iterdir()))}.txt")
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.fixture
def warning_page(tmp_path) -> Path:
    """The completion rate 96.8% changed to 93.7%: the implied plan is no longer round."""
    return mutated(tmp_path, "完成全年计划的96.8%", "完成全年计划的93.7%", "warning.txt")


@pytest.fixture
def error_page(tmp_path) -> Path:
    """按期结案率100% changed to 110%: a rate that cannot exceed 100%."""
    return mutated(tmp_path, "按期结案率100%", "按期结案率110%", "error.txt")



# ---------------------------------------------------------------- documents of other formats

PLANTED = ("高层次人才1.28万人", "高层次人才32.8万人")  # a 其中 part now exceeds its total, 22.78万人
FIXTURES = REPO / "tests" / "fixtures"


def planted_text() -> str:
    """The sample page with one arithmetic error planted: a part larger than its total."""
    text = sample_text()
    assert text.count(PLANTED[0]) == 1
    return text.replace(*PLANTED)


def write_docx(path: Path, text: str, columns: int = 1, header: str | None = None,
               table: list[list[str]] | None = None) -> Path:
    """A Word document of the text, a paragraph per non-empty line (python-docx, a test-time tool).

    columns > 1 sets the section in columns (for the two-column PDF made from it); header and
    table add a page header and a table after the text.
    """
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "WenQuanYi Micro Hei")
    normal.paragraph_format.first_line_indent = Pt(21)
    section = document.sections[0]
    if columns > 1:
        cols = section._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            section._sectPr.append(cols)
        cols.set(qn("w:num"), str(columns))
        cols.set(qn("w:space"), "425")
    if header:
        section.header.paragraphs[0].text = header
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, cells in enumerate(table):
            for c, cell in enumerate(cells):
                grid.cell(r, c).text = cell
    document.save(path)
    return path
