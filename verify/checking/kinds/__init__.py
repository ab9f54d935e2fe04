"""The rule kinds: each module declares its keys, prepares a rule once, and judges its matches."""

from verify.checking.kinds import calendar, compound, consistency, count, pattern, relation, sum_parts, tally, term

KINDS = {
    "relation": relation,
    "sum": sum_parts,
    "count": count,
    "consistency": consistency,
    "calendar": calendar,
    "pattern": pattern,
    "tally": tally,
    "term": term,
    "compound": compound,
}
