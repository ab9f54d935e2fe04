"""Every built-in rule's own examples, one test case each: "<rule-id>:fail[0]"."""

from __future__ import annotations

import pytest

from verify.checking.examples import run_example
from verify.loaders import load_rules

RULES = load_rules()
CASES = [(rule, group, i, example)
         for rule in RULES
         for group, examples in (("fail", rule.fail_examples), ("pass", rule.pass_examples))
         for i, example in enumerate(examples)]


@pytest.mark.parametrize("rule, group, index, example", CASES,
                         ids=[f"{r.id}:{g}[{i}]" for r, g, i, _ in CASES])
def test_rule_example(rule, group, index, example):
    problem = run_example(rule, example, group)
    assert problem is None, f"{rule.path}:{example.line}: {problem}"
