"""YAML rule files -> [Rule]: safe_load only, every key checked, every error with its line.

One rule per file, rules/<pack>/<id>.yaml. The whole set is validated before any text is
checked, so a broken rule stops the run at once with `file:line: what is wrong` and exit 2.
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Iterable, Mapping
from typing import Any


from verify import regexes, yaml_data
from verify.errors import RuleFileError, YamlError
from verify.records import Severity
from verify.rules.patterns import PatternError, compile_pattern
from verify.rules.records import Example, Rule, RuleSource

SEVERITIES = tuple(Severity)
# The figures each structure binds, declared as a never-matching pattern's slots so that kinds
# check a rule's names the same way whether a pattern or the statement stage binds them.
STATEMENT_SLOTS = {
    "parts": "(?!){total:amount}{parts:amount*}",
    "shares": "(?!){parts:percent*}",
    "facts": "(?!){level:number}{change:amount}{drop:amount}{rate:percent}{fall:percent}{times:ratio}"
             "{before:number}{share:percent}{whole:amount}{named_whole:amount}{completion:percent}{index_rate:percent}{index_fall:percent}{gain:point}{loss:point}{plus:amount}{minus:amount}{plan:amount}"
             "{daily:amount}{period_daily:amount}{days:count}{within:amount}{length:count}{yearly:amount}{years:count}{proportion:percent}{group_share:percent}{rise_from:number}{fall_from:number}{yearly_rate:percent}{gap:point}{lower:percent}{earlier:amount}{added:amount}"
             "{ratio_share:number}{next_part:amount}{next_share:number}{average:amount}{average_floor:amount}{units:count}"
             "{member:amount}{new:amount}{increase:amount}{present:amount}{absent:amount}{part:amount}{named_part:amount}{place_part:amount}{fastest:percent}{slowest:percent}{member_share:percent}{included:amount}{items:count}{per_item:amount}"
             "{first:amount}{first_rate:percent}{first_fall:percent}{second:amount}{second_rate:percent}{second_fall:percent}"
             "{threshold:amount}{first_year:year}{last_year:year}",
    "each": "(?!){share:percent}{fall:percent}{rate:percent}{completion:percent}{level:number}",
    "headline": "(?!){headline:number}{body:number}",
    **{name: "(?!){figures:number*}" for name in ("named-list", "counted-label", "enumeration", "respectively",
                                                   "count-partition")},
}
COMMON_TYPES = {"id": str, "kind": str, "severity": str, "title": str, "why": str, "pattern": str, "examples": dict,
                "title_en": str, "why_en": str, "message": str, "message_en": str, "match_on": str, "structure": str}
COMMON_REQUIRED = {"id", "kind", "severity", "title", "why", "pattern", "examples"}
TALLIES = ("named-list", "counted-label", "enumeration", "respectively", "count-partition")
STRUCTURES = ("parts", "shares", "facts", "each", "headline") + TALLIES  # what the statement stage finds that a rule may ask for by name
COMMON_OPTIONAL = set(COMMON_TYPES) - COMMON_REQUIRED
_CJK_FOLD = regexes.lazy(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")
_TYPE_NAMES = {str: "a text", int: "a whole number", float: "a number", dict: "a mapping", list: "a list",
               bool: "true or false"}
EXAMPLE_KEYS = {"text", "source", "date", "expected", "severity", "note"}


def load_rule(source: RuleSource, kinds: Mapping[str, Any]) -> Rule:
    """Parse and validate one rule file's text; `kinds` is the registry of rule kinds."""
    where, text = source.where, source.text
    try:
        raw, lines = yaml_data.parse(text)
    except YamlError as exc:
        problem = "nested too deeply" if exc.kind == "RecursionError" else exc.problem or exc.kind
        raise RuleFileError(where, exc.line, f"not valid YAML: {problem}") from None
    if not isinstance(raw, dict):
        raise RuleFileError(where, 1, "a rule file is a mapping of keys (id, kind, pattern, …)")
    if "duplicate" in lines:
        raise RuleFileError(where, lines["duplicate"], f"key '{lines['duplicate key']}' is given twice")
    kind_name = raw.get("kind")
    if not isinstance(kind_name, str) or kind_name not in kinds:
        known = ", ".join(sorted(kinds))
        raise RuleFileError(where, lines.get("kind", 1), f"unknown kind '{kind_name}' (known: {known})")
    kind = kinds[kind_name]
    required = COMMON_REQUIRED | kind.REQUIRED
    if raw.get("match_on") == "statements":  # the statement stage binds the figures: no pattern
        required = (required - {"pattern"}) | {"structure"}
    _check_keys(raw, lines, where, required, COMMON_OPTIONAL | kind.OPTIONAL)
    _check_types(raw, lines, where, {**COMMON_TYPES, **kind.TYPES})
    rule = _build(raw, lines, where, source.stem)
    for key in ("message", "message_en"):
        if getattr(rule, key):
            _check_message(rule, key, set(getattr(kind, "MESSAGE_FIELDS", ())) | set(rule.params.get("find") or {}),
                           where)
    try:
        return dataclasses.replace(rule, prepared=kind.prepare(rule))
    except RuleFileError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise RuleFileError(where, lines.get("pattern", 1), f"cannot use this rule: {exc}") from None


_FORMAT_SPEC = regexes.lazy(r"(?:.?[<>^])?\d{0,2}(?:\.\d{1,2})?")


def _check_message(rule: Rule, key: str, extra: set[str], where: str) -> None:
    """A message names only the rule's slots, groups and the kind's fields, plainly: no
    attribute or index access ({rate.__class__}), no conversions, widths under 100."""
    line = rule.lines.get(key, 1)
    try:
        parsed = list(string.Formatter().parse(getattr(rule, key)))
    except ValueError as exc:
        raise RuleFileError(where, line, f"{key}: {exc} (write {{{{ and }}}} for braces)") from None
    known = set(rule.pattern.slots) | set(rule.pattern.text_groups) | extra
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier():
            raise RuleFileError(where, line, f"{key}: {{{name}}} is not a plain name (no attribute or index access)")
        if name not in known:
            raise RuleFileError(where, line, f"{key}: {{{name}}} names nothing (known: {', '.join(sorted(known))})")
        if conversion or (spec and not _FORMAT_SPEC.fullmatch(spec)):
            raise RuleFileError(where, line, f"{key}: {{{name}}} may carry only an alignment and a width under 100")


def _check_types(raw: dict, lines: dict[str, int], where: str, types: dict) -> None:
    for key, value in raw.items():
        wanted = types.get(key)
        if wanted is None or value is None:
            continue
        wanted = wanted if isinstance(wanted, tuple) else (wanted,)
        if not isinstance(value, wanted) or (isinstance(value, bool) and bool not in wanted):
            names = " or ".join(_TYPE_NAMES.get(t, t.__name__) for t in wanted)
            raise RuleFileError(where, lines.get(str(key), 1), f"{key} must be {names}")


def _check_keys(raw: dict, lines: dict[str, int], where: str, required: set[str], optional: set[str]) -> None:
    for key in raw:
        if key not in required | optional:
            raise RuleFileError(where, lines.get(str(key), 1), f"unknown key '{key}'")
    for key in sorted(required):
        if key not in raw:
            raise RuleFileError(where, 1, f"missing key '{key}'")
        if raw[key] is None:
            raise RuleFileError(where, lines.get(key, 1), f"'{key}' has no value")


def _build(raw: dict, lines: dict[str, int], where: str, stem: str) -> Rule:
    rule_id = str(raw["id"])
    if rule_id != stem:
        raise RuleFileError(where, lines["id"], f"id '{rule_id}' must equal the file name '{stem}'")
    if raw["severity"] not in SEVERITIES:
        raise RuleFileError(where, lines["severity"], f"severity must be one of {', '.join(SEVERITIES)}")
    match_on = raw.get("match_on", "figures")
    if match_on not in ("figures", "text", "statements"):
        raise RuleFileError(where, lines["match_on"], "match_on is 'figures' (the default), 'text' or 'statements'")
    for key in ("title", "why") + (("pattern",) if match_on != "statements" else ()):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise RuleFileError(where, lines[key], f"'{key}' must be a non-empty text")
    if match_on == "statements":
        if "pattern" in raw:
            raise RuleFileError(where, lines["pattern"], "a rule on statements has no pattern: it names a structure")
        if raw["structure"] not in STRUCTURES:
            raise RuleFileError(where, lines["structure"], f"structure is one of {', '.join(STRUCTURES)}")
    elif "structure" in raw:
        raise RuleFileError(where, lines["structure"], "structure is for rules with match_on: statements")
    try:
        pattern = compile_pattern(raw.get("pattern") or STATEMENT_SLOTS[raw["structure"]])
    except PatternError as exc:
        raise RuleFileError(where, lines.get("pattern"), f"pattern: {exc}") from None
    if match_on == "text" and pattern.slots:
        raise RuleFileError(where, lines["pattern"], "a pattern matched on the text has no slots {name:type}")
    fail, passing = _examples(raw["examples"], lines, where)
    params = {k: v for k, v in raw.items() if k not in COMMON_REQUIRED | COMMON_OPTIONAL}
    why = _CJK_FOLD.sub("", raw["why"].strip())  # YAML folding puts a space between Chinese lines
    return Rule(rule_id, raw["kind"], Severity(raw["severity"]), raw["title"], why, where, pattern, params,
                fail, passing, lines, raw.get("title_en"), raw.get("why_en"), raw.get("message"),
                raw.get("message_en"), match_on, raw.get("structure"))


def _examples(raw: Any, lines: dict[str, int], where: str) -> tuple[list[Example], list[Example]]:
    if not isinstance(raw, dict) or set(raw) - {"fail", "pass"}:
        raise RuleFileError(where, lines.get("examples"), "examples must be a mapping with 'fail' and 'pass' lists")
    result: dict[str, list[Example]] = {"fail": [], "pass": []}
    for group in ("fail", "pass"):
        items = raw.get(group) or []
        if not isinstance(items, list):
            raise RuleFileError(where, lines.get(f"examples.{group}"), f"examples.{group} must be a list")
        for i, item in enumerate(items):
            line = lines.get(f"{group}[{i}]")
            if isinstance(item, str):
                item = {"text": item}
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise RuleFileError(where, line, f"examples.{group}[{i}] needs a 'text'")
            unknown = set(item) - EXAMPLE_KEYS
            if unknown:
                raise RuleFileError(where, line, f"examples.{group}[{i}]: unknown key '{sorted(unknown)[0]}'")
            fields = {k: (str(v) if v is not None else None) for k, v in item.items() if k != "note"}
            result[group].append(Example(line=line, **fields))
    return result["fail"], result["pass"]


def load_rules(sources: Iterable[RuleSource], kinds: Mapping[str, Any]) -> list[Rule]:
    """Every rule of the sources, in order, each validated before the next is read; duplicate ids
    are an error."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for source in sources:
        rule = load_rule(source, kinds)
        if rule.id in seen:
            raise RuleFileError(source.where, rule.lines.get("id"),
                                f"duplicate rule id '{rule.id}' (also in {seen[rule.id]})")
        seen[rule.id] = source.where
        rules.append(rule)
    return rules
