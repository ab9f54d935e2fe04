"""Report formats: one module per format, all over the same findings and quantities; render
chooses the module for --format."""

from __future__ import annotations

from verify.report.github import github_report
from verify.report.html import html_report
from verify.report.json_report import findings_report
from verify.report.junit import junit_report
from verify.report.markdown import markdown_report
from verify.report.sarif import sarif_report
from verify.report.table import TableOptions, findings_table

FORMATS = ("table", "json", "sarif", "junit", "markdown", "github", "html")


def render(results, fmt: str, lang: str, rules=None, table: TableOptions | None = None,
           fail_on: str = "error") -> str:
    """The whole report for all files, in the requested format (rules: the loaded rules, for
    SARIF; table: the terminal's width, colour and parts, for the table; fail_on: the lowest
    severity that fails the run, for JUnit's failures)."""
    if fmt == "json":
        return findings_report(results)
    if fmt == "sarif":
        return sarif_report(results, lang, rules)
    if fmt == "junit":
        return junit_report(results, fail_on)
    if fmt == "markdown":
        return markdown_report(results, lang)
    if fmt == "github":
        return github_report(results, lang)
    if fmt == "html":
        return html_report(results, lang)
    return findings_table(results, lang, table or TableOptions())
