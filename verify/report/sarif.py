"""`verify --format sarif`: SARIF 2.1.0, so code-scanning tools can show findings in place.

Regions count characters (run.columnKind "unicodeCodePoints"), as the JSON report does. For
HTML and Markdown they are lines and columns of the source file; a .docx or PDF has no text
lines of its own, so its region names the place (message: 第2页第14行; properties: the JSON
report's source_position) and quotes the figure (snippet).
No timestamps or other run-to-run noise: the same input gives the same bytes.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

import verify
from verify.messages import text_for
from verify.report.where import label

SCHEMA_URI = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "verifySentenceHash/v1"


def sarif_report(results, lang: str = "zh", rules=None) -> str:
    """One SARIF log with one run: every loaded rule, then every finding of every file.

    Suppressed findings stay in the log marked with their reason, as SARIF wants; baselined ones are left out.
    """
    descriptors, index = _descriptors(results, lang, rules)
    sarif_results = []
    for result in results:
        seen: dict[str, int] = {}
        suppressed = getattr(result, "suppressed", [])
        entries = [(f, None) for f in result.findings] + list(suppressed)
        for f, reason in sorted(entries, key=lambda entry: entry[0].sort_key()):
            sarif_results.append(_result(result.doc, f, index, lang, seen, reason))
    run = {
        "tool": {"driver": {"name": "verify", "version": verify.__version__, "rules": descriptors}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _descriptors(results, lang: str, rules) -> tuple[list[dict], dict[str, int]]:
    """Rule metadata: the loaded rules when given, else only the rules that found something."""
    descriptors = [_descriptor(r, lang) for r in rules or []]
    found = [f for res in results for f in res.findings]
    found += [f for res in results for f, _ in getattr(res, "suppressed", [])]
    for f in sorted({f.rule_id: f for f in found}.values(), key=lambda f: f.rule_id):
        if all(d["id"] != f.rule_id for d in descriptors):
            descriptors.append({"id": f.rule_id, "name": _name(f.rule_id),
                                "defaultConfiguration": {"level": f.severity.sarif_level}})
    return descriptors, {d["id"]: i for i, d in enumerate(descriptors)}


def _descriptor(rule, lang: str) -> dict:
    why = " ".join((rule.why_en if lang == "en" and rule.why_en else rule.why).split())
    return {
        "id": rule.id, "name": _name(rule.id),
        "shortDescription": {"text": rule.title_in(lang)},
        "fullDescription": {"text": why},
        "help": {"text": f"{rule.title_in(lang)}: {why} ({rule.kind}, {rule.path})"},
        "helpUri": help_uri(rule.id),
        "defaultConfiguration": {"level": rule.severity.sarif_level},
        "properties": {"kind": rule.kind},
    }


def help_uri(rule_id: str) -> str:
    """The rule's entry in docs/rules.md (each has an anchor of its id): in the repository named by
    the package's Repository URL when it has one, else relative to the repository's root."""
    return f"{_repository()}docs/rules.md#{quote(rule_id)}"


def _repository() -> str:
    try:
        urls = importlib.metadata.metadata("newsroom-verify").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        return ""
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "repository" and url.strip():
            return url.strip().rstrip("/") + "/blob/main/"
    return ""


def _name(rule_id: str) -> str:
    """SARIF wants a readable name apart from the id: completion-rate -> CompletionRate."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_]", rule_id))


def _result(doc, f, index: dict[str, int], lang: str, seen: dict[str, int], suppressed_why: str | None) -> dict:
    text = f.message
    if f.calculation:
        text += f" [{text_for(lang, 'col_calculation')}: {f.calculation}]"
    digest = f.fingerprint
    seen[digest] = seen.get(digest, 0) + 1  # two findings of one rule in one sentence stay apart
    result = {
        "ruleId": f.rule_id, "ruleIndex": index[f.rule_id], "level": f.severity.sarif_level,
        "message": {"text": text},
        "locations": [_location(doc, f.start, f.end, f.text, lang)],
        "partialFingerprints": {FINGERPRINT_KEY: f"{digest}:{seen[digest]}"},
    }
    if suppressed_why is not None:
        result["suppressions"] = [{"kind": "external", "justification": suppressed_why}]
    if f.related:
        result["relatedLocations"] = [
            {"id": i, **_location(doc, r.start, r.end, r.text, lang), "message": {"text": r.text}}
            for i, r in enumerate(f.related, start=1)]
    return result


def _location(doc, start: int, end: int, text: str, lang: str) -> dict:
    first, last = doc.locate(start), doc.locate(end)
    if not first.in_text_lines:  # .docx, PDF: a place, not a text line of the file
        region = {"snippet": {"text": text}, "message": {"text": label(first, lang)},
                  "properties": {"sourcePosition": first.fields()}}
    else:
        region = {"startLine": first.line, "startColumn": first.column, "endLine": last.line,
                  "endColumn": last.column}
        if first.format == "text":  # offsets in the file (spaced copy is read without its spaces)
            start, end = doc.file_span(start, end)
            region |= {"charOffset": start, "charLength": end - start}
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(doc.path)}, "region": region}}


def artifact_uri(path: str) -> str:
    """The path as given, made a valid URI reference: relative stays relative, absolute becomes file:."""
    for pure in (PurePosixPath(path), PureWindowsPath(path)):
        if pure.is_absolute():
            return pure.as_uri()
    return quote(path.replace("\\", "/"), safe="/-._~!$&'()*+,;=@")
