"""Where a match of a regular expression can start, read from the pattern as re's own parser
parses it (re._parser; verify.regexes calls these only on the Python versions it was written for,
and keeps what they find). A lookahead of those characters put before a pattern, or before one
alternative of a large one, rejects at one test a place where no match can start."""

from __future__ import annotations

import re
from typing import NamedTuple


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


_FAR = float("inf")


class _Reach(NamedTuple):
    """Of the matches of parsed items: the longest holding none of the anchors (None: every match
    holds one); the most characters before the first anchor of one that holds one (None: none
    does); the class members of the characters before it (None: not known, as for .)."""

    bare: float | None
    before: float | None
    alphabet: frozenset[str] | None


def reach(parsed, anchors: str) -> int | None:
    """The most characters a match can hold before its first character of `anchors` (characters,
    and \\d for every digit), or None when a match may hold none of them, or that is not known.
    Every match at a place then has one of `anchors` at most that many characters after it, so a
    search need not try the places farther than that before the next one."""
    found = _reach_of(parsed, anchors)
    return None if found is None or found.before == _FAR else int(found.before)


def needs(parsed, anchors: str) -> str:
    """A lookahead that every match of the pattern passes at its start: one of `anchors` (a class's
    members) after at most the characters its matches can hold before one ('(?=[\\d.]*[:])'), or
    '' when that is not known. Put before an alternative whose matches all hold a marker (月, 年, :),
    it rejects at a short scan the places where the marker is not near."""
    found = _reach_of(parsed, anchors)
    if found is None or found.before == _FAR and found.alphabet is None:
        return ""
    chars = f"[{''.join(sorted(found.alphabet))}]" if found.alphabet is not None else f"[^{anchors}]"
    count = "*" if found.before == _FAR else f"{{0,{int(found.before)}}}"
    return f"(?={chars + count if found.before else ''}[{anchors}])"


def _reach_of(parsed, anchors: str) -> _Reach | None:
    """_reach of a whole pattern, or None when a match may hold none of the anchors."""
    if parsed.state.flags & re.IGNORECASE:
        return None
    (op, members), = re._parser.parse(f"[{anchors}]")   # (re._parser: as verify.regexes parses patterns)
    digits = str(op) == "IN" and ("CATEGORY", "CATEGORY_DIGIT") in {(str(o), str(v)) for o, v in members}
    found = _reach(parsed, re.compile(f"[{anchors}]").fullmatch, digits)
    return None if found.bare is not None or found.before is None else found


def _reach(items, anchors, digits: bool) -> _Reach:
    bare, before, alphabet = 0, None, frozenset()
    for op, arg in items:
        item = _item_reach(str(op), arg, anchors, digits)
        if bare is None:
            break   # every match holds an anchor before this item
        if item.before is not None:
            before = max(before or 0, bare + item.before)
        alphabet = None if alphabet is None or item.alphabet is None else alphabet | item.alphabet
        bare = None if item.bare is None else bare + item.bare
    return _Reach(bare, before, alphabet)


_UNKNOWN = _Reach(_FAR, _FAR, None)


def _item_reach(name: str, arg, anchors, digits: bool) -> _Reach:
    if name in _ZERO_WIDTH:
        return _Reach(0, None, frozenset())
    if name in ("LITERAL", "IN"):
        members = [(name, arg)] if name == "LITERAL" else arg
        kinds = {_anchor_kind(op, value, anchors, digits) for op, value in members}
        if kinds == {True}:
            return _Reach(None, 0, frozenset())
        alphabet = _alphabet(members)
        return _Reach(1, None if kinds == {False} else 0, None if alphabet is None else frozenset(alphabet))
    if name in ("ANY", "NOT_LITERAL"):
        return _Reach(1, 0, None)
    if name == "SUBPATTERN" and not arg[1] & re.IGNORECASE or name == "ATOMIC_GROUP":
        return _reach(arg[-1] if name == "SUBPATTERN" else arg, anchors, digits)
    if name in ("BRANCH", "GROUPREF_EXISTS"):
        choices = [_reach(branch, anchors, digits) if branch is not None else _Reach(0, None, frozenset())
                   for branch in (arg[1] if name == "BRANCH" else arg[1:])]
        bares, befores = [c.bare for c in choices if c.bare is not None], [c.before for c in choices if c.before is not None]
        alphabets = [c.alphabet for c in choices]
        return _Reach(max(bares) if bares else None, max(befores) if befores else None,
                      None if None in alphabets else frozenset().union(*alphabets))
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, items = arg
        once = _reach(items, anchors, digits)
        high = _FAR if high >= 1 << 16 else high   # re's MAXREPEAT: no upper bound
        if once.bare is None:
            return _Reach(0 if low == 0 else None, once.before, once.alphabet)
        before = None if once.before is None else once.before + (once.bare * (high - 1) if once.bare else 0)
        return _Reach(once.bare * high if once.bare else 0, before, once.alphabet)
    return _UNKNOWN   # a back reference, a group of any case: not known


def _alphabet(members) -> set[str] | None:
    """_class_members, with \\s among them too (a space may come before a marker: 3 : 1)."""
    plain = [(op, value) for op, value in members if not (str(op) == "CATEGORY" and str(value) == "CATEGORY_SPACE")]
    found = _class_members(plain)
    return None if found is None else found | ({"\\s"} if len(plain) < len(members) else set())


def _anchor_kind(op, value, anchors, digits: bool) -> bool | None:
    """Whether a class member is an anchor (True: `anchors`, the class's fullmatch, takes it), is
    none (False), or may be either (None)."""
    name = str(op)
    if name == "LITERAL":
        return anchors(chr(value)) is not None
    if name == "RANGE" and value[1] - value[0] < 4096:
        found = {anchors(chr(c)) is not None for c in range(value[0], value[1] + 1)}
        return found.pop() if len(found) == 1 else None
    if name == "CATEGORY" and str(value) == "CATEGORY_DIGIT":
        return True if digits else None
    return None
