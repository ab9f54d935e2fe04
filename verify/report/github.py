"""`verify --format github`: workflow-command annotations, so GitHub Actions marks each figure in the diff."""

from __future__ import annotations

from verify.report.where import label


def github_report(results, lang: str = "zh") -> str:
    """One `::error file=…,line=…::message` line per finding, in text order per file."""
    lines = []
    for result in results:
        doc = result.doc
        for f in result.findings:
            first, last = doc.locate(f.start), doc.locate(f.end)
            props = {"file": doc.path}
            message = f"{f.message} ({f.calculation})" if f.calculation else f.message
            if not first.in_text_lines:  # .docx, PDF: no lines to annotate; the place goes in the message
                message = f"[{label(first, lang)}] {message}"
            elif last.line == first.line:
                props |= {"line": first.line, "col": first.column, "endColumn": last.column}
            else:
                props |= {"line": first.line, "endLine": last.line}
            props["title"] = f.rule_id
            joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
            lines.append(f"::{f.severity.github_command} {joined}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)


def escape_data(text: str) -> str:
    """The message part: %, CR and LF are encoded, as the Actions runner decodes them."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: the message escapes plus ':' and ',', which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
