"""The JSON report: the public contract other tools parse (schema "verify/3").

Change a field only together with SCHEMA, and say so in the README.
verify/3 (after verify/2): every quantity, finding and related figure carries `source_position`,
its place in the file a person opens (a .docx paragraph or table cell, a PDF page and line, an
HTML or Markdown source line and column; for plain text the same line and column as before);
`start`, `end`, `line` and `column` still count in the text verify read.
verify/2 (after verify/1): findings carry their fingerprint; each file lists the findings set
aside by the baseline ("baselined") and by suppressions ("suppressed", with the reason); the
summary counts both. The --numbers output is unchanged apart from the version.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from verify.reading.document import Document
from verify.reading.numerals import decimal_string
from verify.reading.quantity import CALENDAR_VALUES, Quantity
from verify.records import Severity
from verify.report.rows import counts
from verify.report.where import file_offsets, source_record

SCHEMA = "verify/3"


def quantity_record(doc: Document, q: Quantity) -> dict:
    """One quantity as the contract spells it: exact decimal strings, null for an open side."""
    pos = doc.position(q.start)
    value = None if q.value is None else q.value.iso if isinstance(q.value, CALENDAR_VALUES) else decimal_string(q.value)
    return {
        "text": q.text, **file_offsets(doc, q.start, q.end), "line": pos.line, "column": pos.column,
        "value": value,
        "low": _bound(q.interval.low) if q.is_numeric else None,
        "high": _bound(q.interval.high) if q.is_numeric else None,
        "unit": q.unit, "kind": q.kind, "qualifier": q.qualifier,
        # plain text is its own source: source_record's fields, from the position already found
        "source_position": {"format": "text", "line": pos.line, "column": pos.column} if doc.source is None
        else source_record(doc, q.start),
    }


def _bound(value) -> str | None:
    return None if value is None else decimal_string(value)


def numbers_report(files: Iterable[tuple[Document, list[Quantity]]]) -> str:
    """`verify --numbers --format json`: every quantity of every file."""
    return "".join(numbers_report_parts(files))


def numbers_report_parts(files: Iterable[tuple[Document, Iterable[Quantity]]]) -> Iterator[str]:
    """numbers_report in pieces, a thousand figures at a time: the text json.dumps(indent=2) would give,
    written without building the whole report (10 M characters of figures are 1 GB as one dict)."""
    yield '{\n  "schema": ' + _scalar(SCHEMA) + ',\n  "files": ['
    any_file = False
    for doc, quantities in files:
        head = ",\n" if any_file else "\n"
        any_file = True
        parts = [f'{head}    {{\n      "path": {_scalar(doc.path)},\n      "quantities": [']
        written = 0
        for q in quantities:  # written a thousand at a time: the figures may come one section at a time
            parts.append((",\n" if written else "\n") + "        " + _indented(quantity_record(doc, q), 8))
            written += 1
            if len(parts) >= 1000:
                yield "".join(parts)
                parts = []
        parts.append("\n      ]\n    }" if written else "]\n    }")
        yield "".join(parts)
    yield ("\n  ]" if any_file else "]") + "\n}\n"


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode   # what json.dumps(value, ensure_ascii=False) makes anew each call
_STRING = json.encoder.encode_basestring   # (the C function that encoder uses on a str)


def _scalar(value) -> str:
    """json.dumps(value, ensure_ascii=False): the common str, int and None written without the
    encoder (--numbers writes about 30 of them for each figure)."""
    kind = type(value)
    if kind is str:
        return _STRING(value)
    if value is None:
        return "null"
    return int.__repr__(value) if kind is int else _ENCODE(value)


def _indented(value, margin: int) -> str:
    """json.dumps(value, indent=2, ensure_ascii=False) for a value starting `margin` spaces in."""
    if isinstance(value, dict) and value:
        inner = " " * (margin + 2)
        fields = ",\n".join([f"{inner}{_STRING(k) if type(k) is str else _scalar(k)}: "
                              f"{_scalar(v) if type(v) in _SCALARS else _indented(v, margin + 2)}"
                              for k, v in value.items()])
        return "{\n" + fields + "\n" + " " * margin + "}"
    if isinstance(value, list) and value:
        inner = " " * (margin + 2)
        return "[\n" + ",\n".join(inner + _indented(v, margin + 2) for v in value) + "\n" + " " * margin + "]"
    return _scalar(value)


_SCALARS = frozenset({str, int, type(None)})


def findings_report(results) -> str:
    """`verify --format json`: findings per file and a summary, as the contract spells them."""
    files, totals = [], dict.fromkeys(Severity, 0)
    for result in results:
        doc = result.doc
        tally = counts(result.findings)
        for key in totals:
            totals[key] += tally[key]
        files.append({
            "path": doc.path,
            "numbers": len(result.quantities),
            "checked": len(result.checked),
            "findings": [_finding_record(doc, f) for f in result.findings],
            "baselined": [_finding_record(doc, f) for f in result.baselined],
            "suppressed": [{**_finding_record(doc, f), "reason": reason} for f, reason in result.suppressed],
        })
    summary = {"files": len(results), "errors": totals[Severity.ERROR], "warnings": totals[Severity.WARNING],
               "infos": totals[Severity.INFO],
               "baselined": sum(len(r.baselined) for r in results),
               "suppressed": sum(len(r.suppressed) for r in results)}
    return json.dumps({"schema": SCHEMA, "files": files, "summary": summary}, ensure_ascii=False, indent=2) + "\n"


def _finding_record(doc: Document, f) -> dict:
    pos = doc.position(f.start)
    return {
        "rule": f.rule_id, "severity": f.severity, "line": pos.line, "column": pos.column,
        **file_offsets(doc, f.start, f.end), "text": f.text, "message": f.message,
        "expected": f.expected, "calculation": f.calculation, "fingerprint": f.fingerprint,
        "source_position": source_record(doc, f.start),
        "related": [{"line": doc.position(r.start).line, **file_offsets(doc, r.start, r.end), "text": r.text,
                     "source_position": source_record(doc, r.start)} for r in f.related],
    }
