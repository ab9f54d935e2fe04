"""Choose the formatter for --format: each format is a module of its own."""

from __future__ import annotations


def render(results, fmt: str, lang: str) -> str:
    """The whole report for all files, in the requested format."""
    if fmt == "json":
        from verify.report.json_report import findings_report

        return findings_report(results)
    from verify.report.table import findings_table

    return findings_table(results, lang)


def counts(findings) -> dict[str, int]:
    """Findings by severity."""
    tally = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        tally[f.severity] += 1
    return tally
