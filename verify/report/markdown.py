"""`verify --format markdown`: the discrepancy table as a pull-request comment (GitHub-flavoured)."""

from __future__ import annotations

from verify import regexes
from verify.printable import visible
from verify.report.rows import COLUMNS, finding_row, headers, summary_lines

# Words no other report prints (messages.py holds the rest).
WORDS = {"zh": {"heading": "数字核对"}, "en": {"heading": "Number check"}}
_SPECIAL = regexes.compile(r"([\\`*_\[\]|~<>])")


def markdown_report(results, lang: str) -> str:
    """A heading, then per file a heading, a table of its findings and its summary line."""
    summaries = dict((id(r), line) for r, line in summary_lines(results, lang) if r is not None)
    out = [f"## verify: {WORDS.get(lang, WORDS['zh'])['heading']}", ""]
    for result in results:
        out += [f"### {cell(result.doc.path)}", ""]
        if result.findings:
            out.append(_row(headers(lang)))
            out.append("|" + "---|" * len(COLUMNS))
            out += [_row(finding_row(result.doc, f, lang)) for f in result.findings]
            out.append("")
        out += [cell(summaries[id(result)]), ""]
    out += [cell(line) + "\n" for r, line in summary_lines(results, lang) if r is None]
    return "\n".join(out).rstrip("\n") + "\n"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell(c) for c in cells) + " |"


def cell(text: str) -> str:
    """Text that stays one table cell and prints literally: Markdown marks escaped, line breaks as <br>."""
    escaped = _SPECIAL.sub(r"\\\1", text.replace("\r\n", "\n").replace("\r", "\n").strip())
    return visible(escaped.replace("\n", "<br>"))   # (other control characters shown, not obeyed)
