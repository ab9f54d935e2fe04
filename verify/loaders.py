"""What a run loads besides the reports: rule packs, baselines and suppression files.

With inputs/ and cli.py, the only code that reads files. Each file is read here and its text
handed to a pure stage (verify.rules.loader, verify.gate); every failure is an error naming the
file, so the run ends with one line and exit 2.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from verify.checking.kinds import KINDS
from verify.errors import InputError, RuleFileError
from verify.gate.baseline import parse_baseline
from verify.gate.suppressions import Suppression, parse_suppressions
from verify.rules import loader
from verify.rules.formula import cache
from verify.rules.formula.solve import solve_for
from verify.rules.records import Rule, RuleSource


def builtin_rules_dir() -> Path:
    """The built-in packs: rules/ beside the package in a checkout, package data in a wheel."""
    package = Path(__file__).resolve().parent
    root = package.parent
    if (root / "pyproject.toml").is_file() and (root / "rules").is_dir():
        return root / "rules"
    return package / "builtin_rules"  # rules/ as installed into the wheel (pyproject package-dir)


def builtin_solved_forms() -> dict[str, dict]:
    """{formula text: {variable: solved tree}} of every built-in relation, solved now with sympy."""
    forms = {}
    for rule in load_rules():
        if rule.kind == "relation" and rule.prepared.relation.op == "==":
            forms[rule.params["formula"]] = solve_for(rule.prepared.relation)
    return forms


def rule_files(path: Path) -> list[Path]:
    """Every rule file of a pack folder (recursively), or the one file given."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise RuleFileError(str(path), None, "no such rule file or folder")
    return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))


def load_rules(extra: list[str] | None = None, builtin: bool = True) -> list[Rule]:
    """Built-in packs plus every --rules path, validated with the kinds the engine knows."""
    paths: list[tuple[Path, str]] = []
    if builtin:
        base = builtin_rules_dir()
        paths += [(p, f"rules/{p.relative_to(base).as_posix()}") for p in rule_files(base)]
    for entry in extra or []:
        paths += [(p, str(p)) for p in rule_files(Path(entry))]
    rules = loader.load_rules(_sources(paths), KINDS)
    cache.save()  # only when a formula was solved now: it is never solved (nor sympy imported) again
    return rules


def load_rule(path: Path, display: str | None = None) -> Rule:
    """Load and validate one rule file."""
    return loader.load_rule(read_rule_file(path, display or str(path)), KINDS)


def _sources(paths: list[tuple[Path, str]]) -> Iterator[RuleSource]:
    """Each file read only when the one before it has been validated: the first error stops the run."""
    for path, display in paths:
        yield read_rule_file(path, display)


def read_rule_file(path: Path, where: str) -> RuleSource:
    """A rule file's text; a RuleFileError naming it if it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(where, None, f"cannot read rule file ({exc})") from None
    return RuleSource(text, where, path.stem)


def read_baseline(path: str) -> Counter:
    """(rule, fingerprint) counts of a baseline file; an InputError if it is not one."""
    return parse_baseline(_read_gate_file(path, "baseline file", "verify baseline"), path)


def read_suppressions(path: str, known_rules: set[str]) -> list[Suppression]:
    """The suppression file (.verify-ignore.yaml), checked entry by entry."""
    return parse_suppressions(_read_gate_file(path, "suppression file", "suppression file"), path, known_rules)


def _read_gate_file(path: str, name: str, kind: str) -> str:
    """The text of a baseline or suppression file (a BOM is fine); an InputError that says
    "no such <name>" or "not a <kind> (the error's class)"."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, f"no such {name}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"not a {kind} ({exc.__class__.__name__})") from None


if __name__ == "__main__":  # python -m verify.loaders --write-solved-forms: refresh the shipped solved forms
    if sys.argv[1:] == ["--write-solved-forms"]:
        cache.write_shipped(builtin_solved_forms())
