"""What the command line shows on a terminal besides the report: whether to colour it, and a
progress bar for a long run. Apart from terminal.py so that a run without a table never loads
the table's libraries."""

from __future__ import annotations


def wants_color(choice: str, stream, environ) -> bool:
    """--color always|never, or auto: only on a terminal, and not when NO_COLOR is set."""
    if choice == "always":
        return True
    if choice == "never" or environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


class ProgressBar:
    """files done / total on stderr, redrawn in place; cleared when the run ends."""

    def __init__(self, total: int, stream, width: int = 80):
        self.total, self.done, self.stream = total, 0, stream
        self.bar = max(10, min(40, width - 30))

    def advance(self, count: int = 1) -> None:
        """One more file checked."""
        self.done += count
        filled = self.bar * self.done // max(self.total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.bar - filled)}] {self.done}/{self.total}")
        self.stream.flush()

    def close(self) -> None:
        """Erase the bar, so what follows starts on a clean line."""
        self.stream.write("\r" + " " * (self.bar + 30) + "\r")
        self.stream.flush()
