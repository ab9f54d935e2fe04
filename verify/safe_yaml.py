"""YAML for files anyone can submit (rule files, suppression files) and for the package's own word
lists: the safe loader, minus aliases. Loaded by name from yaml_data only when a text is not in its
cache, so that a warm run never imports PyYAML.

safe_load builds no Python objects from tags, but still expands aliases: a 450-byte file of
nested `*a` references (billion laughs) grows to gigabytes. Rule and suppression files need
neither anchors nor aliases, so the event stream is read first (libyaml, in C where PyYAML has
it) and any anchor, alias or nesting deeper than MAX_DEPTH is refused at its line.
"""

from __future__ import annotations

from typing import Any

import yaml

from verify.errors import YamlError

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


def parse(text: str) -> tuple[Any, dict[str, int]]:
    """The data of a text (what safe_load gives) and the line of each key (key_lines); a text that
    is not YAML, or has anchors, aliases or deep nesting, raises YamlError with its line."""
    try:
        refuse_aliases(text)
        loader = LOADER(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise YamlError(mark.line + 1 if mark else None, exc.problem, type(exc).__name__, marked=True) from None
    except yaml.YAMLError as exc:
        raise YamlError(None, str(exc) or None, type(exc).__name__, marked=False) from None
    except RecursionError:
        raise YamlError(None, None, "RecursionError", marked=False) from None
    return data, key_lines(node)


def key_lines(node) -> dict[str, int]:
    """Line (1-based) of each top-level key, of each example item as 'fail[0]' / 'pass[1]', and of
    each item of a top-level list as 'terms[2]'."""
    lines: dict[str, int] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in lines and "duplicate" not in lines:  # safe_load would silently keep the last
            lines["duplicate"], lines["duplicate key"] = key_node.start_mark.line + 1, key
        lines[key] = key_node.start_mark.line + 1
        if key == "examples" and isinstance(value_node, yaml.MappingNode):
            for sub_key, sub_value in value_node.value:
                lines[f"examples.{sub_key.value}"] = sub_key.start_mark.line + 1
                if isinstance(sub_value, yaml.SequenceNode):
                    for i, item in enumerate(sub_value.value):
                        lines[f"{sub_key.value}[{i}]"] = item.start_mark.line + 1
        elif isinstance(value_node, yaml.SequenceNode):
            for i, item in enumerate(value_node.value):
                lines[f"{key}[{i}]"] = item.start_mark.line + 1
        elif isinstance(value_node, yaml.MappingNode):
            for sub_key, _ in value_node.value:
                lines[f"{key}.{sub_key.value}"] = sub_key.start_mark.line + 1
    return lines
