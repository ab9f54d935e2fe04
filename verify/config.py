"""verify.toml: a newsroom's settings, found from each checked file's folder upward (as ruff finds
its settings), else from the current folder upward; .verify-ignore.yaml is found the same way.

Command-line options override it. Unknown keys are errors, so a misspelt setting never silently
does nothing. Paths in the file are relative to the file.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from verify.errors import UsageError
from verify.records import Severity

CONFIG_NAME = "verify.toml"
IGNORE_NAME = ".verify-ignore.yaml"
SEVERITIES = tuple(Severity)
FAIL_LEVELS = ("error", "warning", "never")  # the lowest severity that fails the run, or never


@dataclass
class Config:
    """Settings from verify.toml (all optional)."""

    path: str | None = None
    rules: list[str] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    date: datetime.date | None = None
    fail_on: str | None = None
    format: str | None = None
    lang: str | None = None
    encoding: str | None = None
    glob: str | None = None
    jobs: int | None = None
    max_size: int | None = None
    baseline: str | None = None
    ignore_file: str | None = None


_KEYS = {"rules": list, "disable": list, "severity": dict, "date": (str, datetime.date), "fail-on": str,
         "format": str, "lang": str, "encoding": str, "glob": str, "jobs": int, "baseline": str, "ignore-file": str,
         "max-size": int}


def find_config(start: Path) -> Path | None:
    """verify.toml in the folder or the nearest folder above it."""
    return find_upward(start, CONFIG_NAME)


def find_upward(start: Path, name: str) -> Path | None:
    """A file of this name in the folder or the nearest folder above it."""
    for folder in [start, *start.parents]:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def settings_by_file(paths: list[str], run: Config, settings_from: Callable[[Path], Config],
                     fixed: bool) -> list[tuple[Config, list[str]]]:
    """The files grouped by the settings that apply to each: the verify.toml and .verify-ignore.yaml
    nearest to its folder, else the run's own (`run`, found from the current folder); with `fixed`
    (--config) every file has the run's settings. `settings_from(folder)` builds the settings of
    the verify.toml found from a folder, each file read once. Options of the whole run (format,
    lang, fail-on, glob, jobs, baseline) are the caller's to take from `run`."""
    loaded: dict[str | None, Config] = {_key(run.path): run}
    groups: dict[tuple, tuple[Config, list[str]]] = {}
    for path in paths:
        folder = Path.cwd() if path == "-" else Path(path).resolve().parent
        found = None if fixed else find_config(folder)
        key = _key(str(found)) if found else _key(run.path)
        if key not in loaded:
            loaded[key] = settings_from(folder)
        group = copy.copy(loaded[key])
        if not group.ignore_file:
            nearest = (None if fixed else find_upward(folder, IGNORE_NAME)) or find_upward(Path.cwd(), IGNORE_NAME)
            group.ignore_file = str(nearest) if nearest else None
        groups.setdefault((key, group.ignore_file), (group, []))[1].append(path)
    return list(groups.values())


def _key(path: str | None) -> str | None:
    return str(Path(path).resolve()) if path else None


def load_config(path: Path, formats: tuple[str, ...]) -> Config:
    """Read and check a verify.toml; every problem is a UsageError naming the file and key."""
    import tomllib  # lazy: only a run that finds a verify.toml reads one
    where = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # a BOM (Windows editors) is fine
    except FileNotFoundError:
        raise UsageError(f"{where}: no such configuration file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{where}: not a valid TOML file ({exc})") from None
    except RecursionError:
        raise UsageError(f"{where}: not a usable settings file (nested too deeply)") from None
    for key, value in raw.items():
        if key not in _KEYS:
            raise UsageError(f"{where}: unknown key '{key}'")
        if not isinstance(value, _KEYS[key]) or isinstance(value, bool):
            raise UsageError(f"{where}: '{key}' has the wrong type")
    base = path.parent
    config = Config(path=where)
    config.rules = [str(base / str(p)) for p in raw.get("rules", [])]
    config.disable = [str(r) for r in raw.get("disable", [])]
    levels = {str(k): v for k, v in raw.get("severity", {}).items()}
    for rule_id, level in levels.items():
        if level not in SEVERITIES:
            raise UsageError(f"{where}: severity.{rule_id} must be one of {', '.join(SEVERITIES)}")
    config.severity = {rule_id: Severity(level) for rule_id, level in levels.items()}
    config.date = _date(where, raw.get("date"))
    config.fail_on = _choice(where, "fail-on", raw.get("fail-on"), FAIL_LEVELS)
    config.format = _choice(where, "format", raw.get("format"), formats)
    config.lang = _choice(where, "lang", raw.get("lang"), ("zh", "en"))
    config.encoding, config.glob, config.jobs = raw.get("encoding"), raw.get("glob"), raw.get("jobs")
    if config.jobs is not None and config.jobs < 1:
        raise UsageError(f"{where}: jobs must be 1 or more")
    config.max_size = raw.get("max-size")
    if config.max_size is not None and config.max_size < 1:
        raise UsageError(f"{where}: max-size must be 1 (MB) or more")
    config.baseline = str(base / raw["baseline"]) if "baseline" in raw else None
    config.ignore_file = str(base / raw["ignore-file"]) if "ignore-file" in raw else None
    return config


def check_rule_ids(config: Config, known: set[str]) -> None:
    """Disabled or re-levelled rules must exist: a typo would silently keep a rule on."""
    for rule_id in [*config.disable, *config.severity]:
        if rule_id not in known:
            raise UsageError(f"{config.path}: unknown rule id '{rule_id}' (see verify --list-rules)")


def _date(where: str, value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{where}: date '{value}' is not YYYY-MM-DD") from None


def _choice(where: str, key: str, value, choices) -> str | None:
    if value is not None and value not in choices:
        raise UsageError(f"{where}: {key} must be one of {', '.join(choices)}")
    return value
