"""`verify --statements`: how each figure was read — role, measure, what is counted, comparison,
time, the level it speaks of — and the 其中 lists and facts, so a rule author sees why a rule did
or did not fire on a line; with `--why RULE`, what that rule made of each of its matches."""

from __future__ import annotations

import json

from verify.printable import visible, visible_lines
from verify.report.terminal import tabulate
from verify.report.where import file_offsets

from verify.checking.explain import Outcome, RuleExplanation, figures_on_line
from verify.reading.document import Document
from verify.messages import text_for
from verify.reading.quantity import Quantity
from verify.statements import StatementReading

SCHEMA = "verify-statements/2"   # 2: each statement has its subject


def statements_table(files: list[tuple[Document, list[Quantity], StatementReading]], lang: str,
                     line: int | None = None, why: list[RuleExplanation] | None = None) -> str:
    """One table per file, then its 其中 lists and facts, one line each (only those touching
    `line` when given); then, with `why` (one per file), what the rule made of each match."""
    headers = [text_for(lang, key) for key in ("col_position", "col_text", "col_role", "col_subject", "col_measure",
                                                  "col_head", "col_compare", "col_time", "col_of")]
    parts = []
    for number, (doc, quantities, reading) in enumerate(files):
        shown = set(figures_on_line(doc, quantities, line))
        rows = []
        for index, st in reading.statements.items():
            if index not in shown:
                continue
            q = quantities[index]
            pos = doc.position(q.start)
            of = quantities[st.of].text if st.of is not None else ""
            role = st.role.value + ("+" if st.sign > 0 else "−" if st.sign < 0 else "")
            rows.append([f"{pos.line}:{pos.column}", q.text, role, st.subject or "", st.measure[:24], st.head,
                         st.compare or "", st.time or "", of])
        parts.append(f"{visible(doc.path)}\n" + tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True))
        parts += _structure_lines(doc, quantities, reading, shown, lang)
        if why is not None:
            parts += why_lines(doc, quantities, why[number], lang)
    return visible_lines("\n".join(parts)) + "\n"   # (a page's words may hold control characters)


def _structure_lines(doc, quantities, reading: StatementReading, shown: set[int], lang: str) -> list[str]:
    """The 其中 lists, facts, shares of one whole and headline pairs that hold a shown figure, one line each."""
    lines = []
    for parts_list in reading.parts_lists:
        if shown.isdisjoint((parts_list.total, *parts_list.parts)):
            continue
        pos = doc.position(parts_list.marker)
        listed = "、".join(quantities[i].text for i in parts_list.parts)
        sure = "" if parts_list.certain else text_for(lang, "uncertain_total")
        lines.append(f"{pos.line}:{pos.column} 其中: {quantities[parts_list.total].text} ⊇ {listed}{sure}")
    for fact in reading.facts:
        if shown.isdisjoint(fact.bound().values()):
            continue
        pos = doc.position(quantities[fact.level].start)
        named = ", ".join(f"{name}={quantities[i].text}" for name, i in fact.bound().items())
        lines.append(f"{pos.line}:{pos.column} {text_for(lang, 'fact')}: {named}")
    for group in reading.share_groups:
        if shown.isdisjoint(group.parts):
            continue
        pos = doc.position(group.start)
        together = "= 100%" if group.complete == "complete" else "≤ 100%"
        lines.append(f"{pos.line}:{pos.column} {text_for(lang, 'share_group')}: "
                     f"{' + '.join(quantities[i].text for i in group.parts)} {together}")
    for pair in reading.headlines:
        if shown.isdisjoint((pair.headline, pair.body)):
            continue
        pos, body = doc.position(quantities[pair.headline].start), doc.position(quantities[pair.body].start)
        lines.append(f"{pos.line}:{pos.column} {text_for(lang, 'headline')}: {quantities[pair.headline].text}"
                     f" ~ {quantities[pair.body].text} ({body.line}:{body.column})")
    return lines


def why_lines(doc: Document, quantities: list[Quantity], why: RuleExplanation, lang: str) -> list[str]:
    """What the rule made of each of its matches; without any, whether there were figures at all."""
    where = text_for(lang, "why_line", line=why.line) if why.line is not None else ""
    lines = [text_for(lang, "why_rule", rule=why.rule.id) + where + ":"]
    for match in why.matches:
        pos = doc.position(match.start)
        named = ", ".join(f"{name}={_texts(quantities, indexes)}" for name, indexes in match.bound)
        if match.stated is not None:   # a tally: the number stated and the things named for it
            named = f"{match.stated}: {'、'.join(match.items)}" + (f" ({named})" if named else "")
        lines.append(f"  {pos.line}:{pos.column} {named}")
        lines.append(f"    {_outcome_text(match, lang)}")
    if not why.matches:
        key = "why_no_structure" if why.rule.match_on == "statements" else "why_no_pattern"
        lines.append("  " + text_for(lang, key, structure=why.rule.structure or ""))
        figures = _texts(quantities, why.figures_on_line)
        lines.append("  " + (text_for(lang, "why_figures", figures=figures) if figures
                             else text_for(lang, "why_no_figures")))
    return lines


def _outcome_text(match, lang: str) -> str:
    if match.outcome is Outcome.FIRED:
        return text_for(lang, "why_fired", messages="；".join(match.messages))
    if match.outcome is Outcome.HELD:
        return (text_for(lang, "why_held", messages="；".join(match.messages)) if match.messages
                else text_for(lang, "why_held_bare"))
    if match.outcome is Outcome.INCOMPLETE:
        return text_for(lang, "why_incomplete", missing="、".join(match.missing))
    return text_for(lang, "why_units" if match.outcome is Outcome.UNITS else "why_not_judged")


def _texts(quantities: list[Quantity], indexes) -> str:
    return "、".join(quantities[i].text for i in indexes)


def statements_json(files: list[tuple[Document, list[Quantity], StatementReading]], line: int | None = None,
                    why: list[RuleExplanation] | None = None) -> str:
    """The same as JSON (schema verify-statements/2): statements, lists and facts per file (only
    those touching `line` when given); with `why`, a `why` member per file."""
    body = {"schema": SCHEMA, "files": []}
    for number, (doc, quantities, reading) in enumerate(files):
        shown = set(figures_on_line(doc, quantities, line))

        def figure(i: int) -> dict:
            q = quantities[i]
            return {"text": q.text, **file_offsets(doc, q.start, q.end), "line": doc.position(q.start).line}

        entry = {
            "path": doc.path,
            "statements": [{**figure(i), "role": st.role.value, "sign": st.sign, "subject": st.subject,
                            "measure": st.measure,
                            "head": st.head, "compare": st.compare, "time": st.time, "note": st.note,
                            "of": figure(st.of) if st.of is not None else None}
                           for i, st in reading.statements.items() if i in shown],
            "parts_lists": [{"total": figure(p.total), "parts": [figure(i) for i in p.parts], "certain": p.certain}
                            for p in reading.parts_lists if not shown.isdisjoint((p.total, *p.parts))],
            "facts": [{name: figure(i) for name, i in fact.bound().items()} for fact in reading.facts
                      if not shown.isdisjoint(fact.bound().values())],
            "headlines": [{"headline": figure(p.headline), "body": figure(p.body)} for p in reading.headlines
                          if not shown.isdisjoint((p.headline, p.body))],
        }
        if why is not None:
            entry["why"] = _why_json(why[number], figure, doc)
        body["files"].append(entry)
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def _why_json(why: RuleExplanation, figure, doc) -> dict:
    return {"rule": why.rule.id, "line": why.line,
            "matches": [{**file_offsets(doc, m.start, m.end), "outcome": m.outcome.value,
                         "bound": {name: [figure(i) for i in indexes] for name, indexes in m.bound},
                         "missing": list(m.missing), "messages": list(m.messages),
                         "stated": m.stated, "items": list(m.items)} for m in why.matches],
            "figures_here": [figure(i) for i in why.figures_on_line]}
