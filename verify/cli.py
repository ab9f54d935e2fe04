"""main(argv) -> int: options, the pipeline per file, the formatter. With inputs/, the only I/O."""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import functools
import sys
from collections import Counter
from pathlib import Path

from verify import regexes
from verify.checking.engine import check_all
from verify.checking.examples import check_rule_examples
from verify.checking.records import FileResult
from verify.config import FAIL_LEVELS, Config, check_rule_ids, find_config, load_config
from verify.errors import ExitStatus, UsageError, VerifyError
from verify.gate.apply import apply_gate, stamp
from verify.gate.baseline import baseline_text
from verify.gate.suppressions import Suppression
from verify.inputs import STDIN, check_readable, expand_inputs, read_document, write_atomically
from verify.loaders import load_rules, read_baseline, read_suppressions
from verify.reading.document import Document
from verify.reading.reader import read_quantities
from verify.records import Severity
from verify.report import FORMATS, render
from verify.report.json_report import numbers_report, numbers_report_parts
from verify.report.numbers_table import numbers_table
from verify.report.rule_docs import explain, rules_table
from verify.report.statements_report import statements_json, statements_table
from verify.report.table import TableOptions
from verify.report.terminal import ProgressBar, wants_color
from verify.statements import read_statements

DEFAULT_IGNORE_FILE = ".verify-ignore.yaml"


EPILOG = """\
exit codes / 退出码:
  0  no finding at or above --fail-on (default: error)      未发现达到 --fail-on 级别的问题
  1  at least one finding at or above --fail-on             至少一条达到该级别的问题
  2  unusable input, rules or settings (one line on stderr) 输入、规则或设置无法使用

examples / 示例:
  verify report.txt                         the discrepancy table, as wide as the terminal
  verify --show-passed report.txt           also list every check that held
  verify -q --statistics issues/            findings only, then counts per rule
  verify --format html -o report.html a.txt b.txt   a highlighted page for editors
  verify --format sarif -o verify.sarif issues/     for code scanning in CI
  verify --fail-on warning --color never issues/    a stricter gate, plain text
"""

PROGRESS_FROM = 20  # files: fewer finish before a bar would help
# Report formats that show each file's text (sentences around figures, the whole page): their
# results keep the document; every other format keeps only findings, checks and counts.
TEXT_FORMATS = frozenset({"table", "html"})


def build_parser() -> argparse.ArgumentParser:
    """The command line: files to check and how to report them."""
    parser = argparse.ArgumentParser(
        prog="verify",
        description="核对新闻稿中的数字：找出每个数字，用 YAML 规则交叉核对，列出矛盾。"
                    " / Numeric consistency checker for Chinese news reports.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=_Version, nargs=0, help="print the installed version and exit")
    parser.add_argument("files", nargs="*", metavar="FILE", help="reports (.txt, .md, .html, .docx, .pdf) or folders of them; - for stdin")
    parser.add_argument("--numbers", action="store_true", help="list every stated quantity instead of checking")
    parser.add_argument("--statements", action="store_true",
                        help="show how each figure was read (role, measure, 其中 lists, facts) instead of checking")
    parser.add_argument("--format", choices=FORMATS, help="output format (default: table)")
    parser.add_argument("--lang", choices=("zh", "en"), help="language of messages (default: zh)")
    parser.add_argument("--encoding", help="decode input with this encoding instead of detecting it")
    parser.add_argument("--rules", action="append", default=[], metavar="PATH",
                        help="add a rule pack (a folder of YAML rules, or one rule file); repeatable")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="issue date, for weekdays of dates without a year")
    parser.add_argument("--fail-on", choices=FAIL_LEVELS,
                        help="lowest severity that makes the exit code 1 (default: error)")
    parser.add_argument("--glob", help="files to check inside folders (default: every supported format)")
    parser.add_argument("--jobs", type=int, metavar="N", help="check files in N parallel processes")
    parser.add_argument("--config", metavar="FILE", help="settings file (default: verify.toml here or above)")
    parser.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    parser.add_argument("--write-baseline", metavar="FILE", help="record the current findings as the baseline")
    parser.add_argument("--ignore-file", metavar="FILE", help=f"suppressions with reasons (default: {DEFAULT_IGNORE_FILE})")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (whole or not at all)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour the table by severity (auto: on a terminal, unless NO_COLOR is set)")
    parser.add_argument("--show-passed", action="store_true", help="table: list every check that held, not only their count")
    parser.add_argument("-q", "--quiet", action="store_true", help="table: findings only, no summaries; no progress bar")
    parser.add_argument("--statistics", action="store_true", help="table: end with the number of findings per rule")
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
    finally:
        regexes.save()  # only when a pattern was compiled anew: the next run starts without compiling it


def _settings(args: argparse.Namespace) -> Config:
    """verify.toml (found or named), then the command line over it."""
    path = Path(args.config) if args.config else find_config(Path.cwd())
    config = load_config(path, FORMATS) if path else Config()
    if args.config is None and path is None:
        config.path = None
    config.rules = config.rules + args.rules
    config.format = args.format or config.format or "table"
    config.lang = args.lang or config.lang or "zh"
    config.fail_on = args.fail_on or config.fail_on or "error"
    config.encoding = args.encoding or config.encoding
    config.glob = args.glob or config.glob
    config.jobs = args.jobs if args.jobs is not None else (config.jobs or 1)
    config.date = _parse_date(args.date) if args.date else config.date
    config.baseline = args.baseline or config.baseline
    config.ignore_file = args.ignore_file or config.ignore_file
    if config.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    return config


def _run(args: argparse.Namespace) -> int:
    """The pipeline: settings and rules, read, check, gate, render, exit status."""
    settings = _settings(args)
    _check_conflicts(args, settings)
    if args.list_rules or args.explain or args.test_rules:
        return _rule_command(args, settings)
    if args.statements:
        return _statements(_read(args.files, settings), settings, args.output)
    if args.numbers:
        return _numbers(_read(args.files, settings), settings, args.output)
    sources = _sources(args.files, settings)
    rules = _load_rules(settings)
    read = functools.partial(read_document, encoding=settings.encoding)
    progress = _progress_bar(len(sources), args)
    try:
        keep = settings.format not in TEXT_FORMATS   # formats that show the text need the whole document
        checked = check_all(sources, rules, settings.date, settings.lang, settings.jobs, read, keep=keep,
                            done=progress.advance if progress else None)
    finally:
        if progress:
            progress.close()
    results = stamp(checked, settings.severity)
    if args.write_baseline:
        _write_baseline(args.write_baseline, results)
    ignore_file = settings.ignore_file or (DEFAULT_IGNORE_FILE if Path(DEFAULT_IGNORE_FILE).is_file() else None)
    results, stale = _gate(results, settings.baseline, ignore_file, {r.id for r in rules})
    _emit(render(results, settings.format, settings.lang, rules=rules, table=_table_options(args)), args.output)
    _warn_stale(stale, ignore_file)
    return ExitStatus.CLEAN if args.write_baseline else _exit_status(results, settings.fail_on)


def _read(files: list[str], settings: Config) -> list[Document]:
    """Every report named on the command line, decoded."""
    if not files:
        raise UsageError("no input files (try: verify report.txt)")
    return [read_document(p, settings.encoding) for p in expand_inputs(files, settings.glob)]


def _sources(files: list[str], settings: Config) -> list[Document | str]:
    """The reports to check, each read when its turn comes (standard input, which can be read
    only once and only here, is read now); a file that cannot be read is found before the rules load."""
    if not files:
        raise UsageError("no input files (try: verify report.txt)")
    paths = expand_inputs(files, settings.glob)
    for path in paths:
        if path != STDIN:
            check_readable(path)
    return [read_document(p, settings.encoding) if p == STDIN else p for p in paths]


def _numbers(documents: list[Document], settings: Config, output: str | None) -> int:
    """--numbers: every stated quantity instead of the check."""
    if settings.rules:  # a malformed rule file stops every command, this one too
        _load_rules(settings)
    if settings.format == "json" and not output:  # one file's figures at a time, not all at once
        for part in numbers_report_parts((doc, read_quantities(doc)) for doc in documents):
            sys.stdout.write(part)
        return ExitStatus.CLEAN
    files = [(doc, read_quantities(doc)) for doc in documents]
    text = numbers_report(files) if settings.format == "json" else numbers_table(files, settings.lang)
    _emit(text, output)
    return ExitStatus.CLEAN


def _check_conflicts(args: argparse.Namespace, settings: Config) -> None:
    if (args.numbers or args.statements) and settings.format not in ("table", "json"):
        raise UsageError(f"--numbers prints a table or json, not {settings.format}")
    if args.numbers and (settings.baseline or args.write_baseline):
        raise UsageError("--numbers lists figures; baselines apply to findings")
    if args.baseline and args.write_baseline and Path(args.baseline).resolve() == Path(args.write_baseline).resolve():
        raise UsageError("--baseline and --write-baseline name the same file")
    if args.statistics and settings.format != "table":
        raise UsageError(f"--statistics goes with the table, not --format {settings.format}")
    if args.test_rules and (args.list_rules or args.explain):
        raise UsageError("--test-rules, --list-rules and --explain are separate commands")


def _table_options(args: argparse.Namespace):
    """The terminal's width and colour, and the parts of the table asked for."""
    color = wants_color(args.color, None if args.output else sys.stdout, os.environ)
    return TableOptions(width=shutil.get_terminal_size().columns, color=color, show_passed=args.show_passed,
                        quiet=args.quiet, statistics=args.statistics)


def _progress_bar(files: int, args: argparse.Namespace):
    """A bar on stderr for a long run watched on a terminal; None otherwise."""
    if args.quiet or files < PROGRESS_FROM or not sys.stderr.isatty():
        return None
    return ProgressBar(files, sys.stderr, shutil.get_terminal_size(fallback=(80, 24)).columns)


class _Version(argparse.Action):
    """--version: the installed distribution's version, from its package metadata."""

    def __call__(self, parser, namespace, values, option_string=None):
        import importlib.metadata  # lazy: 45 ms of start-up that only --version needs

        try:
            found = importlib.metadata.version("newsroom-verify")
        except importlib.metadata.PackageNotFoundError:
            found = "unknown (not installed)"
        sys.stdout.write(f"verify {found}\n")
        parser.exit()


def _load_rules(settings: Config):
    """The rules for this run: built-in and added packs, less the disabled, with severities set."""
    rules = load_rules(settings.rules)
    check_rule_ids(settings, {r.id for r in rules})
    return [r for r in rules if r.id not in settings.disable]


def _rule_command(args: argparse.Namespace, settings: Config) -> int:
    """--list-rules, --explain, --test-rules: about the rules, not about a report."""
    rules = load_rules(settings.rules + (args.files if args.test_rules else []))
    if args.list_rules:
        sys.stdout.write(rules_table(rules, settings.lang))
    if args.explain:
        chosen = [r for r in rules if r.id == args.explain]
        if not chosen:
            raise UsageError(f"--explain {args.explain}: no such rule (see verify --list-rules)")
        sys.stdout.write(explain(chosen[0], settings.lang))
    if args.test_rules:
        failures = check_rule_examples(rules)
        for failure in failures:
            print(failure.one_line())
        examples = sum(len(r.fail_examples) + len(r.pass_examples) for r in rules)
        print(f"{len(rules)} rules, {examples} examples: {len(failures)} failed")
        return ExitStatus.FINDINGS if failures else ExitStatus.CLEAN
    return ExitStatus.CLEAN


def _gate(results: list[FileResult], baseline: str | None, ignore_file: str | None,
          known_rules: set[str]) -> tuple[list[FileResult], list[Suppression]]:
    """Move baselined and suppressed findings aside; also return the suppressions that matched nothing."""
    counts = read_baseline(baseline) if baseline else Counter()
    suppressions = read_suppressions(ignore_file, known_rules) if ignore_file else []
    return apply_gate(results, counts, suppressions)


def _warn_stale(stale: list[Suppression], ignore_file: str | None) -> None:
    for suppression in stale:
        print(f"verify: {ignore_file}: suppression of {suppression.rule} matched nothing "
              f"({(suppression.sentence or suppression.fingerprint or '')[:30]})", file=sys.stderr)


def _write_baseline(path: str, results: list[FileResult]) -> None:
    entries = [(r.doc.path, f, f.fingerprint) for r in results for f in r.findings]
    write_atomically(path, baseline_text(entries))


def _emit(text: str, output: str | None) -> None:
    if output:
        write_atomically(output, text)
    else:
        sys.stdout.write(text)


def _statements(documents: list[Document], settings: Config, output: str | None) -> int:
    """--statements: how each figure was read (role, measure, lists, facts) instead of the check."""
    files = []
    for doc in documents:
        quantities = read_quantities(doc)
        files.append((doc, quantities, read_statements(doc, quantities)))
    _emit(statements_json(files) if settings.format == "json" else statements_table(files, settings.lang), output)
    return ExitStatus.CLEAN


def _parse_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date {text}: not a date in the form YYYY-MM-DD") from None


def _exit_status(results, fail_on: str) -> int:
    if fail_on == "never":
        return ExitStatus.CLEAN
    lowest = Severity(fail_on)
    for result in results:
        if any(f.severity.rank <= lowest.rank for f in result.findings):
            return ExitStatus.FINDINGS
    return ExitStatus.CLEAN


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
