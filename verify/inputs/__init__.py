"""What the command line names -> Documents: files, folders, and - for stdin.

Together with cli.py this is where files are read; every failure is an InputError naming the
file, so the run ends with one line and exit 2, never a traceback. Plain text (and stdin) is
decoded as it is; a .docx, PDF, HTML or Markdown file goes to its reader, one module each here,
which returns the text with a map back to places in the file. A reader's library is imported
only when a file of its format is read.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from verify.reading.document import Document, decode
from verify.errors import InputError

STDIN = "-"
# Extension -> reader module (in this package); anything else is read as plain text.
READERS = {".docx": "docx_file", ".pdf": "pdf_file", ".html": "html_file", ".htm": "html_file",
           ".md": "markdown_file", ".markdown": "markdown_file"}
SUPPORTED = ("*.txt", *(f"*{ext}" for ext in READERS))


def expand_inputs(names: list[str], glob: str | None = None) -> list[str]:
    """Files as given, each folder replaced by its matching files (sorted), in the order given.

    Without a glob a folder gives every file of a supported format (SUPPORTED).
    """
    paths: list[str] = []
    patterns = (glob,) if glob else SUPPORTED
    for name in names:
        path = Path(name)
        if name == STDIN or not path.is_dir():
            paths.append(name)
            continue
        found = sorted({str(p) for pattern in patterns for p in path.rglob(pattern)
                        if p.is_file() and not p.name.startswith("~$")})  # ~$: Word's lock files
        if not found:
            wanted = glob or ", ".join(SUPPORTED)
            raise InputError(name, f"folder with nothing to check (no {wanted} files)")
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
    reader = READERS.get(file.suffix.lower())
    if reader is None:
        return decode(raw, path, encoding)
    module = importlib.import_module(f"verify.inputs.{reader}")
    return module.read(raw, path, encoding)


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
