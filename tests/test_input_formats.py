""".docx, HTML, Markdown, PDF, UTF-16 and Big5 copies of the sample page with one error planted.

Each must give the same findings (rule, stated figure, expected value) as the .txt, at positions
in its own format that lead back to the figure: a .docx paragraph, an HTML or Markdown source
line and column, a PDF page and line. The .docx, HTML and Markdown files are made here from the
page; the two-column PDF is committed (tests/fixtures/make_two_column_pdf.py remakes it).
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, PLANTED, planted_text, write_docx
from verify.cli import main
from verify.inputs import read_document

TWO_COLUMN_PDF = FIXTURES / "qingdao-planted-two-columns.pdf"
HEADER = "青岛日报 2022年11月4日 星期五"


def run(capsys, *argv) -> tuple[int, str, str]:
    """verify.cli.main in process: (exit code, stdout, stderr)."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return int(code), out, err


def report(capsys, path: Path, *options) -> dict:
    """The JSON report of one file, with its exit code."""
    code, out, err = run(capsys, "--format", "json", *options, path)
    assert err == "", err
    data = json.loads(out)
    assert data["schema"] == "verify/3"
    return {"code": code, **data["files"][0]}


def same(file: dict) -> list[tuple]:
    """What must not depend on the format: rule, stated figure, expected value, severity."""
    return [(f["rule"], f["text"], f["expected"], f["severity"]) for f in file["findings"]]


def lines(text: str) -> list[str]:
    """Non-empty lines: the paragraphs of the page."""
    return [line for line in text.split("\n") if line.strip()]


@pytest.fixture
def planted_txt(tmp_path) -> Path:
    path = tmp_path / "planted.txt"
    path.write_text(planted_text(), encoding="utf-8")
    return path


@pytest.fixture
def expected(capsys, planted_txt) -> list[tuple]:
    """The .txt's findings: the planted part above its total among them."""
    file = report(capsys, planted_txt)
    assert file["code"] == 1
    assert ("parts-of-total", "32.8万人") in [(f["rule"], f["text"]) for f in file["findings"]]
    return same(file)


def txt_position(text: str, figure: str, occurrence: int = 0) -> tuple[int, int]:
    """Line and column (1-based) of a figure's occurrence in the .txt."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(figure, start + 1)
    before = text[:start]
    return before.count("\n") + 1, start - before.rfind("\n")


# ---------------------------------------------------------------- .docx


def test_docx_gives_the_txt_findings_at_paragraphs(capsys, tmp_path, expected):
    path = write_docx(tmp_path / "planted.docx", planted_text(), header=HEADER)
    file = report(capsys, path)
    assert file["code"] == 1 and same(file) == expected
    text = planted_text()
    paragraphs = lines(text)
    for f in file["findings"]:
        where = f["source_position"]
        assert where["format"] == "docx" and "part" not in where
        paragraph = paragraphs[where["paragraph"] - 1]
        assert paragraph[where["column"] - 1:].startswith(f["text"]), (f, paragraph[:40])
    planted = next(f for f in file["findings"] if f["rule"] == "parts-of-total")
    line, column = txt_position(text, "32.8万人")
    assert planted["source_position"] == {"format": "docx", "paragraph": paragraphs.index(text.split("\n")[line - 1]) + 1,
                                          "column": column}


def test_docx_table_shows_paragraph_and_reads_header_and_tables(capsys, tmp_path):
    path = write_docx(tmp_path / "planted.docx", planted_text(), header=HEADER,
                      table=[["指标", "数值"], ["城镇新增就业", "33.88万人"]])
    code, out, _ = run(capsys, path)
    assert code == 1
    row = next(line for line in out.splitlines() if "parts-of-total" in line)
    assert "第6段第424字" in row  # the txt's 13:424: line 13 is the page's sixth paragraph
    doc = read_document(str(path), None)
    assert "指标\t数值\n城镇新增就业\t33.88万人\n" in doc.text
    cell = doc.locate(doc.text.rindex("33.88万人"))
    assert (cell.table, cell.row, cell.cell) == (1, 2, 2)
    header = doc.locate(doc.text.index("2022年11月4日"))
    assert (header.part, header.paragraph, header.column) == ("header", 1, 6)
    code, out, _ = run(capsys, "--lang", "en", path)
    assert "para 6, char 424" in out and "table 1, row 2, cell 2" not in out


def test_docx_numbers_show_paragraphs(capsys, tmp_path):
    path = write_docx(tmp_path / "page.docx", planted_text())
    code, out, _ = run(capsys, "--numbers", path)
    assert code == 0
    assert any(line.startswith("第2段第13字") and "33.88万人" in line for line in out.splitlines())
    code, out, _ = run(capsys, "--numbers", "--format", "json", path)
    first = json.loads(out)["files"][0]["quantities"][0]
    assert (first["text"], first["source_position"]) == ("前10月", {"format": "docx", "paragraph": 2, "column": 1})


def test_damaged_docx_is_one_line_exit_2(capsys, tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    code, out, err = run(capsys, path)
    assert code == 2 and out == "" and err.count("\n") == 1 and str(path) in err and ".docx" in err


# ---------------------------------------------------------------- HTML

HTML_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<title>前10月青岛城镇新增就业33.88万人 - 青岛日报 2.5.0</title>
<style>
  .lead {{ opacity:.8; margin: 0.5em 1.25em; }}  /* 0.5 and .8 are no figures of the page */
</style>
<script>var ratio = .8, items = [1.5, 2.64, 96.8]; if (ratio < .9) {{ ratio = 0.95; }}</script>
</head>
<body>
<nav><a href="/">首页</a> | 2022年11月3日 星期五 | 第A01版</nav>
<article>
{paragraphs}
</article>
<noscript>请启用 JavaScript 查看 .5 版</noscript>
<template><p>模板 33.88万人 1.5%</p></template>
<footer>版权所有 2017-2022</footer>
</body>
</html>
"""


def html_page(text: str, charset: str = "utf-8") -> str:
    """The page as a news site would serve it: entities for quotes, one paragraph a source line."""
    body = []
    for k, line in enumerate(lines(text)):
        escaped = html.escape(line, quote=False).replace("“", "&ldquo;").replace("”", "&rdquo;")
        body.append(f"<h1>{escaped}</h1>" if k < 2 else f'<p class="lead">{escaped}</p>')
    return HTML_PAGE.format(charset=charset, paragraphs="\n".join(body))


def assert_points_at_source(source: str, file: dict) -> None:
    """Each finding's source line and column is where its figure stands in the source file."""
    source_lines = source.split("\n")
    for f in file["findings"]:
        where = f["source_position"]
        line = source_lines[where["line"] - 1]
        assert line[where["column"] - 1:].startswith(f["text"]), (f["text"], where, line[:60])


def test_html_gives_the_txt_findings_at_source_lines(capsys, tmp_path, expected):
    source = html_page(planted_text())
    path = tmp_path / "planted.html"
    path.write_text(source, encoding="utf-8")
    file = report(capsys, path)
    assert file["code"] == 1 and same(file) == expected  # nothing from the CSS, script or menus
    assert {f["source_position"]["format"] for f in file["findings"]} == {"html"}
    assert_points_at_source(source, file)


def test_html_reads_the_article_text_only(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text(html_page(planted_text()), encoding="utf-8")
    doc = read_document(str(path), None)
    assert lines(doc.text) == lines(planted_text())
    for absent in ("opacity", "ratio", "模板", "JavaScript", "首页", "版权", "&ldquo;"):
        assert absent not in doc.text


def test_html_counted_label_in_entity_quotes_is_read(capsys, tmp_path):
    text = planted_text().replace("“一匠五创”", "“一匠六创”")  # six named, five stated
    path = tmp_path / "label.html"
    source = html_page(text)
    assert "&ldquo;一匠六创&rdquo;" in source
    path.write_text(source, encoding="utf-8")
    file = report(capsys, path)
    labels = [f for f in file["findings"] if f["rule"].startswith("counted-label")]
    assert labels and labels[0]["text"] in ("一匠六创", "“一匠六创”")
    assert_points_at_source(source, {"findings": labels})


def test_html_in_gbk_with_its_meta_charset(capsys, tmp_path, expected):
    source = html_page(planted_text(), charset="gb2312")
    path = tmp_path / "planted.html"
    path.write_bytes(source.encode("gb18030"))
    assert same(report(capsys, path)) == expected


# ---------------------------------------------------------------- Markdown


def markdown_page(text: str) -> str:
    """The page as Markdown: headings, emphasis, a link, code, a list and a table around its text."""
    paragraphs = lines(text)
    out = ["---", "title: 青岛日报 2022-11-04 第1.5版", "---", "", f"# {paragraphs[0]}", "", f"## {paragraphs[1]} ##", ""]
    for line in paragraphs[2:]:
        line = line.replace("全市引进集聚人才22.78万人", "全市引进集聚[人才](https://example.org/a_b.html)**22.78万人**")
        line = line.replace("按期结案率100%", "按期结案率`100%`")
        out += [line, ""]
    out += ["<!-- 编辑备注：原稿 1.28万人 -->", "", "- 附表：", "", "| 指标 | 数值 |", "|---|--:|",
            "| 城镇新增就业 | 33.88万人 |", ""]
    return "\n".join(out)


def test_markdown_gives_the_txt_findings_at_source_lines(capsys, tmp_path, expected):
    source = markdown_page(planted_text())
    path = tmp_path / "planted.md"
    path.write_text(source, encoding="utf-8")
    file = report(capsys, path)
    assert file["code"] == 1 and same(file) == expected
    assert {f["source_position"]["format"] for f in file["findings"]} == {"markdown"}
    assert_points_at_source(source, file)
    related = [r for f in file["findings"] for r in f["related"]]
    assert related and all(r["source_position"]["format"] == "markdown" for r in related)
    assert_points_at_source(source, {"findings": related})  # 22.78万人 inside ** ** is found where it is


_BEFORE_DIGITS = re.compile(r"([\u4e00-\u9fff])([0-9])")
_AFTER_DIGITS = re.compile(r"([0-9%])([\u4e00-\u9fff])")


def spaced(text: str) -> str:
    """The page set as web copy often is: a space between Chinese and digits (就业 33.88 万人)."""
    return _AFTER_DIGITS.sub(r"\1 \2", _BEFORE_DIGITS.sub(r"\1 \2", text))


def assert_points_at_spaced_source(source: str, file: dict) -> None:
    """Each finding's source line and column is where its figure, spaces and all, starts in the file."""
    source_lines = source.split("\n")
    for f in file["findings"]:
        where = f["source_position"]
        line = source_lines[where["line"] - 1]
        assert line[where["column"] - 1:].replace(" ", "").startswith(f["text"]), (f["text"], where, line[:60])


@pytest.mark.parametrize("suffix, page", [(".md", markdown_page), (".html", html_page)])
def test_spaced_markdown_and_html_give_the_txt_findings_at_source_lines(capsys, tmp_path, expected, suffix, page):
    source = page(spaced(planted_text()))
    assert "33.88 万人" in source
    path = tmp_path / f"spaced{suffix}"
    path.write_text(source, encoding="utf-8")
    file = report(capsys, path)
    assert file["code"] == 1 and same(file) == expected
    assert_points_at_spaced_source(source, file)


def test_markdown_reads_text_without_markup(tmp_path):
    path = tmp_path / "page.markdown"
    path.write_text(markdown_page(planted_text()), encoding="utf-8")
    doc = read_document(str(path), None)
    assert lines(doc.text)[:-3] == lines(planted_text())
    assert lines(doc.text)[-3:] == ["附表：", "指标\t数值", "城镇新增就业\t33.88万人"]
    for absent in ("**", "`", "](", "#", "title:", "编辑备注", "|"):
        assert absent not in doc.text


def test_markdown_joins_a_wrapped_paragraph(tmp_path):
    path = tmp_path / "wrapped.md"
    path.write_text("全市引进集聚人才22.78万人，其中，\n新增专业技术人才9347人，\n高层次人才32.8万人。\n", encoding="utf-8")
    doc = read_document(str(path), None)
    assert doc.text == "全市引进集聚人才22.78万人，其中，新增专业技术人才9347人，高层次人才32.8万人。\n"
    assert doc.locate(doc.text.index("32.8")).fields() == {"format": "markdown", "line": 3, "column": 6}


# ---------------------------------------------------------------- PDF


def test_two_column_pdf_gives_the_txt_findings_at_page_lines(capsys, expected):
    file = report(capsys, TWO_COLUMN_PDF)
    assert file["code"] == 1 and same(file) == expected
    planted = next(f for f in file["findings"] if f["rule"] == "parts-of-total")
    assert planted["source_position"] == {"format": "pdf", "page": 1, "line": 34, "column": 8}
    code, out, _ = run(capsys, TWO_COLUMN_PDF)
    assert "第1页第34行" in out


def test_two_column_pdf_sentences_come_out_whole():
    """Columns read in order and wrapped lines joined: the page's paragraphs, exactly."""
    doc = read_document(str(TWO_COLUMN_PDF), None)
    assert lines(doc.text) == lines(planted_text())


def minimal_pdf(content: bytes) -> bytes:
    """A one-page PDF whose page draws `content` (no fonts: no text layer)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_without_a_text_layer_is_one_line_exit_2(capsys, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(minimal_pdf(b"0.5 g 10 10 180 180 re f"))  # a grey page: what a scan gives
    code, out, err = run(capsys, path)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith(f"verify: {path}: ") and "text layer" in err and "Traceback" not in err


def test_damaged_pdf_is_one_line_exit_2(capsys, tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage")
    code, out, err = run(capsys, path)
    assert code == 2 and out == "" and err.count("\n") == 1 and str(path) in err


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                           ("gb18030", b""), ("gbk", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_encodings_give_the_txt_findings_at_the_same_lines(capsys, tmp_path, planted_txt, encoding, bom):
    """UTF-16 with a BOM is what Notepad saves as "Unicode"; GBK and GB18030 as before."""
    path = tmp_path / f"planted-{encoding}.txt"
    path.write_bytes(bom + planted_text().encode(encoding))
    assert report(capsys, path)["findings"] == report(capsys, planted_txt)["findings"]


def big5_text(text: str) -> str:
    """The page as a Big5 (traditional) copy: every character Big5 lacks converted by OpenCC."""
    opencc = pytest.importorskip("opencc", reason="OpenCC converts the page to traditional characters")
    convert = opencc.OpenCC("s2tw").convert
    out = []
    for ch in text:
        try:
            ch.encode("big5")
            out.append(ch)
        except UnicodeEncodeError:
            out.append(convert(ch))
    return "".join(out)


def test_big5_copy_is_read_as_big5_and_the_planted_error_found(capsys, tmp_path):
    traditional = big5_text(planted_text())
    assert "層次人才32.8万人" in traditional
    utf8, big5 = tmp_path / "traditional-utf8.txt", tmp_path / "traditional-big5.txt"
    utf8.write_text(traditional, encoding="utf-8")
    big5.write_bytes(traditional.encode("big5"))
    assert read_document(str(big5), None).text == traditional
    file = report(capsys, big5)
    assert file["code"] == 1 and "32.8万人" in [f["text"] for f in file["findings"]]
    assert file["findings"] == report(capsys, utf8)["findings"]


@pytest.mark.parametrize("encoding, text", [
    ("gb18030", "截至10月底，全市城镇新增就业33.88万人。"), ("gb18030", "就业33.88万人"), ("gbk", "前10月青岛"),
    ("big5", "截至10月底，全市城鎮新增就業33.88萬人。"), ("big5", "就業33.88萬人"), ("big5", "高層次人才1.28萬人"),
])
def test_short_texts_decode_right(tmp_path, encoding, text):
    """Detectors guess on a few bytes (cp949 for GBK, here); only Chinese encodings are candidates."""
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode(encoding))
    assert read_document(str(path), None).text == text


def test_encoding_option_still_overrides(capsys, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("高层次人才".encode("gb18030"))
    assert read_document(str(path), "latin-1").text == "高层次人才".encode("gb18030").decode("latin-1")


# ---------------------------------------------------------------- folders, start-up


def test_a_folder_takes_every_supported_format(capsys, tmp_path):
    folder = tmp_path / "issue"
    folder.mkdir()
    (folder / "a.txt").write_text(planted_text(), encoding="utf-8")
    (folder / "b.md").write_text(markdown_page(planted_text()), encoding="utf-8")
    (folder / "c.html").write_text(html_page(planted_text()), encoding="utf-8")
    write_docx(folder / "d.docx", planted_text())
    (folder / "e.pdf").write_bytes(TWO_COLUMN_PDF.read_bytes())
    (folder / "notes.csv").write_text("不查", encoding="utf-8")
    (folder / "~$d.docx").write_bytes(b"\x00lock")  # Word's lock file beside an open document
    code, out, err = run(capsys, "--format", "json", folder)
    names = [Path(f["path"]).name for f in json.loads(out)["files"]]
    assert (code, err, names) == (1, "", ["a.txt", "b.md", "c.html", "d.docx", "e.pdf"])
    code, out, _ = run(capsys, "--format", "json", "--glob", "*.md", folder)
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["b.md"]


def test_sarif_regions_in_each_format(capsys, tmp_path):
    docx_path = write_docx(tmp_path / "planted.docx", planted_text())
    md_path = tmp_path / "planted.md"
    md_path.write_text(markdown_page(planted_text()), encoding="utf-8")
    code, out, _ = run(capsys, "--format", "sarif", docx_path, md_path, TWO_COLUMN_PDF)
    results = json.loads(out)["runs"][0]["results"]
    regions = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1]:
               r["locations"][0]["physicalLocation"]["region"] for r in results if r["ruleId"] == "parts-of-total"}
    assert regions["planted.docx"]["message"]["text"] == "第6段第424字"
    assert regions["planted.docx"]["snippet"]["text"] == "32.8万人"
    pdf_region = regions[TWO_COLUMN_PDF.name]
    assert pdf_region["message"]["text"] == "第1页第34行" and "startLine" not in pdf_region
    assert pdf_region["properties"]["sourcePosition"] == {"format": "pdf", "page": 1, "line": 34, "column": 8}
    source_line = md_path.read_text(encoding="utf-8").split("\n")[regions["planted.md"]["startLine"] - 1]
    assert source_line[regions["planted.md"]["startColumn"] - 1:].startswith("32.8万人")
    assert "charOffset" not in regions["planted.md"]  # offsets of the read text are not the file's


def test_reading_text_imports_no_format_library():
    """The .txt path (and start-up) loads no reader library: each is imported when its format is read."""
    code = ("import sys; from verify.cli import main; import io, contextlib\n"
            "with contextlib.redirect_stdout(io.StringIO()): main([sys.argv[1]])\n"
            "print(sorted(m for m in ('docx', 'pdfminer', 'charset_normalizer', 'lxml') if m in sys.modules))")
    sample = Path(__file__).resolve().parent.parent / "reports" / "qingdao-daily-2022-11-04.txt"
    done = subprocess.run([sys.executable, "-c", code, str(sample)], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "[]", done.stderr


def test_planted_error_is_the_one_described():
    assert PLANTED[1] in planted_text()


def test_github_and_junit_name_the_place_in_a_docx_or_pdf(capsys, tmp_path):
    docx_path = write_docx(tmp_path / "planted.docx", planted_text())
    code, out, _ = run(capsys, "--format", "github", docx_path, TWO_COLUMN_PDF)
    errors = [line for line in out.splitlines() if line.startswith("::error")]
    assert errors == [
        f"::error file={docx_path},title=parts-of-total::[第6段第424字] 部分“32.8万人”大于总数 22.78万人 (32.8万人 > 22.78万人)",
        f"::error file={TWO_COLUMN_PDF},title=parts-of-total::[第1页第34行] 部分“32.8万人”大于总数 22.78万人 (32.8万人 > 22.78万人)",
    ]
    code, out, _ = run(capsys, "--format", "junit", docx_path)
    assert f"{docx_path} (para 6, char 424) 32.8万人" in out
