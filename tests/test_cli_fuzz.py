"""The command line, fuzzed: Chinese text full of figures, in every format, never a crash.

Hypothesis builds reports from newsroom phrases, figures, units, dates and stray punctuation;
each goes through verify.cli.main in one format. The exit code is 0 or 1 (or 2, with one
line on stderr, for text that is not a report, such as one with a NUL byte), and the output parses: JSON as JSON, SARIF against the
OASIS schema, JUnit as XML.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import SHARED

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is in the test extra: pip install '.[test]'")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from verify.cli import main  # noqa: E402
from verify.report import FORMATS  # noqa: E402

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
WORDS = ["全市", "完成", "全年计划", "的", "比上年增长", "增加", "其中", "占", "比重为", "分别为", "约", "近",
         "超过", "余", "第一产业", "城镇新增就业", "“一匠五创”", "（", "）", "、", "，", "。", "：", "下午",
         "周五", "星期三", "年", "月", "日", "—", "~", "%", "万", "亿", "元", "人", "个百分点", "倍", "\n", " "]
UNITS = ["", "万", "亿", "%", "万人", "亿元", "个百分点", "倍", "家", "件", "年", "月", "日", "时"]


@st.composite
def figures(draw) -> str:
    whole = draw(st.integers(min_value=0, max_value=10**12))
    decimals = draw(st.sampled_from(["", ".5", ".88", ".06", ".333"]))
    return f"{whole}{decimals}{draw(st.sampled_from(UNITS))}"


REPORTS = st.lists(st.one_of(st.sampled_from(WORDS), figures(), st.text(alphabet="一二三四五六七八九十百千万零两", max_size=4),
                             st.text(max_size=3)), max_size=60).map("".join)


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"{SARIF_SCHEMA} not present: SARIF cannot be validated")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    if "properties" not in schema and "Root" in schema.get("definitions", {}):
        schema = {**schema, "$ref": "#/definitions/Root"}
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=REPORTS, fmt=st.sampled_from(FORMATS), fail_on=st.sampled_from(["error", "warning", "never"]))
def test_any_chinese_report_gives_a_valid_report_in_every_format(validator, text, fmt, fail_on):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "稿件.txt"
        path.write_text(text, encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--format", fmt, "--fail-on", fail_on, "--date", "2022-11-04", str(path)])
    assert code in (0, 1, 2), err.getvalue()
    if code == 2:  # unusable input (a NUL byte, say): one line, no traceback, no report
        assert len(err.getvalue().splitlines()) == 1 and "Traceback" not in err.getvalue()
        return
    assert err.getvalue() == ""
    report = out.getvalue()
    if fmt in ("json", "sarif"):
        parsed = json.loads(report)
        if fmt == "sarif":
            validator.validate(parsed)
    elif fmt == "junit":
        root = ET.fromstring(report.encode("utf-8"))
        failures = int(root.get("failures"))
        assert failures == 0 or code == 1, "a JUnit failure where the exit code says the run passed"
