"""The relation gold set (tests/gold/*.yaml, format in tests/gold/README.md): load, locate, check.

Relations were found by reading the texts, not by running verify, so they can measure its recall.
This module is deliberately independent of the verify package: it has its own small figure
reader and a whitelisted arithmetic parser (no eval, no sympy), so a bug in verify's reader cannot
make a gold relation look right. Values are exact intervals of Fraction: a printed figure stands
for every value that prints as it, and a relation holds when the intervals leave room for it.

    load_relations()  -> [Relation]   every relation located in its file (offsets are file offsets)
    check(relation)   -> Verdict      does the arithmetic in `holds` hold?
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import cn2an
import yaml

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "gold"
FAMILIES = frozenset("""partition-sum parts-within-total count-partition share respectively counted-label
    named-list enumeration growth difference average completion headline range-order month-vs-ytd
    weekday time-range""".split())


class GoldError(ValueError):
    """A relation that cannot be located or read: the gold file is wrong, not the text."""


def shared_dir() -> Path:
    """../shared beside the checkout; a git worktree also looks beside its main checkout."""
    here = REPO.parent / "shared"
    git = REPO / ".git"
    if not here.is_dir() and git.is_file():  # worktree: .git says gitdir: <main>/.git/worktrees/<name>
        gitdir = Path(git.read_text(encoding="utf-8").split("gitdir:", 1)[1].strip())
        main_shared = gitdir.parent.parent.parent.parent / "shared"
        if main_shared.is_dir():
            return main_shared
    return here


# ---------------------------------------------------------------- intervals
@dataclass(frozen=True)
class Interval:
    lo: Fraction
    hi: Fraction

    def __add__(self, o): return Interval(self.lo + o.lo, self.hi + o.hi)
    def __sub__(self, o): return Interval(self.lo - o.hi, self.hi - o.lo)
    def __neg__(self): return Interval(-self.hi, -self.lo)

    def __mul__(self, o):
        p = [self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi]
        return Interval(min(p), max(p))

    def __truediv__(self, o):
        if o.lo <= 0 <= o.hi:
            raise GoldError(f"division by an interval containing 0: [{o.lo}, {o.hi}]")
        return self * Interval(1 / o.hi, 1 / o.lo)

    def __str__(self): return f"[{float(self.lo):.6g}, {float(self.hi):.6g}]"


def exact(v) -> Interval:
    v = Fraction(v)
    return Interval(v, v)


# ---------------------------------------------------------------- figure reader
_FW = str.maketrans("０１２３４５６７８９．％，－", "0123456789.%,-")
_ARABIC = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_CHINESE = re.compile(r"[负零〇一二两三四五六七八九十百千万亿点]+")
_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_NOT_SCALE = re.compile(r"[千百](?:克|米|瓦|分|公|伏|帕|焦|卡|字节)")  # 千克, 百分点: units, not scales
_ABOVE = ("超过", "超", "逾", "高于", "多于", "突破")
_BELOW = ("不到", "不足", "低于", "少于")


def _last_unit(digits: str) -> Fraction:
    """The place value of the last printed digit of an Arabic number (1322 -> 1, 96.8 -> 1/10)."""
    return Fraction(1, 10 ** len(digits.split(".")[1])) if "." in digits else Fraction(1)


def _nonzero_unit(v: Fraction) -> Fraction:
    """The place of the last non-zero digit: the step of 多/余 (30多 -> 10, 1000余 -> 1000)."""
    u = Fraction(1)
    if v.denominator != 1:
        while (v / u).denominator != 1:
            u /= 10
        return u
    while v and (v / (u * 10)).denominator == 1:
        u *= 10
    return u


def read_figure(text: str) -> Interval:
    """A printed figure -> the interval of values it stands for (percent, ‰, 成 in percent; 倍 plain).

    Rounding: half a unit of the last printed digit below; a full unit above for decimals, 万/亿 and
    rates, since newsrooms also truncate. Plain whole numbers (counts) are exact. Qualifiers: _qualify.
    """
    s = text.translate(_FW).replace(" ", "")
    s = re.sub(r"([百千])分之([零〇一二两三四五六七八九十点\d.]+)", lambda m: m[2] + ("%" if m[1] == "百" else "‰"), s)
    if m := re.search(r"([一二两三四五六七八九十\d]+)分之([一二两三四五六七八九十\d]+)", s):  # 三分之一
        den, num = (Fraction(x) if x.isdigit() else Fraction(cn2an.cn2an(x, "smart")) for x in m.groups())
        return _qualify(exact(num / den), num / den, Fraction(0), s[:m.start()], s[m.end():], s)
    if m := _ARABIC.search(s):
        digits = m[0].replace(",", "")
        value, unit = Fraction(digits), _last_unit(digits)
        lenient = "." in digits
        rest = s[m.end():]
        i = 0
        while i < len(rest) and (rest[i] in _SCALE or rest[i] in "多余") and not _NOT_SCALE.match(rest, i):
            if rest[i] in _SCALE:
                value, unit, lenient = value * _SCALE[rest[i]], unit * _SCALE[rest[i]], lenient or rest[i] in "万亿"
            i += 1
        head, tail = s[:m.start()], rest
    elif m := _CHINESE.search(s):
        value = Fraction(str(cn2an.cn2an(m[0].replace("负", "-"), "smart")))
        big = "万" in m[0] or "亿" in m[0]
        unit, lenient = (_nonzero_unit(value) if big else Fraction(1)), big
        head, tail = s[:m.start()], s[m.end():]
    else:
        raise GoldError(f"no number in figure {text!r}")
    if tail.startswith("%") or tail.startswith("个百分点") or tail.startswith("百分点"):
        lenient = True
    if tail.startswith("‰"):
        value, unit, lenient = value / 10, unit / 10, True   # per mille -> percent, like every rate
    if tail.startswith("成"):
        value, unit = value * 10, unit * 10                 # 三成 = 30 percent
    if unit == 1 and not lenient and not re.match(r"%|‰|个?百分点|倍|成", tail):
        unit = Fraction(0)  # a plain whole number (6例, 2705列, 六点) is exact: else 2 + 4 = 7 would pass
    up = unit if lenient else unit / 2                     # truncation leniency: up to a full unit
    iv = Interval(value - unit / 2, value + up) if value >= 0 else Interval(value - up, value + unit / 2)
    return _qualify(iv, value, unit, head, tail, s)


def _qualify(iv: Interval, value: Fraction, unit: Fraction, head: str, tail: str, s: str) -> Interval:
    """Qualifiers widen: 约/左右 ±10%, 近/不到 below, 超/逾/以上 above, 余/多 up to the next step."""
    if "约" in head or "左右" in tail or "大约" in head:
        return Interval(iv.lo * Fraction(9, 10), iv.hi * Fraction(11, 10))
    if any(q in head for q in _BELOW) or "以下" in tail:
        return Interval(Fraction(0), value)
    if "近" in head:                                       # 近63亿: a little under 63亿
        return Interval(value * Fraction(9, 10), value)
    if any(q in head for q in _ABOVE) or "以上" in tail:    # open above; capped so arithmetic is finite
        return Interval(value, value * 2 if value > 0 else iv.hi)
    if "多" in s or "余" in s:
        return Interval(value, value + _nonzero_unit(value))
    return iv


# ---------------------------------------------------------------- holds: tokenizer + recursive descent
_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_]\w*)|(?P<op><=|>=|[-+*/()=]))")
_WEEKDAY = re.compile(r"^\s*weekday\(\s*(\w+)\s*\)\s*=\s*(\w+)\s*$")
_WD = "一二三四五六日"


def _tokens(src: str) -> list[str]:
    out, pos = [], 0
    while pos < len(src.rstrip()):
        m = _TOKEN.match(src, pos)
        if not m:
            raise GoldError(f"cannot read holds at {src[pos:]!r}")
        out.append(m[m.lastgroup])
        pos = m.end()
    return out


class _Parser:
    """comparison := expr (= | <= | >=) expr; expr := term ((+|-) term)*; term := factor ((*|/) factor)*."""

    def __init__(self, src: str, env: dict[str, Interval]):
        self.toks, self.i, self.env = _tokens(src), 0, env

    def peek(self): return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self):
        self.i += 1
        return self.toks[self.i - 1]

    def comparison(self):
        lhs = self.expr()
        op = self.take() if self.peek() in ("=", "<=", ">=") else None
        if op is None:
            raise GoldError("holds needs one comparison (=, <=, >=)")
        rhs = self.expr()
        if self.peek() is not None:
            raise GoldError(f"unexpected {self.peek()!r} in holds")
        return lhs, op, rhs

    def expr(self):
        v = self.term()
        while self.peek() in ("+", "-"):
            v = v + self.term() if self.take() == "+" else v - self.term()
        return v

    def term(self):
        v = self.factor()
        while self.peek() in ("*", "/"):
            v = v * self.factor() if self.take() == "*" else v / self.factor()
        return v

    def factor(self):
        t = self.take() if self.peek() is not None else None
        if t == "-":
            return -self.factor()
        if t == "(":
            v = self.expr()
            if self.take() != ")":
                raise GoldError("missing )")
            return v
        if t and t[0].isdigit():
            return exact(Fraction(t))
        if t in self.env:
            return self.env[t]
        raise GoldError(f"unknown name or token {t!r} in holds")


# ---------------------------------------------------------------- relations
@dataclass(frozen=True)
class Span:
    name: str        # figure name, or the item text for items
    text: str        # as printed
    start: int       # offsets in the source file
    end: int
    override: tuple[str | None, str | None, str | None] = (None, None, None)  # value, low, high


@dataclass(frozen=True)
class Relation:
    id: str
    gold_file: str
    source: str          # relative to ../shared
    path: Path
    family: str
    text: str
    start: int           # offset of `text` in the source file
    figures: tuple[Span, ...]
    items: tuple[Span, ...]
    holds: str
    year: int | None
    note: str


def _find(hay: str, needle: str, occurrence: int, where: str) -> int:
    pos = -1
    for _ in range(occurrence):
        pos = hay.find(needle, pos + 1)
        if pos < 0:
            raise GoldError(f"{needle!r} does not occur {occurrence} time(s) in {where}")
    return pos


def load_entries(gold_dir: Path = GOLD) -> list[tuple[str, dict]]:
    """The raw YAML entries of every gold file, with the file name they came from."""
    out = []
    for f in sorted(gold_dir.glob("*.yaml")):
        out += [(f.name, e) for e in yaml.safe_load(f.read_text(encoding="utf-8")) or []]
    return out


def locate(entry: dict, gold_file: str = "", shared: Path | None = None) -> Relation:
    """One YAML entry -> a Relation with file offsets; GoldError when anything is not where it says."""
    path = (shared or shared_dir()) / entry["source"]
    if not path.is_file():
        raise GoldError(f"{entry['id']}: no file {path}")
    content, text = path.read_text(encoding="utf-8"), entry["text"]
    occurrence = entry.get("occurrence")
    if occurrence is None and content.count(text) > 1:
        raise GoldError(f"{entry['id']}: text occurs {content.count(text)} times; give occurrence")
    start = _find(content, text, occurrence or 1, entry["source"])
    figures = []
    for name, fig in (entry.get("figures") or {}).items():
        fig = fig if isinstance(fig, dict) else {"text": str(fig)}
        off = _find(text, str(fig["text"]), fig.get("occurrence", 1), f"text of {entry['id']}")
        ov = tuple(None if fig.get(k) is None else str(fig[k]) for k in ("value", "low", "high"))
        figures.append(Span(name, str(fig["text"]), start + off, start + off + len(str(fig["text"])), ov))
    items = []
    for item in entry.get("items") or []:
        off = _find(text, item, 1, f"text of {entry['id']}")
        items.append(Span(item, item, start + off, start + off + len(item)))
    year = entry.get("year") or (int(m[1]) if (m := re.search(r"_(\d{4})\d{4}", entry["source"])) else None)
    return Relation(entry["id"], gold_file, entry["source"], path, entry["family"], text, start,
                    tuple(figures), tuple(items), entry["holds"], year, entry.get("note", ""))


def load_relations(gold_dir: Path = GOLD, shared: Path | None = None) -> list[Relation]:
    """Every relation of every gold file, located; raises GoldError on the first that is not."""
    return [locate(e, name, shared) for name, e in load_entries(gold_dir)]


def figure_interval(span: Span) -> Interval:
    value, low, high = span.override
    if value is not None:
        iv = exact(Fraction(value))
        return Interval(Fraction(low) if low else iv.lo, Fraction(high) if high else iv.hi)
    if low is not None or high is not None:
        return Interval(Fraction(low), Fraction(high))
    return read_figure(span.text)


@dataclass(frozen=True)
class Verdict:
    holds: bool
    detail: str


def _date(text: str, year: int | None) -> datetime.date:
    s = text.translate(_FW)
    m = re.search(r"(?:(\d{4})年)?([\d一二三四五六七八九十]+)月([\d一二三四五六七八九十]+)日", s)
    if not m:
        raise GoldError(f"no date in {text!r}")
    y, mo, d = (None if g is None else int(g) if g.isdigit() else int(cn2an.cn2an(g, "smart")) for g in m.groups())
    if (y or year) is None:
        raise GoldError(f"date {text!r} has no year; add year:")
    return datetime.date(y or year, mo, d)


def check(rel: Relation) -> Verdict:
    """Evaluate `holds` on the figures' intervals: = needs overlap, <= and >= need room."""
    spans = {s.name: s for s in rel.figures}
    if m := _WEEKDAY.match(rel.holds):
        day = _date(spans[m[1]].text, rel.year)
        wd = re.search(r"(?:星期|周|礼拜)([一二三四五六日天])", spans[m[2]].text)
        if not wd:
            raise GoldError(f"no weekday in {spans[m[2]].text!r}")
        said = _WD.index(wd[1].replace("天", "日"))
        return Verdict(day.weekday() == said, f"{day} is {_WD[day.weekday()]}, text says {wd[1]}")
    env = {name: figure_interval(s) for name, s in spans.items()}
    if rel.items:
        env["items"] = exact(len(rel.items))
    lhs, op, rhs = _Parser(rel.holds, env).comparison()
    ok = {"=": lhs.lo <= rhs.hi and rhs.lo <= lhs.hi, "<=": lhs.lo <= rhs.hi, ">=": lhs.hi >= rhs.lo}[op]
    return Verdict(ok, f"{rel.holds}: {lhs} {op} {rhs}")
