"""`verify --format html`: one self-contained page for editors.

Each file's whole text, line by line, with every finding's figure highlighted in its severity's
colour and its related figures outlined; beside each line, a note per finding (message,
arithmetic, expected value) that lights its figures on hover. Notes filter by severity and rule;
the checks that held open on demand. Every piece of text is escaped: the input is untrusted.
Offsets are character offsets into the document text (Finding.start/end).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from verify.messages import text_for
from verify.records import Severity
from verify.report.html_assets import CSS, SCRIPT
from verify.report.rows import summary_lines
from verify.report.where import where

WORDS = {
    "zh": {"title": "数字核对", "calculation": "计算", "expected": "应为", "related": "相关数字",
           "severity": "级别", "rule": "规则", "all_rules": "全部规则", "legend_related": "相关数字",
           "baselined": "在基线中的 {count} 条", "suppressed": "已豁免的 {count} 条", "reason": "理由",
           "files": "文件", "no_findings": "未发现问题。"},
    "en": {"title": "Number check", "calculation": "calculation", "expected": "expected", "related": "related",
           "severity": "severity", "rule": "rule", "all_rules": "all rules", "legend_related": "related figure",
           "baselined": "{count} in the baseline", "suppressed": "{count} suppressed", "reason": "reason",
           "files": "files", "no_findings": "No findings."},
}


@dataclass
class Span:
    """One highlighted stretch of text: the findings it is the figure of, and those it supports."""

    start: int
    end: int
    subject_of: list[str] = field(default_factory=list)
    related_to: list[str] = field(default_factory=list)
    severity: str = "related"
    mark_id: str = ""


def html_report(results, lang: str) -> str:
    """The whole page: header with legend and filters, then one section per file."""
    words = WORDS.get(lang, WORDS["zh"])
    sections = [_section(i, result, lang, words) for i, result in enumerate(results)]
    summaries = [line for r, line in summary_lines(results, lang) if r is None]
    rules = sorted({f.rule_id for r in results for f in r.findings})
    nav = ""
    if len(results) > 1:
        links = "".join(f'<a href="#file-{i}">{escape(r.doc.path)}</a>' for i, r in enumerate(results))
        nav = f'<nav class="files">{escape(words["files"])}: {links}</nav>'
    lang_attr = "en" if lang == "en" else "zh-CN"
    return "".join([
        f'<!DOCTYPE html>\n<html lang="{lang_attr}">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>verify: {escape(words['title'])}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        f'<header class="top">\n<h1>verify: {escape(words["title"])}</h1>\n',
        "".join(f'<p class="total">{escape(line)}</p>\n' for line in summaries),
        _legend(lang, words), _filters(rules, lang, words), nav, "\n</header>\n<main>\n",
        "".join(sections), "</main>\n<script>", SCRIPT, "</script>\n</body>\n</html>\n"])


def _legend(lang: str, words) -> str:
    items = "".join(f'<span class="sev-{s}">{escape(text_for(lang, "severity_" + s))}</span>'
                    for s in ("error", "warning", "info"))
    return f'<p class="legend">{items}<span class="sev-related">{escape(words["legend_related"])}</span></p>\n'


def _filters(rules: list[str], lang: str, words) -> str:
    """Severity checkboxes and a rule list; hidden until the script shows them (without it, all shows)."""
    boxes = "".join(f'<label><input type="checkbox" name="{s}" checked> {escape(text_for(lang, "severity_" + s))}</label>'
                    for s in ("error", "warning", "info"))
    options = "".join(f'<option value="{escape(rule)}">{escape(rule)}</option>' for rule in rules)
    return (f'<form class="filters" hidden>{escape(words["severity"])}: {boxes} '
            f'<label>{escape(words["rule"])}: <select name="rule"><option value="">{escape(words["all_rules"])}</option>'
            f'{options}</select></label></form>\n')


def _section(index: int, result, lang: str, words) -> str:
    """One file: its path, summary line, the text with notes beside it, then what held or was set aside."""
    doc = result.doc
    summary = next(line for r, line in summary_lines([result], lang) if r is result)
    spans = _spans(index, result.findings)
    notes = _notes(index, result, spans, lang, words)
    rows = []
    offset = 0
    for line in doc.text.split("\n"):
        end = offset + len(line)
        inside = [s for s in spans if s.start < end and offset < s.end or s.start == s.end == offset]
        here = "".join(notes.pop(i) for i in sorted(i for i in notes if offset <= _start_of(result, i) <= end))
        blank = "" if line.strip() else " blank"
        rows.append(f'<div class="row{blank}" data-start="{offset}"><div class="line">{_marked(line, offset, inside)}'
                    f'</div><div class="notes">{here}</div></div>\n')
        offset = end + 1
    empty = "" if result.findings else f'<p class="summary">{escape(words["no_findings"])}</p>'
    return (f'<section class="file" id="file-{index}" data-path="{escape(doc.path)}">\n<h2>{escape(doc.path)}</h2>\n'
            f'<p class="summary">{escape(summary)}</p>{empty}\n<div class="page">\n{"".join(rows)}</div>\n'
            f'{_held(index, result, spans, lang)}{_set_aside(result, lang, words)}</section>\n')


def _start_of(result, i: int) -> int:
    return result.findings[i].start


def _spans(index: int, findings) -> list[Span]:
    """One Span per distinct stretch of text, numbered in text order."""
    by_place: dict[tuple[int, int], Span] = {}
    for k, f in enumerate(findings):
        ident = f"f{index}-{k}"
        span = by_place.setdefault((f.start, f.end), Span(f.start, f.end))
        span.subject_of.append(ident)
        if span.severity == "related" or f.severity.rank < Severity(span.severity).rank:
            span.severity = f.severity.value
        for r in f.related:
            by_place.setdefault((r.start, r.end), Span(r.start, r.end)).related_to.append(ident)
    ordered = sorted(by_place.values(), key=lambda s: (s.start, -s.end))
    for n, span in enumerate(ordered):
        span.mark_id = f"m{index}-{n}"
    return ordered


def _marked(line: str, offset: int, spans: list[Span]) -> str:
    """A line's text, escaped, with <mark> elements at the spans (nested when one holds another;
    a span crossing another's end is cut there)."""
    out, pos, open_ends = [], offset, []
    end_of_line = offset + len(line)
    events = sorted(spans, key=lambda s: (s.start, -s.end))
    for span in events:
        start = max(span.start, offset)
        while open_ends and open_ends[-1] <= start:
            out.append(escape(line[pos - offset:open_ends[-1] - offset]) + "</mark>")
            pos = open_ends.pop()
        end = min(span.end, end_of_line, *(open_ends[-1:]))
        if end <= start:
            continue
        out.append(escape(line[pos - offset:start - offset]))
        out.append(_open_mark(span))
        pos = start
        open_ends.append(end)
    while open_ends:
        out.append(escape(line[pos - offset:open_ends[-1] - offset]) + "</mark>")
        pos = open_ends.pop()
    out.append(escape(line[pos - offset:]))
    return "".join(out)


def _open_mark(span: Span) -> str:
    attrs = [f'id="{span.mark_id}"', f'class="sev-{span.severity}"', f'data-start="{span.start}"',
             f'data-end="{span.end}"']
    if span.subject_of:
        attrs.append(f'data-f="{" ".join(span.subject_of)}"')
    if span.related_to:
        attrs.append(f'data-r="{" ".join(span.related_to)}"')
    return f"<mark {' '.join(attrs)}>"


def _notes(index: int, result, spans: list[Span], lang: str, words) -> dict[int, str]:
    """Each finding's note, by its number: severity, rule, position, message, arithmetic, expected."""
    mark_of = {(s.start, s.end): s.mark_id for s in spans}
    notes = {}
    for k, f in enumerate(result.findings):
        parts = [f'<aside class="note sev-{f.severity}" id="f{index}-{k}" data-severity="{f.severity}" '
                 f'data-rule="{escape(f.rule_id)}" data-start="{f.start}" data-end="{f.end}">',
                 f'<div class="head"><span class="tag sev-{f.severity}">{escape(text_for(lang, "severity_" + f.severity))}'
                 f'</span><code>{escape(f.rule_id)}</code> <a href="#{mark_of[(f.start, f.end)]}">'
                 f'{escape(where(result.doc, f.start, lang))} {escape(f.text)}</a></div>',
                 f'<p class="message">{escape(f.message)}</p>']
        if f.calculation:
            parts.append(f'<p class="calc"><span class="label">{escape(words["calculation"])}</span>'
                         f'{escape(f.calculation)}</p>')
        if f.expected:
            parts.append(f'<p class="expected"><span class="label">{escape(words["expected"])}</span>'
                         f'{escape(f.expected)}</p>')
        if f.related:
            links = "、".join(f'<a href="#{mark_of[(r.start, r.end)]}">{escape(r.text)}</a>' for r in f.related)
            parts.append(f'<p class="related"><span class="label">{escape(words["related"])}</span>{links}</p>')
        notes[k] = "".join(parts) + "</aside>"
    return notes


def _held(index: int, result, spans, lang: str) -> str:
    """The checks that held, on demand."""
    if not result.passed:
        return ""
    items = []
    for check in result.passed:
        items.append(f'<li><code>{escape(check.rule_id)}</code> {escape(where(result.doc, check.start, lang))} '
                     f'<span class="calc">{escape(check.calculation)}</span></li>')
    title = text_for(lang, "checks_held", count=len(result.passed)).rstrip("：:")
    return f'<details class="passed"><summary>{escape(title)}</summary><ul>{"".join(items)}</ul></details>\n'


def _set_aside(result, lang: str, words) -> str:
    """Baselined and suppressed findings, on demand: known, so not highlighted."""
    out = []
    if result.baselined:
        items = "".join(_aside_item(result, f, "", lang) for f in result.baselined)
        out.append(f'<details class="baselined"><summary>{escape(words["baselined"].format(count=len(result.baselined)))}'
                   f'</summary><ul>{items}</ul></details>\n')
    if result.suppressed:
        items = "".join(_aside_item(result, f, f' ({escape(words["reason"])}: {escape(reason)})', lang)
                        for f, reason in result.suppressed)
        out.append(f'<details class="suppressed"><summary>{escape(words["suppressed"].format(count=len(result.suppressed)))}'
                   f'</summary><ul>{items}</ul></details>\n')
    return "".join(out)


def _aside_item(result, f, extra: str, lang: str) -> str:
    return (f'<li><code>{escape(f.rule_id)}</code> {escape(where(result.doc, f.start, lang))} {escape(f.text)}: '
            f'{escape(f.message)}{extra}</li>')
