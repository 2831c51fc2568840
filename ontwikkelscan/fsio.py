"""Atomic, owner-only writes: answer files and reports hold personal data."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from .errors import file_problem, os_reason


def write_private(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` atomically and owner-only; see write_private_bytes."""
    write_private_bytes(path, text.encode("utf-8"))


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (temp file in the same folder, fsync, rename), mode 0600.

    A crash leaves either the old file or the new one, never half of one.
    """
    import tempfile  # only when writing

    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")  # mkstemp: mode 0600
    except OSError as exc:
        raise file_problem(str(path), f"kan hier niet schrijven ({os_reason(exc)})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise file_problem(str(path), f"kan het bestand niet schrijven ({os_reason(exc)})") from None
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    # Make the rename itself durable; not every platform can open a folder.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
