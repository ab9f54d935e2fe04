"""The whitelisted formula language of YAML rules: its syntax tree, and the parser that builds it.

Rule text is written by people, not programmers, and must never run code: it is read by the
small tokenizer and recursive-descent parser below, never by eval/exec/compile or sympy's parser.
Grammar (anything else is refused with a FormulaError naming the column):

    formula    := expr ("==" | "<=" | ">=" | "<" | ">") expr
    expr       := term (("+" | "-") term)*
    term       := unary (("*" | "/") unary)*
    unary      := "-" unary | atom
    atom       := NUMBER | NAME | call | "(" expr ")"
    call       := "sum" "(" NAME ")" | "abs" "(" expr ")" | ("min" | "max") "(" expr ("," expr)+ ")"
                | ("first_end" | "last_end") "(" NAME ")"

first_end(r) and last_end(r) are the two ends of a range figure as written (5.5%—7.6%: 5.5% and 7.6%);
a relation that reads them is checked only where the figure is a range.

Printing is in printing.py, evaluation on intervals in evaluate.py, solving (with sympy) in
solve.py, and the on-disk form of solved trees in cache.py.
"""

from __future__ import annotations

import functools

import keyword
import operator
import unicodedata
from collections.abc import Iterator
from fractions import Fraction
from typing import NamedTuple, Union

from verify.frozen import record
from verify import regexes


FUNCTIONS = ("abs", "first_end", "last_end", "max", "min", "sum")
RANGE_ENDS = ("first_end", "last_end")  # the ends of a range figure: first_end(r), last_end(r)
COMPARISONS = ("==", "<=", ">=", "<", ">")
OPERATIONS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
ARITHMETIC = tuple(OPERATIONS)
MAX_DEPTH = 100  # nesting of parentheses / unary minus; deeper input is refused, not a crash
MAX_DIGITS = 30  # a constant's digits: 100,000 of them made every operation slow (and solving, more)
MAX_TOKENS = 200  # a formula's length in tokens: a relation between a sentence's figures needs a few dozen


class FormulaError(ValueError):
    """A refused formula: message plus the 1-based column where the problem starts."""

    def __init__(self, message: str, column: int):
        super().__init__(f"{message} (column {column})")
        self.message = message
        self.column = column


@record(slots=True)
class Num:
    value: Fraction


@record(slots=True)
class Var:
    name: str


@record(slots=True)
class Neg:
    x: Node


@record(slots=True)
class BinOp:
    op: str
    left: Node
    right: Node


@record(slots=True)
class Call:
    func: str
    args: tuple


@record(slots=True)
class Relation:
    op: str
    left: Node
    right: Node


Node = Union[Num, Var, Neg, BinOp, Call]

_TOKEN = regexes.lazy(
    r"(?P<ws>[ \t\r\n]+)|(?P<num>[0-9]+(?:\.[0-9]+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<cmp>==|<=|>=|<|>)|(?P<pow>\*\*)|(?P<op>[-+*/(),])"
)
_BAD_CHARS = {  # characters refused with a specific reason
    **dict.fromkeys("[]", "indexing is not allowed"),
    **dict.fromkeys("'\"", "strings are not allowed"),
    "=": "a single '=' is not allowed (write '==' to compare; keyword arguments are not supported)",
    "!": "'!=' is not supported; use one of ==, <=, >=, <, >",
    "%": "'%' is not allowed; write a rate as a fraction, e.g. 0.937",
    "^": "there is no power operator",
    ":": "':' is not allowed (no lambdas, slices or dicts)",
}


class _Tok(NamedTuple):
    kind: str  # num, name, cmp, op, end
    text: str
    col: int


def _tokenize(text: str) -> Iterator[_Tok]:
    """Yield tokens lazily, so errors surface in reading order (f(a=1) is refused at 'f')."""
    pos, last, count = 0, None, 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise FormulaError(_bad_char_message(text[pos], last), pos + 1)
        kind, word, col = m.lastgroup, m.group(), pos + 1
        pos = m.end()
        if kind == "pow":
            raise FormulaError("there is no power operator '**'", col)
        if kind == "num" and pos < len(text) and (text[pos].isalnum() or text[pos] in "._"):
            raise FormulaError(f"malformed number starting {word!r}", col)
        if kind == "num" and len(word) > MAX_DIGITS:
            raise FormulaError(f"a number of more than {MAX_DIGITS} digits", col)
        if kind == "name":
            _check_name(word, col)
        if kind != "ws":
            count += 1
            if count > MAX_TOKENS:
                raise FormulaError(f"formula is too long (more than {MAX_TOKENS} symbols)", col)
            last = _Tok(kind, word, col)
            yield last
    yield _Tok("end", "", len(text) + 1)


def _bad_char_message(ch: str, last: _Tok | None) -> str:
    if ch == ".":
        after_name = last is not None and (last.kind == "name" or last.text == ")")
        return "attribute access is not allowed" if after_name else "unexpected '.'; write decimals as 0.5"
    if ch in _BAD_CHARS:
        return _BAD_CHARS[ch]
    ascii_form = unicodedata.normalize("NFKC", ch)
    hint = f"; did you mean ASCII {ascii_form!r}?" if ascii_form != ch and ascii_form.isascii() else ""
    return f"unexpected character {ch!r}{hint}"


def _check_name(word: str, col: int) -> None:
    if word.startswith("_"):
        raise FormulaError(f"names may not start with '_': {word!r}", col)
    if keyword.iskeyword(word):
        raise FormulaError(f"Python keyword {word!r} is not allowed", col)


class _Parser:
    """Recursive descent over a lazy token stream; self.tok is the one-token lookahead."""

    def __init__(self, text: str):
        self.tokens = _tokenize(text)
        self.tok = next(self.tokens)
        self.depth = 0
        self.scalars: dict[str, int] = {}  # name -> first column, used as a single value
        self.lists: dict[str, int] = {}  # name -> first column, used inside sum()
        if self.tok.kind == "end":
            raise FormulaError("empty formula", 1)

    def advance(self) -> _Tok:
        tok = self.tok
        if tok.kind != "end":
            self.tok = next(self.tokens)
        return tok

    def at(self, kind: str, *texts: str) -> bool:
        return self.tok.kind == kind and (not texts or self.tok.text in texts)

    def accept(self, op: str) -> bool:
        if self.at("op", op):
            self.advance()
            return True
        return False

    def expect(self, text: str, what: str) -> _Tok:
        if not self.at("op", text):
            raise FormulaError(f"expected {what}, found {_describe(self.tok)}", self.tok.col)
        return self.advance()

    def relation(self) -> Relation:
        left = self.expr()
        if self.at("end"):
            raise FormulaError("a formula must be a relation: compare two sides with ==, <=, >=, <, >", self.tok.col)
        if not self.at("cmp"):
            raise FormulaError(f"unexpected {_describe(self.tok)}", self.tok.col)
        op = self.advance().text
        right = self.expr()
        if self.at("cmp"):
            raise FormulaError("only one comparison is allowed (a == b == c is not supported)", self.tok.col)
        return Relation(op, left, right)

    def finish(self) -> None:
        if self.at("cmp"):
            raise FormulaError("a comparison is not allowed here; expected a bare expression", self.tok.col)
        if not self.at("end"):
            raise FormulaError(f"unexpected {_describe(self.tok)}", self.tok.col)
        for name in sorted(self.scalars.keys() & self.lists.keys()):
            col = max(self.scalars[name], self.lists[name])
            raise FormulaError(f"{name!r} is used both as a list (in sum) and as a single value", col)

    def expr(self) -> Node:
        node = self.term()
        while self.at("op", "+", "-"):
            node = BinOp(self.advance().text, node, self.term())
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.at("op", "*", "/"):
            node = BinOp(self.advance().text, node, self.unary())
        return node

    def unary(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(f"formula is nested too deeply (more than {MAX_DEPTH} levels)", self.tok.col)
        node = Neg(self.unary()) if self.accept("-") else self.atom()
        self.depth -= 1
        return node

    def atom(self) -> Node:
        tok = self.advance()
        if tok.kind == "num":
            return Num(Fraction(tok.text))
        if tok.kind == "name":
            if self.at("op", "("):
                return self.call(tok)
            if tok.text in FUNCTIONS:
                raise FormulaError(f"{tok.text!r} is a function; call it like {tok.text}(...)", tok.col)
            self.scalars.setdefault(tok.text, tok.col)
            return Var(tok.text)
        if tok.kind == "op" and tok.text == "(":
            node = self.expr()
            self.expect(")", "')'")
            return node
        raise FormulaError(f"expected a number, a name or '(', found {_describe(tok)}", tok.col)

    def call(self, name: _Tok) -> Call:
        if name.text not in FUNCTIONS:
            allowed = ", ".join(FUNCTIONS)
            raise FormulaError(f"function {name.text!r} is not allowed (allowed: {allowed})", name.col)
        self.advance()  # "("
        if name.text == "sum":
            return self.sum_call()
        if name.text in RANGE_ENDS:
            return self.end_call(name.text)
        cols, args = [self.tok.col], [self.expr()]
        while self.accept(","):
            cols.append(self.tok.col)
            args.append(self.expr())
        self.expect(")", "',' or ')'")
        if name.text == "abs" and len(args) != 1:
            raise FormulaError("abs() takes exactly one value", cols[1])
        if name.text in ("min", "max") and len(args) < 2:
            raise FormulaError(f"{name.text}() needs at least two values", name.col)
        return Call(name.text, tuple(args))

    def sum_call(self) -> Call:
        tok = self.advance()
        if tok.kind != "name" or tok.text in FUNCTIONS:
            raise FormulaError("sum() takes exactly one list name, e.g. sum(parts)", tok.col)
        self.expect(")", "')' after the list name in sum()")
        self.lists.setdefault(tok.text, tok.col)
        return Call("sum", (Var(tok.text),))


    def end_call(self, func: str) -> Call:
        tok = self.advance()
        if tok.kind != "name" or tok.text in FUNCTIONS:
            raise FormulaError(f"{func}() takes exactly one figure's name, e.g. {func}(range)", tok.col)
        self.expect(")", f"')' after the figure's name in {func}()")
        self.scalars.setdefault(tok.text, tok.col)
        return Call(func, (Var(tok.text),))


def range_ends(node) -> set[str]:
    """Names read through first_end() or last_end(): they must be bound to ranges."""
    if isinstance(node, Call) and node.func in RANGE_ENDS:
        return {node.args[0].name}
    return set().union(*(range_ends(c) for c in _children(node)))


def end_key(func: str, name: str) -> str:
    """Where an environment holds the end of a range: 'first_end(range)'."""
    return f"{func}({name})"


def _describe(tok: _Tok) -> str:
    return "end of formula" if tok.kind == "end" else repr(tok.text)


def parse_formula(text: str) -> Relation:
    """Read a rule's relation from untrusted text without running any code."""
    parser = _Parser(text)
    relation = parser.relation()
    parser.finish()
    return relation


def parse_expression(text: str) -> Node:
    """Read a bare arithmetic expression (e.g. a computed value) without running any code."""
    parser = _Parser(text)
    node = parser.expr()
    parser.finish()
    return node


def _children(node) -> tuple:
    if isinstance(node, (Relation, BinOp)):
        return (node.left, node.right)
    if isinstance(node, Neg):
        return (node.x,)
    if isinstance(node, Call):
        return node.args
    return ()


@functools.lru_cache(maxsize=1024)
def variables(node) -> frozenset[str]:
    """All names a formula reads, so the engine knows which figures it needs (asked once per
    match: kept per formula)."""
    if isinstance(node, Var):
        return frozenset((node.name,))
    return frozenset().union(*(variables(c) for c in _children(node)))


def list_variables(node) -> set[str]:
    """Names used inside sum(...), which must be bound to lists of intervals."""
    if isinstance(node, Call) and node.func == "sum":
        return {node.args[0].name}
    return set().union(*(list_variables(c) for c in _children(node)))
