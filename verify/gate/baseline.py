"""The baseline file: every current finding's rule, fingerprint, file and figure, so that only
findings that are not in it fail the build."""

from __future__ import annotations

import json
from collections import Counter

from verify.errors import InputError
from verify.records import Finding

BASELINE_SCHEMA = "verify-baseline/1"


def baseline_text(entries: list[tuple[str, Finding, str]]) -> str:
    """The baseline file's text: every current finding's rule, fingerprint, file and figure."""
    records = [{"rule": f.rule_id, "fingerprint": print_, "path": file, "text": f.text, "severity": f.severity}
               for file, f, print_ in entries]
    return json.dumps({"schema": BASELINE_SCHEMA, "findings": records}, ensure_ascii=False, indent=2) + "\n"


def parse_baseline(text: str, path: str) -> Counter:
    """(rule, fingerprint) counts of a baseline file's text; an InputError naming `path` if it is not one."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # RecursionError: a 100,000-deep nesting
        raise InputError(path, f"not a verify baseline ({exc.__class__.__name__})") from None
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA or not isinstance(data.get("findings"), list):
        raise InputError(path, f"not a verify baseline (expected schema {BASELINE_SCHEMA})")
    counts: Counter = Counter()
    for record in data["findings"]:
        if not isinstance(record, dict) or not isinstance(record.get("rule"), str) \
                or not isinstance(record.get("fingerprint"), str):
            raise InputError(path, "not a verify baseline (a finding lacks rule or fingerprint)")
        counts[(record["rule"], record["fingerprint"])] += 1
    return counts
