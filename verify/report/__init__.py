"""Report formats: one module per format, all over the same findings and quantities.

Each format's module is loaded by name when a run asks for that format (as inputs.READERS loads
a reader): the formats that print a table need tabulate and wcwidth, 40 ms of start-up that a
JSON, SARIF, JUnit or GitHub run in CI never pays. A new format is a module here and a line in
render.
"""

from __future__ import annotations

import importlib

from verify.report.options import TableOptions

FORMATS = ("table", "json", "sarif", "junit", "markdown", "github", "html")


def _format(module: str):
    """A format's module of this package, loaded on first use."""
    return importlib.import_module(f"{__name__}.{module}")


def render(results, fmt: str, lang: str, rules=None, table: TableOptions | None = None,
           fail_on: str = "error") -> str:
    """The whole report for all files, in the requested format (rules: the loaded rules, for
    SARIF; table: the terminal's width, colour and parts, for the table; fail_on: the lowest
    severity that fails the run, for JUnit's failures)."""
    if fmt == "json":
        return _format("json_report").findings_report(results)
    if fmt == "sarif":
        return _format("sarif").sarif_report(results, lang, rules)
    if fmt == "junit":
        return _format("junit").junit_report(results, fail_on)
    if fmt == "markdown":
        return _format("markdown").markdown_report(results, lang)
    if fmt == "github":
        return _format("github").github_report(results, lang)
    if fmt == "html":
        return _format("html").html_report(results, lang)
    return _format("table").findings_table(results, lang, table or TableOptions())


def numbers_listing(files, fmt: str, lang: str) -> str:
    """--numbers: every figure read, as JSON or as a table per file."""
    if fmt == "json":
        return _format("json_report").numbers_report(files)
    return _format("numbers_table").numbers_table(files, lang)


def statements_listing(files, fmt: str, lang: str, line: int | None = None, why=None) -> str:
    """--statements: every figure's reading (measure, subject, time, role, scope); with --line,
    one line's; with --why, what one rule made of each of its matches."""
    if fmt == "json":
        return _format("statements_report").statements_json(files, line, why)
    return _format("statements_report").statements_table(files, lang, line, why)


def rules_listing(rules, lang: str) -> str:
    """--list-rules: a table of the loaded rules."""
    return _format("rule_docs").rules_table(rules, lang)


def rule_explanation(rule, lang: str) -> str:
    """--explain RULE: one rule with its description and examples."""
    return _format("rule_docs").explain(rule, lang)
