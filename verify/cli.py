"""main(argv) -> int: options, the pipeline per file, the formatter. The only module that does I/O."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from verify.document import Document, decode
from verify.errors import ExitStatus, InputError, UsageError, VerifyError
from verify.quantities import Quantity, read_quantities

FORMATS = ("table", "json")


def build_parser() -> argparse.ArgumentParser:
    """The command line: files to check and how to report them."""
    parser = argparse.ArgumentParser(
        prog="verify",
        description="核对新闻稿中的数字：找出每个数字，用 YAML 规则交叉核对，列出矛盾。"
                    " / Numeric consistency checker for Chinese news reports.")
    parser.add_argument("files", nargs="*", metavar="FILE", help="report files (UTF-8 or GB18030)")
    parser.add_argument("--numbers", action="store_true", help="list every stated quantity instead of checking")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default: zh)")
    parser.add_argument("--encoding", help="decode input with this encoding instead of detecting it")
    parser.add_argument("--rules", action="append", default=[], metavar="PATH",
                        help="add a rule pack (a folder of YAML rules, or one rule file); repeatable")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="issue date, for weekdays of dates without a year")
    parser.add_argument("--fail-on", choices=("error", "warning", "never"), default="error",
                        help="lowest severity that makes the exit code 1 (default: error)")
    parser.add_argument("--list-rules", action="store_true", help="list every rule: id, kind, severity, title, file")
    parser.add_argument("--explain", metavar="RULE_ID", help="what a rule checks, why, its formula and examples")
    parser.add_argument("--test-rules", action="store_true",
                        help="run the examples of every rule (built-in, --rules, and rule files or packs given as FILE)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run verify; return the exit code (0 clean, 1 findings, 2 unusable input or rules)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its one-line usage error
        return ExitStatus.UNUSABLE if exc.code else ExitStatus.CLEAN
    try:
        return _run(args)
    except VerifyError as exc:
        print(f"verify: {exc.one_line()}", file=sys.stderr)
        return ExitStatus.UNUSABLE


def _run(args: argparse.Namespace) -> int:
    if args.list_rules or args.explain or args.test_rules:
        return _rule_command(args)
    if not args.files:
        raise UsageError("no input files (try: verify report.txt)")
    issue_date = _parse_date(args.date) if args.date else None
    documents = [read_document(path, args.encoding) for path in args.files]
    if args.numbers:
        files = [(doc, read_quantities(doc)) for doc in documents]
        sys.stdout.write(_format_numbers(files, args))
        return ExitStatus.CLEAN
    from verify.engine import check_documents  # the rule engine is not needed for --numbers
    from verify.report.render import render

    results = check_documents(documents, args.rules, issue_date, args.lang)
    sys.stdout.write(render(results, args.format, args.lang))
    return _exit_status(results, args.fail_on)


def _rule_command(args: argparse.Namespace) -> int:
    """--list-rules, --explain, --test-rules: about the rules, not about a report."""
    from verify.rulefile import load_rules

    rules = load_rules(args.rules + (args.files if args.test_rules else []))
    if args.list_rules:
        from verify.rule_docs import rules_table

        sys.stdout.write(rules_table(rules, args.lang))
    if args.explain:
        from verify.rule_docs import explain

        chosen = [r for r in rules if r.id == args.explain]
        if not chosen:
            raise UsageError(f"--explain {args.explain}: no such rule (see verify --list-rules)")
        sys.stdout.write(explain(chosen[0], args.lang))
    if args.test_rules:
        from verify.rule_examples import check_rule_examples

        failures = check_rule_examples(rules)
        for failure in failures:
            print(failure.one_line())
        examples = sum(len(r.fail_examples) + len(r.pass_examples) for r in rules)
        print(f"{len(rules)} rules, {examples} examples: {len(failures)} failed")
        return ExitStatus.FINDINGS if failures else ExitStatus.CLEAN
    return ExitStatus.CLEAN


def read_document(path: str, encoding: str | None) -> Document:
    """Read and decode one report file; every failure is an InputError naming the file."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a report file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None
    return decode(raw, path, encoding)


def _format_numbers(files: list[tuple[Document, list[Quantity]]], args: argparse.Namespace) -> str:
    if args.format == "json":
        from verify.report.json_report import numbers_report

        return numbers_report(files)
    from verify.report.numbers_table import numbers_table

    return numbers_table(files, args.lang)


def _parse_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date {text}: not a date in the form YYYY-MM-DD") from None


def _exit_status(results, fail_on: str) -> int:
    if fail_on == "never":
        return ExitStatus.CLEAN
    failing = {"error"} if fail_on == "error" else {"error", "warning"}
    for result in results:
        if any(f.severity in failing for f in result.findings):
            return ExitStatus.FINDINGS
    return ExitStatus.CLEAN


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
