"""sympy solves each parsed relation once per rule for each variable.

Kept apart from verify.rules.formula.parse so that parsing and checking never load sympy (slow to import);
the solved forms come back as our own trees, cached as JSON and evaluated without it.
"""

from __future__ import annotations

from fractions import Fraction
from functools import reduce

from verify.rules.formula.parse import OPERATIONS, BinOp, Call, Neg, Node, Num, Relation, Var, variables


class _Unconvertible(Exception):
    """sympy's answer has no form in our grammar (roots, Abs, Piecewise...)."""


def solve_for(relation: Relation) -> dict[str, Node]:
    """Pre-solve an equality once, so each missing figure can be inferred later without sympy."""
    if relation.op != "==":
        return {}
    import sympy  # noqa: PLC0415 - deliberately lazy: parsing and checking must never load sympy

    symbols: dict[Node, sympy.Symbol] = {}
    equation = sympy.Eq(_to_sympy(relation.left, sympy, symbols), _to_sympy(relation.right, sympy, symbols))
    back = {sym: node for node, sym in symbols.items()}
    solutions: dict[str, Node] = {}
    # Calls are opaque symbols, so a name used inside sum(), abs(), min() or max() can't be solved for.
    in_calls = set().union(*(variables(node) for node in symbols if isinstance(node, Call)))
    for name in sorted(node.name for node in symbols if isinstance(node, Var) and node.name not in in_calls):
        isolated = _already_isolated(relation, name)
        if isolated is not None:
            solutions[name] = isolated
            continue
        target = symbols[Var(name)]
        try:
            found = sympy.solve(equation, target)
            if len(found) == 1 and target not in found[0].free_symbols:
                solutions[name] = _from_sympy(found[0], back)
        except (_Unconvertible, NotImplementedError, KeyError, ValueError):
            continue  # no unique closed form in our grammar: this figure can't be inferred
    return solutions


def _already_isolated(relation: Relation, name: str) -> Node | None:
    """Keep the rule's own wording when the variable already stands alone on one side."""
    for side, other in ((relation.left, relation.right), (relation.right, relation.left)):
        if side == Var(name) and name not in variables(other):
            return other
    return None


def _to_sympy(node, sp, symbols: dict):
    """Build a sympy expression from our tree; calls (sum, abs, min, max) become opaque symbols."""
    if isinstance(node, Num):
        return sp.Rational(node.value.numerator, node.value.denominator)
    if isinstance(node, (Var, Call)):
        if node not in symbols:  # '_' prefix can't clash: rule names never start with '_'
            symbols[node] = sp.Symbol(node.name if isinstance(node, Var) else f"_call{len(symbols)}")
        return symbols[node]
    if isinstance(node, Neg):
        return -_to_sympy(node.x, sp, symbols)
    return OPERATIONS[node.op](_to_sympy(node.left, sp, symbols), _to_sympy(node.right, sp, symbols))


def _from_sympy(expr, back: dict) -> Node:
    """Walk sympy's result back into our grammar: Add, Mul, integer Pow, Rational, Symbol."""
    if expr.is_Symbol:
        return back[expr]
    if expr.is_Rational:
        value = Fraction(int(expr.p), int(expr.q))
        return Neg(Num(-value)) if value < 0 else Num(value)
    if expr.is_Add:
        return _add_from_sympy(expr.as_ordered_terms(), back)
    if expr.is_Mul or expr.is_Pow:
        return _mul_from_sympy(expr, back)
    raise _Unconvertible(str(expr))


def _add_from_sympy(terms, back: dict) -> Node:
    node: Node | None = None
    for term in sorted(terms, key=lambda t: t.could_extract_minus_sign()):  # "a - b", not "-b + a"
        negative = term.could_extract_minus_sign()
        part = _from_sympy(-term if negative else term, back)
        if node is None:
            node = Neg(part) if negative else part
        else:
            node = BinOp("-" if negative else "+", node, part)
    return node


def _mul_from_sympy(expr, back: dict) -> Node:
    coeff, factors = expr.as_coeff_mul()
    if not coeff.is_Rational:
        raise _Unconvertible(str(expr))
    c = Fraction(int(coeff.p), int(coeff.q))
    top = [Num(Fraction(abs(c.numerator)))] if abs(c.numerator) != 1 else []
    bottom = [Num(Fraction(c.denominator))] if c.denominator != 1 else []
    for factor in factors:
        base, exponent = factor.as_base_exp()
        if not exponent.is_Integer or abs(int(exponent)) > 12:
            raise _Unconvertible(str(factor))
        (top if exponent > 0 else bottom).extend([_from_sympy(base, back)] * abs(int(exponent)))
    if c < 0:  # "-a * b / c" rather than "-(a * b / c)"
        top[:1] = [Neg(top[0] if top else Num(Fraction(1)))]
    return BinOp("/", _product(top), _product(bottom)) if bottom else _product(top)


def _product(nodes: list[Node]) -> Node:
    return reduce(lambda a, b: BinOp("*", a, b), nodes) if nodes else Num(Fraction(1))
