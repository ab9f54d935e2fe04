"""Documentation that cannot go stale: the generated rule list, the README's commands, .ci/run."""

from __future__ import annotations

import os
import re

from conftest import REPO
from verify.report.rule_docs import BEGIN, END, updated_doc
from verify.loaders import load_rules

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_rule_list_in_docs_is_generated_from_the_rule_files():
    doc = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert BEGIN in doc and END in doc
    generated = updated_doc(doc, load_rules())
    if os.environ.get("VERIFY_UPDATE_DOCS"):
        (REPO / "docs" / "rules.md").write_text(generated, encoding="utf-8")
        doc = generated
    assert generated == doc, "run: VERIFY_UPDATE_DOCS=1 pytest tests/test_docs.py"


def test_every_rule_is_in_the_docs():
    doc = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in load_rules():
        assert f"`{rule.id}`" in doc


def test_readme_has_exactly_the_two_setup_commands_and_ci_runs_the_test_one():
    commands = re.findall(r"```sh\n(python3 -m venv[^\n]*)\n```", README)
    assert len(commands) == 2
    run_sample, run_tests = commands
    assert "verify reports/qingdao-daily-2022-11-04.txt" in run_sample
    assert "pytest" in run_tests
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert run_tests in ci.splitlines()
