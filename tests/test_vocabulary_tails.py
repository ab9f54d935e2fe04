"""Vocabulary.tails: the characters each end-anchored pattern can end with, as reader._role relies
on them to leave a label unsearched. Checked against the patterns themselves: the last characters
their parsed form allows (re's parser), which must all be among the tails."""

from __future__ import annotations

from re import _constants as C, _parser

import pytest

from verify.statements.vocabulary import vocabulary

_ZERO_WIDTH = (C.ASSERT, C.ASSERT_NOT, C.AT)


def _ends(items) -> tuple[set[str], bool]:
    """(the characters a match of the sequence can end with, whether it can match nothing)."""
    chars: set[str] = set()
    for op, av in reversed(list(items)):
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            return chars | {chr(av)}, False
        if op is C.IN:
            members = set()
            for kind, value in av:
                assert kind in (C.LITERAL, C.RANGE), "a class the test cannot list"
                members |= {chr(value)} if kind is C.LITERAL else {chr(c) for c in range(value[0], value[1] + 1)}
            return chars | members, False
        if op is C.BRANCH:
            ends = [_ends(branch) for branch in av[1]]
            found, empty = set().union(*(e for e, _ in ends)), any(e for _, e in ends)
        elif op is C.SUBPATTERN:
            found, empty = _ends(av[3])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            found, empty = _ends(av[2])
            empty = empty or av[0] == 0
        else:
            raise AssertionError(f"an item the test cannot read: {op}")
        chars |= found
        if not empty:
            return chars, False
    return chars, True


def _anchored(items) -> bool:
    """Every match of the sequence ends at $ (so its last character is the text's, a label being stripped)."""
    for op, av in reversed(list(items)):
        if op in (C.ASSERT, C.ASSERT_NOT):
            continue
        if op is C.AT:
            return av in (C.AT_END, C.AT_END_STRING)
        if op is C.SUBPATTERN:
            return _anchored(av[3])
        if op is C.BRANCH:
            return all(_anchored(branch) for branch in av[1])
        return False
    return False


@pytest.mark.parametrize("name", sorted(vocabulary().tails))
def test_every_match_ends_with_a_tail(name):
    vocab = vocabulary()
    pattern = getattr(vocab, name).pattern
    parsed = _parser.parse(pattern)
    assert _anchored(parsed)
    chars, empty = _ends(parsed)
    assert not empty
    assert chars <= vocab.tails[name], chars - vocab.tails[name]


def test_a_label_ending_otherwise_matches_none():
    vocab = vocabulary()
    for name, tails in vocab.tails.items():
        for label in ("地区生产总值", "全年", "比上年增长", "由", "增长到", "远高于去年的"):
            if label[-1:] not in tails:
                assert getattr(vocab, name).search(label) is None, (name, label)
