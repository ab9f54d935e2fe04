"""What the command line names -> Documents: files, folders (recursing into *.txt), and - for stdin.

Together with cli.py this is where files are read; every failure is an InputError naming the
file, so the run ends with one line and exit 2, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from verify.reading.document import Document, decode
from verify.errors import InputError

STDIN = "-"


def expand_inputs(names: list[str], glob: str) -> list[str]:
    """Files as given, each folder replaced by its matching files (sorted), in the order given."""
    paths: list[str] = []
    for name in names:
        path = Path(name)
        if name == STDIN or not path.is_dir():
            paths.append(name)
            continue
        found = sorted(str(p) for p in path.rglob(glob) if p.is_file())
        if not found:
            raise InputError(name, f"folder with nothing to check (no {glob} files)")
        paths.extend(found)
    return paths


def read_document(path: str, encoding: str | None) -> Document:
    """Read and decode one report; - reads standard input."""
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>", encoding)
    file = Path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a report file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None
    return decode(raw, path, encoding)


def check_readable(path: str) -> None:
    """Fail now, as read_document would later, on a report that is not there."""
    file = Path(path)
    if file.is_dir():
        raise InputError(path, "is a directory, not a report file")
    if not file.is_file():
        read_document(path, None)  # the error it raises names what is wrong


def write_atomically(path: str, text: str) -> None:
    """Write a report whole or not at all: a temporary file beside it, then a rename."""
    target = Path(path)
    temp = target.with_name(f".{target.name}.tmp")
    try:
        temp.write_text(text, encoding="utf-8")
        temp.replace(target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise InputError(path, f"cannot write ({exc.strerror or exc})") from None
