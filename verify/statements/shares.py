"""Shares of one whole, each stated in its own clause: 投资对经济增长的贡献率为57%。…消费对经济增长的
贡献率为35%。…净流出对经济增长的贡献率为8% — percentages of one paragraph, each after a share word of
one kind (贡献率, 比重, 占比: vocabulary share_kinds) whose words name one member of a partition
(vocabulary partitions and share_partitions), together naming every member once, make up one whole:
they add up to 100%.

The whole must be one: at least one of them names it (对经济增长的贡献率, 占出口总额的比重), and each
other names nothing more (资本形成总额的贡献率) or a part of those words (初级产品的出口比重 beside
工业制成品的出口占出口总额的比重). A member followed by words of its own (城镇居民食品支出占比,
农村居民食品支出占比) names a share of its own whole, not of one whole: no group.
Starting shares are grouped apart from those reached (由77.5%…上升到85.5%: the starting shares
together, the ending ones together), all of one time. Shares right after their words in one sentence (第一产业增加值比重为7.1%，第二产业
增加值比重为39.0%…; 占比分别为…) are the pattern rule's (shares-of-one-whole).

Percentages of one sentence each right before a word a member of the group says of one thing only
(47%来自中国内地，35%来自香港: vocabulary exclusive_predicates) are shares of one group that do not overlap:
a disjoint group, together at most 100%.

The parts of a ratio the reader read as shares (三次产业比为3.9：59.5：36.6: Quantity.ratio_part, ratios.py)
are every share of one whole: a group, together 100%.
"""

from __future__ import annotations

from verify import regexes

from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.ratios import ratio_groups
from verify.statements.records import FROM, LEVEL, SHARE, ShareGroup, Statement
from verify.statements.vocabulary import Vocabulary, word_pattern

_ROLES = (LEVEL, SHARE, FROM)
_FROM = regexes.lazy("[由从]")
_TO = regexes.lazy("[到至]")
_LEAD_IN = regexes.lazy(r"^[\s,，、;；]*(?:其中|另有|还有|有|约|而)?[\s,，]*")
_LISTED_KINDS = ("比重", "占比", "比例")   # the share words the pattern rule shares-of-one-whole reads
_RIGHT_AFTER = regexes.lazy(r"^(?:分别)?(?:为|是|达到|达)?$")
_FILLER = str.maketrans("", "", "的之了所在 ")


def share_groups(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                 vocab: Vocabulary) -> list[ShareGroup]:
    """Every group of percentages of one paragraph that name all members of one partition as
    shares of one whole (see the module's doc)."""
    kinds = word_pattern(vocab.words("share_kinds"))
    text = layout.text
    by_key: dict[tuple, list[tuple[int, str]]] = {}
    for index, st in statements.items():
        q = quantities[index]
        if q.unit != "%" or st.note or st.role not in _ROLES:
            continue
        words = text[st.clause[0]:q.start]
        last = None
        for last in kinds.finditer(words):
            pass
        if last is None:
            continue
        paragraph = text.rfind("\n", 0, q.start) + 1
        after = words[last.end():]
        starting = bool(_FROM.search(after)) and not _TO.search(after)   # 比重由77.5%(上升到85.5%)
        by_key.setdefault((paragraph, starting, last.group()), []).append((index, words[:last.start()], after))
    found = []
    partitions = vocab.partitions + vocab.share_partitions
    for (_, _, kind), members in by_key.items():
        if len(members) < 2:
            continue
        indexes = tuple(i for i, _, _ in members)
        times = {statements[i].time for i in indexes} - {None}
        if len(times) > 1:
            continue
        if kind in _LISTED_KINDS and len({statements[i].sentence for i in indexes}) == 1 \
                and all(_RIGHT_AFTER.match(a) for _, _, a in members):
            continue   # 第一产业增加值比重为7.1%，第二产业增加值比重为39.0%…: shares-of-one-whole reads them
        residues = _residues([label for _, label, _ in members], partitions)
        if residues is None or not _one_whole(residues):
            continue
        found.append(ShareGroup(indexes, quantities[indexes[0]].start, quantities[indexes[-1]].end))
    return found + _exclusive(quantities, statements, layout, vocab) + [
        ShareGroup(g, quantities[g[0]].start, quantities[g[-1]].end) for g in ratio_groups(quantities)
        if quantities[g[0]].kind == "percent"]


def _exclusive(quantities, statements, layout: Layout, vocab) -> list[ShareGroup]:
    """其中47%来自中国内地，35%来自香港，12%来自台湾: percentages of one sentence, each right before a word
    that each member of the group can say of one thing only (来自: vocabulary exclusive_predicates), are
    shares of one group that do not overlap: together at most 100%."""
    words = vocab.words("exclusive_predicates")
    runs: list[list[int]] = []
    for index, st in statements.items():
        q = quantities[index]
        if q.unit != "%" or st.note or st.role not in _ROLES or not layout.text.startswith(words, q.end):
            continue
        own = _LEAD_IN.sub("", layout.text[st.clause[0]:q.start])
        if runs and statements[runs[-1][-1]].sentence == st.sentence and not own:
            runs[-1].append(index)   # ，35%来自香港: one more of the group, its clause naming nothing else
        else:
            runs.append([index])     # 税收的60%来自工业，就业的80%来自服务业: another group's
    return [ShareGroup(tuple(group), quantities[group[0]].start, quantities[group[-1]].end, "disjoint")
            for group in runs if len(group) >= 2]


def _residues(labels: list[str], partitions) -> list[str] | None:
    """The words after each label's member (对经济增长的 of 投资对经济增长的), when the labels name every
    member of one partition, each once; else None."""
    for members in partitions:
        if len(members) != len(labels):
            continue
        hits, residues = [], []
        for label in labels:
            found = [(len(word), n, label.rfind(word) + len(word)) for n, synonyms in enumerate(members)
                     for word in synonyms if word in label]
            if not found:
                break
            best = max(found)
            if len({n for length, n, _ in found if length == best[0]}) != 1:
                break
            hits.append(best[1])
            residues.append(label[best[2]:].translate(_FILLER))
        if len(hits) == len(labels) and len(set(hits)) == len(hits):
            return residues
    return None


def _one_whole(residues: list[str]) -> bool:
    """One whole, named (对经济增长, 出口占出口总额) by at least one in the same words; each other names
    nothing more (empty) or the part's own words before 占 (出口 of 出口占出口总额)."""
    named = {r for r in residues if r.startswith("对") or "占" in r}
    if len(named) != 1:
        return False
    whole = next(iter(named))
    own = whole.split("占")[0]
    return all(not r or r == whole or (own and r == own) for r in residues)
