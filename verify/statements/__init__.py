"""Statements: [Quantity] -> each figure's role, measure, subject, time and scope, and 其中 lists.

The stage between reading figures and checking rules. Rules speak of what a figure states
(a level, a change, a rate, a share, a part of a total), not of the characters around it.
"""

from __future__ import annotations

from verify.reading.document import Document
from verify.reading.quantity import Quantity
from verify.statements.additions import added_totals
from verify.statements.clauses import lay_out
from verify.statements.count_partitions import count_partitions
from verify.statements.directions import directions
from verify.statements.averages import daily_averages, yearly_averages
from verify.statements.facts import NAMED_ROLES, Fact, facts, gaps_to_named, role_name
from verify.statements.headlines import Restatement, item_of, restatements
from verify.statements.included import contained_parts, included_parts
from verify.statements.labelled_values import labelled_values
from verify.statements.glossary import glossary_labels
from verify.statements.lists import counted_labels, named_lists
from verify.statements.members import increases, members, named_parts, new_in_totals
from verify.statements.single_parts import single_parts
from verify.statements.named_tallies import named_tallies
from verify.statements.part_rates import bases_of_parts, rates_of_named_parts, rates_of_parts
from verify.statements.per_unit import per_unit_averages
from verify.statements.periods import period_facts
from verify.statements.place_parts import place_parts
from verify.statements.proportions import proportions
from verify.statements.ratios import ratio_facts
from verify.statements.reader import NUMERIC, read_statement
from verify.statements.records import PartsList, Role, ShareGroup, Statement, StatementReading, Statements, Tally
from verify.statements.respectively import respectively
from verify.statements.respectively_wholes import respectively_wholes
from verify.statements.roll_calls import attendance
from verify.statements.running_totals import later_totals
from verify.statements.listed_totals import listed_totals
from verify.statements.reached_levels import borrowed_units, passed_thresholds, reached_levels
from verify.statements.scopes import parts_lists
from verify.statements.shares import share_groups
from verify.statements.spans import span_lengths
from verify.statements.subjects import subjects_at
from verify.statements.vocabulary import vocabulary
from verify.statements.whole_counts import whole_counts

__all__ = ["NAMED_ROLES", "Fact", "PartsList", "Restatement", "Role", "ShareGroup", "Statement", "StatementReading", "Tally", "read_statements", "role_name"]


def read_statements(doc: Document, quantities: list[Quantity]) -> StatementReading:
    """Read every numeric figure of a page into a statement, then find its 其中 lists."""
    vocab = vocabulary()
    layout = lay_out(doc.view)
    statements = Statements()
    read = [index for index, q in enumerate(quantities)   # 1.68:1: only ratios.py's
            if q.kind in NUMERIC and not q.label and not (q.ratio_part and q.kind == "ratio")]
    subjects = subjects_at(doc.view, vocab, [quantities[i].start for i in read])
    for index, subject in zip(read, subjects):
        statements.add(read_statement(index, quantities, layout, vocab, statements, subject))
    lists = tuple(parts_lists(quantities, statements, layout, vocab))
    labels = counted_labels(doc.view, quantities)
    read_labels = {t.count for t in labels}   # 12.“三通一码”：赣服通…: a note with a colon list is read once
    tallies = (named_lists(doc.view, quantities) + labels
               + [t for t in glossary_labels(doc.view, quantities) if t.count not in read_labels]
               + labelled_values(doc.view, quantities)
               + respectively(quantities, statements, layout, vocab) + count_partitions(layout, quantities)
               + named_tallies(quantities, statements, layout, vocab))
    parts = frozenset(i for pl in lists for i in pl.parts)
    found = (facts(quantities, statements, layout, lists, vocab) + daily_averages(quantities, statements, layout, vocab)
             + yearly_averages(quantities, statements, layout, vocab) + gaps_to_named(quantities, statements, layout, vocab)
             + period_facts(quantities, statements, layout, vocab)
             + span_lengths(quantities, statements, layout, vocab) + directions(quantities, statements, layout, vocab)
             + added_totals(quantities, statements, layout, vocab, parts)
             + per_unit_averages(quantities, statements, layout, vocab)
             + ratio_facts(quantities, statements, layout, vocab)
             + members(quantities, statements, layout, vocab) + new_in_totals(quantities, statements, layout, vocab)
             + attendance(quantities, statements, layout, vocab)
             + single_parts(quantities, statements, layout, lists, vocab)
             + named_parts(quantities, statements, layout, vocab)
             + place_parts(quantities, statements, layout, vocab)
             + included_parts(quantities, statements, layout, vocab)
             + contained_parts(quantities, statements, layout, vocab)
             + listed_totals(quantities, statements, layout, vocab))
    found += later_totals(quantities, statements, layout, vocab, found)
    found += proportions(quantities, statements, vocab, found, doc.view)
    found += increases(quantities, statements, layout, found, vocab) + rates_of_parts(quantities, statements, lists, found) \
        + bases_of_parts(quantities, statements, lists, found, vocab, doc.view) \
        + rates_of_named_parts(quantities, statements, layout, vocab)
    thresholds = passed_thresholds(quantities, statements, layout, vocab)
    found += reached_levels(quantities, statements, layout, vocab, found) + thresholds
    whole = whole_counts(quantities, statements, layout, vocab)
    checked = respectively_wholes(quantities, statements, layout, tallies, lists, vocab)   # for the checks only
    return StatementReading(statements, checked, tuple(found), tuple(tallies),
                            tuple(restatements(doc.view, quantities, statements, vocab, parts, whole, item_of(tallies))),
                            tuple(share_groups(quantities, statements, layout, vocab)), whole,
                            borrowed_units(thresholds, quantities))
