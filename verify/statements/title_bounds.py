"""How loosely a title's figure and a body figure are read when headlines.py pairs them: a title's
bound left to its words (突破300万册), a rounded figure that may have been cut (loose), a body figure
stated ten times coarser than the title's (coarser), and digits that may be one figure misprinted
(9.4% and 94%: misprinted). Numbers only: what the figures measure is headlines.py's.
"""

from __future__ import annotations

from verify import regexes
from verify.reading.interval import Interval
from verify.reading.quantity import Quantity
from verify.statements.records import Statement
from verify.statements.vocabulary import Vocabulary

_DIGIT_RUN = regexes.lazy(r"[0-9][0-9.,]*")


def coarser(body: Quantity, title: Quantity) -> bool:
    """A body figure stated to a step ten times the title's or more (1亿户 beside a title's 1.69亿户):
    equal within its own rounding, it decides nothing, as an approximate one."""
    b, t = body.fraction_interval(), title.fraction_interval()
    if None in (b.low, b.high, t.low, t.high) or t.high <= t.low:
        return False
    return b.high - b.low >= 10 * (t.high - t.low)


def title_bound(st: Statement, q: Quantity, view: str, vocab: Vocabulary) -> Interval | None:
    """A title's bound that the reader leaves to the words before a figure: 突破300万册 is at least
    300万, 逼近9800万 at most 9800万 (title_lower_bounds, title_upper_bounds)."""
    before = view[max(st.clause[0], q.start - 4):q.start]
    if q.value is None or q.qualifier is not None:
        return None
    lower = any(before.endswith(w) for w in vocab.words("title_lower_bounds"))
    if not lower and not any(before.endswith(w) for w in vocab.words("title_upper_bounds")):
        return None   # (most titles: no midpoint worked out, in Fractions)
    value = q.fraction_interval().midpoint
    if value is None:
        return None
    return Interval(value, None) if lower else Interval(None, value)


def loose(q: Quantity) -> Interval:
    """The figure's interval, as an error would need it to fail: a rounded figure may have been cut
    instead (33.88 may be anything up to 33.89), so its top moves up by half its last digit."""
    iv = q.fraction_interval()
    if iv.low is None or iv.high is None or q.qualifier is not None or iv.low < 0:
        return iv
    return iv.cut()


def significant_digits(written: str) -> str:
    """The significant digits of a figure's first run of Arabic digits, as the view writes them
    (folded): 136.97万株 -> 13697, 0.50% -> 5, 2,400万 -> 24; none for a Chinese numeral."""
    m = _DIGIT_RUN.search(written)
    return m.group().replace(",", "").replace(".", "").strip("0") if m else ""


def misprinted(title: str, body: str) -> bool:
    """Whether two figures' significant digits may be one figure misprinted: the same digits (a point
    or a zero slipped, 9.4 and 94), or, three digits or more, the same but one (136.97 and 136.98)."""
    if title == body:
        return True
    return len(title) >= 3 and len(title) == len(body) and sum(a != b for a, b in zip(title, body)) == 1
