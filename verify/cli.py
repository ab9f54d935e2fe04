"""main(argv) -> int: options, the pipeline per file, the formatter. With inputs/, the only I/O.

Whatever happens, a run ends with an exit code of its own and at most one line on stderr: 2 for
unusable input, 3 for a bug (never a traceback), 130 for Ctrl-C."""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import functools
import gc
import sys
from collections import Counter
from pathlib import Path

from verify import regexes, yaml_data
from verify.arguments import build_parser, say
from verify.checking.engine import check_all
from verify.checking.examples import check_rule_examples
from verify.checking.explain import explain_rule
from verify.checking.records import FileResult
from verify.config import Config, check_rule_ids, find_config, load_config, settings_by_file
from verify.errors import ExitStatus, UsageError, VerifyError
from verify.gate.apply import apply_gate, stamp
from verify.gate.baseline import baseline_text
from verify.gate.suppressions import Suppression
from verify.inputs import (
    DEFAULT_MAX_SIZE_MB, STDIN, check_readable, expand_inputs, read_document, refuse_overwrites, stdout_error,
    write_atomically, write_stdout,
)
from verify.loaders import load_rules, read_baseline, read_suppressions
from verify.reading.calendar import date_in_name
from verify.reading.reader import quantities_by_section, read_quantities
from verify.records import Severity
from verify.rules.records import Rule
from verify.report import FORMATS, numbers_listing, render, rule_explanation, rules_listing, statements_listing
from verify.report.console import ProgressBar, wants_color
from verify.report.json_report import numbers_report_parts
from verify.report.options import TableOptions
from verify.statements import read_statements


PROGRESS_FROM = 20  # files: fewer finish before a bar would help
# Report formats that show each file's text (sentences around figures, the whole page): their
# results keep the document; every other format keeps only findings, checks and counts.
TEXT_FORMATS = frozenset({"table", "html"})
# Report formats that show the checks that held (the table counts them, or lists them with --show-passed):
# for the others (JSON, SARIF, …) a check's text is not written, a thousand of them on a long page.
CHECK_FORMATS = frozenset({"table", "html", "junit"})


def main(argv: list[str] | None = None) -> int:
    """Run verify; return the exit code (0 clean, 1 findings, 2 unusable input or rules,
    3 internal error, 130 interrupted)."""
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # --help, or _Parser.error has printed its one line
            return ExitStatus.UNUSABLE if exc.code else ExitStatus.CLEAN
        return _run(args)
    except VerifyError as exc:
        say(f"verify: {exc.one_line()}")
        return ExitStatus.UNUSABLE
    except KeyboardInterrupt:
        say("verify: interrupted")
        return ExitStatus.INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - a bug: one line and its own exit code, never a traceback
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        say(f"verify: internal error: {detail}")
        return ExitStatus.INTERNAL_ERROR
    finally:
        regexes.save()  # only when a pattern was compiled anew: the next run starts without compiling it
        yaml_data.save()  # likewise a YAML text parsed anew


def _settings(args: argparse.Namespace, start: Path | None = None) -> Config:
    """verify.toml (named, or found from `start` upward: the current folder by default), then the
    command line over it."""
    path = Path(args.config) if args.config else find_config(start or Path.cwd())
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
    config.max_size = args.max_size if args.max_size is not None else (config.max_size or DEFAULT_MAX_SIZE_MB)
    config.date = _parse_date(args.date) if args.date else config.date
    config.baseline = args.baseline or config.baseline
    config.ignore_file = args.ignore_file or config.ignore_file
    if config.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    if config.max_size < 1:
        raise UsageError("--max-size must be 1 (MB) or more")
    return config


def _run(args: argparse.Namespace) -> int:
    """The pipeline: settings and rules, read, check, gate, render, exit status."""
    settings = _settings(args)
    _check_conflicts(args, settings)
    if args.list_rules or args.explain or args.test_rules:
        return _rule_command(args, settings)
    groups = _groups(args, settings)
    if args.statements:
        return _statements(groups, settings, args)
    if args.numbers:
        return _numbers(groups, settings, args.output)
    progress = _progress_bar(sum(len(members) for _, members in groups), args)
    try:
        checked = [(group, *_check(group, members, settings, progress)) for group, members in groups]
    finally:
        if progress:
            progress.close()
    results = [r for _, _, group_results in checked for r in group_results]
    if args.write_baseline:
        _write_baseline(args.write_baseline, results)
    gated, stale = [], []
    for group, rules, group_results in checked:  # each file's own suppressions, the run's baseline
        group_gated, group_stale = _gate(group_results, settings.baseline, group.ignore_file, {r.id for r in rules})
        gated += group_gated
        stale += [(group.ignore_file, s) for s in group_stale]
    rules = list({r.id: r for _, group_rules, _ in checked for r in group_rules}.values())
    _emit(render(gated, settings.format, settings.lang, rules=rules, table=_table_options(args),
                 fail_on=settings.fail_on), args.output)
    _warn_stale(stale)
    return ExitStatus.CLEAN if args.write_baseline else _exit_status(gated, settings.fail_on)


def _groups(args: argparse.Namespace, settings: Config) -> list[tuple[Config, list[str]]]:
    """Every report named on the command line, grouped by the settings found nearest to it; what
    -o and --write-baseline would overwrite is refused before anything is read."""
    if not args.files:
        raise UsageError("no input files (try: verify report.txt)")
    paths = expand_inputs(args.files, settings.glob)
    for path in paths:   # a file that cannot be read is found before anything is written or loaded
        if path != STDIN:
            check_readable(path)
    groups = settings_by_file(paths, settings, lambda folder: _settings(args, folder), fixed=bool(args.config))
    outputs = [(name, value) for name, value in (("-o", args.output), ("--write-baseline", args.write_baseline))
               if value]
    for group, members in groups:
        reads = [(p, "it is an input") for p in members]
        reads += [(path, why) for path, why in ((settings.baseline, "it is the baseline"),
                                                (group.baseline, "it is the baseline"),
                                                (group.ignore_file, "it is the suppression file"),
                                                (group.path, "it is the settings file")) if path]
        refuse_overwrites(outputs, reads)
    return groups


def _documents(groups: list[tuple[Config, list[str]]]):
    """Every report of every group, decoded with its group's settings, one at a time; a malformed
    rule file of a group stops the run here too."""
    for group, members in groups:
        if group.rules:
            _load_rules(group)
        for p in members:
            yield read_document(p, group.encoding, group.max_size)


def _check(group: Config, members: list[str], settings: Config, progress=None) -> tuple[list[Rule], list[FileResult]]:
    """One group of files, with its settings: each read when its turn comes (standard input, which
    can be read only once and only here, now), checked and stamped. Formats that show the text keep
    whole documents; the others keep only findings, checks and counts, so memory stays flat."""
    sources = [read_document(p, group.encoding, group.max_size) if p == STDIN else p for p in members]
    rules = _load_rules(group)
    read = functools.partial(read_document, encoding=group.encoding, max_size_mb=group.max_size)
    results = check_all(sources, rules, group.date, settings.lang, settings.jobs, read,
                        keep=settings.format not in TEXT_FORMATS, done=progress.advance if progress else None,
                        checks=settings.format in CHECK_FORMATS)
    return rules, stamp(results, group.severity)


def _numbers(groups: list[tuple[Config, list[str]]], settings: Config, output: str | None) -> int:
    """--numbers: every stated quantity instead of the check."""
    documents = list(_documents(groups))   # every file decoded (an unusable one stops the run) before any output
    if settings.format == "json" and not output:  # one file's figures at a time, not all at once
        for part in numbers_report_parts((doc, quantities_by_section(doc)) for doc in documents):
            write_stdout(part)
        return ExitStatus.CLEAN
    files = [(doc, read_quantities(doc)) for doc in documents]
    text = numbers_listing(files, settings.format, settings.lang)
    _emit(text, output)
    return ExitStatus.CLEAN


def _check_conflicts(args: argparse.Namespace, settings: Config) -> None:
    if (args.why or args.line is not None) and not args.statements:
        raise UsageError("--why and --line go with --statements")
    if args.line is not None and args.line < 1:
        raise UsageError("--line must be 1 or more")
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


def _load_rules(settings: Config):
    """The rules for this run: built-in and added packs, less the disabled, with severities set."""
    rules = load_rules(settings.rules)
    check_rule_ids(settings, {r.id for r in rules})
    return [r for r in rules if r.id not in settings.disable]


def _rule_command(args: argparse.Namespace, settings: Config) -> int:
    """--list-rules, --explain, --test-rules: about the rules, not about a report."""
    rules = load_rules(settings.rules + (args.files if args.test_rules else []))
    if args.list_rules:
        write_stdout(rules_listing(rules, settings.lang))
    if args.explain:
        chosen = [r for r in rules if r.id == args.explain]
        if not chosen:
            raise UsageError(f"--explain {args.explain}: no such rule (see verify --list-rules)")
        write_stdout(rule_explanation(chosen[0], settings.lang))
    if args.test_rules:
        failures = check_rule_examples(rules)
        examples = sum(len(r.fail_examples) + len(r.pass_examples) for r in rules)
        write_stdout("".join(f"{failure.one_line()}\n" for failure in failures)
                     + f"{len(rules)} rules, {examples} examples: {len(failures)} failed\n")
        return ExitStatus.FINDINGS if failures else ExitStatus.CLEAN
    return ExitStatus.CLEAN


def _gate(results: list[FileResult], baseline: str | None, ignore_file: str | None,
          known_rules: set[str]) -> tuple[list[FileResult], list[Suppression]]:
    """Move baselined and suppressed findings aside; also return the suppressions that matched nothing."""
    counts = read_baseline(baseline) if baseline else Counter()
    suppressions = read_suppressions(ignore_file, known_rules) if ignore_file else []
    return apply_gate(results, counts, suppressions)


def _warn_stale(stale: list[tuple[str, Suppression]]) -> None:
    for ignore_file, suppression in stale:
        say(f"verify: {ignore_file}: suppression of {suppression.rule} matched nothing "
             f"({(suppression.sentence or suppression.fingerprint or '')[:30]})")


def _write_baseline(path: str, results: list[FileResult]) -> None:
    entries = [(r.doc.path, f, f.fingerprint) for r in results for f in r.findings]
    write_atomically(path, baseline_text(entries))


def _emit(text: str, output: str | None) -> None:
    if output:
        write_atomically(output, text)
    else:
        write_stdout(text)


def _statements(groups: list[tuple[Config, list[str]]], settings: Config, args: argparse.Namespace) -> int:
    """--statements: how each figure was read (role, measure, lists, facts) instead of the check;
    with --why, what one rule of each file's settings made of each of its matches."""
    files, why = [], [] if args.why else None
    for group, members in groups:
        rules = {r.id: r for r in _load_rules(group)} if args.why or group.rules else {}
        if args.why and args.why not in rules:
            raise UsageError(f"--why {args.why}: no such rule (see verify --list-rules)")
        for path in members:
            doc = read_document(path, group.encoding, group.max_size)
            quantities = read_quantities(doc)
            files.append((doc, quantities, read_statements(doc, quantities)))
            if why is not None:
                why.append(explain_rule(*files[-1], rules[args.why], args.line,
                                        group.date or date_in_name(doc.path), settings.lang))
    _emit(statements_listing(files, settings.format, settings.lang, args.line, why), args.output)
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
    """Console-script entry point: a report that could not all be flushed (a reader that closed
    the pipe early, as `| head -c 10` does) is exit 2 with one line, like any unwritable stdout."""
    # A check makes and drops many small objects (matches, figures, statements) that form no
    # cycles: at Python's default threshold (700) the collector would look through them thousands
    # of times a run. What start-up loaded (patterns, vocabularies, rules) stays for the whole run.
    # At 20,000 a check of 1 M characters still made ten young collections, each looking through
    # objects that nearly all live on (a page's figures and statements) to free 154 in all: 0.9%
    # of the run's instructions; at 100,000, one, which looked through 100,000 objects (2% of the
    # run) to free 154; at 1,000,000, none on a page of 1 M characters (a longer one is read a
    # section at a time: a young collection then looks through what the last million made).
    gc.freeze()
    gc.set_threshold(1_000_000, 10, 10)
    code = main()
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError) as exc:
        say(f"verify: {stdout_error(exc).one_line()}")
        code = ExitStatus.UNUSABLE
    sys.exit(code)
