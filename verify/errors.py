"""The only causes of exit 2: input that cannot be read, rules that cannot be loaded.

Each carries what the one-line message needs: the file, and for rule files the line. Anything
else that goes wrong is a bug: exit 3 with one line, never a traceback (cli.main).
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Process exit codes: the CI contract."""

    CLEAN = 0
    FINDINGS = 1
    UNUSABLE = 2
    INTERNAL_ERROR = 3   # an unexpected exception: a bug in verify, not a finding
    INTERRUPTED = 130    # Ctrl-C (128 + SIGINT), as shells report it


class VerifyError(Exception):
    """Base of the errors that end a run with exit 2 and one line on stderr."""

    def one_line(self) -> str:
        """The message printed on stderr: one line, no traceback."""
        return str(self).replace("\n", " ")


class InputError(VerifyError):
    """A report file that cannot be read or decoded."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self):  # so that it crosses from a --jobs worker to the parent intact
        return (type(self), (self.path, self.problem))


class RuleFileError(VerifyError):
    """A rule file that cannot be loaded: names the file and, where known, the line."""

    def __init__(self, path: str, line: int | None, problem: str):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem

    def __reduce__(self):
        return (type(self), (self.path, self.line, self.problem))


class UsageError(VerifyError):
    """Options that contradict each other or name nothing usable."""


class YamlError(Exception):
    """A text that does not parse as verify reads YAML (safe_yaml.parse): what the messages of the
    rule loader and the suppression reader say of it, without their importing PyYAML."""

    def __init__(self, line: int | None, problem: str | None, kind: str, marked: bool):
        super().__init__(problem or kind)
        self.line = line          # 1-based, when the parser knew where
        self.problem = problem    # the parser's own words, when it gave some
        self.kind = kind          # the parser's exception class, or RecursionError
        self.marked = marked      # the parser pointed at a place (a MarkedYAMLError)
