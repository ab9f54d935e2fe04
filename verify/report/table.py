"""The discrepancy table: 位置 | 级别 | 规则 | 原文 | 问题 | 计算, then a summary per file."""

from __future__ import annotations

from verify.messages import text_for
from verify.report.rows import finding_row, headers, summary_lines, tabulate
from verify.report.where import where

_WIDTHS = [None, None, None, 16, 36, 36]


def findings_table(results, lang: str) -> str:
    """Every file's findings as one wide-character-aligned table, the checks that held, its summary."""
    summaries = dict((id(r), line) for r, line in summary_lines(results, lang) if r is not None)
    out = []
    for result in results:
        doc = result.doc
        if result.findings:
            rows = [finding_row(doc, f, lang) for f in result.findings]
            out.append(f"{doc.path}")
            out.append(tabulate(rows, headers=headers(lang), tablefmt="simple_grid", maxcolwidths=_WIDTHS,
                                disable_numparse=True))
        if result.passed:
            out.append(text_for(lang, "checks_held", count=len(result.passed)))
            for check in result.passed:
                out.append(f"  {where(doc, check.start, lang)}  {check.rule_id}  {check.calculation}")
        out.append(summaries[id(result)])
        if result.baselined or result.suppressed:
            out.append(text_for(lang, "set_aside", baselined=len(result.baselined), suppressed=len(result.suppressed)))
    out += [line for r, line in summary_lines(results, lang) if r is None]
    return "\n".join(out) + "\n"
