"""term: a counted label that is a fixed term (“一带一路”, “两不愁三保障”) carries the term's numerals.

A rule lists the terms: each entry is one term, or a list of the forms in use (“三个自信” until
2016, “四个自信” after). A label is that term when it reads the same with its numerals set aside
(“一带两路” is 一带一路's skeleton, #带#路); it is then checked, and a finding when its numerals
are none of the forms'. A term needs two characters besides its numerals: “三农” or “六保” alone
may stand for several terms (“三保”, “四化” and “两化” are all in use).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from verify import regexes
from verify.frozen import record
from verify.errors import RuleFileError
from verify.checking.kinds.common import finding, rule_message
from verify.checking.records import Verdict
from verify.messages import text_for
from verify.reading.reader import read_label
from verify.rules.records import KindParams, Rule

TYPES = {"terms": list}
REQUIRED = {"terms"}
OPTIONAL: set[str] = set()
MESSAGE_FIELDS = {"term", "forms"}  # what a rule's message may name besides its slots and groups
_NUMERAL = regexes.lazy(r"[一二两三四五六七八九十双]")
_SKELETON_CHARACTERS = 2


@record
class TermParams(KindParams):
    """The forms in use of each term, by its skeleton (the label with its numerals set aside)."""

    forms: Mapping[str, tuple[str, ...]]


def skeleton(label: str) -> str:
    """The label with each numeral as #: “一带一路” -> “#带#路”."""
    return _NUMERAL.sub("#", label)


def prepare(rule: Rule) -> TermParams:
    """Each entry read into its forms, each form checked to be a counted label the reader reads,
    all forms of an entry of one skeleton, and no skeleton given twice."""
    forms: dict[str, tuple[str, ...]] = {}
    for i, entry in enumerate(rule.params["terms"]):
        line = rule.lines.get(f"terms[{i}]", rule.lines.get("terms"))
        entry_forms = (entry,) if isinstance(entry, str) else tuple(entry) if isinstance(entry, list) else ()
        if not entry_forms or not all(isinstance(form, str) and form for form in entry_forms):
            raise RuleFileError(rule.path, line, "a term is a text, or a list of the texts of its forms")
        for form in entry_forms:
            _check_form(rule, line, form)
        skeletons = {skeleton(form) for form in entry_forms}
        if len(skeletons) > 1:
            raise RuleFileError(rule.path, line, f"the forms {'、'.join(entry_forms)} differ in more than their numerals")
        key = skeletons.pop()
        if key in forms:
            raise RuleFileError(rule.path, line, f"“{entry_forms[0]}” is given twice (as “{forms[key][0]}”)")
        forms[key] = entry_forms
    return TermParams(MappingProxyType(forms))


def _check_form(rule: Rule, line: int | None, form: str) -> None:
    """A form must be read as one counted label when quoted, with two characters besides its numerals."""
    if read_label(form, rule.path) is None:
        raise RuleFileError(rule.path, line, f"“{form}” is not read as a counted label such as “一带一路”")
    if len(skeleton(form).replace("#", "")) < _SKELETON_CHARACTERS:
        raise RuleFileError(rule.path, line,
                            f"“{form}” has one character besides its numerals: it may stand for several terms")


def evaluate(rule, matches, context):
    """A label of a listed term's skeleton is checked; one of none of its forms is a finding."""
    verdict = Verdict()
    forms = rule.prepared.forms
    for match in matches:
        for index in match.figures.values():
            q = context.quantities[index]
            known = forms.get(skeleton(q.text))
            if known is None:
                continue
            verdict.checked.add(index)
            if q.text in known:
                if context.checks:
                    verdict.held(rule, q, f"“{q.text}” = {_listed(known)}")
                continue
            texts = {"term": known[0], "forms": _listed(known), **match.texts,
                     **{k: context.quantities[v].text for k, v in match.figures.items()}}
            default = text_for(context.lang, "term_numerals", label=q.text, forms=_listed(known))
            message = rule_message(rule, context.lang, default, texts)
            verdict.findings.append(finding(rule, rule.severity, q, message, known[0], f"“{q.text}” ≠ {_listed(known)}"))
    return verdict


def _listed(forms: tuple[str, ...]) -> str:
    return "、".join(f"“{form}”" for form in forms)
