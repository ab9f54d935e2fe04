"""`verify --statements`: how each figure was read — role, measure, what is counted, comparison,
time, the level it speaks of — and the 其中 lists and facts, so a rule author sees why a rule did
or did not fire on a line."""

from __future__ import annotations

import json

from verify.report.terminal import tabulate

from verify.reading.document import Document
from verify.messages import text_for
from verify.reading.quantity import Quantity
from verify.statements import StatementReading

SCHEMA = "verify-statements/1"


def statements_table(files: list[tuple[Document, list[Quantity], StatementReading]], lang: str) -> str:
    """One table per file, then its 其中 lists and facts, one line each."""
    headers = [text_for(lang, key) for key in ("col_position", "col_text", "col_role", "col_measure", "col_head",
                                                  "col_compare", "col_time", "col_of")]
    parts = []
    for doc, quantities, reading in files:
        rows = []
        for index, st in reading.statements.items():
            q = quantities[index]
            pos = doc.position(q.start)
            of = quantities[st.of].text if st.of is not None else ""
            role = st.role.value + ("+" if st.sign > 0 else "−" if st.sign < 0 else "")
            rows.append([f"{pos.line}:{pos.column}", q.text, role, st.measure[:24], st.head, st.compare or "",
                         st.time or "", of])
        parts.append(f"{doc.path}\n" + tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True))
        for parts_list in reading.parts_lists:
            pos = doc.position(parts_list.marker)
            shown = "、".join(quantities[i].text for i in parts_list.parts)
            sure = "" if parts_list.certain else text_for(lang, "uncertain_total")
            parts.append(f"{pos.line}:{pos.column} 其中: {quantities[parts_list.total].text} ⊇ {shown}{sure}")
        for fact in reading.facts:
            pos = doc.position(quantities[fact.level].start)
            named = ", ".join(f"{name}={quantities[i].text}" for name, i in fact.bound().items())
            parts.append(f"{pos.line}:{pos.column} {text_for(lang, 'fact')}: {named}")
        for pair in reading.headlines:
            pos, body = doc.position(quantities[pair.headline].start), doc.position(quantities[pair.body].start)
            parts.append(f"{pos.line}:{pos.column} {text_for(lang, 'headline')}: {quantities[pair.headline].text}"
                         f" ~ {quantities[pair.body].text} ({body.line}:{body.column})")
    return "\n".join(parts) + "\n"


def statements_json(files: list[tuple[Document, list[Quantity], StatementReading]]) -> str:
    """The same as JSON (schema verify-statements/1): statements, lists and facts per file."""
    body = {"schema": SCHEMA, "files": []}
    for doc, quantities, reading in files:
        def figure(i: int) -> dict:
            q = quantities[i]
            return {"text": q.text, "start": q.start, "end": q.end, "line": doc.position(q.start).line}

        body["files"].append({
            "path": doc.path,
            "statements": [{**figure(i), "role": st.role.value, "sign": st.sign, "measure": st.measure,
                            "head": st.head, "compare": st.compare, "time": st.time, "note": st.note,
                            "of": figure(st.of) if st.of is not None else None}
                           for i, st in reading.statements.items()],
            "parts_lists": [{"total": figure(p.total), "parts": [figure(i) for i in p.parts], "certain": p.certain}
                            for p in reading.parts_lists],
            "facts": [{name: figure(i) for name, i in fact.bound().items()} for fact in reading.facts],
            "headlines": [{"headline": figure(p.headline), "body": figure(p.body)} for p in reading.headlines],
        })
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
