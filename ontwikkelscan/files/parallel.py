"""Reading the files of a batch in worker processes: what `sheets()` yields per file, in input order.

A batch of many answer files spends nearly all its time parsing YAML in one process, while the
machine has more cores. With `jobs` > 1 and at least PARALLEL_FROM files, jobs - 1 worker
processes read and check the files (`inputs.sheets`, one file at a time) and send back the items of each file;
the caller takes them in input order, file by file, as they come, so everything after reading
(which sheets count, warnings, scoring, rendering) runs in the caller exactly as with one process
and gives the same bytes. Below the threshold, or with jobs 1, nothing is started.

The workers are forked (they inherit the bank and the --columns mapping, which are not
picklable, and start in about a millisecond) and ignore Ctrl-C: the caller gets the
KeyboardInterrupt, and closing the reader (also when the caller stops early, --fail-fast)
terminates and joins every worker. Nothing is written to disk; results come through pipes.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import InputError
from ..models import AnswerSheet, Bank
from .inputs import NO_OPTIONS, Item, Reading, sheets

# Measured on a quiet 2-core machine (bench/batch.py --threshold, 7 interleaved runs, medians of
# --jobs 2 against --jobs 1 with the pool forced on): 100 files 1.17x, 150 1.09x, 200 1.02x,
# 250 0.95x, 300 0.91x, 400 0.88x, 800 0.82x. Below about 220 files starting a worker costs more
# than it saves. (bench/batch.py --threshold sets ONTWIKKELSCAN_PARALLEL_FROM=1 to time the pool below it.)
_SET = os.environ.get("ONTWIKKELSCAN_PARALLEL_FROM", "")
PARALLEL_FROM = int(_SET) if _SET.isascii() and _SET.isdigit() else 250
CHUNK = 16  # files per message to a worker: fewer, larger messages; small enough to keep the order flowing

_work: tuple[Bank, Reading] | None = None  # what the forked workers read with (inherited, never pickled)


def available_cores() -> int:
    """The cores this process may run on (taskset, cgroups' cpusets), the default of --jobs."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def read(entries: Sequence[Path | InputError], bank: Bank, reading: Reading = NO_OPTIONS,
         jobs: int = 1) -> Generator[tuple[Path | InputError, Iterable[Item]], None, None]:
    """(entry, its items) for every entry in order: lazily in this process, or from worker processes
    with jobs > 1 and enough files. Close the iterator to stop early (a `for` loop that breaks, or
    the end of the caller's generator, does)."""
    # `jobs` processes in all: this one scores and renders while jobs - 1 workers read. With the
    # fast reader (files/canonical.py) this process has the larger share of the work per file
    # (about 335 us against 225 us for a worker): a worker for every core besides it would take
    # CPU from the one process that sets the pace.
    workers = min(jobs - 1, len(entries) // CHUNK + 1)
    if workers < 1 or len(entries) < PARALLEL_FROM:
        for entry in entries:
            yield entry, sheets([entry], bank, reading)
        return
    yield from _in_workers(entries, bank, reading, workers)


def _in_workers(entries: Sequence[Path | InputError], bank: Bank, reading: Reading,
                workers: int) -> Iterator[tuple[Path | InputError, Iterable[Item]]]:
    import multiprocessing
    import signal

    global _work
    _work = (bank, reading)
    # The workers inherit "ignore Ctrl-C" from the moment they are forked: the terminal sends
    # SIGINT to all of them, and only this process is to act on it.
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pool = multiprocessing.get_context("fork").Pool(workers)
    finally:
        signal.signal(signal.SIGINT, before)
    done = False
    try:
        for entry, packed in zip(entries, pool.imap(_read_one, entries, chunksize=CHUNK), strict=True):
            yield entry, [_unpack(item) for item in packed]
        done = True
    finally:
        # Done: the workers end on their own (close, then join). Stopped early or Ctrl-C: terminate.
        # (terminate after a close could hang in CPython's pool, joining its worker handler while the
        # workers had already ended: seen twice in the test suite on a loaded machine.)
        if done:
            pool.close()
        else:
            pool.terminate()
        pool.join()  # no worker outlives the batch
        _work = None


def _read_one(entry: Path | InputError) -> list[Any]:
    """In a worker: the items of one file, made picklable."""
    assert _work is not None
    bank, reading = _work
    return [_pack(item) for item in sheets([entry], bank, reading)]


def _pack(item: Item) -> Any:
    source, what = item
    if isinstance(what, AnswerSheet):  # its mappings are read-only views, which do not pickle: sent as dicts
        fields: tuple[Any, ...] = tuple(what)
        views = tuple(i for i, field in enumerate(fields) if isinstance(field, MappingProxyType))
        return source, "sheet", (views, tuple(dict(field) if i in views else field for i, field in enumerate(fields)))
    if isinstance(what, InputError):
        return source, "error", what.problems
    return source, "other", what


def _unpack(packed: Any) -> Item:
    source, kind, what = packed
    if kind == "sheet":
        views, fields = what
        restored: list[Any] = [MappingProxyType(field) if i in views else field for i, field in enumerate(fields)]
        return source, AnswerSheet(*restored)
    if kind == "error":
        return source, InputError(what)
    return source, what
