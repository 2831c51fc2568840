"""Atomic, owner-only writes: answer files and reports hold personal data."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from ..errors import InputError, file_problem, os_reason


def slug(text: str) -> str:
    """A file-name-safe form of a name: 'Ans de Vries-Ölçer' -> 'ans-de-vries-olcer'."""
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:40].strip("-")


def write_private(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` atomically and owner-only; see write_private_bytes."""
    write_private_bytes(path, text.encode("utf-8"))


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (temp file in the same folder, fsync, rename), mode 0600.

    A crash leaves either the old file or the new one, never half of one. A link is followed
    (the file it points to is replaced, not the link); a device or pipe such as /dev/null or
    /dev/stdout is written to as it is: renaming over it would replace it with a file.
    """
    import stat
    import tempfile  # only when writing

    shown, path = str(path), Path(os.path.realpath(path))  # messages name the path as the user gave it
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise file_problem(shown, "dit is een map; geef een bestandsnaam")
        _write_in_place(path, data, shown)
        return
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")  # mkstemp: mode 0600
    except OSError as exc:
        raise file_problem(shown, f"kan hier niet schrijven ({os_reason(exc)})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:  # also Ctrl-C or SystemExit between the write and the rename
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise file_problem(shown, f"kan het bestand niet schrijven ({os_reason(exc)})") from None
        raise
    _sync_folder(folder)


def _write_in_place(path: Path, data: bytes, shown: str) -> None:
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise file_problem(shown, f"kan hier niet schrijven ({os_reason(exc)})") from None


def _sync_folder(folder: Path) -> None:
    # Make the rename itself durable; not every platform can open a folder.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class Writes:
    """Many private files written at once (import-csv writes one per response), each exactly as
    write_private writes one: atomic, owner-only and on disk (fsync) before it counts.

    The time of such a write is the disk's: two fsyncs, a few milliseconds, during which Python
    waits and holds no lock. A few threads let those waits overlap (the file system's journal
    commits them together): 5,000 files took 14 s one by one on this project's machine, 4 s
    like this. Rules for the caller, which decides what to write in its own order:
    `wait(path)` before looking at a file it may be writing (then it is on disk); `close()` at
    the end, which waits for all and gives the writes that failed, with their tags. Stopped
    early (Ctrl-C), `close()` drops the writes not yet begun; the ones under way finish or
    leave nothing behind, as write_private does.
    """

    THREADS = 8

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor  # only for a command that writes many files

        self._pool = ThreadPoolExecutor(self.THREADS, thread_name_prefix="write")
        self._pending: dict[Path, tuple[Any, Any]] = {}  # path -> (its future, the caller's tag)
        self.failed: list[tuple[Any, InputError]] = []

    def write(self, path: Path, text: str, tag: Any = None) -> None:
        self.wait(path)  # a second write to the same path comes after the first
        self._pending[path] = (self._pool.submit(write_private, path, text), tag)

    def wait(self, path: Path) -> None:
        future, tag = self._pending.pop(path, (None, None))
        if future is not None:
            self._settle(future, tag)

    def close(self, *, finish: bool = True) -> list[tuple[Any, InputError]]:
        """Wait for every write (or, with finish False, for the ones under way only); the failures."""
        self._pool.shutdown(wait=True, cancel_futures=not finish)
        for future, tag in self._pending.values():
            if not future.cancelled():
                self._settle(future, tag)
        self._pending.clear()
        return self.failed

    def _settle(self, future: Any, tag: Any) -> None:
        try:
            future.result()
        except InputError as exc:  # write_private's own message: the file, and why it cannot be written
            self.failed.append((tag, exc))
