"""Document + [Quantity] -> MaskedText: the view rule patterns run on.

Every figure becomes one private-use character that names its kind, so a rule's slot such as
{done:amount} is an ordinary regex character class. Positions map back to the original text.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from verify.reading.document import Document
from verify.reading.quantity import Quantity
from verify.rules.slots import placeholder_of


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
        """The first masked position at or after an original offset: before the first figure
        that starts at or after it, in the text after the figure before that one."""
        i = bisect.bisect_left(self._starts, original)
        if i == 0:
            return min(original, len(self.text))
        after = self.quantities[self.slot_quantity[i - 1]].end   # the original offset of the text after it
        return min(self.slots[i - 1] + 1 + max(0, original - after), len(self.text))

    @functools.cached_property
    def _starts(self) -> list[int]:
        """The original start of each masked figure, in the order of slots."""
        return [self.quantities[i].start for i in self.slot_quantity]

    def original(self, masked_pos: int) -> int:
        """Original offset of a masked position (a placeholder maps to its figure's start)."""
        i = bisect.bisect_left(self.slots, masked_pos)
        if i < len(self.slots) and self.slots[i] == masked_pos:
            return self.quantities[self.slot_quantity[i]].start
        if i == 0:
            return masked_pos
        q = self.quantities[self.slot_quantity[i - 1]]
        return q.end + (masked_pos - self.slots[i - 1] - 1)


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
