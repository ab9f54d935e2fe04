"""The command line's options, help and usage errors: what `verify --help` shows."""

from __future__ import annotations

import argparse
import sys

import verify
from verify.config import FAIL_LEVELS, IGNORE_NAME
from verify.errors import ExitStatus
from verify.inputs import DEFAULT_MAX_SIZE_MB
from verify.printable import visible
from verify.report import FORMATS

EPILOG = """\
exit codes / 退出码:
  0  no finding at or above --fail-on (default: error)      未发现达到 --fail-on 级别的问题
  1  at least one finding at or above --fail-on             至少一条达到该级别的问题
  2  unusable input, rules or settings (one line on stderr) 输入、规则或设置无法使用
  3  internal error: a bug in verify (one line on stderr)    内部错误（verify 自身的缺陷）
130  interrupted (Ctrl-C)                                    被中断

examples / 示例:
  verify report.txt                         the discrepancy table, as wide as the terminal
  verify --show-passed report.txt           also list every check that held
  verify -q --statistics issues/            findings only, then counts per rule
  verify --format html -o report.html a.txt b.txt   a highlighted page for editors
  verify --format sarif -o verify.sarif issues/     for code scanning in CI
  verify --fail-on warning --color never issues/    a stricter gate, plain text
"""

class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (not the nine lines of usage)."""

    def error(self, message: str):
        say(f"verify: {message} (see verify --help)")
        raise SystemExit(ExitStatus.UNUSABLE)


def build_parser() -> argparse.ArgumentParser:
    """The command line: files to check and how to report them."""
    parser = Parser(
        prog="verify",
        description="核对新闻稿中的数字：找出每个数字，用 YAML 规则交叉核对，列出矛盾。"
                    " / Numeric consistency checker for Chinese news reports.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=Version, nargs=0, help="print the installed version and exit")
    parser.add_argument("files", nargs="*", metavar="FILE", help="reports (.txt, .md, .html, .docx, .pdf) or folders of them; - for stdin")
    parser.add_argument("--numbers", action="store_true", help="list every stated quantity instead of checking")
    parser.add_argument("--statements", action="store_true",
                        help="show how each figure was read (role, measure, 其中 lists, facts) instead of checking")
    parser.add_argument("--line", type=int, metavar="N", help="with --statements: only the figures of line N")
    parser.add_argument("--why", metavar="RULE_ID",
                        help="with --statements: what this rule made of each of its matches (on --line N)")
    parser.add_argument("--format", choices=FORMATS, help="output format (default: table)")
    parser.add_argument("--lang", choices=("zh", "en"), help="language of messages (default: zh)")
    parser.add_argument("--encoding", help="decode input with this encoding instead of detecting it")
    parser.add_argument("--rules", action="append", default=[], metavar="PATH",
                        help="add a rule pack (a folder of YAML rules, or one rule file); repeatable")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="issue date, for weekdays of dates without a year")
    parser.add_argument("--fail-on", choices=FAIL_LEVELS,
                        help="lowest severity that makes the exit code 1 (default: error)")
    parser.add_argument("--glob", help="files to check inside folders (default: every supported format)")
    parser.add_argument("--jobs", type=int, metavar="N",
                        help="check files in N parallel processes (at most one per file and per CPU)")
    parser.add_argument("--max-size", type=int, metavar="MB",
                        help=f"largest input file, in megabytes (default: {DEFAULT_MAX_SIZE_MB})")
    parser.add_argument("--config", metavar="FILE", help="settings file (default: verify.toml here or above)")
    parser.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    parser.add_argument("--write-baseline", metavar="FILE", help="record the current findings as the baseline")
    parser.add_argument("--ignore-file", metavar="FILE", help=f"suppressions with reasons (default: {IGNORE_NAME})")
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


class Version(argparse.Action):
    """--version: the package's version (pyproject.toml takes it from verify.__version__)."""

    def __call__(self, parser, namespace, values, option_string=None):
        sys.stdout.write(f"verify {verify.__version__}\n")
        parser.exit()


def say(line: str) -> None:
    """One line on stderr, if there is a stderr to write to: one line even when a file name it
    quotes holds a line break or an escape sequence (verify.printable)."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(visible(line) + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass
