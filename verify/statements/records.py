"""What the statement stage says of a page: each figure's role and measure, and the 其中 lists.

Records only, frozen: the reader builds them, rules and the report read them.
"""

from __future__ import annotations

from enum import Enum

from verify.frozen import record, slot_setters


class Role(Enum):
    """What a figure states about its measure."""

    LEVEL = "level"            # 地区生产总值626.9亿元
    CHANGE = "change"          # 比上年增加19.9亿元 (signed)
    RATE = "rate"              # 增长4.3% (signed)
    SHARE = "share"            # 占…比重为7.1%
    COMPLETION = "completion"  # 完成全年计划的96.8%
    AVERAGE = "average"        # 人均, 日均, 每亩, 密度: never a part of a total
    FROM = "from"              # 由60万人 (降至2419人)
    BASE = "base"              # 远高于2月底的1000例: what another figure is compared with
    PLAN = "plan"              # 计划新开工2.5万个: a target or forecast, not what happened
    SUBPART = "subpart"        # 含5例…: a part of the figure before it
    NET = "net"                # 顺差162亿美元: a balance, which a part may exceed
    ATTRIBUTE = "attribute"    # 两台33万千瓦机组, 2.5级以上的地震: describes a thing, is no amount of it
    OTHER = "other"            # magnitudes, scores, ages: figures that do not add up

    # A member is its one instance and equal only to itself: hashed as that object, in C, rather than
    # by Enum's hash of its name, a Python call for every test of a role against a set of roles.
    __hash__ = object.__hash__


ADDITIVE = frozenset({Role.LEVEL, Role.FROM})

# Role's members as plain names, for the readings that test roles at every figure: on Python 3.11
# Enum's class answers each Role.LEVEL through its __getattr__ hook (a call of type.__getattribute__,
# about 0.13 µs: the role reader asked eight of them a figure); a module's name is a dict look-up.
LEVEL, CHANGE, RATE, SHARE, COMPLETION, AVERAGE, FROM, BASE, PLAN, SUBPART, NET, ATTRIBUTE, OTHER = (
    Role.LEVEL, Role.CHANGE, Role.RATE, Role.SHARE, Role.COMPLETION, Role.AVERAGE, Role.FROM, Role.BASE,
    Role.PLAN, Role.SUBPART, Role.NET, Role.ATTRIBUTE, Role.OTHER)


@record(slots=True, init=False)
class Statement:
    """One figure read as a statement: its role, sign, measure, what it compares with, where."""

    index: int                 # the figure, as an index into the page's quantities
    role: Role
    sign: int                  # +1 up, -1 down, 0 for no change word
    measure: str               # the indicator as the clause names it (工业增加值, 境外输入病例)
    head: str                  # what is counted or measured: 行政区 of 3个行政区, 投资 of 投资1.23亿元
    compare: str | None        # 同比, 比上年, 较上月 …
    time: str | None           # 1—10月, 截至10月底 … as written in the clause
    clause: tuple[int, int]    # the clause (between commas) the figure stands in
    sentence: tuple[int, int]  # the sentence (between full stops and line breaks)
    note: bool                 # inside a parenthetical (（其中29项已经生效）)
    of: int | None = None      # for a change, rate or share: the level it describes (quantity index)
    subject: str | None = None # who or where: 全国, 青岛, 东盟 (the nearest named before it in its paragraph)

    def __init__(self, index: int, role: Role, sign: int, measure: str, head: str, compare: str | None,
                 time: str | None, clause: tuple[int, int], sentence: tuple[int, int], note: bool,
                 of: int | None = None, subject: str | None = None) -> None:
        """The fields, stored through their slots (frozen.slot_setters): one per figure."""
        s_index, s_role, s_sign, s_measure, s_head, s_compare, s_time, s_clause, s_sentence, s_note, s_of, s_subject \
            = _SETTERS
        s_index(self, index), s_role(self, role), s_sign(self, sign), s_measure(self, measure), s_head(self, head)
        s_compare(self, compare), s_time(self, time), s_clause(self, clause), s_sentence(self, sentence)
        s_note(self, note), s_of(self, of), s_subject(self, subject)


_SETTERS = slot_setters(Statement)



class Statements(dict):
    """{quantity index: Statement} in text order, with the statements of each role as they were added:
    the two dozen readings that each want the statements of one role (the averages, the shares)
    walk those, not every statement of the page (with_role)."""

    __slots__ = ("by_role",)

    def __init__(self) -> None:
        super().__init__()
        self.by_role: dict[Role, list[tuple[int, Statement]]] = {role: [] for role in Role}

    def add(self, st: Statement) -> None:
        """A statement after every one before it in the text."""
        self[st.index] = st
        self.by_role[st.role].append((st.index, st))


def of_one_time(a: Statement, b: Statement) -> bool:
    """Two figures of one time: the same time as written, or one of them states none."""
    return a.time is None or b.time is None or a.time == b.time


def with_role(statements: dict[int, Statement], role: Role) -> list[tuple[int, Statement]]:
    """(index, statement) of the statements of one role, in text order: the page's Statements' own
    list (kept as they were added: a reading walks it, and changes it never), or, for a plain dict
    (a test's), found by looking at each."""
    by_role = getattr(statements, "by_role", None)
    if by_role is None:
        return [(index, st) for index, st in statements.items() if st.role is role]
    return by_role[role]


@record(slots=True)
class PartsList:
    """A 其中 list: the total it breaks down, and the parts it names."""

    marker: int                # where 其中 stands
    total: int                 # the total, as a quantity index
    parts: tuple[int, ...]     # the parts, as quantity indexes, in text order
    certain: bool              # one total only could be meant (else: the largest of those that could)
    end: int                   # where the list ends
    complete: str = "open"     # "complete": all parts named; "disjoint": no overlap; "open": may overlap
    probable: bool = False     # opened by a dimension or a parenthetical, not by 其中: a warning at most


@record(slots=True)
class ShareGroup:
    """Percentages, each in its own clause, that name every member of one partition as shares of one
    whole (投资/消费/净出口对经济增长的贡献率): together 100% (shares.py)."""

    parts: tuple[int, ...]     # the shares, as quantity indexes, in text order
    start: int
    end: int
    complete: str = "complete" # "complete": together 100%; "disjoint": no overlap, at most 100% (来自)


@record(slots=True)
class Tally:
    """A stated number of things and the things the text names for it, read as a range of items:
    A、B、C等N个 (named-list), “一匠五创”（…） (counted-label), 提出四点建议。一是…四是 (enumeration),
    A、B分别增长x、y (respectively: the values are the count), 在N个Y中，a个…b个 (count-partition:
    the parts' sum). Positions are offsets of the text; rules compare `stated` with the items."""

    family: str                # named-list, counted-label, enumeration, respectively, count-partition
    stated: int                # the number the text states (for 分别: how many values)
    count: tuple[int, int]     # where that number is written (for 分别: the values)
    items: tuple[str, ...]     # the things named, as read (for a partition: its parts)
    fewest: int                # the fewest things the names can be (和/及 may sit inside a name)
    most: int                  # the most things they can be
    exact: bool                # all of them are named (no 等): stated must be within [fewest, most]
    start: int                 # the whole structure
    end: int
    certain: bool = True       # separators and ends unambiguous (else a warning at most)
    figures: tuple[int, ...] = ()   # quantity indexes the tally rests on (the count, the values)


@record(slots=True)
class StatementReading:
    """Every statement of a page (by quantity index) and its 其中 lists."""

    statements: dict[int, Statement]
    parts_lists: tuple[PartsList, ...]
    facts: tuple = ()          # tuple[Fact, ...]: levels with what else is stated of them
    tallies: tuple[Tally, ...] = ()   # counts against the items they name (lists.py)
    headlines: tuple = ()      # tuple[Restatement, ...]: a title's figure and the body figure stating the same (headlines.py)
    share_groups: tuple[ShareGroup, ...] = ()   # shares of one whole, each in its own clause (shares.py)
    whole_counts: frozenset[int] = frozenset()   # counts of whole things, each exactly what it prints (whole_counts.py)
    borrowed_units: tuple[tuple[int, str], ...] = ()   # a figure and the unit the next figure of its measure gives it (超过40万，达到401763例)
