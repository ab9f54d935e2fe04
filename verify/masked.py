"""Document + [Quantity] -> MaskedText: the view rule patterns run on.

Every figure becomes one private-use character that names its kind, so a rule's slot such as
{done:amount} is an ordinary regex character class. Positions map back to the original text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from verify.document import Document
from verify.quantities import Quantity

# One placeholder per kind; ordinals stay as text (they are words like 第一, 一是).
PLACEHOLDER = {
    "amount": "\ue001", "count": "\ue002", "percent": "\ue003", "point": "\ue004", "ratio": "\ue005",
    "year": "\ue006", "date": "\ue007", "weekday": "\ue008", "time": "\ue009", "label": "\ue00a",
}
ANY_PLACEHOLDER = "\ue001-\ue00a"

# Slot types a rule may name, as the placeholders they accept.
SLOT_TYPES = {
    "amount": "\ue001\ue002",
    "count": "\ue002",
    "percent": "\ue003",
    "point": "\ue004",
    "ratio": "\ue005",
    "number": "\ue001\ue002\ue003\ue004\ue005",
    "year": "\ue006",
    "date": "\ue007",
    "weekday": "\ue008",
    "time": "\ue009",
    "label": "\ue00a",
    "any": "\ue001-\ue00a",
}


@dataclass
class MaskedText:
    """The masked view of one document and the way back to original offsets and quantities."""

    text: str
    quantities: list[Quantity]
    slots: list[int]             # masked position of each masked quantity, ascending
    slot_quantity: list[int]     # index into quantities of each masked position in slots

    def quantity_at(self, masked_pos: int) -> int | None:
        """Index of the quantity whose placeholder sits at masked_pos."""
        i = bisect.bisect_left(self.slots, masked_pos)
        if i < len(self.slots) and self.slots[i] == masked_pos:
            return self.slot_quantity[i]
        return None

    def quantities_in(self, start: int, end: int) -> list[int]:
        """Indexes of the quantities whose placeholders lie in [start, end)."""
        lo = bisect.bisect_left(self.slots, start)
        hi = bisect.bisect_left(self.slots, end)
        return self.slot_quantity[lo:hi]

    def masked_position(self, original: int) -> int:
        """The first masked position at or after an original offset."""
        lo, hi = 0, len(self.text)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.original(mid) < original:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def original(self, masked_pos: int) -> int:
        """Original offset of a masked position (a placeholder maps to its figure's start)."""
        i = bisect.bisect_left(self.slots, masked_pos)
        if i < len(self.slots) and self.slots[i] == masked_pos:
            return self.quantities[self.slot_quantity[i]].start
        if i == 0:
            return masked_pos
        q = self.quantities[self.slot_quantity[i - 1]]
        return q.end + (masked_pos - self.slots[i - 1] - 1)


def placeholder_of(q: Quantity) -> str | None:
    """The placeholder a figure is masked with; None for ordinals, which stay text."""
    if q.label:
        return PLACEHOLDER["label"]
    return PLACEHOLDER.get(q.kind)


def mask(doc: Document, quantities: list[Quantity]) -> MaskedText:
    """Replace every figure of the view by its placeholder."""
    parts: list[str] = []
    slots: list[int] = []
    slot_quantity: list[int] = []
    cursor = length = 0
    for index, q in enumerate(quantities):
        mark = placeholder_of(q)
        if mark is None or q.start < cursor:
            continue
        parts.append(doc.view[cursor:q.start])
        length += q.start - cursor
        slots.append(length)
        slot_quantity.append(index)
        parts.append(mark)
        length += 1
        cursor = q.end
    parts.append(doc.view[cursor:])
    return MaskedText("".join(parts), quantities, slots, slot_quantity)
