"""What the rules say about themselves: the --list-rules table, --explain, and docs/rules.md.

The list of built-in rules in docs/rules.md is generated here from the rule files, between two
marker lines, so it cannot go stale: a test regenerates it and compares.
"""

from __future__ import annotations

from verify.report.terminal import tabulate
from verify.rules.records import Rule

BEGIN = "<!-- rules:begin (generated from the rule files; do not edit) -->"
END = "<!-- rules:end -->"


def rules_table(rules: list[Rule], lang: str = "zh") -> str:
    """`verify --list-rules`: id, kind, severity, title, source file."""
    rows = [[r.id, r.kind, r.severity, r.title_in(lang), r.path] for r in rules]
    headers = ["id", "kind", "severity", "title" if lang == "en" else "标题", "file"]
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True) + "\n"


def explain(rule: Rule, lang: str = "zh") -> str:
    """`verify --explain ID`: what the rule checks, why, its formula or condition, its examples."""
    why = rule.why_en if lang == "en" and rule.why_en else rule.why
    lines = [f"{rule.id} ({rule.kind}, {rule.severity}) — {rule.title_in(lang)}", "", why.strip(), "",
             f"file:    {rule.path}", f"pattern: {rule.pattern.source}"]
    for key in ("formula", "condition", "total", "parts", "count", "items", "check", "value", "key", "written"):
        if key in rule.params:
            lines.append(f"{key + ':':8} {rule.params[key]}")
    if "terms" in rule.params:   # a term's forms, one entry a line: 四个自信 / 三个自信
        lines.append("terms:")
        lines += [f"  - {entry if isinstance(entry, str) else ' / '.join(map(str, entry))}" for entry in rule.params["terms"]]
    for group, examples in (("fires on", rule.fail_examples), ("holds on", rule.pass_examples)):
        lines.append("")
        lines.append(f"{group}:")
        for example in examples:
            lines.append(f"  - {example.text}")
            if example.source:
                lines.append(f"    ({example.source})")
    return "\n".join(lines) + "\n"


def markdown_list(rules: list[Rule]) -> str:
    """The built-in rules as a Markdown table for docs/rules.md."""
    out = [BEGIN, "", "| id | kind | severity | title | why |", "|---|---|---|---|---|"]
    for r in rules:
        why = " ".join(r.why.split()).replace("|", "\\|")
        out.append(f"| <a id=\"{r.id}\"></a>`{r.id}` | {r.kind} | {r.severity} | {r.title} | {why} |")
    out += ["", END]
    return "\n".join(out)


def updated_doc(doc: str, rules: list[Rule]) -> str:
    """The doc with its generated section replaced by the current list."""
    head, _, rest = doc.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + markdown_list(rules) + tail
