"""What the report formats share: the discrepancy table's columns and rows, summaries, counts."""

from __future__ import annotations

from verify.messages import text_for
from verify.printable import visible
from verify.records import Severity
from verify.report.where import where

COLUMNS = ("col_position", "col_severity", "col_rule", "col_text", "col_problem", "col_calculation")


def headers(lang: str) -> list[str]:
    """The discrepancy table's column names: 位置 | 级别 | 规则 | 原文 | 问题 | 计算."""
    return [text_for(lang, key) for key in COLUMNS]


def finding_row(doc, finding, lang: str) -> list[str]:
    """One finding as the table's cells."""
    return [where(doc, finding.start, lang), text_for(lang, "severity_" + finding.severity), finding.rule_id,
            finding.text, finding.message, finding.calculation or ""]


def summary_lines(results, lang: str) -> list[tuple[object, str]]:
    """Each file's summary line (figures, coverage, findings by severity), then the total."""
    lines, totals = [], counts([f for r in results for f in r.findings])
    for result in results:
        tally, numbers = counts(result.findings), len(result.quantities)
        coverage = f"{len(result.checked) / numbers:.0%}" if numbers else "—"
        lines.append((result, text_for(lang, "summary", path=visible(result.doc.path), numbers=numbers,
                                       checked=len(result.checked), coverage=coverage, errors=tally[Severity.ERROR],
                                       warnings=tally[Severity.WARNING], infos=tally[Severity.INFO])))
    if len(results) > 1:
        lines.append((None, text_for(lang, "total", files=len(results), errors=totals[Severity.ERROR],
                                     warnings=totals[Severity.WARNING], infos=totals[Severity.INFO])))
    return lines


def counts(findings) -> dict[str, int]:
    """Findings by severity."""
    tally = dict.fromkeys(Severity, 0)
    for f in findings:
        tally[f.severity] += 1
    return tally
