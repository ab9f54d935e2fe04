"""YAML texts -> data, kept across runs: the rule files and word lists every run reads cost 15 ms
to parse, and PyYAML 12 ms to import.

A text is parsed once (verify.safe_yaml, loaded by name only then) and its data and key lines
are kept in a JSON file beside the other caches, keyed by the text's SHA-256: the same text
always gives the same data, so a run whose texts are all known neither parses nor imports
PyYAML. Only data JSON gives back as it was is kept (mappings with text keys, lists, text,
numbers, true/false, null, and dates, tagged); anything else is parsed at every run. A cache
that cannot be read or written costs only the parse it would have saved.
"""

from __future__ import annotations

import datetime
import importlib
import json
from typing import Any

from verify import user_cache
from verify.digest import sha256

_TAG = "yaml-data-2"   # the cache file, named by the format of what it keeps (2: a top-level list's items have lines)
_DATE = "\x00date"  # the key of a tagged date: a key no YAML text of ours gives (a NUL)
_MAX_TEXTS = 1000
_known: dict[str, list] = {}
_used: set[str] = set()   # the keys of _known this process has read or made (user_cache.trimmed)
_loaded = False
_dirty = False


def parse(text: str) -> tuple[Any, dict[str, int]]:
    """(data, line of each key) of a YAML text, as safe_yaml.parse gives them; raises YamlError."""
    global _loaded, _dirty
    if not _loaded:
        _loaded = True
        _known.update(_stored())
    key = sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    _used.add(key)
    entry = _known.get(key)
    if entry is not None:
        return _decoded(entry[0]), entry[1]
    data, lines = importlib.import_module("verify.safe_yaml").parse(text)
    encoded = _encoded(data)
    if encoded is not _UNKEPT and len(_known) < _MAX_TEXTS:
        _known[key] = [encoded, lines]
        _dirty = True
    return data, lines


def save() -> None:
    """Write the cache if this run parsed a text it did not hold (with what it used, and others
    only up to as much again: user_cache.trimmed); silently skip if it cannot."""
    global _dirty
    if _dirty and user_cache.write_quietly(user_cache.cache_file(_TAG), json.dumps(
            user_cache.trimmed(_known, _used), ensure_ascii=False, separators=(",", ":"))):
        _dirty = False


def _stored() -> dict[str, list]:
    stored = user_cache.read_entries(user_cache.cache_file(_TAG))
    return {k: v for k, v in stored.items() if isinstance(v, list) and len(v) == 2 and isinstance(v[1], dict)}


_UNKEPT = object()


def _encoded(data: Any) -> Any:
    """The data as JSON keeps it, dates tagged; _UNKEPT when JSON would not give it back as it is."""
    if data is None or isinstance(data, (str, bool, int)):
        return data
    if isinstance(data, float):
        return data if data == data and abs(data) != float("inf") else _UNKEPT
    if isinstance(data, datetime.date) and not isinstance(data, datetime.datetime):
        return {_DATE: data.isoformat()}
    if isinstance(data, list):
        items = [_encoded(item) for item in data]
        return _UNKEPT if any(item is _UNKEPT for item in items) else items
    if isinstance(data, dict) and all(isinstance(k, str) and k != _DATE for k in data):
        values = {k: _encoded(v) for k, v in data.items()}
        return _UNKEPT if any(v is _UNKEPT for v in values.values()) else values
    return _UNKEPT


def _decoded(data: Any) -> Any:
    if isinstance(data, list):
        return [_decoded(item) for item in data]
    if isinstance(data, dict):
        if len(data) == 1 and _DATE in data:
            return datetime.date.fromisoformat(data[_DATE])
        return {k: _decoded(v) for k, v in data.items()}
    return data
