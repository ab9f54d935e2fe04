"""Time budgets: no rule pack can hang a run.

A rule's pattern may backtrack catastrophically ((a+)+ on a 31-character line took 65 s), and
sympy may never finish solving a formula. Both run in the main thread, where SIGALRM can stop
them: Python's regular-expression engine and sympy's pure Python both check for signals. The
budget costs two system calls per rule per document, so the built-in rules pay nothing that
shows, and no other regex engine is needed. Where there is no SIGALRM (Windows) or the caller
is not the main thread, no budget is kept.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

SOLVE_SECONDS = 3.0        # sympy solves the built-in formulas in well under a second each
MATCH_SECONDS = 2.0        # one rule on one document: the base allowance ...
MATCH_SECONDS_PER_MB = 20  # ... plus this per million characters (the built-in rules need ~1 s)


class OverBudget(BaseException):
    """Raised inside the budgeted work when its time is up (a BaseException, so that no
    `except Exception` in the work can swallow it)."""


def match_seconds(characters: int) -> float:
    """The budget of one rule on a document of this many characters."""
    return MATCH_SECONDS + MATCH_SECONDS_PER_MB * characters / 1_000_000


@contextmanager
def time_budget(seconds: float):
    """Raise OverBudget in the body once `seconds` have passed."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _over(signum, frame):
        raise OverBudget()

    previous = signal.signal(signal.SIGALRM, _over)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
