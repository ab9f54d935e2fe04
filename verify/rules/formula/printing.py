"""Formulas and figures printed: a formula as it parses back (format_node), and as an editor reads it
with the stated figures in it: 36.16万, 93.7%, 33.88万 ÷ 93.7% = 36.16万."""

from __future__ import annotations

from fractions import Fraction

from verify.rules.formula.parse import RANGE_ENDS, BinOp, Call, Neg, Num, Relation, Var, end_key
from verify.reading.interval import Interval
from verify.reading.numerals import MULTIPLIERS, decimal_string
from verify.reading.quantity import PERCENT_DIVISORS, Quantity

_OP_SIGNS = {"+": "+", "-": "−", "*": "×", "/": "÷"}


def stated_decimals(q: Quantity) -> int:
    """Decimals printed in a figure's digits (33.88万 -> 2)."""
    digits = "".join(ch for ch in q.text if ch.isdigit() or ch == ".")
    return len(digits.partition(".")[2]) if "." in digits else 0


def format_value(value: Fraction, like: Quantity | None, extra: int = 0, as_ratio: bool = False) -> str:
    """A value printed the way `like` is printed: same 万/亿 scale, unit and decimals (+extra)."""
    unit = like.unit if like is not None else None
    if as_ratio and unit in PERCENT_DIVISORS:
        value = value * PERCENT_DIVISORS[unit]
    scale = like.scale if like is not None and like.scale in MULTIPLIERS else None
    shown = value / MULTIPLIERS[scale] if scale else value
    decimals = (stated_decimals(like) if like is not None else 2) + extra
    text = _round_text(shown, decimals)
    suffix = (scale or "") + (("个百分点" if unit == "百分点" else unit) if unit else "")
    return text + suffix


def format_interval(iv: Interval, like: Quantity | None, extra: int = 1, as_ratio: bool = False) -> str:
    """An implied interval: its middle as `like` prints, and the range when the ends print apart."""
    if iv.low is None and iv.high is None:
        return "?"
    if iv.low == iv.high and like is not None and like.kind == "count" and Fraction(iv.low).denominator == 1:
        extra = 0   # counts of whole things add up exactly: 190人 − 186人 = 4人, not 4.0人
    if iv.low is None:
        return "≤" + format_value(iv.high, like, extra, as_ratio)
    if iv.high is None:
        return "≥" + format_value(iv.low, like, extra, as_ratio)
    middle = format_value((iv.low + iv.high) / 2, like, extra, as_ratio)
    low, high = format_value(iv.low, like, extra, as_ratio), format_value(iv.high, like, extra, as_ratio)
    if low != high and 0 <= iv.low and iv.high > 2 * iv.low:   # a middle that no figure suggests:
        return f"≤{high}" if iv.low == 0 else f"{low}～{high}"   # 超过3000万吨 ÷ 60%以上 is ≤6667万吨
    return middle if low == high else f"{middle}（{low}～{high}）"


def _round_text(value: Fraction, decimals: int) -> str:
    """Half-up rounding to a fixed number of decimals, trailing zeros kept: 35.0, 96.80."""
    scaled = abs(value) * 10**decimals
    rounded = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)
    digits = str(rounded).rjust(decimals + 1, "0")
    text = f"{digits[:-decimals]}.{digits[-decimals:]}" if decimals else digits
    return ("-" if value < 0 and rounded else "") + text


def render_formula(node, names: dict[str, str]) -> str:
    """A solved form with each variable replaced by the figure as stated: 33.88万人 ÷ 96.8%."""
    if isinstance(node, Num):
        return decimal_string(node.value)
    if isinstance(node, Var):
        return names.get(node.name, node.name)
    if isinstance(node, Neg):
        return "−" + _wrap(node.x, names)
    if isinstance(node, Call) and node.func in RANGE_ENDS and end_key(node.func, node.args[0].name) in names:
        return names[end_key(node.func, node.args[0].name)]   # first_end(range): 5.5%
    if isinstance(node, Call):
        inner = ", ".join(render_formula(arg, names) for arg in node.args)
        return inner.replace(", ", " + ") if node.func == "sum" else f"{node.func}({inner})"
    if isinstance(node, BinOp):
        return f"{_wrap(node.left, names)} {_OP_SIGNS[node.op]} {_wrap(node.right, names)}"
    return str(node)


def _wrap(node, names: dict[str, str]) -> str:
    text = render_formula(node, names)
    return f"({text})" if isinstance(node, BinOp) and node.op in "+-" else text


def round_targets(iv: Interval) -> list[Fraction]:
    """The round figures nearest an implied value, nearest first: on the grid of its second
    significant digit (36万, 37万 for 36.16万) and the nearest half-step above it (35万), within 10%."""
    if iv.low is None or iv.high is None or iv.high < 1:
        return []
    middle = (iv.low + iv.high) / 2
    exponent = len(str(int(iv.high))) - 1
    fine, coarse = Fraction(10) ** (exponent - 1), 5 * Fraction(10) ** (exponent - 1)
    found = {(middle // fine) * fine, (middle // fine + 1) * fine, round(middle / coarse) * coarse}
    near = [c for c in found if c > 0 and abs(c - middle) <= middle / 10]
    by_distance = sorted(near, key=lambda c: (abs(c - middle), c))
    nearest_coarse = [c for c in by_distance if c % coarse == 0][:1]
    return sorted(set(by_distance[:1] + nearest_coarse), key=lambda c: (abs(c - middle), c))


def format_round(value: Fraction, like: Quantity | None) -> str:
    """A round figure with `like`'s 万/亿 scale and unit, no trailing zeros: 35万人, 1000万人."""
    unit = like.unit if like is not None else None
    scale = like.scale if like is not None and like.scale in MULTIPLIERS else None
    shown = value / MULTIPLIERS[scale] if scale else value
    return decimal_string(shown) + (scale or "") + (("个百分点" if unit == "百分点" else unit) if unit else "")


def is_round(iv: Interval) -> bool:
    """Whether the interval holds a figure anyone would set as a target: 35万, 3万, 12.5万."""
    if iv.low is None or iv.high is None or iv.high < 1:
        return True  # no judgement on open or tiny figures
    exponent = len(str(int(iv.high))) - 1
    for step in (Fraction(10) ** (exponent - 1), 5 * Fraction(10) ** (exponent - 2)):
        candidate = -(-iv.low // step) * step  # first multiple of step at or above low
        if candidate <= iv.high:
            return True
    return False


_PREC = {"+": 1, "-": 1, "*": 2, "/": 2}


def format_node(node) -> str:
    """Print a formula for people (reports, error messages); it parses back to the same tree."""
    if isinstance(node, Relation):
        return f"{_fmt(node.left)[0]} {node.op} {_fmt(node.right)[0]}"
    return _fmt(node)[0]


def _fmt(node) -> tuple[str, int]:
    """Text and binding strength: 1 sums, 2 products, 3 unary minus, 4 atoms."""
    if isinstance(node, Num):
        return _num_text(node.value)
    if isinstance(node, Var):
        return node.name, 4
    if isinstance(node, Call):
        return f"{node.func}({', '.join(_fmt(a)[0] for a in node.args)})", 4
    if isinstance(node, Neg):
        text, prec = _fmt(node.x)
        return "-" + (f"({text})" if prec < 3 else text), 3
    if isinstance(node, BinOp):
        prec = _PREC[node.op]
        left, lp = _fmt(node.left)
        right, rp = _fmt(node.right)
        left = f"({left})" if lp < prec else left
        right = f"({right})" if rp <= prec else right  # left-associative: a - (b - c) keeps its parens
        return f"{left} {node.op} {right}", prec
    raise TypeError(f"not a formula node: {node!r}")


def _num_text(value: Fraction) -> tuple[str, int]:
    """Exact decimal when the fraction terminates, else 'p/q' (which reads back as a division)."""
    sign, v = ("-" if value < 0 else ""), abs(value)
    rest, twos, fives = v.denominator, 0, 0
    while rest % 2 == 0:
        rest, twos = rest // 2, twos + 1
    while rest % 5 == 0:
        rest, fives = rest // 5, fives + 1
    if rest != 1:
        return f"{sign}{v.numerator}/{v.denominator}", 2
    places = max(twos, fives)
    digits = str(int(v * 10**places)).rjust(places + 1, "0")
    text = f"{digits[:-places]}.{digits[-places:]}" if places else digits
    return sign + text, (3 if sign else 4)
