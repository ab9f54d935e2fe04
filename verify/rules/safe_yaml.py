"""YAML for files anyone can submit (rules here, suppressions in the gate): the safe loader, minus aliases.

safe_load builds no Python objects from tags, but still expands aliases: a 450-byte file of
nested `*a` references (billion laughs) grows to gigabytes. Rule and suppression files need
neither anchors nor aliases, so the event stream is read first (libyaml, in C where PyYAML has
it) and any anchor, alias or nesting deeper than MAX_DEPTH is refused at its line.
"""

from __future__ import annotations

import yaml

MAX_DEPTH = 40  # a rule file nests four levels; a 100,000-deep file would exhaust the composer
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def refuse_aliases(text: str) -> None:
    """Raise a MarkedYAMLError (with the line) at the first anchor, alias or over-deep nesting."""
    depth = 0
    for event in yaml.parse(text, Loader=LOADER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.MarkedYAMLError(problem="anchors and aliases (&name, *name) are not allowed",
                                       problem_mark=event.start_mark)
        if isinstance(event, _OPENS):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(problem=f"nested more than {MAX_DEPTH} levels deep",
                                           problem_mark=event.start_mark)
        elif isinstance(event, _CLOSES):
            depth -= 1


def read(text: str):
    """What yaml.safe_load gives, refusing anchors, aliases and deep nesting first."""
    refuse_aliases(text)
    loader = LOADER(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
