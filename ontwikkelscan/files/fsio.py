"""Atomic, owner-only writes: answer files and reports hold personal data."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..errors import file_problem, os_reason


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
