"""What the command line names -> Documents: files, folders, and - for stdin.

Together with cli.py this is where files are read and written; every failure is an InputError
naming the file, so the run ends with one line and exit 2, never a traceback. Plain text (and
stdin) is decoded as it is; a .docx, PDF, HTML or Markdown file goes to its reader, one module
each here, which returns the text with a map back to places in the file. A reader's library is
imported only when a file of its format is read. CI runs verify as root on files anyone can submit, so nothing here trusts a path: folders are
walked without recursion and never left, input is read up to a size limit, and a report is
written only to a regular file, never over or through a symlink (a submitted tree may plant one where CI
writes its report, pointing at /etc/passwd), over a device, a FIFO or one of its own inputs;
a symlink met in a folder is not followed either.
"""

from __future__ import annotations

import importlib
import os
import stat
import sys
from pathlib import Path, PurePosixPath

from verify.errors import InputError, UsageError
from verify.reading.document import Document, decode

STDIN = "-"
DEFAULT_MAX_SIZE_MB = 50  # a page of a daily is ~50 KB; a whole year of one is under 20 MB
_CHUNK = 1 << 20
# Extension -> reader module (in this package); anything else is read as plain text.
READERS = {".docx": "docx_file", ".pdf": "pdf_file", ".html": "html_file", ".htm": "html_file",
           ".md": "markdown_file", ".markdown": "markdown_file"}
SUPPORTED = ("*.txt", *(f"*{ext}" for ext in READERS))


def expand_inputs(names: list[str], glob: str | None = None) -> list[str]:
    """Files as given, each folder replaced by its matching files (sorted), in the order given.

    Without a glob a folder gives every file of a supported format (SUPPORTED).
    """
    if glob is not None:
        check_glob(glob)
    if names.count(STDIN) > 1:
        raise UsageError("- (standard input) is named more than once")
    paths: list[str] = []
    patterns = (glob,) if glob else SUPPORTED
    for name in names:
        if name == STDIN or not os.path.isdir(name):
            paths.append(name)
            continue
        found = sorted(_walk(name, patterns))
        if not found:
            wanted = glob or ", ".join(SUPPORTED)
            raise InputError(display_name(name), f"folder with nothing to check (no {wanted} files)")
        paths.extend(found)
    return paths


def check_glob(glob: str) -> None:
    """A glob names files inside the folder: no absolute pattern, no '..'."""
    parts = PurePosixPath(glob.replace("\\", "/")).parts
    if not glob or glob.startswith(("/", "\\")) or os.path.isabs(glob) or ".." in parts:
        raise UsageError(f"--glob {glob!r}: give a pattern of file names inside the folder, such as *.txt")


def _walk(folder: str, globs: tuple[str, ...]) -> list[str]:
    """Regular files below folder matching any of the globs: iterative (any depth), symlinks not
    followed (a link in a submitted folder may reach any file of the machine), Word's ~$ lock
    files skipped, an unreadable subfolder an error rather than silently skipped."""
    patterns = []
    for pattern in globs:
        while pattern.startswith("**/"):  # every folder is searched anyway: **/*.txt is *.txt
            pattern = pattern[3:]
        patterns.append(pattern)
    found, stack = [], [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
                    elif entry.is_file(follow_symlinks=False) and not entry.name.startswith("~$") and any(
                            PurePosixPath(os.path.relpath(entry.path, folder)).match(p) for p in patterns):
                        found.append(entry.path)
        except OSError as exc:
            raise InputError(display_name(current), f"cannot read folder ({exc.strerror or exc})") from None
    return found


def display_name(path: str) -> str:
    """A path as text that can be printed and written: a file name in GBK bytes (not UTF-8) is
    shown as the Chinese it spells, any other undecodable byte as U+FFFD."""
    raw = os.fsencode(path)
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def read_document(path: str, encoding: str | None, max_size_mb: int = DEFAULT_MAX_SIZE_MB) -> Document:
    """Read and decode one report; - reads standard input."""
    limit = max_size_mb * 1024 * 1024
    if path == STDIN:
        if sys.stdin is None:
            raise InputError("<stdin>", "standard input is closed")
        try:
            raw = _read_limited(sys.stdin.buffer, limit, "<stdin>", max_size_mb)
        except OSError as exc:
            raise InputError("<stdin>", f"cannot read ({exc.strerror or exc})") from None
        return decode(raw, "<stdin>", encoding)
    shown = display_name(path)
    _refuse_what_could_block(path, shown)
    try:
        with open(path, "rb") as file:
            raw = _read_limited(file, limit, shown, max_size_mb)
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except IsADirectoryError:
        raise InputError(shown, "is a directory, not a report file") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read ({exc.strerror or exc})") from None
    reader = READERS.get(os.path.splitext(path)[1].lower())
    if reader is None:
        return decode(raw, shown, encoding)
    module = importlib.import_module(f"verify.inputs.{reader}")
    return module.read(raw, shown, encoding)


_PIPES_OF_THE_SHELL = ("/dev/fd/", "/proc/self/fd/", "/dev/stdin")   # verify <(command), verify /dev/stdin


def _refuse_what_could_block(path: str, shown: str) -> None:
    """A named pipe or a device is no report: opening a pipe no one writes to waits for ever (a
    FIFO planted in a submitted tree would hang CI), and a terminal waits for typing. The shell's
    own pipes, verify <(command), are read as standard input is."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return   # open() says what is wrong
    if (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode)) and not path.startswith(_PIPES_OF_THE_SHELL):
        kind = "a named pipe" if stat.S_ISFIFO(mode) else "a device"
        raise InputError(shown, f"{kind}, not a report file (reading it could wait for ever; use - for standard input)")


def _read_limited(stream, limit: int, shown: str, max_size_mb: int) -> bytes:
    """At most `limit` bytes; more is an InputError (/dev/zero would otherwise be read forever)."""
    chunks, size = [], 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(shown, f"larger than {max_size_mb} MB (raise the limit with --max-size or "
                                    f"max-size in verify.toml)")


def same_file(a: str, b: str) -> bool:
    """Whether two names reach one file (through symlinks and relative paths)."""
    if a == STDIN or b == STDIN:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_output_target(path: str) -> str:
    """The regular file a report may be written to; an InputError for anything else: a symlink
    (never followed: as root, a planted link would let the report overwrite any file), a device,
    a FIFO, a folder, a missing folder."""
    shown = display_name(path)
    if os.path.islink(path):
        raise InputError(shown, "is a symlink: a report is never written through one (it could point at any file)")
    linked = _linked_folder(path)
    if linked is not None:
        raise InputError(shown, f"goes through the symlink {display_name(linked)}: a report is never written through one")
    target = os.path.realpath(path)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        if not os.path.isdir(os.path.dirname(target) or "."):
            raise InputError(shown, "cannot write: its folder does not exist") from None
        return target
    except OSError as exc:
        raise InputError(shown, f"cannot write ({exc.strerror or exc})") from None
    if not stat.S_ISREG(mode):
        raise InputError(shown, "not a regular file: a report is written only to a regular file")
    return target


def _linked_folder(path: str) -> str | None:
    """The first folder on the way to `path` that is a symlink, among those inside the current
    folder (a submitted tree may plant out -> /etc where CI writes out/report.json); folders
    outside it are the maintainer's own (/tmp is a link on some systems)."""
    here = os.getcwd()
    folder = os.path.relpath(os.path.dirname(os.path.abspath(path)), here)
    if folder == "." or folder.startswith(".."):
        return None
    walked = here
    for part in Path(folder).parts:
        walked = os.path.join(walked, part)
        if os.path.islink(walked):
            return walked
    return None


def refuse_overwrites(outputs: list[tuple[str, str]], reads: list[tuple[str, str]]) -> None:
    """-o and --write-baseline (outputs: option, path) write only to a regular file, and never over
    what the run reads (reads: path, why) or over each other: checked before any work, so a
    refused run has changed nothing."""
    for name, value in outputs:
        check_output_target(value)
        for path, why in reads:
            if same_file(value, path):
                raise UsageError(f"{name} {value}: would overwrite {path} ({why})")
    if len(outputs) == 2 and same_file(outputs[0][1], outputs[1][1]):
        raise UsageError("-o and --write-baseline name the same file")


def write_stdout(text: str) -> None:
    """The report on standard output; a closed, full or broken stdout is an InputError (exit 2)."""
    if sys.stdout is None:
        raise InputError("<stdout>", "standard output is closed (use -o FILE)")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        raise stdout_error(exc) from None


def stdout_error(exc: Exception) -> InputError:
    """What a failed write to stdout says; after a broken pipe, stdout is pointed at /dev/null so
    that Python does not complain again when it flushes at exit."""
    if isinstance(exc, BrokenPipeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    problem = getattr(exc, "strerror", None) or exc
    return InputError("<stdout>", f"cannot write the report ({problem})")


def check_readable(path: str) -> None:
    """Fail now, as read_document would later, on a report that is not there or cannot be one.
    A pipe of the shell (verify <(command)) is not read here: it can be read only once."""
    file = Path(path)
    if file.is_dir():
        raise InputError(path, "is a directory, not a report file")
    if file.is_file():
        return
    _refuse_what_could_block(path, display_name(path))
    if not path.startswith(_PIPES_OF_THE_SHELL):
        read_document(path, None)  # the error it raises names what is wrong


def write_atomically(path: str, text: str) -> None:
    """Write a report whole or not at all: a unique temporary file beside the target, then a
    rename over it. Only ever a regular file: a device node or a FIFO is refused, not replaced."""
    import tempfile  # lazy: only a run that writes a file (-o, a baseline) makes one
    target = check_output_target(path)
    folder, name = os.path.split(target)
    temp = None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
        with os.fdopen(fd, "wb") as file:
            file.write(text.encode("utf-8", "replace"))
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
        temp = None
    except OSError as exc:
        raise InputError(display_name(path), f"cannot write ({exc.strerror or exc})") from None
    finally:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def _mode_for(target: str) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less the umask)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
