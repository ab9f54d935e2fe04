"""`verify --format html` in a real browser (headless Chromium from the distribution).

The sample page with seven errors of different families planted is rendered, loaded with a probe
script that reads the live DOM (each highlight's text and its offset in the document, its size
and colour, the filters, hover), and screenshotted; the screenshot must show the severity
colours. Without Chromium these tests skip with the reason; the structure tests below them do
not need a browser.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from conftest import PLANTED_ERRORS, REPO, SAMPLE, planted_page, png_pixels, run_chromium
from verify.cli import main
from verify.report.html_assets import COLORS

PROBE = r"""
<script>
(function () {
  var out = {findings: [], texts: [], scripts: document.scripts.length};
  document.querySelectorAll("section.file").forEach(function (section) {
    var lines = Array.prototype.map.call(section.querySelectorAll(".row .line"), function (l) { return l.textContent; });
    out.texts.push({path: section.dataset.path, text: lines.join("\n")});
  });
  document.querySelectorAll(".note").forEach(function (note) {
    var mark = Array.prototype.find.call(document.querySelectorAll("mark[data-f]"), function (m) {
      return m.dataset.f.split(" ").indexOf(note.id) >= 0; });
    var row = mark.closest(".row"), range = document.createRange();
    range.setStart(row.querySelector(".line"), 0);
    range.setEndBefore(mark);
    var rect = mark.getBoundingClientRect();
    out.findings.push({id: note.id, rule: note.dataset.rule, severity: note.dataset.severity,
      path: note.closest("section").dataset.path,
      text: mark.textContent, start: Number(row.dataset.start) + range.toString().length,
      width: rect.width, height: rect.height, background: getComputedStyle(mark).backgroundColor,
      noteVisible: note.getBoundingClientRect().height > 0});
  });
  var form = document.querySelector("form.filters");
  out.filtersShown = !form.hidden;
  form.elements.error.checked = false;
  form.dispatchEvent(new Event("change"));
  out.afterNoErrors = Array.prototype.filter.call(document.querySelectorAll(".note"),
    function (n) { return !n.hidden; }).map(function (n) { return n.dataset.severity; });
  form.elements.error.checked = true;
  form.elements.rule.value = "weekday-of-date";
  form.dispatchEvent(new Event("change"));
  out.afterOneRule = Array.prototype.filter.call(document.querySelectorAll(".note"),
    function (n) { return !n.hidden; }).map(function (n) { return n.dataset.rule; });
  form.elements.rule.value = "";
  form.dispatchEvent(new Event("change"));
  var note = document.querySelector('.note[data-rule="parts-of-total"]');
  if (note) { note.dispatchEvent(new Event("mouseenter")); }
  out.litOnHover = Array.prototype.map.call(document.querySelectorAll("mark.lit"), function (m) { return m.textContent; });
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "verify-cache"))


def verify(capsys, *argv) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert err == "", err
    return int(code), out


@pytest.fixture
def planted(tmp_path) -> Path:
    return planted_page(tmp_path)


@pytest.fixture
def report(capsys, tmp_path, planted, monkeypatch) -> Path:
    """The HTML report of the planted page and the untouched sample, in one file (named as
    given: relative to the test's folder, which becomes the working directory)."""
    shutil.copyfile(SAMPLE, tmp_path / SAMPLE.name)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "report.html"
    code, _ = verify(capsys, "--format", "html", "-o", path, planted.name, SAMPLE.name)
    assert code == 1
    return path


def findings_json(capsys, *paths) -> list[dict]:
    _, out = verify(capsys, "--format", "json", *paths)
    return [dict(f, path=file["path"]) for file in json.loads(out)["files"] for f in file["findings"]]


def test_every_planted_error_gives_a_finding(capsys, planted):
    rules = {f["rule"] for f in findings_json(capsys, planted)}
    missing = [(family, rule) for family, rule, _, _ in PLANTED_ERRORS if rule not in rules]
    assert not missing
    assert len({family for family, _, _, _ in PLANTED_ERRORS}) >= 5


# ---------------------------------------------------------------- in the browser


def probe(tmp_path: Path, report: Path) -> dict:
    page = tmp_path / "probe.html"
    page.write_text(report.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = run_chromium(tmp_path, "--window-size=1280,1600", "--dump-dom", page.as_uri())
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, dom[-2000:]
    return json.loads(unescape(found.group(1)))


def test_each_highlight_covers_exactly_its_finding(capsys, tmp_path, report, planted):
    expected = findings_json(capsys, planted.name, SAMPLE.name)
    seen = probe(tmp_path, report)
    assert [(f["path"], f["rule"], f["start"], f["text"]) for f in seen["findings"]] == \
           [(f["path"], f["rule"], f["start"], f["text"]) for f in expected]
    texts = {t["path"]: t["text"] for t in seen["texts"]}
    for f in expected:
        assert texts[f["path"]][f["start"]:f["end"]] == f["text"]
    for f in seen["findings"]:
        assert f["width"] > 0 and f["height"] > 0 and f["noteVisible"], f


def test_the_page_shows_each_files_whole_text(tmp_path, report, planted):
    seen = probe(tmp_path, report)
    assert [t["text"] for t in seen["texts"]] == [planted.read_text(encoding="utf-8"),
                                                  SAMPLE.read_text(encoding="utf-8")]


def test_highlights_take_their_severitys_colour(tmp_path, report):
    seen = probe(tmp_path, report)
    for f in seen["findings"]:
        rgb = tuple(int(x) for x in re.findall(r"\d+", f["background"])[:3])
        assert rgb == _rgb(COLORS[f["severity"]]) or _shares_a_span(f, seen), f


def _shares_a_span(finding, seen) -> bool:
    """A figure with findings of two severities takes the more serious one's colour."""
    return sum(f["start"] == finding["start"] and f["path"] == finding["path"] for f in seen["findings"]) > 1


def test_filters_and_hover_work(tmp_path, report):
    seen = probe(tmp_path, report)
    assert seen["filtersShown"]
    assert seen["afterNoErrors"] and "error" not in seen["afterNoErrors"]
    assert seen["afterOneRule"] == ["weekday-of-date"]
    assert seen["litOnHover"] == ["22.78万人", "23.28万人"]  # the total and its part


def test_screenshot_shows_the_page_and_the_severity_colours(tmp_path, report):
    shot = tmp_path / "report.png"
    run_chromium(tmp_path, "--window-size=1100,1300", f"--screenshot={shot}", report.as_uri())
    width, height, rows = png_pixels(shot)
    assert (width, height) == (1100, 1300)
    colours: dict[bytes, int] = {}
    for row in rows[::2]:
        for x in range(0, len(row), 6):
            colours[row[x:x + 3]] = colours.get(row[x:x + 3], 0) + 1
    white = colours.get(b"\xff\xff\xff", 0)
    assert white < 0.97 * sum(colours.values()) and len(colours) > 50, "the screenshot is blank"
    for severity in ("error", "warning", "info"):
        assert colours.get(bytes(_rgb(COLORS[severity])), 0) > 20, f"no {severity} highlight in the screenshot"
    if os.environ.get("VERIFY_UPDATE_SCREENSHOT"):
        shutil.copyfile(shot, REPO / "docs" / "html-report.png")


def test_it_prints_to_paper(tmp_path, report):
    pdf = tmp_path / "report.pdf"
    run_chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", report.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 2


def test_hostile_text_stays_text_in_the_browser(capsys, tmp_path):
    text = ('<script>document.title="owned"</script><img src=x onerror="document.title=\'owned\'">\n'
            '按期结案率110%，“</mark><b>”与&amp;。\n')
    page = tmp_path / "<i>hostile&amp;.txt"
    page.write_text(text, encoding="utf-8")
    out = tmp_path / "hostile.html"
    verify(capsys, "--format", "html", "-o", out, page)
    seen = probe(tmp_path, out)
    assert seen["scripts"] == 2  # the report's own and the probe: none from the text
    assert seen["texts"] == [{"path": str(page), "text": text}]
    assert [f["text"] for f in seen["findings"]] == ["110%"]


# ---------------------------------------------------------------- structure, without a browser


def test_the_report_is_self_contained(capsys, tmp_path, planted):
    out = tmp_path / "r.html"
    verify(capsys, "--format", "html", "-o", out, planted)
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</html>\n")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html


def test_without_a_script_everything_shows(capsys, tmp_path, planted):
    out = tmp_path / "r.html"
    verify(capsys, "--format", "html", "-o", out, planted)
    html = out.read_text(encoding="utf-8")
    assert '<form class="filters" hidden>' in html       # the filters need the script
    assert " hidden" not in html.replace('<form class="filters" hidden>', "").split("<script>")[0]
    assert html.count('<aside class="note') == len(findings_json(capsys, planted))
    assert "<details class=\"passed\">" in html and "@media print" in html


def test_hostile_text_is_escaped(capsys, tmp_path):
    page = tmp_path / "x.txt"
    page.write_text('<script>alert(1)</script> "a" & 按期结案率110%\n', encoding="utf-8")
    out = tmp_path / "r.html"
    verify(capsys, "--format", "html", "-o", out, page)
    html = out.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script>") == 1


def test_html_output_is_stable(capsys, tmp_path, planted):
    first, second = tmp_path / "1.html", tmp_path / "2.html"
    verify(capsys, "--format", "html", "-o", first, planted)
    verify(capsys, "--format", "html", "-o", second, planted)
    assert first.read_bytes() == second.read_bytes()


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
