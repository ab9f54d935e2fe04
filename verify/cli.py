"""main(argv) -> int: options, the pipeline per file, the formatter. With inputs.py, the only I/O."""

from __future__ import annotations

import argparse
import copy
import datetime
import os
import sys
from pathlib import Path

from verify.config import Config, check_rule_ids, find_config, load_config
from verify.errors import ExitStatus, InputError, UsageError, VerifyError
from verify.inputs import (DEFAULT_MAX_SIZE_MB, check_output_target, expand_inputs, read_document, same_file,
                           write_atomically)

from verify.report.render import FORMATS

DEFAULT_IGNORE_FILE = ".verify-ignore.yaml"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (not the nine lines of usage)."""

    def error(self, message: str):
        _say(f"verify: {message} (see verify --help)")
        raise SystemExit(ExitStatus.UNUSABLE)


def build_parser() -> argparse.ArgumentParser:
    """The command line: files to check and how to report them."""
    parser = _Parser(
        prog="verify",
        description="核对新闻稿中的数字：找出每个数字，用 YAML 规则交叉核对，列出矛盾。"
                    " / Numeric consistency checker for Chinese news reports.")
    parser.add_argument("files", nargs="*", metavar="FILE", help="report files or folders (UTF-8 or GB18030); - for stdin")
    parser.add_argument("--numbers", action="store_true", help="list every stated quantity instead of checking")
    parser.add_argument("--format", choices=FORMATS, help="output format (default: table)")
    parser.add_argument("--lang", choices=("zh", "en"), help="language of messages (default: zh)")
    parser.add_argument("--encoding", help="decode input with this encoding instead of detecting it")
    parser.add_argument("--rules", action="append", default=[], metavar="PATH",
                        help="add a rule pack (a folder of YAML rules, or one rule file); repeatable")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="issue date, for weekdays of dates without a year")
    parser.add_argument("--fail-on", choices=("error", "warning", "never"),
                        help="lowest severity that makes the exit code 1 (default: error)")
    parser.add_argument("--glob", help="files to check inside folders (default: *.txt)")
    parser.add_argument("--jobs", type=int, metavar="N",
                        help="check files in N parallel processes (at most one per file and per CPU)")
    parser.add_argument("--max-size", type=int, metavar="MB",
                        help=f"largest input file, in megabytes (default: {DEFAULT_MAX_SIZE_MB})")
    parser.add_argument("--config", metavar="FILE", help="settings file (default: verify.toml here or above)")
    parser.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    parser.add_argument("--write-baseline", metavar="FILE", help="record the current findings as the baseline")
    parser.add_argument("--ignore-file", metavar="FILE", help=f"suppressions with reasons (default: {DEFAULT_IGNORE_FILE})")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (whole or not at all)")
    parser.add_argument("--list-rules", action="store_true", help="list every rule: id, kind, severity, title, file")
    parser.add_argument("--explain", metavar="RULE_ID", help="what a rule checks, why, its formula and examples")
    parser.add_argument("--test-rules", action="store_true",
                        help="run the examples of every rule (built-in, --rules, and rule files or packs given as FILE)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run verify; return the exit code (0 clean, 1 findings, 2 unusable input or rules,
    3 internal error, 130 interrupted). Whatever happens, at most one line on stderr."""
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, or _Parser.error has printed its one line
            return ExitStatus.UNUSABLE if exc.code else ExitStatus.CLEAN
        return _run(args)
    except VerifyError as exc:
        _say(f"verify: {exc.one_line()}")
        return ExitStatus.UNUSABLE
    except KeyboardInterrupt:
        _say("verify: interrupted")
        return ExitStatus.INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - a bug: one line and its own exit code, never a traceback
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        _say(f"verify: internal error: {detail}")
        return ExitStatus.INTERNAL_ERROR


def _say(line: str) -> None:
    """One line on stderr, if there is a stderr to write to."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


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
    config.glob = args.glob or config.glob or "*.txt"
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
    settings = _settings(args)
    _check_conflicts(args, settings)
    if args.list_rules or args.explain or args.test_rules:
        return _rule_command(args, settings)
    if not args.files:
        raise UsageError("no input files (try: verify report.txt)")
    paths = expand_inputs(args.files, settings.glob)
    groups = _groups(args, settings, paths)
    for group, members in groups:
        _check_output(args, group, members)
    if args.numbers:
        documents = []
        for group, members in groups:
            if group.rules:  # a malformed rule file stops every command, this one too
                _load_rules(group)
            documents += [read_document(p, group.encoding, group.max_size) for p in members]
        _emit(_format_numbers(documents, settings), args.output)
        return ExitStatus.CLEAN
    from verify.engine import check_all
    from verify.report.render import render

    checked = []
    for group, members in groups:  # every file with the settings found nearest to it
        documents = [read_document(p, group.encoding, group.max_size) for p in members]
        rules = _load_rules(group)
        results = check_all(documents, rules, group.date, settings.lang, settings.jobs)
        _override_severities(results, group.severity)
        checked.append((group, rules, results))
    results = [r for _, _, group_results in checked for r in group_results]
    if args.write_baseline:
        _write_baseline(args.write_baseline, results)
    for group, rules, group_results in checked:
        for suppression in _apply_gate(group_results, group, settings.baseline, {r.id for r in rules}):
            _say(f"verify: {group.ignore_file}: suppression of {suppression.rule} matched nothing "
                 f"({(suppression.sentence or suppression.fingerprint or '')[:30]})")
    rules = list({r.id: r for _, group_rules, _ in checked for r in group_rules}.values())
    _emit(render(results, settings.format, settings.lang, rules=rules, fail_on=settings.fail_on), args.output)
    return ExitStatus.CLEAN if args.write_baseline else _exit_status(results, settings.fail_on)


def _groups(args: argparse.Namespace, settings: Config, paths: list[str]) -> list[tuple[Config, list[str]]]:
    """The files by the settings that apply to them: the verify.toml and .verify-ignore.yaml nearest
    to each file (its folder or above, as ruff finds its settings; else those found from the current
    folder), unless --config names one.
    Options of the whole run (format, lang, fail-on, glob, jobs, baseline) come from `settings`."""
    groups: dict[tuple, tuple[Config, list[str]]] = {}
    for path in paths:
        folder = Path.cwd() if path == "-" else Path(path).resolve().parent
        found = None if args.config else find_config(folder)
        config_path = str(found) if found else settings.path  # none above the file: the run's own
        if args.config or config_path == settings.path:
            group = copy.copy(settings)
        else:
            group = _settings(args, folder)
        if not group.ignore_file:
            found = (None if args.config else _find_upward(folder, DEFAULT_IGNORE_FILE)) \
                or _find_upward(Path.cwd(), DEFAULT_IGNORE_FILE)
            group.ignore_file = str(found) if found else None
        key = (group.path, group.ignore_file)
        groups.setdefault(key, (group, []))[1].append(path)
    return list(groups.values())


def _find_upward(folder: Path, name: str) -> Path | None:
    for candidate in (folder / name, *(parent / name for parent in folder.parents)):
        if candidate.is_file():
            return candidate
    return None


def _check_conflicts(args: argparse.Namespace, settings: Config) -> None:
    if args.numbers and settings.format not in ("table", "json"):
        raise UsageError(f"--numbers prints a table or json, not {settings.format}")
    if args.numbers and (settings.baseline or args.write_baseline):
        raise UsageError("--numbers lists figures; baselines apply to findings")
    if args.baseline and args.write_baseline and Path(args.baseline).resolve() == Path(args.write_baseline).resolve():
        raise UsageError("--baseline and --write-baseline name the same file")
    if args.test_rules and (args.list_rules or args.explain):
        raise UsageError("--test-rules, --list-rules and --explain are separate commands")


def _check_output(args: argparse.Namespace, settings: Config, paths: list[str]) -> None:
    """-o and --write-baseline never overwrite an input, the baseline or each other; -o writes
    only to a regular file (checked before any work, so a refused run has changed nothing)."""
    written = [(name, value) for name, value in (("-o", args.output), ("--write-baseline", args.write_baseline))
               if value]
    for name, value in written:
        check_output_target(value)
        read = [(p, "it is an input") for p in paths]
        read += [(settings.baseline, "it is the baseline")] if settings.baseline else []
        read += [(settings.ignore_file, "it is the suppression file")] if settings.ignore_file else []
        read += [(settings.path, "it is the settings file")] if settings.path else []
        for path, why in read:
            if same_file(value, path):
                raise UsageError(f"{name} {value}: would overwrite {path} ({why})")
    if len(written) == 2 and same_file(written[0][1], written[1][1]):
        raise UsageError("-o and --write-baseline name the same file")


def _load_rules(settings: Config):
    """The rules for this run: built-in and added packs, less the disabled, with severities set."""
    from verify.rulefile import load_rules

    rules = load_rules(settings.rules)
    check_rule_ids(settings, {r.id for r in rules})
    return [r for r in rules if r.id not in settings.disable]


def _override_severities(results, overrides: dict[str, str]) -> None:
    """verify.toml [severity]: a rule's firing findings (errors and warnings) take the level set
    for it; at "info" every finding of the rule is an info."""
    import dataclasses

    for result in results:
        result.findings = [
            dataclasses.replace(f, severity=overrides[f.rule_id])
            if f.rule_id in overrides and (f.severity != "info" or overrides[f.rule_id] == "info") else f
            for f in result.findings]


def _rule_command(args: argparse.Namespace, settings: Config) -> int:
    """--list-rules, --explain, --test-rules: about the rules, not about a report."""
    from verify.rulefile import load_rules

    rules = load_rules(settings.rules + (args.files if args.test_rules else []))
    if args.list_rules:
        from verify.rule_docs import rules_table

        write_stdout(rules_table(rules, settings.lang))
    if args.explain:
        from verify.rule_docs import explain

        chosen = [r for r in rules if r.id == args.explain]
        if not chosen:
            raise UsageError(f"--explain {args.explain}: no such rule (see verify --list-rules)")
        write_stdout(explain(chosen[0], settings.lang))
    if args.test_rules:
        from verify.rule_examples import check_rule_examples

        failures = check_rule_examples(rules)
        examples = sum(len(r.fail_examples) + len(r.pass_examples) for r in rules)
        write_stdout("".join(f"{failure.one_line()}\n" for failure in failures)
                     + f"{len(rules)} rules, {examples} examples: {len(failures)} failed\n")
        return ExitStatus.FINDINGS if failures else ExitStatus.CLEAN
    return ExitStatus.CLEAN


def _apply_gate(results, settings: Config, baseline: str | None, known_rules: set[str]):
    """Move baselined and suppressed findings aside; return the suppressions that matched nothing."""
    from verify.gate import Gate, read_baseline, read_suppressions

    gate = Gate()
    if baseline:
        gate.baseline = read_baseline(baseline)
    if settings.ignore_file:
        gate.suppressions = read_suppressions(settings.ignore_file, known_rules)
    if not gate.baseline and not gate.suppressions:
        return []  # nothing to set aside: no sentence need be hashed
    for result in results:
        result.findings, result.baselined, result.suppressed = gate.sort(result.doc.text, result.findings)
    return gate.stale()


def _write_baseline(path: str, results) -> None:
    from verify.gate import fingerprint, write_baseline

    entries = [(r.doc.path, f, fingerprint(r.doc.text, f)) for r in results for f in r.findings]
    write_atomically(path, write_baseline(path, entries))


def _emit(text: str, output: str | None) -> None:
    if output:
        write_atomically(output, text)
        return
    write_stdout(text)


def write_stdout(text: str) -> None:
    """The report on standard output; a closed, full or broken stdout is an InputError (exit 2)."""
    if sys.stdout is None:
        raise InputError("<stdout>", "standard output is closed (use -o FILE)")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        if isinstance(exc, BrokenPipeError):  # keep Python from complaining again at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        problem = getattr(exc, "strerror", None) or exc
        raise InputError("<stdout>", f"cannot write the report ({problem})") from None


def _format_numbers(documents, settings: Config) -> str:
    from verify.quantities import read_quantities

    files = [(doc, read_quantities(doc)) for doc in documents]
    if settings.format == "json":
        from verify.report.json_report import numbers_report

        return numbers_report(files)
    from verify.report.numbers_table import numbers_table

    return numbers_table(files, settings.lang)


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
    code = main()
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(code)
