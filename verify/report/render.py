"""Choose the formatter for --format: each format is a module of its own."""

from __future__ import annotations

FORMATS = ("table", "json", "sarif", "junit", "markdown", "github")


def render(results, fmt: str, lang: str, rules=None, fail_on: str = "error") -> str:
    """The whole report for all files, in the requested format (rules: the loaded rules, for SARIF;
    fail_on: the lowest severity that fails the run, for JUnit's failures)."""
    if fmt == "json":
        from verify.report.json_report import findings_report

        return findings_report(results)
    if fmt == "sarif":
        from verify.report.sarif import sarif_report

        return sarif_report(results, lang, rules)
    if fmt == "junit":
        from verify.report.junit import junit_report

        return junit_report(results, fail_on)
    if fmt == "markdown":
        from verify.report.markdown import markdown_report

        return markdown_report(results, lang)
    if fmt == "github":
        from verify.report.github import github_report

        return github_report(results)
    from verify.report.table import findings_table

    return findings_table(results, lang)


COLUMNS = ("col_position", "col_severity", "col_rule", "col_text", "col_problem", "col_calculation")


def headers(lang: str) -> list[str]:
    """The discrepancy table's column names: 位置 | 级别 | 规则 | 原文 | 问题 | 计算."""
    from verify.messages import text_for

    return [text_for(lang, key) for key in COLUMNS]


def finding_row(doc, finding, lang: str) -> list[str]:
    """One finding as the table's cells."""
    from verify.messages import text_for

    pos = doc.position(finding.start)
    return [f"{pos.line}:{pos.column}", text_for(lang, "severity_" + finding.severity), finding.rule_id,
            finding.text, finding.message, finding.calculation or ""]


def summary_lines(results, lang: str) -> list[tuple[object, str]]:
    """Each file's summary line (figures, coverage, findings by severity), then the total."""
    from verify.messages import text_for

    lines, totals = [], counts([f for r in results for f in r.findings])
    for result in results:
        tally, numbers = counts(result.findings), len(result.quantities)
        coverage = f"{len(result.checked) / numbers:.0%}" if numbers else "—"
        lines.append((result, text_for(lang, "summary", path=result.doc.path, numbers=numbers,
                                       checked=len(result.checked), coverage=coverage, errors=tally["error"],
                                       warnings=tally["warning"], infos=tally["info"])))
    if len(results) > 1:
        lines.append((None, text_for(lang, "total", files=len(results), errors=totals["error"],
                                     warnings=totals["warning"], infos=totals["info"])))
    return lines


def counts(findings) -> dict[str, int]:
    """Findings by severity."""
    tally = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        tally[f.severity] += 1
    return tally
