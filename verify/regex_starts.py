"""Where a match of a regular expression can start, read from the pattern as re's own parser
parses it (re._parser; verify.regexes calls these only on the Python versions it was written for,
and keeps what they find). A lookahead of those characters put before a pattern, or before one
alternative of a large one, rejects at one test a place where no match can start."""

from __future__ import annotations

import re


def first_class(parsed) -> str:
    """A character class of every character a match can start with ('[\\d一二]'), or '' when that
    is not known (a match may be empty, start with any character, or ignore case)."""
    if parsed.state.flags & re.IGNORECASE:
        return ""
    found, empty = _first(parsed)
    return f"[{''.join(sorted(found))}]" if found and not empty else ""


def searched_by_re(items) -> bool:
    """Whether `re` finds where a pattern can start by itself: its first item is a character or a
    class, or alternatives that each start with a character (re/_compiler.py's prefix search)."""
    items = list(items)
    while items and str(items[0][0]) == "SUBPATTERN" and not items[0][1][1] & re.IGNORECASE:
        items = list(items[0][1][-1])
    if not items:
        return False
    op, arg = items[0]
    if str(op) == "BRANCH":
        return all(branch and str(list(branch)[0][0]) == "LITERAL" for branch in arg[1])
    return str(op) in ("LITERAL", "IN")


_ZERO_WIDTH = ("ASSERT", "ASSERT_NOT", "AT")


def _first(items) -> tuple[set[str] | None, bool]:
    """The class members (escaped characters, ranges, \\d) a match of parsed items can start
    with (None when unknown), and whether the items can match the empty string."""
    found: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue   # lookarounds and anchors: zero width, the next item starts the match
        if name == "LITERAL":
            return found | {re.escape(chr(arg))}, False
        if name == "IN":
            members = _class_members(arg)
            return (None if members is None else found | members), False
        if name not in _COMPOUND or name == "SUBPATTERN" and arg[1] & re.IGNORECASE:
            return None, False   # any character, a complement, a back reference, any case: unknown
        choices, empty = _choices(name, arg)
        for choice in choices:
            sub, sub_empty = _first(choice)
            if sub is None:
                return None, False
            found |= sub
            empty = empty or sub_empty
        if not empty:
            return found, False
    return found, True


_COMPOUND = ("SUBPATTERN", "ATOMIC_GROUP", "BRANCH", "GROUPREF_EXISTS", "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _choices(name: str, arg) -> tuple[list, bool]:
    """The parts a compound item starts with, and whether it may be skipped as a whole."""
    if name == "SUBPATTERN":
        return [arg[-1]], False
    if name == "ATOMIC_GROUP":
        return [arg], False
    if name == "BRANCH":
        return list(arg[1]), False
    if name == "GROUPREF_EXISTS":
        return [branch for branch in arg[1:] if branch is not None], arg[2] is None
    return [arg[2]], arg[0] == 0   # a repeat: optional when it may repeat no times


def _class_members(items) -> set[str] | None:
    """The members of a parsed class [...], or None for a complement or a category other than \\d."""
    members: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            members.add(re.escape(chr(arg)))
        elif name == "RANGE":
            members.add(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif name == "CATEGORY" and str(arg) == "CATEGORY_DIGIT":
            members.add(r"\d")
        else:
            return None
    return members
