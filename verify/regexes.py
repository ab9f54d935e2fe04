"""Compiled regular expressions kept across runs: the large patterns (the reader's master
pattern, every rule's pattern, the statement vocabulary) cost 40 ms to compile at every start.

Python has no public way to keep a compiled pattern, so this keeps what `re` compiles a pattern
into (the code that the `_sre` module runs) in a JSON file beside the solve cache, keyed by the
pattern's text and flags, and hands it back to `_sre.compile`, as `re` itself does. Only on the
Python versions whose `re` internals this was written for; elsewhere, or when the cache cannot
be read, `re.compile` as usual. `_sre` checks the code it is given, and a cached pattern is used
only for the very same text, so a damaged cache costs only the compile it would have saved.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from verify import user_cache

try:  # the internals re.compile itself uses (re/_compiler.py)
    import _sre
    from re import _compiler, _parser
    _SUPPORTED = (3, 11) <= sys.version_info[:2] <= (3, 13)
except ImportError:  # pragma: no cover - another implementation of Python
    _SUPPORTED = False

_TAG = f"regex-{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0) if _SUPPORTED else 0}-1"
_MAX_PATTERNS = 2000  # rules and vocabularies, not text: a bound in case a caller compiles text
_known: dict[str, list] = {}
_loaded = False
_dirty = False


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's name, on purpose
    """re.compile(pattern, flags), from the code kept by an earlier run when there is one."""
    if not _SUPPORTED:
        return re.compile(pattern, flags)
    if not _loaded:
        _load()
    key = f"{flags}:{pattern}"
    entry = _known.get(key)
    if entry is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = entry
            return _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
        except (TypeError, ValueError, RuntimeError):
            pass  # not what _sre accepts: compile it anew
    compiled = re.compile(pattern, flags)  # raises re.error as usual
    _remember(key, pattern, flags, compiled)
    return compiled


def _remember(key: str, pattern: str, flags: int, compiled: re.Pattern[str]) -> None:
    """Keep the code re.compile made, once it is known to build the very same pattern."""
    global _dirty
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = [flags | parsed.state.flags, list(code), parsed.state.groups - 1, groupindex, indexgroup]
        again = _sre.compile(pattern, entry[0], entry[1], entry[2], groupindex, tuple(indexgroup))
    except Exception:  # noqa: BLE001 - internals not as expected: simply keep nothing
        return
    if len(_known) < _MAX_PATTERNS and again.flags == compiled.flags and again.groupindex == compiled.groupindex and again.groups == compiled.groups:
        _known[key] = entry
        _dirty = True


def cache_file() -> Path:
    """Beside the solve cache (see verify.user_cache)."""
    return user_cache.cache_file(_TAG)


def _load() -> None:
    global _loaded
    _loaded = True
    stored = user_cache.read_entries(cache_file())
    _known.update({k: v for k, v in stored.items()
                   if isinstance(v, list) and (len(v) == 5 or len(v) == 1 and k.startswith("first:") and isinstance(v[0], str))})


def first_chars(pattern: str) -> str | None:
    """A character class holding every character a match of `pattern` can start with ('[\\d一二]'),
    or None when that is not known or not narrow (a match may be empty, or start with any letter).
    Put before an alternative of a large pattern, `(?=[…])` rejects at one test the places where the
    alternative cannot match: the same matches, found sooner. Kept in the cache with the patterns."""
    global _dirty
    if not _SUPPORTED:
        return None
    if not _loaded:
        _load()
    key = f"first:{pattern}"
    if key in _known:
        return _known[key][0] or None
    try:
        parsed = _parser.parse(pattern)
        found, empty = _first(parsed) if not parsed.state.flags & re.IGNORECASE else (None, True)
    except Exception:  # noqa: BLE001 - internals not as expected: no class, the pattern as it is
        return None
    cls = f"[{''.join(sorted(found))}]" if found and not empty else ""
    if len(_known) < _MAX_PATTERNS:
        _known[key] = [cls]
        _dirty = True
    return cls or None


def guarded(pattern: str) -> str:
    """The pattern behind a lookahead of its first characters (first_chars) when `re` itself would
    try it at every place: it starts with a lookbehind, a repeat or mixed alternatives. A pattern
    that starts with a character or a class is left alone: `re` already skips to where those are."""
    if not _SUPPORTED:
        return pattern
    try:
        scanned = _scanned(_parser.parse(pattern))
    except Exception:  # noqa: BLE001 - not parsed here: as it is, re.compile says what is wrong
        return pattern
    first = None if scanned else first_chars(pattern)
    return f"(?={first})(?:{pattern})" if first else pattern


def _scanned(items) -> bool:
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


def save() -> None:
    """Write the cache if this run compiled a pattern it did not hold; silently skip if it cannot."""
    global _dirty
    if not _dirty:
        return
    if user_cache.write_quietly(cache_file(), json.dumps(_known, ensure_ascii=False, separators=(",", ":"))):
        _dirty = False
