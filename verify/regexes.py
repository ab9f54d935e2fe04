"""Compiled regular expressions kept across runs: the large patterns (the reader's master
pattern, every rule's pattern, the statement vocabulary) cost 40 ms to compile at every start.

Python has no public way to keep a compiled pattern, so this keeps what `re` compiles a pattern
into (the code that the `_sre` module runs) in a JSON file beside the solve cache, keyed by the
pattern's text and flags, and hands it back to `_sre.compile`, as `re` itself does. Only on the
Python versions whose `re` internals this was written for; elsewhere, or when the cache cannot
be read, `re.compile` as usual. `_sre` checks the code it is given, and a cached pattern is used
only for the very same text, so a damaged cache costs only the compile it would have saved.
What is worked out from a pattern's text by parsing it (derived: the characters its matches can
start with, the words every match holds) is kept beside, keyed by the same text.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from array import array
from collections.abc import Callable
from pathlib import Path

from verify import regex_starts, user_cache

try:  # the internals re.compile itself uses (re/_compiler.py)
    import _sre
    from re import _compiler, _constants, _parser
    _SUPPORTED = (3, 11) <= sys.version_info[:2] <= (3, 13) and array("I").itemsize == _sre.CODESIZE
except ImportError:  # pragma: no cover - another implementation of Python
    _SUPPORTED = False

_TAG = f"regex-{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0) if _SUPPORTED else 0}-{sys.byteorder}-6"
_MAX_PATTERNS = 2000  # rules and vocabularies, not text: a bound in case a caller compiles text
_derived_kept = 0     # how many of _known are derived values (bounded by _MAX_PATTERNS too)
_known: dict[str, list] = {}
_used: set[str] = set()   # the keys of _known this process has read or made (user_cache.trimmed)
_SHAPES = {   # what derived() keeps beside the compiled patterns, and the shape a kept value has
    "first": lambda value, pattern: isinstance(value, str) and (value == "" or value[0] == "[" and value[-1] == "]"),
    "guard": lambda value, pattern: isinstance(value, str) and (
        value == pattern or value.startswith("(?=[") and value.endswith(f"])(?:{pattern})")),
    "words": lambda value, pattern: value is None or isinstance(value, list) and bool(value)
    and all(isinstance(word, str) and word for word in value),
    "reach": lambda value, pattern: isinstance(value, int) and value >= -1,
    "needs": lambda value, pattern: isinstance(value, str) and (value == "" or value.startswith("(?=") and value.endswith("])")),
}
_DERIVED = tuple(_SHAPES)
_loaded = False
_keeping = True   # whether the cache can be written (known once loaded)
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
        _used.add(key)
        try:
            final_flags, code, groups, groupindex, indexgroup = entry
            return _sre.compile(pattern, final_flags, _code(code), groups, groupindex, tuple(indexgroup))
        except (TypeError, ValueError, RuntimeError):
            pass  # not what _sre accepts: compile it anew
    compiled = re.compile(pattern, flags)  # raises re.error as usual
    if _keeping:   # (working out the code to keep costs a second compile: not where it cannot be kept)
        return _remember(key, pattern, flags, compiled) or compiled
    return compiled


class Lazy:
    """A pattern compiled (through compile, behind its guard when `guard`) when first used, not at
    import: a run on a short text uses fewer than half of the patterns modules define, and a cold
    start (no cache) spent a fifth of its time compiling them. Once compiled, its methods are the
    compiled pattern's own, kept on the instance (a use still passes the class's __getattr__ hook,
    a little dearer than a compiled pattern's: the patterns searched for every figure are compiled
    at import). `guard` is True for guarded(pattern), or the markers of near_guarded(pattern, …)."""

    def __init__(self, pattern: str, flags: int = 0, guard: bool | str = False) -> None:
        self._source, self._flags, self._guard = pattern, flags, guard
        if not guard:
            self.pattern = pattern   # (read to build larger patterns: no compile for that)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)   # (copy and pickle probe for these: they are the class's)
        source, guard = self._source, self._guard
        compiled = compile(near_guarded(source, guard) if isinstance(guard, str) else guarded(source) if guard else source,
                           self._flags)
        for attribute in _PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __reduce__(self):
        return Lazy, (self._source, self._flags, self._guard)


_PATTERN_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
                       "pattern", "flags", "groups", "groupindex")


def lazy(pattern: str, flags: int = 0, guard: bool | str = False) -> Lazy:
    """compile(pattern, flags) (of guarded(pattern) with `guard`, of near_guarded(pattern, guard) when
    it names markers) when first used: for the patterns of a module, which a run may not need."""
    return Lazy(pattern, flags, guard)


def _remember(key: str, pattern: str, flags: int, compiled: re.Pattern[str]) -> re.Pattern[str] | None:
    """Keep the code re.compile made (with the class its matches start with, _starting_class), once it
    is known to build the very same pattern; that pattern, made from the kept code."""
    global _dirty
    try:
        parsed = _parser.parse(pattern, flags)
        _optional_as_branch(parsed)
        code = _starting_class(_compiler._code(parsed, flags), parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = [flags | parsed.state.flags, array("I", code).tobytes().hex(), parsed.state.groups - 1, groupindex, indexgroup]
        again = _sre.compile(pattern, entry[0], _code(entry[1]), entry[2], groupindex, tuple(indexgroup))
    except Exception:  # noqa: BLE001 - internals not as expected: simply keep nothing
        return None
    if again.flags != compiled.flags or again.groupindex != compiled.groupindex or again.groups != compiled.groups:
        return None
    if len(_known) - _derived_kept < _MAX_PATTERNS:
        _known[key] = entry
        _used.add(key)
        _dirty = True
    return again


def _optional_as_branch(parsed) -> None:
    """Each greedy optional item that is not a single character or class, (…)?, made the alternation
    (?:…|) in the parsed pattern: the same matches tried in the same order (the item, then nothing),
    and the same groups. re runs a (…)? as a repeat, which copies every group's place so far before
    trying the item and back after (two copies of up to 80 places for each optional part of a figure:
    the reader's master pattern has a dozen); an alternation outside a repeat copies none."""
    compound = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)
    data = parsed.data
    for k, (op, av) in enumerate(data):
        if op is _constants.SUBPATTERN:
            _optional_as_branch(av[-1])
        elif op is _constants.BRANCH:
            for branch in av[1]:
                _optional_as_branch(branch)
        elif op in compound:
            _optional_as_branch(av[2])
            if op is _constants.MAX_REPEAT and av[0] == 0 and av[1] == 1 and not _compiler._simple(av[2]):
                data[k] = (_constants.BRANCH, (None, [av[2], _parser.SubPattern(parsed.state, [])]))
        elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
            _optional_as_branch(av[1])
        elif op is _constants.ATOMIC_GROUP:
            _optional_as_branch(av)
        elif op is _constants.GROUPREF_EXISTS:
            _optional_as_branch(av[1])
            if av[2] is not None:
                _optional_as_branch(av[2])


@functools.cache
def _plane_digits() -> list:
    """The decimal digits (\\d) of the basic plane as ranges, and one range of all the planes above."""
    ranges, start = [], None
    for point in range(0x10001):
        digit = point < 0x10000 and chr(point).isdecimal()
        if digit and start is None:
            start = point
        elif not digit and start is not None:
            ranges.append((_constants.RANGE, (start, point - 1)))
            start = None
    return ranges + [(_constants.RANGE, (0x10000, sys.maxunicode))]


def _starting_class(code: list[int], parsed, flags: int) -> list[int]:
    """re's code for a pattern, with the class of the characters its matches can start with
    (regex_starts.first_class) in the block where re keeps what a search skips to, when re found
    none itself (the pattern starts with a lookaround, a repeat or alternatives that do not each
    start with a character). A search then passes over the other places in C, one class test each,
    where it called the whole pattern at every place (guarded's lookahead made that call fail
    sooner, but it was still a call: a fifth of a check's instructions); and, for a class re made
    itself, when its characters include \\d (see _plane_digits). The same matches: the pattern is
    still tried, as it was, at every place the class admits, and the class admits every place where
    a match can start."""
    info = _constants.INFO
    if code[0] != info or code[2] & _constants.SRE_INFO_PREFIX or not code[3]:
        return code   # re skips by a prefix already; or a match may be empty
    body = code[code[1] + 1:]
    if body[0] == _constants.AT and body[1] in (_constants.AT_BEGINNING, _constants.AT_BEGINNING_STRING):
        return code   # ^…: re tries the start alone and stops; a class would have it scan the rest
    every_flag = parsed.state.flags | flags
    if every_flag & (re.IGNORECASE | re.LOCALE | re.ASCII):
        return code
    first = regex_starts.first_class(parsed)
    if not first or code[2] & _constants.SRE_INFO_CHARSET and r"\d" not in first:
        return code   # (re's own class is as good, unless it tests \d)
    (op, members), = _parser.parse(first, every_flag & ~re.VERBOSE).data
    if op is _constants.LITERAL:
        members = [(op, members)]
    elif op is not _constants.IN:
        return code
    digit = (_constants.CATEGORY, _constants.CATEGORY_DIGIT)
    if digit in members:   # \d as the digits of the basic plane and every character beyond it: a class to
        # skip by may hold more than can start a match (the pattern still tests each place it admits), and
        # one bitmap is a test of a few instructions where \d looked each character up in Unicode's tables
        members = [member for member in members if member != digit] + _plane_digits()
    charset, cased = _compiler._optimize_charset(members)
    if cased:
        return code
    block = [info, 0, _constants.SRE_INFO_CHARSET, code[3], code[4]]
    _compiler._compile_charset(charset, every_flag, block)
    block[1] = len(block) - 1
    return block + body


def _code(kept: str) -> list[int]:
    """The code of a kept pattern, kept as the hex of its machine words: a JSON file of 100,000
    numbers took 6 to 12 ms to read at every start, its strings half that, made into numbers in C."""
    return array("I", bytes.fromhex(kept)).tolist()


def cache_file() -> Path:
    """Beside the solve cache (see verify.user_cache)."""
    return user_cache.cache_file(_TAG)


def _load() -> None:
    global _loaded, _derived_kept, _keeping
    _loaded = True
    _keeping = user_cache.writable(cache_file())
    stored = user_cache.read_entries(cache_file())
    _known.update({k: v for k, v in stored.items()
                   if isinstance(v, list) and (len(v) == 5 or len(v) == 1 and k.split(":", 1)[0] in _DERIVED)})
    _derived_kept = sum(1 for entry in _known.values() if len(entry) == 1)


def derived(kind: str, pattern: str, compute: Callable[[], object]) -> object:
    """What `compute` works out from a pattern's text (a JSON value: the class its matches start
    with, the words every match holds), kept in the cache beside the compiled patterns, so that a
    later run does not parse the pattern again."""
    global _dirty, _derived_kept
    if not _SUPPORTED:
        return compute()
    if not _loaded:
        _load()
    key = f"{kind}:{pattern}"
    _used.add(key)
    if key in _known and _SHAPES[kind](_known[key][0], pattern):
        return _known[key][0]
    value = compute()   # (a damaged entry is worked out again, as a missing one is)
    if key in _known or _derived_kept < _MAX_PATTERNS:   # bounded apart: never in compiled patterns' room
        _derived_kept += key not in _known
        _known[key] = [value]
        _dirty = True
    return value


def first_chars(pattern: str) -> str | None:
    """A character class holding every character a match of `pattern` can start with ('[\\d一二]'),
    or None when that is not known or not narrow (a match may be empty, or start with any letter).
    Put before an alternative of a large pattern, `(?=[…])` rejects at one test the places where the
    alternative cannot match: the same matches, found sooner."""
    if not _SUPPORTED:
        return None
    return derived("first", pattern, lambda: _parsed_or_none(pattern, regex_starts.first_class) or "") or None


def anchor_reach(pattern: str, anchors: str) -> int | None:
    """The most characters a match of `pattern` can hold before its first character of `anchors`
    (a class's members: '\\d一二'), or None when a match may hold none (regex_starts.reach). A
    search for the pattern from a place may then start that many characters before the next anchor."""
    if not _SUPPORTED:
        return None
    def compute() -> int:
        found = _parsed_or_none(pattern, lambda parsed: regex_starts.reach(parsed, anchors))
        return -1 if found is None else found   # (kept as -1: the cache holds only numbers here)
    found = derived("reach", f"[{anchors}]\n{pattern}", compute)
    return found if found >= 0 else None


def needs(pattern: str, markers: str) -> str:
    """A lookahead every match of `pattern` passes: one of `markers` (a class's members: '月日号')
    after no more characters than its matches hold before one (regex_starts.needs), or '' when
    a match may hold none. Before an alternative of a large pattern, it rejects the places where
    no marker is near, such as a figure that is no date, at a short scan."""
    if not _SUPPORTED:
        return ""
    return derived("needs", f"[{markers}]\n{pattern}",
                   lambda: _parsed_or_none(pattern, lambda parsed: regex_starts.needs(parsed, markers)) or "")


def guarded(pattern: str) -> str:
    """The pattern behind a lookahead of its first characters (first_chars) when `re` itself would
    try it at every place: it starts with a lookbehind, a repeat or mixed alternatives. A pattern
    that starts with a character or a class is left alone: `re` already skips to where those are."""
    if not _SUPPORTED:
        return pattern

    def guard() -> str:
        if _parsed_or_none(pattern, regex_starts.searched_by_re) is not False:
            return pattern   # re finds the start itself, or the pattern is not parsed here
        first = first_chars(pattern)
        return f"(?={first})(?:{pattern})" if first else pattern
    return derived("guard", pattern, guard)


def near_guarded(pattern: str, markers: str) -> str:
    """The pattern behind a lookahead of the characters its matches start with (first_chars) and of
    the marker each of its matches holds near its start (needs): a place where no marker is near
    is rejected after a short scan, not tried."""
    first = first_chars(pattern)
    guards = (f"(?={first})" if first else "") + needs(pattern, markers)
    return f"{guards}(?:{pattern})" if guards else pattern


def ending_at(pattern: re.Pattern[str], text: str, ends, reach: int, ahead: int = 0) -> list[re.Match[str]]:
    """The matches pattern.finditer(text) finds, found by searching only the `reach` characters
    before each of `ends` (ascending offsets, such as where each 中, of the text ends): for a pattern
    every match of which ends at one of `ends`, spans at most `reach` characters, holds no other of
    `ends` inside it, and looks at most `ahead` characters past its end (a lookahead). A search of
    the whole text tries the pattern at every place; this, only near where a match can end."""
    found, since = [], 0
    for end in ends:
        m = pattern.search(text, max(since, end - reach), min(len(text), end + ahead))
        if m is not None and m.end() == end:
            found.append(m)
        since = end   # no match holds an end inside it: a later one starts at or after this end
    return found


def _parsed_or_none(pattern: str, read: Callable):
    """read(the parsed pattern), or None when the pattern or the internals are not as expected."""
    try:
        return read(_parser.parse(pattern))
    except Exception:  # noqa: BLE001 - not parsed here: re.compile says what is wrong, or it is an internal change
        return None


def save() -> None:
    """Write the cache if this run compiled a pattern it did not hold (with what it used, and
    others only up to as much again: user_cache.trimmed); silently skip if it cannot."""
    global _dirty
    if not _dirty:
        return
    kept = user_cache.trimmed(_known, _used)
    if user_cache.write_quietly(cache_file(), json.dumps(kept, ensure_ascii=False, separators=(",", ":"))):
        _dirty = False
