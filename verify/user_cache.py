"""Where verify keeps what it learns between runs (solved formulas, compiled patterns), and how it
writes them: whole or not at all, and never an error when the folder cannot be written."""

from __future__ import annotations

import json
import os
from pathlib import Path


def cache_file(name: str) -> Path:
    """`name`.json in $VERIFY_CACHE_DIR, else $XDG_CACHE_HOME/verify, else ~/.cache/verify."""
    base = os.environ.get("VERIFY_CACHE_DIR")
    if base:
        return Path(base) / f"{name}.json"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "verify" / f"{name}.json"


def write_quietly(path: Path, text: str) -> bool:
    """Write a cache file through a temporary file beside it; False (and nothing written) when the
    folder cannot be written: a read-only home only makes the next run slower."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        return True
    except OSError:
        return False


def writable(path: Path) -> bool:
    """Whether write_quietly could write `path`: the nearest folder above it that exists is one
    this process may write (a cache under a file, or in a read-only home, is never kept)."""
    folder = path.parent
    while not folder.exists():
        if folder.parent == folder:
            return False
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK)


def read_entries(path: Path) -> dict:
    """The entries of a cache file (a JSON object); none when it is missing, unreadable or not an
    object: a damaged cache costs only the work it would have saved. Read as bytes: JSON holds no
    line ends to translate, and read_text's pass over a 1 MB cache for them cost 3 ms a start."""
    try:
        stored = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


def trimmed(entries: dict, used: set) -> dict:
    """The entries a cache file keeps when it is written: each one this run used, and of the
    others only the newest, up to as many bytes again. Entries no run of this version reads (of an
    older release, another checkout, a test's rule file) are never asked for again; kept, they
    made a cache five times what a run needs (a shared cache of 6 MB: 0.04 s more at every start,
    read in full). Room for as much again keeps the entries of another version or mode in use
    beside this one, which would otherwise be made again and again; counted in bytes, since the
    large entries (a page reader's pattern of each version) are what a start pays for."""
    room = sum(_size(key, value) for key, value in entries.items() if key in used)
    spare = set()
    for key in reversed(entries):   # (a dict keeps the order entries were added: the newest last)
        if key not in used:
            room -= _size(key, entries[key])
            if room < 0:
                break
            spare.add(key)
    return {key: value for key, value in entries.items() if key in used or key in spare}


def _size(key: str, value) -> int:
    return len(key) + len(json.dumps(value, ensure_ascii=False))
