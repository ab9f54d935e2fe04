"""Where sentences, clauses and parentheticals begin and end, found once per page.

Sentences end at 。！？ and line breaks (not at ；, which joins the clauses of one statement);
clauses end at commas, semicolons and colons too; a parenthetical （…） is a note inside its
clause. Positions are offsets of the document's normalised view.
"""

from __future__ import annotations

import bisect
import operator
import re
from itertools import compress

from verify.frozen import record
from verify import regexes

_SENTENCE_MARKS = frozenset("。！？!?\n")   # (a set: its __contains__, mapped over a page's clause ends, is a plain
                                         # call; a str's is a slot wrapper, which makes an argument tuple for each)
CLAUSE_END = regexes.compile(r"[。！？!?\n,;；:]")   # the sentence marks, and , ; ； :


@record
class Layout:
    """Sentence and clause boundaries, and the spans of parentheticals, of one page."""

    text: str
    sentence_ends: tuple[int, ...]
    clause_ends: tuple[int, ...]
    notes: tuple[tuple[int, int], ...]   # (open, close) of each parenthetical
    note_starts: tuple[int, ...]         # where each of them opens (searched by bisection for every figure)

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence holding pos: after the previous end mark, through the next."""
        ends = self.sentence_ends   # (bisected here, no helper called: this runs for every figure, and in most readings)
        i = bisect.bisect_left(ends, pos)
        return ends[i - 1] + 1 if i > 0 else 0, ends[i] + 1 if i < len(ends) else len(self.text)

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause holding pos; a parenthetical's brackets also bound it."""
        return self.clause_in(pos, self.note_at(pos))

    def clause_in(self, pos: int, note: tuple[int, int] | None) -> tuple[int, int]:
        """The clause holding pos, given the parenthetical that holds it (note_at(pos))."""
        ends = self.clause_ends   # (as sentence: this runs for every figure)
        i = bisect.bisect_left(ends, pos)
        start = ends[i - 1] + 1 if i > 0 else 0
        end = ends[i] + 1 if i < len(ends) else len(self.text)
        if note is not None:
            return max(start, note[0] + 1), min(end, note[1])
        notes, last = self.notes, None
        k = bisect.bisect_left(self.note_starts, start)
        while k < len(notes) and notes[k][0] < pos:   # (sorted by their opening: none after opens before pos)
            if notes[k][1] < pos:
                last = notes[k]   # the last parenthetical closing in [start, pos): the clause starts after it
            k += 1
        if last is not None:
            start = max(start, last[1] + 1)
        return start, end

    def note_at(self, pos: int) -> tuple[int, int] | None:
        """The parenthetical holding pos, if any."""
        i = bisect.bisect_right(self.note_starts, pos) - 1   # (the last opening at or before pos)
        if i >= 0 and self.notes[i][0] < pos < self.notes[i][1]:
            return self.notes[i]
        return None


def lay_out(view: str) -> Layout:
    """Find every boundary of the page in one pass each."""
    notes = _notes(view)
    clause_ends = tuple(map(_start, CLAUSE_END.finditer(view)))
    # every sentence end is a clause end: picked from those, not found by a second pass over the page
    sentence_ends = tuple(compress(clause_ends, map(_SENTENCE_MARKS.__contains__, map(view.__getitem__, clause_ends))))
    if len(view) > LONGEST:
        clause_ends, sentence_ends = _capped(clause_ends, sentence_ends, len(view))
    return Layout(view, sentence_ends, clause_ends, tuple(notes), tuple(note[0] for note in notes))


def _notes(view: str) -> list[tuple[int, int]]:
    """(open, close) of each parenthetical, sorted; a line break closes none opened before it. The
    brackets are found by str.find, a scan in C of a few instructions a character, where a pattern
    of the six and the line break tested each character against its class (1 M a page): a page has
    few brackets, and a line break matters only between an open bracket and the next one."""
    marks = []
    for ch in "()[]【】":
        at = view.find(ch)
        while at >= 0:
            marks.append(at)
            at = view.find(ch, at + 1)
    marks.sort()
    notes, stack, last = [], [], 0
    for at in marks:
        if stack and view.find("\n", last, at) >= 0:
            stack.clear()   # a line break since the bracket before
        if view[at] in "(【[":
            stack.append(at)
        elif stack:
            notes.append((stack.pop(), at))
        last = at
    notes.sort()
    return notes


LONGEST = 1_000   # characters: no sentence a writer wrote is longer (the archive's longest is 686)


def _capped(clause_ends: tuple[int, ...], sentence_ends: tuple[int, ...], length: int) -> tuple[tuple, tuple]:
    """The ends, with one more wherever LONGEST characters pass without one: on a page without
    punctuation, or one sentence of ten thousand clauses (a table dumped as text; a file made to
    hang CI), every reading that looks back over its clause or sentence would cost the square of
    its length. An end added to the sentences is one of the clauses too. (The sentence ends are among
    the clause ends: when no sentence is too long, no clause is, and the clauses are not looked at.)"""
    sentences = _with_ends_every(sentence_ends, length)
    if sentences is sentence_ends:
        return clause_ends, sentence_ends
    clause_ends = tuple(sorted(set(clause_ends).union(sentences)))
    return _with_ends_every(clause_ends, length), sentences


def _with_ends_every(ends: tuple[int, ...], length: int) -> tuple[int, ...]:
    """The ends, and one every LONGEST characters of a stretch longer than that without one."""
    gaps = map(operator.sub, ends + (length,), (-1,) + ends)   # (not int.__sub__: a slot wrapper, as above)
    if max(gaps) <= LONGEST:
        return ends   # (any real page: one pass in C)
    out, previous = [], -1
    for end in ends + (length,):
        while end - previous > LONGEST:
            previous += LONGEST
            out.append(previous)
        out.append(end)
        previous = end
    return tuple(out[:-1])


_start = re.Match.start   # (mapped over a page's matches: no Python frame for each)


def figures_before(view: str, starts: list[int], words, reach: int) -> list[int]:
    """The indexes of the figures (by their `starts`, ascending) that start at most `reach` characters
    before an occurrence of one of `words`, in text order: found with str.find, no pattern, so a
    reading that needs such a word after its figures asks only those."""
    near: set[int] = set()
    for word in words:
        at = view.find(word)
        while at >= 0:
            near.update(range(bisect.bisect_left(starts, at - reach), bisect.bisect_left(starts, at)))
            at = view.find(word, at + 1)
    return sorted(near)
