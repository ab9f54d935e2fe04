"""Slot types of the pattern language and the placeholder characters they stand for.

The masked view replaces every figure by one private-use character that names its kind, so a
rule's slot such as {done:amount} is an ordinary regex character class over those characters.
"""

from __future__ import annotations

from verify.reading.quantity import Quantity

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


def placeholder_of(q: Quantity) -> str | None:
    """The placeholder a figure is masked with; None for ordinals, which stay text."""
    if q.label:
        return PLACEHOLDER["label"]
    return PLACEHOLDER.get(q.kind)
