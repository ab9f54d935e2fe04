"""compound: a yearly average rate of growth between two levels whose years are stated.

从2002年的547.67亿美元增长到2012年的4001亿美元，年均增长22%: the end is the start grown at the
yearly rate once for each year between them, end = start × (1 + rate)^years. A power of a variable
number of years is beyond a relation's formula (no power operator there, by design), so this kind
does the arithmetic itself, exactly: each figure an interval as stated (leniently, as a relation's
are), the growth factor (1 + rate)^n in Fractions for n of at most _MOST_YEARS. Some writers count
2006年 to 2012年 as five years of growth, so one year fewer is allowed too. Broken means no values
inside the intervals satisfy it for either count.
"""

from __future__ import annotations

from fractions import Fraction

from verify.checking.kinds.common import finding, rule_message, value_interval
from verify.checking.records import Verdict
from verify.errors import RuleFileError
from verify.frozen import record
from verify.messages import text_for
from verify.reading.quantity import Quantity
from verify.rules.formula.printing import format_value
from verify.rules.records import KindParams, Rule

TYPES = {"start": str, "end": str, "rate": str, "first_year": str, "last_year": str}
REQUIRED = set(TYPES)
OPTIONAL: set[str] = set()
MESSAGE_FIELDS = {"expected", "years"}  # what a rule's message may name besides its slots
_MOST_YEARS = 100   # a budget: (1 + rate)^n is worked out exactly, so n stays small
_PRECISION = Fraction(1, 100_000)   # how closely the rate the figures imply is found for the message


@record
class CompoundParams(KindParams):
    """The names of the figures a match binds: the start and the end, the yearly rate, their years."""

    start: str
    end: str
    rate: str
    first_year: str
    last_year: str

    @property
    def needed(self) -> frozenset[str]:
        """The five names (--why says which of them a fact leaves unbound)."""
        return frozenset((self.start, self.end, self.rate, self.first_year, self.last_year))

    def judges(self, names: frozenset[str]) -> bool:
        """Only a fact binding all five figures can be judged."""
        return self.needed <= names


def prepare(rule: Rule) -> CompoundParams:
    """The five names, each a name the statement stage binds in a fact."""
    names = {key: rule.params[key] for key in TYPES}
    for key, name in names.items():
        if name not in rule.pattern.slots:
            raise RuleFileError(rule.path, rule.lines.get(key), f"{key}: “{name}” is not a figure a fact binds")
    return CompoundParams(**names)


def evaluate(rule, matches, context):
    """Each rise over stated years against its yearly rate: a finding when no count of years fits."""
    verdict = Verdict()
    prep = rule.prepared
    for match in matches:
        if not prep.judges(frozenset(match.figures)):
            continue   # (--why asks of every fact)
        figures = {key: context.quantities[match.figures[getattr(prep, key)]] for key in TYPES}
        years = _years(figures["first_year"], figures["last_year"])
        if years is None:
            continue
        growth = _growth(figures)
        if growth is None:
            continue
        verdict.checked |= {match.figures[getattr(prep, key)] for key in ("start", "end", "rate")}
        start, end, rate = figures["start"], figures["end"], figures["rate"]
        rate_interval = value_interval(rate, True)
        fitting = next((n for n in (years, years - 1) if n >= 1 and _fits(growth, rate_interval, n)), None)
        if fitting is not None:
            if context.checks:
                verdict.held(rule, rate, f"{end.text} = {start.text} × (1 + {rate.text})^{fitting}"
                                         f"（{figures['first_year'].text}→{figures['last_year'].text}）")
            continue
        expected = _implied_rate(figures, years)
        shown = f"{start.text} × (1 + {rate.text})^{years} ≈ {_grown(start, rate, end, years)} ≠ {end.text}"
        texts = {**{key: q.text for key, q in figures.items()}, "expected": expected, "years": str(years),
                 **{name: context.quantities[i].text for name, i in match.figures.items()}}
        default = text_for(context.lang, "yearly_rate_over_years", start=start.text, end=end.text, rate=rate.text,
                           years=years, expected=expected)
        message = rule_message(rule, context.lang, default, texts)
        verdict.findings.append(finding(rule, rule.severity, rate, message, expected, shown, [start, end]))
    return verdict


def _years(first: Quantity, last: Quantity) -> int | None:
    """The years from the first year to the last, when both are single years and 1 to _MOST_YEARS apart."""
    a, b = value_interval(first), value_interval(last)
    if a.low is None or a.low != a.high or b.low is None or b.low != b.high:
        return None
    years = int(b.low - a.low)
    return years if 1 <= years <= _MOST_YEARS else None


def _growth(figures: dict[str, Quantity]) -> tuple[Fraction, Fraction | None] | None:
    """The factor the end is of the start, as an interval (low, high; high None when unbounded), or None
    when a figure is open below or not above zero."""
    start, end = value_interval(figures["start"], True), value_interval(figures["end"], True)
    if start.low is None or start.low <= 0 or end.low is None or end.low < 0:
        return None
    return end.low / start.high if start.high is not None else Fraction(0), \
        (end.high / start.low if end.high is not None else None)


def _fits(growth: tuple[Fraction, Fraction | None], rate, years: int) -> bool:
    """Whether (1 + rate)^years can be the growth factor, some value of each interval taken."""
    low, high = growth
    if rate.low is None or rate.low <= -1:
        return True   # (a rate open below, or a fall of all: nothing to hold it to)
    grown_low = (1 + rate.low) ** years
    grown_high = None if rate.high is None else (1 + rate.high) ** years
    return (high is None or grown_low <= high) and (grown_high is None or grown_high >= low)


def _implied_rate(figures: dict[str, Quantity], years: int) -> str:
    """The yearly rate the start and end imply over the years, found by halving in Fractions, as a
    percentage to one decimal more than the stated rate's (for the message only)."""
    start, end = value_interval(figures["start"]), value_interval(figures["end"])
    ratio = ((end.low + end.high) / 2) / ((start.low + start.high) / 2)
    low, high = Fraction(-1), Fraction(10)
    while high - low > _PRECISION:
        mid = (low + high) / 2
        if (1 + mid) ** years < ratio:
            low = mid
        else:
            high = mid
    tenths = round(low * 1000)   # (an int: the rate in tenths of a percent)
    return f"{'-' if tenths < 0 else ''}{abs(tenths) // 10}.{abs(tenths) % 10}%"


def _grown(start: Quantity, rate: Quantity, like: Quantity, years: int) -> str:
    """The start grown at the stated rate (their middle values) for the years, printed as `like` is."""
    s, r = value_interval(start), value_interval(rate)
    if r.low is None or r.high is None:
        return "?"
    return format_value((s.low + s.high) / 2 * (1 + (r.low + r.high) / 2) ** years, like)
