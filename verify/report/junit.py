"""`verify --format junit`: JUnit XML, so CI test dashboards list each rule on each page.

One <testsuite> per file, one <testcase> per rule that matched or found something there.
A finding at or above --fail-on is a <failure>, as it is for the exit code (with the default,
errors fail and a warning-only file passes); the others go to the test case's <system-out>.
Counts follow JUnit: `failures` counts failed test cases. No timestamps: same input, same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from verify import regexes
from verify.records import Severity
from verify.report.where import label

_NOT_XML = regexes.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def junit_report(results, fail_on: str = "error") -> str:
    """The whole run as <testsuites>: one suite per file; failures follow fail_on."""
    root = ET.Element("testsuites", name="verify")
    totals = {"tests": 0, "failures": 0}
    for result in results:
        suite = _suite(result, failing_severities(fail_on))
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key))
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def failing_severities(fail_on: str) -> frozenset[Severity]:
    """The severities that fail a run at this --fail-on level (error | warning | never)."""
    if fail_on == "never":
        return frozenset()
    lowest = Severity(fail_on)
    return frozenset(s for s in Severity if s.fires and s.rank <= lowest.rank)


def _suite(result, failing: frozenset[Severity]) -> ET.Element:
    """One file: a test case per rule that took part, in rule-id order."""
    doc = result.doc
    by_rule: dict[str, list] = {c.rule_id: [] for c in result.passed}
    for f in result.findings:
        by_rule.setdefault(f.rule_id, []).append(f)
    suite = ET.Element("testsuite", name=_clean(doc.path))
    failed = 0
    for rule_id in sorted(by_rule):
        case = ET.SubElement(suite, "testcase", name=rule_id, classname=_clean(doc.path))
        infos = []
        for f in by_rule[rule_id]:
            where = _where(doc, f)
            if f.severity in failing:
                failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f.severity)
                failure.text = _clean(f"{where}\n{f.calculation}" if f.calculation else where)
            else:
                infos.append(f"{where}: {f.severity}: {f.message}" if f.severity.fires else f"{where}: {f.message}")
        if infos:
            ET.SubElement(case, "system-out").text = _clean("\n".join(infos))
        failed += case.find("failure") is not None
    suite.set("tests", str(len(by_rule)))
    suite.set("failures", str(failed))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    return suite


def _where(doc, f) -> str:
    pos = doc.locate(f.start)
    place = f"{doc.path}:{pos.line}:{pos.column}" if pos.in_text_lines else f"{doc.path} ({label(pos, 'en')})"
    return f"{place} {f.text}"


def _clean(text: str) -> str:
    """XML 1.0 cannot carry most control characters, even escaped."""
    return _NOT_XML.sub("\ufffd", text)
