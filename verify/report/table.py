"""The discrepancy table: 位置 | 级别 | 规则 | 原文 | 问题 | 计算, then a summary per file."""

from __future__ import annotations

from tabulate import tabulate

from verify.messages import text_for
from verify.report.render import counts

_WIDTHS = [None, None, None, 16, 36, 36]


def findings_table(results, lang: str) -> str:
    """Every file's findings as one wide-character-aligned table and its summary line."""
    headers = [text_for(lang, k) for k in ("col_position", "col_severity", "col_rule", "col_text",
                                              "col_problem", "col_calculation")]
    out = []
    totals = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        doc = result.doc
        tally = counts(result.findings)
        for key in totals:
            totals[key] += tally[key]
        if result.findings:
            rows = []
            for f in result.findings:
                pos = doc.position(f.start)
                rows.append([f"{pos.line}:{pos.column}", text_for(lang, "severity_" + f.severity), f.rule_id,
                             f.text, f.message, f.calculation or ""])
            out.append(f"{doc.path}")
            out.append(tabulate(rows, headers=headers, tablefmt="simple_grid", maxcolwidths=_WIDTHS,
                                disable_numparse=True))
        if result.passed:
            out.append(text_for(lang, "checks_held", count=len(result.passed)))
            for check in result.passed:
                pos = doc.position(check.start)
                out.append(f"  {pos.line}:{pos.column}  {check.rule_id}  {check.calculation}")
        numbers = len(result.quantities)
        coverage = f"{len(result.checked) / numbers:.0%}" if numbers else "—"
        out.append(text_for(lang, "summary", path=doc.path, numbers=numbers, checked=len(result.checked),
                            coverage=coverage, errors=tally["error"], warnings=tally["warning"], infos=tally["info"]))
    if len(results) > 1:
        out.append(text_for(lang, "total", files=len(results), errors=totals["error"],
                            warnings=totals["warning"], infos=totals["info"]))
    return "\n".join(out) + "\n"
