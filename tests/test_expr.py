"""Tests for verify.rules.formula.parse (the whitelisted formula language of YAML rules) and verify.rules.formula.solve."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.rules.formula.parse import (
    BinOp,
    Call,
    FormulaError,
    end_key,
    range_ends,
    Neg,
    Num,
    Relation,
    Var,
    list_variables,
    parse_expression,
    parse_formula,
    variables,
)
from verify.rules.formula.cache import from_json, to_json
from verify.rules.formula.evaluate import evaluate, relation_may_hold
from verify.rules.formula.printing import format_node
from verify.reading.interval import Interval
from verify.rules.formula.solve import solve_for

ROOT = Path(__file__).resolve().parents[1]

F = Fraction


def iv(low, high=None) -> Interval:
    """Interval from decimal strings/ints; iv(x) is the point x; None stays unbounded."""
    low = None if low is None else F(str(low))
    high = low if high is None else (None if high == "inf" else F(str(high)))
    return Interval(low, high)


# ---------------------------------------------------------------- parsing and printing

ROUND_TRIPS = [
    "done == plan * rate",
    "sum(parts) <= total",
    "part / whole == share",
    "now == before * (1 + growth)",
    "now - before == delta",
    "a + b * c == d",
    "(a + b) * c == d",
    "-a * b == c",
    "-(a + b) == c",
    "a - (b - c) == d",
    "a - b - c == d",
    "a / (b / c) == d",
    "a / b / c == d",
    "a * -b >= 0.5",
    "abs(a - b) < 0.001",
    "min(a, b, c) > max(d, e)",
    "x == 100 + 0.25 * y",
    "--a == b",
]


@pytest.mark.parametrize("text", ROUND_TRIPS)
def test_format_round_trip(text):
    tree = parse_formula(text)
    assert format_node(tree) == text
    assert parse_formula(format_node(tree)) == tree


@pytest.mark.parametrize(
    "text, tree",
    [
        ("a + b * c", BinOp("+", Var("a"), BinOp("*", Var("b"), Var("c")))),
        ("-a * b", BinOp("*", Neg(Var("a")), Var("b"))),
        ("(a + b) / c", BinOp("/", BinOp("+", Var("a"), Var("b")), Var("c"))),
        ("a - b - c", BinOp("-", BinOp("-", Var("a"), Var("b")), Var("c"))),
        ("a / b * c", BinOp("*", BinOp("/", Var("a"), Var("b")), Var("c"))),
        ("0.5", Num(F(1, 2))),
        ("  x1_y  ", Var("x1_y")),
        ("sum(parts)", Call("sum", (Var("parts"),))),
        ("max(a, 2)", Call("max", (Var("a"), Num(F(2))))),
    ],
)
def test_parse_expression_precedence(text, tree):
    assert parse_expression(text) == tree


def test_numbers_are_exact_fractions():
    assert parse_expression("0.1") == Num(F(1, 10))
    assert parse_expression("338750") == Num(F(338750))


def test_formula_is_relation():
    rel = parse_formula("done==plan*rate")
    assert rel == Relation("==", Var("done"), BinOp("*", Var("plan"), Var("rate")))


@pytest.mark.parametrize(
    "value, text",
    [(F(1, 3), "1/3"), (F(-5, 2), "-2.5"), (F(3, 40), "0.075"), (F(7), "7"), (F(1, 1000), "0.001")],
)
def test_format_numbers(value, text):
    assert format_node(Num(value)) == text


def test_format_keeps_non_terminating_fraction_grouped():
    node = BinOp("/", Var("a"), Num(F(1, 3)))
    assert format_node(node) == "a / (1/3)"
    assert evaluate(parse_expression(format_node(node)), {"a": iv(1)}) == iv(3)


# ---------------------------------------------------------------- refused inputs

REFUSED = [
    # (text, column, words expected in the message), all through parse_formula
    ("__import__('os')", 1, "'_'"),
    ("a.b == c", 2, "attribute"),
    ("open(x) == 1", 1, "not allowed"),
    ("eval(x) == 1", 1, "not allowed"),
    ("a[0] == 1", 2, "indexing"),
    ("'str' == a", 1, "string"),
    ('a == "b"', 6, "string"),
    ("a == b == c", 8, "one comparison"),
    ("a ==", 5, "end of formula"),
    ("_x == 1", 1, "'_'"),
    ("lambda: 1", 1, "keyword"),
    ("a ** b == c", 3, "power"),
    ("a ^ b == c", 3, "power"),
    ("", 1, "empty"),
    ("   ", 1, "empty"),
    ("a + b", 6, "relation"),
    ("a b == c", 3, "unexpected"),
    ("a = b", 3, "'=='"),
    ("a != b", 3, "!="),
    ("f(a=1) == 2", 1, "not allowed"),
    ("max(a, b=1) == 2", 9, "'=='"),
    ("a == 93.7%", 10, "%"),
    ("a == .5", 6, "0.5"),
    ("a == 1.2.3", 6, "malformed"),
    ("a == 2x", 6, "malformed"),
    ("a == 1e5", 6, "malformed"),
    ("(a + b == c", 8, "')'"),
    ("a + b) == c", 6, "unexpected"),
    ("a == b +", 9, "end of formula"),
    ("a == * b", 6, "expected a number"),
    ("+a == b", 1, "expected a number"),
    ("sum == 1", 1, "function"),
    ("sum(a + b) == c", 7, "')'"),
    ("sum(1) == c", 5, "list name"),
    ("sum() == c", 5, "list name"),
    ("abs(a, b) == c", 8, "one value"),
    ("min(a) == c", 1, "two values"),
    ("a == b if c else d", 8, "keyword"),
    ("a.__class__ == b", 2, "attribute"),
    ("x + sum(x) == 1", 9, "both as a list"),
    ("a == b；", 7, "unexpected character"),
    ("a （ b", 3, "'('"),
    ("a == b: c", 7, "':'"),
    ("{a} == 1", 1, "unexpected character"),
    ("a == 1 and b == 2", 8, "keyword"),
    ("增长 == 1", 1, "unexpected character"),
]


@pytest.mark.parametrize("text, column, words", REFUSED)
def test_refused(text, column, words):
    with pytest.raises(FormulaError) as info:
        parse_formula(text)
    assert words in info.value.message
    assert info.value.column == column
    assert isinstance(info.value, ValueError)
    assert f"column {column}" in str(info.value)


@pytest.mark.parametrize("text, column", [("a < b", 3), ("a +", 4), ("(a", 3), ("", 1)])
def test_parse_expression_refuses(text, column):
    with pytest.raises(FormulaError) as info:
        parse_expression(text)
    assert info.value.column == column


def test_deep_nesting_is_refused_not_a_crash():
    with pytest.raises(FormulaError, match="nested too deeply"):
        parse_formula("(" * 500 + "a" + ")" * 500 + " == b")
    with pytest.raises(FormulaError, match="nested too deeply"):
        parse_formula("-" * 500 + "a == b")
    assert parse_formula("(" * 50 + "a" + ")" * 50 + " == b") == parse_formula("a == b")


@pytest.mark.parametrize("module", ["parse.py", "printing.py", "evaluate.py", "solve.py", "cache.py"])
def test_no_eval_in_module_source(module):
    source = (ROOT / "verify" / "rules" / "formula" / module).read_text(encoding="utf-8")
    banned = r"(?<![\w.])(eval|exec|compile)\(|literal_eval|sympify|parse_expr\b|__import__"
    assert re.search(banned, source) is None


# ---------------------------------------------------------------- variables


@pytest.mark.parametrize(
    "text, names, lists",
    [
        ("done == plan * rate", {"done", "plan", "rate"}, set()),
        ("sum(parts) <= total", {"parts", "total"}, {"parts"}),
        ("sum(a) + sum(b) == abs(c)", {"a", "b", "c"}, {"a", "b"}),
        ("1 == 1", set(), set()),
    ],
)
def test_variables(text, names, lists):
    rel = parse_formula(text)
    assert variables(rel) == names
    assert list_variables(rel) == lists


# ---------------------------------------------------------------- evaluation


@pytest.mark.parametrize(
    "text, env, expected",
    [
        ("a + b", {"a": iv(1, 2), "b": iv(10, 20)}, iv(11, 22)),
        ("a - b", {"a": iv(1, 2), "b": iv(10, 20)}, iv(-19, -8)),
        ("a * b", {"a": iv(-1, 2), "b": iv(3, 4)}, iv(-4, 8)),
        ("a / b", {"a": iv(1), "b": iv(2, 4)}, iv("0.25", "0.5")),
        ("a / b", {"a": iv(1), "b": iv(-1, 1)}, Interval(None, None)),
        ("-a", {"a": iv(1, 2)}, iv(-2, -1)),
        ("abs(a)", {"a": iv(-3, 2)}, iv(0, 3)),
        ("abs(a)", {"a": iv(-3, -2)}, iv(2, 3)),
        ("abs(a)", {"a": iv(2, 3)}, iv(2, 3)),
        ("abs(a)", {"a": iv(-1, "inf")}, iv(0, "inf")),
        ("abs(a)", {"a": Interval(None, F(-2))}, iv(2, "inf")),
        ("min(a, b)", {"a": iv(1, 5), "b": iv(2, 3)}, iv(1, 3)),
        ("max(a, b)", {"a": iv(1, 5), "b": iv(2, 3)}, iv(2, 5)),
        ("min(a, b)", {"a": iv(1, "inf"), "b": iv(2, "inf")}, iv(1, "inf")),
        ("max(a, b)", {"a": iv(1, "inf"), "b": iv(2, 3)}, iv(2, "inf")),
        ("min(a, b)", {"a": Interval(None, F(4)), "b": iv(2, 3)}, Interval(None, F(3))),
        ("sum(p)", {"p": [iv(1, 2), iv(3), iv(4, 5)]}, iv(8, 10)),
        ("sum(p)", {"p": []}, iv(0)),
        ("sum(p) * 2", {"p": [iv(1, "inf")]}, iv(2, "inf")),
        ("1 + 0.5", {}, iv("1.5")),
    ],
)
def test_evaluate(text, env, expected):
    assert evaluate(parse_expression(text), env) == expected


def test_evaluate_missing_variable_raises_key_error():
    with pytest.raises(KeyError):
        evaluate(parse_expression("a + b"), {"a": iv(1)})
    with pytest.raises(KeyError):
        evaluate(parse_expression("sum(p)"), {})


@pytest.mark.parametrize(
    "text, env",
    [("a", {"a": [iv(1)]}), ("sum(a)", {"a": iv(1)}), ("sum(a)", {"a": [1, 2]})],
)
def test_evaluate_wrong_shape_raises_type_error(text, env):
    with pytest.raises(TypeError):
        evaluate(parse_expression(text), env)


# ---------------------------------------------------------------- relations

DONE = iv(338750, 338850)  # "33.88万" as printed
RATE_OK = iv("0.9675", "0.9685")  # "96.8%"
RATE_BAD = iv("0.9365", "0.9375")  # "93.7%"


@pytest.mark.parametrize(
    "text, env, holds",
    [
        ("done == plan * rate", {"done": DONE, "plan": iv(350000), "rate": RATE_OK}, True),
        ("done == plan * rate", {"done": DONE, "plan": iv(350000), "rate": RATE_BAD}, False),
        ("sum(parts) <= total", {"parts": [iv(1, 2), iv(3, 4)], "total": iv(6)}, True),
        ("sum(parts) <= total", {"parts": [iv(3, 4), iv(3, 4)], "total": iv(5)}, False),
        ("sum(parts) <= total", {"parts": [iv(3, 4), iv(2)], "total": iv(5)}, True),  # 3 + 2 == 5
        ("sum(parts) < total", {"parts": [iv(3, 4), iv(2)], "total": iv(5)}, False),
        ("sum(parts) == total", {"parts": [iv(1, 2), iv(3, 4)], "total": iv(6, 7)}, True),
        ("sum(parts) == total", {"parts": [iv(1, 2), iv(3, 4)], "total": iv("6.01", 7)}, False),
        ("sum(parts) == total", {"parts": [iv(1, "inf"), iv(3, 4)], "total": iv(100)}, True),
        ("sum(parts) == total", {"parts": [iv(1, "inf"), iv(3, 4)], "total": iv(3)}, False),
        ("a <= b", {"a": iv(5, None), "b": iv(1, 2)}, False),
        ("a <= b", {"a": iv(5, "inf"), "b": iv(1, 2)}, False),
        ("a <= b", {"a": iv(5, "inf"), "b": iv(1, "inf")}, True),
        ("a <= b", {"a": Interval(None, F(9)), "b": iv(1, 2)}, True),
        ("a < b", {"a": iv(2), "b": iv(2)}, False),
        ("a <= b", {"a": iv(2), "b": iv(2)}, True),
        ("a >= b", {"a": iv(1, 2), "b": iv(3, "inf")}, False),
        ("a >= b", {"a": iv(1, 2), "b": iv(2, "inf")}, True),
        ("a > b", {"a": iv(1, 2), "b": iv(2, "inf")}, False),
        ("a > b", {"a": iv(1, "inf"), "b": iv(2, 3)}, True),
        ("a > b", {"a": Interval(None, None), "b": iv(2, 3)}, True),
        ("part / whole == share", {"part": iv(1), "whole": iv(0, 10), "share": iv(5)}, True),  # /0: unknown
        ("abs(now - before) <= tolerance", {"now": iv(10), "before": iv(12), "tolerance": iv(1)}, False),
    ],
)
def test_relation_may_hold(text, env, holds):
    assert relation_may_hold(parse_formula(text), env) is holds


# ---------------------------------------------------------------- solving


def test_solve_done_plan_rate_forms():
    solved = solve_for(parse_formula("done == plan * rate"))
    assert {name: format_node(node) for name, node in solved.items()} == {
        "done": "plan * rate",
        "plan": "done / rate",
        "rate": "done / plan",
    }
    assert solved["plan"] == BinOp("/", Var("done"), Var("rate"))


def test_solved_plan_contains_350000_only_for_the_right_rate():
    plan = solve_for(parse_formula("done == plan * rate"))["plan"]
    ok = evaluate(plan, {"done": DONE, "rate": RATE_OK})
    assert ok.contains(350000)
    bad = evaluate(plan, {"done": DONE, "rate": RATE_BAD})
    assert not bad.contains(350000)
    assert bad.contains(361600) and 361000 < bad.low < bad.high < 362000


@pytest.mark.parametrize(
    "text, expected",
    [
        ("sum(parts) == total", {"total": "sum(parts)"}),
        ("total == sum(parts)", {"total": "sum(parts)"}),
        ("part / whole == share", {"part": "share * whole", "whole": "part / share", "share": "part / whole"}),
        ("now - before == delta", {"now": "before + delta", "before": "now - delta", "delta": "now - before"}),
        ("a == abs(b) + c", {"a": "abs(b) + c", "c": "a - abs(b)"}),  # b is inside a call: not solvable
        ("a == abs(b) + b", {"a": "abs(b) + b"}),  # b also outside the call: still not solvable
        ("sum(p) + p2 == t", {"p2": "t - sum(p)", "t": "sum(p) + p2"}),
        ("y == x * x", {"y": "x * x"}),  # x has two roots: not unique
        ("a + b == a + c", {"b": "c", "c": "b"}),  # a cancels out
        ("sum(parts) <= total", {}),
        ("a < b", {}),
    ],
)
def test_solve_for_table(text, expected):
    solved = solve_for(parse_formula(text))
    assert {name: format_node(node) for name, node in solved.items()} == expected


@pytest.mark.parametrize(
    "name, env",
    [
        ("now", {"before": iv(200), "growth": iv("0.05")}),
        ("before", {"now": iv(210), "growth": iv("0.05")}),
        ("growth", {"now": iv(210), "before": iv(200)}),
    ],
)
def test_solve_growth_forms_evaluate_back(name, env):
    rel = parse_formula("now == before * (1 + growth)")
    expected = {"now": iv(210), "before": iv(200), "growth": iv("0.05")}[name]
    assert evaluate(solve_for(rel)[name], env) == expected


def test_solve_with_decimal_and_negative_coefficients():
    solved = solve_for(parse_formula("x == 0.5 * y - 3 * z"))
    env = {"x": iv(1), "y": iv(8), "z": iv(1)}
    for name, node in solved.items():
        assert evaluate(node, {k: v for k, v in env.items() if k != name}) == env[name]
    assert set(solved) == {"x", "y", "z"}


def test_solve_for_keeps_names_that_look_like_sympy_constants():
    solved = solve_for(parse_formula("E == I * pi"))
    assert format_node(solved["I"]) == "E / pi"


@pytest.mark.parametrize(
    "text", ["done == plan * rate", "now == before * (1 + growth)", "x == 0.5 * y - z / 3", "sum(p) + a == min(b, c)"]
)
def test_json_round_trip_of_solved_forms(text):
    rel = parse_formula(text)
    assert from_json(json.loads(json.dumps(to_json(rel)))) == rel
    for node in solve_for(rel).values():
        assert from_json(json.loads(json.dumps(to_json(node)))) == node


def test_json_uses_exact_fraction_strings():
    assert to_json(parse_expression("0.5 * a")) == ["op", "*", ["num", "1/2"], ["var", "a"]]


@pytest.mark.parametrize(
    "obj",
    [
        ["var", "__import__"],
        ["var", "a.b"],
        ["call", "open", [["var", "a"]]],
        ["call", "sum", [["num", "1/2"]]],
        ["op", "**", ["var", "a"], ["var", "b"]],
        ["num", "1e5"],
        ["num", 0.5],
        ["rel", "!=", ["var", "a"], ["var", "b"]],
        ["op", "+", ["rel", "==", ["var", "a"], ["var", "b"]], ["var", "c"]],
        {"var": "a"},
        [],
    ],
)
def test_from_json_refuses_bad_cache(obj):
    with pytest.raises(ValueError):
        from_json(obj)


# ---------------------------------------------------------------- properties

ENCLOSURE_EXPRESSIONS = [
    "a + b * c",
    "a * b",
    "a / b",
    "a / (b - c)",
    "abs(a - b) * c",
    "min(a, b) - max(b, c)",
    "-a * -b / c",
    "(a - b) / b",
]
_fractions = st.fractions(min_value=-1000, max_value=1000, max_denominator=1000)
_widths = st.fractions(min_value=0, max_value=100, max_denominator=100)
_picks = st.fractions(min_value=0, max_value=1, max_denominator=100)


@settings(max_examples=300, deadline=None, database=None)
@given(
    text=st.sampled_from(ENCLOSURE_EXPRESSIONS),
    lows=st.tuples(_fractions, _fractions, _fractions),
    widths=st.tuples(_widths, _widths, _widths),
    picks=st.tuples(_picks, _picks, _picks),
    open_low=st.sets(st.sampled_from("abc")),
    open_high=st.sets(st.sampled_from("abc")),
)
def test_evaluate_encloses_every_point(text, lows, widths, picks, open_low, open_high):
    """Any choice of values inside the (possibly unbounded) intervals evaluates inside the interval result."""
    node = parse_expression(text)
    names = ("a", "b", "c")
    env = {n: Interval(lo, lo + w) for n, lo, w in zip(names, lows, widths)}
    point_env = {n: Interval.point(lo + w * t) for n, lo, w, t in zip(names, lows, widths, picks)}
    env = {n: Interval(None if n in open_low else iv.low, None if n in open_high else iv.high) for n, iv in env.items()}
    try:
        value = evaluate(node, point_env)
    except ZeroDivisionError:  # pragma: no cover - Interval division returns everything instead
        pytest.fail("division by zero leaked out of interval arithmetic")
    if value.is_point:
        assert evaluate(node, env).contains(value.low)


@settings(max_examples=500, deadline=None, database=None)
@given(st.text(alphabet="ab_1.0 +-*/()[]=<>,'\"sumaxinbopel:%", max_size=20))
def test_parser_only_ever_raises_formula_error(text):
    """Whatever journalists type, the parser answers with a tree or a FormulaError, nothing else."""
    for parse in (parse_formula, parse_expression):
        try:
            tree = parse(text)
        except FormulaError as error:
            assert 1 <= error.column <= len(text) + 1
        else:
            assert parse(format_node(tree)) == tree


# ---------------------------------------------------------------- hot path stays free of sympy


def test_only_solve_for_imports_sympy():
    """Importing both modules, parsing, evaluating, printing and the JSON cache never load sympy; solving does."""
    code = (
        "import json, sys\n"
        "import verify.rules.formula.parse as e\n"
        "import verify.rules.formula.solve as s\n"
        "import verify.rules.formula.evaluate as fe\n"
        "import verify.rules.formula.printing as pr\n"
        "import verify.rules.formula.cache as c\n"
        "from verify.reading.interval import Interval\n"
        "r = e.parse_formula('a == b*c')\n"
        "x = e.parse_expression('b * c - 1')\n"
        "env = {'a': Interval.point(6), 'b': Interval.point(2), 'c': Interval.point(3)}\n"
        "assert fe.evaluate(r.right, env) == Interval.point(6)\n"
        "assert fe.evaluate(x, env) == Interval.point(5)\n"
        "assert fe.relation_may_hold(r, env)\n"
        "assert pr.format_node(r) == 'a == b * c'\n"
        "assert c.from_json(json.loads(json.dumps(c.to_json(r)))) == r\n"
        "assert e.variables(r) == {'a', 'b', 'c'} and e.list_variables(r) == set()\n"
        "assert 'sympy' not in sys.modules, 'sympy was imported'\n"
        "assert pr.format_node(s.solve_for(r)['b']) == 'a / c'\n"
        "assert 'sympy' in sys.modules, 'solve_for did not import sympy'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_range_ends_read_the_ends_beside_the_figure():
    """first_end(r) and last_end(r) read the ends a kind puts beside a range; else the figure."""
    relation = parse_formula("first_end(r) <= last_end(r)")
    assert range_ends(relation) == {"r"} and variables(relation) == {"r"}
    env = {"r": iv("7.55", "55.05"), end_key("first_end", "r"): iv("54.95", "55.05"), end_key("last_end", "r"): iv("7.55", "7.65")}
    assert not relation_may_hold(relation, env)
    assert relation_may_hold(relation, {"r": iv(1, 2)})
    with pytest.raises(FormulaError):
        parse_formula("first_end(r + 1) <= 2")
