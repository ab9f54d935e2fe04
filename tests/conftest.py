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
from verify.statements import StatementReading, read_statements

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


def read_statements_of(text: str, path: str = "<test>") -> tuple[list[Quantity], StatementReading]:
    """The reader's quantities of a text and the statement stage's reading of them."""
    doc = Document(path, text)
    quantities = read_quantities(doc)
    return quantities, read_statements(doc, quantities)


def bound_pairs(text: str, name: str) -> list[tuple[str, str]]:
    """(figure bound as `name`, the fact's level) of every fact of a text binding `name`, as figure texts."""
    quantities, reading = read_statements_of(text)
    return [(quantities[f.bound()[name]].text, quantities[f.level].text)
            for f in reading.facts if name in f.bound()]


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


@pytest.fixture(autouse=True)
def wide_plain_terminal(monkeypatch):
    """The table's width comes from COLUMNS, never from the terminal pytest runs in; no colour
    setting of the developer's leaks in. Tests of widths and colour set their own."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("NO_COLOR", raising=False)


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


# ---------------------------------------------------------------- planted errors, a browser, PNG

PLANTED_ERRORS = [  # (family, rule that must find it, original text, planted text): one copy, many errors
    ("completion rate", "completion-rate", "完成全年计划的96.8%", "完成全年计划的93.7%"),
    ("其中 part above total", "parts-of-total", "高层次人才1.28万人", "高层次人才23.28万人"),
    ("weekday", "weekday-of-date", "11月4日(周五)", "11月4日(周四)"),
    ("time range", "time-range-order", "下午2:30-4:00", "下午4:30-2:00"),
    ("headline vs body", "headline-restated", "前10月青岛城镇新增就业33.88万人", "前10月青岛城镇新增就业38.88万人"),
    ("分别 count", "respectively-values", "提高0.6、0.5、0.5个百分点", "提高0.6、0.5个百分点"),
    ("share above 100%", "share-above-100", "按期结案率100%", "按期结案率110%"),
]


def planted_page(folder: Path, name: str = "qingdao-daily-2022-11-04-planted.txt") -> Path:
    """A copy of the sample page with every error of PLANTED_ERRORS in it (each text replaced once)."""
    text = SAMPLE.read_text(encoding="utf-8")
    for _, _, old, new in PLANTED_ERRORS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--force-device-scale-factor=1"]


def chromium() -> str:
    """The headless browser of the distribution; skip (with the reason) where none is installed."""
    import shutil

    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no chromium on PATH: install it with `apt-get update && apt-get install -y chromium` "
                "(.ci/run does; it could not here), so the report cannot be loaded in a browser")


def run_chromium(tmp_path: Path, *args: str) -> str:
    """Run headless Chromium once with a profile of its own; its stdout."""
    import subprocess

    profile = tmp_path / "chromium-profile"
    done = subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, timeout=120, text=True, encoding="utf-8", errors="replace")
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB bytes) of an 8-bit RGB or RGBA PNG, decoded with zlib alone."""
    import struct
    import zlib

    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, chunks = 8, {}
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunks.setdefault(kind, []).append(data[pos + 8:pos + 8 + length])
        pos += 12 + length
    width, height, depth, color_type, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"][0])
    assert depth == 8 and color_type in (2, 6) and interlace == 0, (depth, color_type, interlace)
    step = 3 if color_type == 2 else 4
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride, rows, previous = width * step, [], bytearray(width * step)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - step] if x >= step else 0
            up, corner = previous[x], previous[x - step] if x >= step else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        previous = line
        rows.append(bytes(line) if step == 3 else bytes(b for i, b in enumerate(line) if i % 4 != 3))
    return width, height, rows
