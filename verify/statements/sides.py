"""Sides of a change: the values 分别从A、B提高到C、D names on each side of its verb, joined by 、/和
(A and B, C and D), so that each end is paired with its own start (directions.py, facts.py)."""

from __future__ import annotations

from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.records import Statement

_ITEM_GAP = regexes.lazy(r"(?:/[\u4e00-\u9fff])?[、和及与]")          # between two values of one side


def joined(text: str, quantities: list[Quantity], a: int, b: int) -> bool:
    """Whether figures a and b are two values of one side (20000元、10000元; 3万元/年和…)."""
    return bool(_ITEM_GAP.fullmatch(text, quantities[a].end, quantities[b].start))


def side(quantities: list[Quantity], statements: dict[int, Statement], text: str, first: int) -> list[int]:
    """The values of one side of a change: the first and those joined to it by 、/和."""
    found = [first]
    while found[-1] + 1 in statements and joined(text, quantities, found[-1], found[-1] + 1):
        found.append(found[-1] + 1)
    return found


def first_of_side(quantities: list[Quantity], statements: dict[int, Statement], text: str, index: int) -> int:
    """The first value of the side a figure is one of."""
    while index - 1 in statements and joined(text, quantities, index - 1, index):
        index -= 1
    return index
