"""relation: a pattern binds figures and a formula says how they must relate.

`done == plan * rate` is solved once (sympy, cached) for every variable, so a rule also yields
the implied value of whichever figure the text leaves out, such as the plan behind a completion
rate. Broken means no values inside the stated intervals satisfy the formula, even allowing
each figure one unit of its last digit.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from dataclasses import field

from verify.frozen import record
from verify.reading.interval import Interval
from verify.rules.formula.printing import (format_interval, format_round, format_value, is_round, render_formula,
                                           round_targets, stated_decimals)
from verify.errors import RuleFileError
from fractions import Fraction

from verify.reading.numerals import decimal_string
from verify.reading.quantity import Quantity
from verify.rules.formula.parse import FormulaError, Node, Num, Relation, Var, end_key, range_ends, variables
from verify.rules.formula.evaluate import evaluate as evaluate_node, relation_may_hold
from verify.checking.kinds.common import (
    comparable_units, finding, parse_rule_formula, rule_message, rule_pattern, rule_written, stated,
)
from verify.checking.kinds.relation_lookups import INTERPOLATED, looked_up_figure
from verify.checking.kinds.relation_values import flat_figures, printed_apart, relation_env
from verify.messages import text_for
from verify.records import Severity
from verify.rules.formula.cache import solved_forms
from verify.checking.records import Verdict
from verify.rules.records import KindParams, Rule
from verify.statements.unit_factors import families

TYPES = {"formula": str, "find": dict, "implied": dict, "subject": str, "written": dict, "convert": str,
         "restatement": bool}
REQUIRED = {"formula"}
OPTIONAL = set(TYPES) - REQUIRED
MESSAGE_FIELDS = {"expected"}  # what a rule's message may name besides its slots and groups


@record
class RelationParams(KindParams):
    """A relation rule's parsed formula, its solved forms and lookups."""

    relation: Relation
    solved: dict[str, Node]                         # variable -> the formula solved for it
    find: dict[str, tuple[str, Relation | None]]    # variable -> (lookup pattern, where)
    implied: dict[str, dict]                        # variable -> {name, name_en, round, like}
    subject: str | None
    ranges: frozenset[str] = frozenset()            # variables read through first_end()/last_end(): ranges only
    written: Mapping[str, re.Pattern[str]] = field(default_factory=dict)   # slot -> regex on its figure's text
    convert: Mapping[str, Interval] = field(default_factory=dict)   # unit -> its size in its family's smallest unit
    restatement: bool = False   # the figures state one value: printed to one step alike; only a coarser one may be cut

    def judges(self, names: frozenset[str]) -> bool:
        """Whether figures by these names (a superset of what _bind binds) are enough to judge the
        formula or to imply its one missing figure; always, when a lookup may find the rest
        (decrease-100 reads every statement, and most are no fall; a facts rule every fact)."""
        if self.find:
            return True
        missing = self.needed.difference(names)
        return not missing or len(missing) == 1 and missing <= self.may_imply

    @functools.cached_property
    def needed(self) -> frozenset[str]:
        """Every variable of the formula."""
        return variables(self.relation)

    @functools.cached_property
    def may_imply(self) -> frozenset[str]:
        """The variables whose value a match may leave out, to be implied."""
        return frozenset(var for var in self.implied if var in self.solved)


def prepare(rule: Rule) -> RelationParams:
    """Parse and solve the formula; check that every variable is bound by a slot or a lookup."""
    relation = parse_rule_formula(rule, "formula")
    find = {var: _prepare_lookup(rule, var, entry) for var, entry in (rule.params.get("find") or {}).items()}
    bound = set(rule.pattern.slots) | set(find)
    for var in sorted(variables(relation) - bound):
        raise RuleFileError(rule.path, rule.lines.get("formula"), f"formula uses '{var}', which no slot binds")
    implied = rule.params.get("implied") or {}
    if not isinstance(implied, dict) or any(not isinstance(v, dict) for v in implied.values()):
        raise RuleFileError(rule.path, rule.lines.get("implied"), "implied maps a variable to {name, round, like}")
    try:
        solved = solved_forms(rule.params["formula"], relation) if relation.op == "==" else {}
    except FormulaError as exc:
        raise RuleFileError(rule.path, rule.lines.get("formula"), f"formula: {exc.message}") from None
    order = [name for name in rule.pattern.slots if name in solved]
    subject = rule.params.get("subject") or (order[-1] if order else None)
    if subject is not None and subject not in variables(relation):
        raise RuleFileError(rule.path, rule.lines.get("subject"), f"subject '{subject}' is not in the formula")
    return RelationParams(relation, solved, find, implied, subject, frozenset(range_ends(relation)), rule_written(rule),
                          _convert(rule), bool(rule.params.get("restatement")))


def _convert(rule) -> dict[str, Interval]:
    """The sizes of the units of the family a rule's `convert:` names (durations: 小时 is 3600 秒)."""
    name = rule.params.get("convert")
    if not name:
        return {}
    if name not in families():
        raise RuleFileError(rule.path, rule.lines.get("convert"),
                            f"convert: '{name}' is no family of unit_factors ({', '.join(sorted(families()))})")
    return families()[name]


def _prepare_lookup(rule, var: str, entry) -> tuple[str, object]:
    """A lookup: a pattern (text), or {pattern, where} with a condition on the figures it finds."""
    where = None
    if isinstance(entry, dict):
        if set(entry) - {"pattern", "where"} or "pattern" not in entry:
            raise RuleFileError(rule.path, rule.lines.get(f"find.{var}"), f"find.{var} is a pattern or {{pattern, where}}")
        if entry.get("where"):
            where = parse_rule_formula(rule, f"find.{var}", str(entry["where"]))
        entry = entry["pattern"]
    source = str(entry)
    for group in INTERPOLATED.findall(source):
        if group not in rule.pattern.text_groups:
            raise RuleFileError(rule.path, rule.lines.get(f"find.{var}"), f"find.{var}: {{={group}}} names no text group")
    probe = rule_pattern(rule, f"find.{var}", INTERPOLATED.sub("x", source))
    if var not in probe.slots:
        raise RuleFileError(rule.path, rule.lines.get(f"find.{var}"), f"find.{var} must have a slot {{{var}:…}}")
    if where is not None:
        unknown = variables(where) - set(probe.slots) - set(rule.pattern.slots)
        if unknown:
            raise RuleFileError(rule.path, rule.lines.get(f"find.{var}"), f"find.{var}: where uses '{sorted(unknown)[0]}', which no slot binds")
    return source, where


def evaluate(rule, matches, context):
    """Judge every match: broken (error), truncation only (info), implied values (info or warning)."""
    verdict = Verdict()
    prep: RelationParams = rule.prepared
    for match in matches:
        if not prep.judges(_bound_names(match)):
            continue
        bound = _bind(match, prep, context)
        if bound is None:
            continue
        figures, names, indexes, looked_up = bound
        flat = flat_figures(figures)
        if not comparable_units(flat) and _sizes(prep, figures) is None:
            continue
        missing = variables(prep.relation) - set(figures)
        if not missing:
            verdict.checked |= indexes
            found = _judge_bound_on_range(rule, prep, figures, names, context.lang)
            if not found and context.checks:
                verdict.held(rule, _subject(prep, figures), _stated_relation(prep, names, figures))
            if looked_up:  # a figure found elsewhere may belong to another period or place
                found = [dataclasses.replace(f, severity=Severity.WARNING) if f.severity is Severity.ERROR else f for f in found]
            verdict.findings += found
        elif len(missing) == 1 and next(iter(missing)) in prep.implied and next(iter(missing)) in prep.solved \
                and comparable_units(flat):
            verdict.checked |= indexes
            verdict.findings += _judge_implied(rule, prep, next(iter(missing)), figures, names, context.lang)
    return verdict


def _bound_names(match) -> frozenset[str]:
    """The names a match binds figures by, whether or not its pattern has a slot of that name."""
    constants = getattr(match.structure, "constants", ())
    return frozenset(match.figures).union(match.lists, (name for name, _ in constants))


def _bind(match, prep: RelationParams, context):
    """Figures by variable, their texts for the arithmetic, and the indexes of all of them."""
    figures, indexes = {}, set()
    for name in match.rule.pattern.slots:  # in the pattern's order, as the arithmetic names them
        if name in match.lists:
            if not match.lists[name]:
                return None
            figures[name] = [context.quantities[i] for i in match.lists[name]]
            indexes.update(match.lists[name])
        elif name in match.figures:
            figures[name] = context.quantities[match.figures[name]]
            indexes.add(match.figures[name])
    for name, value in getattr(match.structure, "constants", ()):   # days of a span, from the calendar
        if name in match.rule.pattern.slots:
            figures[name] = _constant(name, value, match)
    looked_up = False
    for var, lookup in prep.find.items():
        if var not in figures:
            found = looked_up_figure(lookup, var, match, figures, context)
            if found is not None:
                figures[var] = context.quantities[found]
                indexes.add(found)
                looked_up = True
    if any(not isinstance(figures.get(name), Quantity) or figures[name].ends is None for name in prep.ranges):
        return None   # first_end() and last_end() of a figure that is no range: nothing to check
    names = {k: (v.text if not isinstance(v, list) else "、".join(q.text for q in v)) for k, v in figures.items()}
    for name in prep.ranges:
        names[end_key("first_end", name)], names[end_key("last_end", name)] = (end.text for end in figures[name].ends)
    return figures, names, indexes, looked_up


def _constant(name: str, value, match) -> Quantity:
    """A number the text implies rather than states (22天 from 7月1日…至22日; 34 to 35 steps in
    35年来, given as (low, high)), or a count an average divides by, of a unit of its own (户 of 户均人数,
    given as (low, high, its text)), as a figure to show."""
    unit = {"days": "天", "years": "年"}.get(name)
    if isinstance(value, tuple):
        low, high, *shown = value
        return Quantity(shown[0] if shown else f"{low}～{high}{unit or ''}", match.start, match.start, None,
                        Interval(Fraction(low), Fraction(high)), unit, "count")
    return Quantity(f"{value}{unit or ''}", match.start, match.start, Fraction(value), Interval.point(value), unit, "count")


def _sizes(prep: RelationParams, figures) -> Mapping[str, Interval] | None:
    """The sizes to compare a rule's figures by, when their units differ but are all of the family the
    rule converts (40分钟 and 1小时); else None."""
    if not prep.convert:
        return None
    units = {q.unit for q in flat_figures(figures) if q.kind in ("amount", "count") and stated(q)}
    return prep.convert if len(units) > 1 and units <= prep.convert.keys() else None


def _judge_stated(rule, prep: RelationParams, figures, names, lang):
    sizes = _sizes(prep, figures)
    strict = relation_env(figures, False, sizes)
    apart = prep.restatement and printed_apart(figures)
    if not apart and relation_may_hold(prep.relation, strict):
        return []
    subject = _subject(prep, figures)
    others = flat_figures(figures)
    expected, calculation = None, None
    if prep.subject in prep.solved:
        implied = evaluate_node(prep.solved[prep.subject], strict)
        expected = format_interval(implied, subject, as_ratio=True)
        calculation = f"{render_formula(prep.solved[prep.subject], names)} = {expected}"
    if not apart and relation_may_hold(prep.relation, relation_env(figures, True, sizes, prep.restatement)):
        message = text_for(lang, "relation_truncated", subject=subject.text)
        return [finding(rule, Severity.INFO, subject, message, expected, calculation, others)]
    default = text_for(lang, "relation_broken", subject=subject.text, expected=expected or "?", title=rule.title_in(lang))
    message = rule_message(rule, lang, default, {**names, "expected": expected or "?"})
    return [finding(rule, rule.severity, subject, message, expected, calculation, others)]


def _judge_bound_on_range(rule, prep: RelationParams, figures, names, lang):
    """A bound on one range (下降40%-450%: fall <= 100%) holds for each of its ends, since the
    range states both; any other relation holds when some value inside the stated intervals does."""
    name = _range_bounded(prep.relation, figures)
    if name is None:
        return _judge_stated(rule, prep, figures, names, lang)
    for end in figures[name].ends:
        found = _judge_stated(rule, prep, {**figures, name: end}, {**names, name: end.text}, lang)
        if found:
            return found
    return []


def _range_bounded(relation: Relation, figures) -> str | None:
    """The name of the one figure a relation bounds by a constant, when that figure is a range."""
    sides = (relation.left, relation.right)
    named = [side for side in sides if isinstance(side, Var)]
    if relation.op not in _BOUNDS or len(named) != 1 or not any(isinstance(side, Num) for side in sides):
        return None
    figure = figures.get(named[0].name)
    return named[0].name if isinstance(figure, Quantity) and figure.ends is not None else None


_BOUNDS = frozenset({"<=", ">=", "<", ">"})


def _subject(prep: RelationParams, figures):
    """The figure a relation's finding is about: the rule's subject, else the first figure."""
    subject = figures.get(prep.subject)
    if subject is None or isinstance(subject, list):
        subject = next(q for q in figures.values() if not isinstance(q, list))
    return subject


def _stated_relation(prep: RelationParams, names, figures) -> str:
    """The relation with the stated figures in it: 19.9亿元 = (188.4亿元 − 19.9亿元) × 11.8%; a bound
    on a percentage in percent (68.3% ≤ 100%, and 31.3 ≤ 100% for a part of 三次产业比为…：31.3：…)."""
    sign = {"==": "=", "<=": "≤", ">=": "≥"}.get(prep.relation.op, prep.relation.op)
    left, right = prep.relation.left, prep.relation.right
    figure = figures.get(left.name) if isinstance(left, Var) else None
    if isinstance(right, Num) and isinstance(figure, Quantity) and figure.unit == "%":
        return f"{names[left.name]} {sign} {decimal_string(right.value * 100)}%"   # 68.3% ≤ 100%, not ≤ 1
    return f"{render_formula(left, names)} {sign} {render_formula(right, names)}"


def _judge_implied(rule, prep: RelationParams, var, figures, names, lang):
    options = prep.implied.get(var, {})
    implied = evaluate_node(prep.solved[var], relation_env(figures, False))
    like = figures.get(options.get("like")) if options.get("like") else None
    like = like or next((q for q in figures.values() if not isinstance(q, list) and q.kind in ("amount", "count")), None)
    shown = format_interval(implied, like, extra=0)
    calculation = f"{render_formula(prep.solved[var], names)} = {shown}"
    label = options.get("name_en" if lang == "en" else "name") or options.get("name") or var
    subject = like or next(q for q in figures.values() if not isinstance(q, list))
    others = flat_figures(figures)
    if options.get("round") and not is_round(implied):
        message = text_for(lang, "implied_not_round", name=label, value=shown)
        message += _round_suggestions(prep, var, figures, like, options, label, lang)
        return [finding(rule, Severity.WARNING, subject, message, shown, calculation, others)]
    message = text_for(lang, "implied_value", name=label, value=shown)
    return [finding(rule, Severity.INFO, subject, message, shown, calculation, others)]


def _round_suggestions(prep: RelationParams, var, figures, like, options, label: str, lang: str) -> str:
    """What the rule's subject would be for each round value of the implied figure nearby:
    "；若全年计划为35万人，完成率应为96.8%"."""
    stated = figures.get(prep.subject)
    if stated is None or isinstance(stated, list) or prep.subject == var or prep.subject not in prep.solved:
        return ""
    env = relation_env(figures, False)
    implied = evaluate_node(prep.solved[var], env)
    name = options.get("subject_name_en" if lang == "en" else "subject_name") or options.get("subject_name")
    name = name or f"“{stated.text}”"
    parts = []
    for target in round_targets(implied):
        value = evaluate_node(prep.solved[prep.subject], {**env, var: Interval.point(target)})
        if value.low is None or value.high is None:
            continue
        extra = 0 if stated_decimals(stated) else 1  # 68% stated: 69.5%, not 70%
        rate = format_value((value.low + value.high) / 2, stated, extra, as_ratio=True)
        key = "round_suggestion" if not parts else "round_suggestion_more"
        parts.append(text_for(lang, key, name=label, value=format_round(target, like), subject=name, rate=rate))
    return "".join(parts)
