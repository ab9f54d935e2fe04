"""Checking files in worker processes (--jobs N).

Loaded by name from the engine only when a run asks for more than one process, so that the
usual run never pays multiprocessing's start-up. Workers get the rules once, when they start,
and return each file's result; the parent keeps the input order.
"""

from __future__ import annotations

import signal
from concurrent.futures import ProcessPoolExecutor

_WORKER: dict = {}


def check_in_parallel(sources: list, jobs: int, check_one, arguments: tuple):
    """check_one(source, *arguments) for every source, in `jobs` processes, in input order."""
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(check_one, arguments)) as pool:
        yield from pool.map(_check_in_worker, sources, chunksize=max(1, min(16, len(sources) // (jobs * 8))))


def _start_worker(check_one, arguments: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to report, once
    _WORKER.update(check_one=check_one, arguments=arguments)


def _check_in_worker(source):
    return _WORKER["check_one"](source, *_WORKER["arguments"])
