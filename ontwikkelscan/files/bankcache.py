"""A cache of checked banks, so that a run does not parse and check the same YAML again.

Parsing and checking the shipped bank costs about 10 ms, a tenth of the start-up of
`report`. The cache keeps the checked data of a bank that had no errors, keyed by the
folder and the size and modification time of both files, with the bank's sha256. It
holds the bank's content only, never answers. Anything unexpected is a miss: the bank is
then read as if there were no cache. Set ONTWIKKELSCAN_CACHE_DIR to move it, or to ""
to switch it off.
"""

from __future__ import annotations

import binascii
import marshal
import os
from pathlib import Path
from typing import Any

CACHE_ENV = "ONTWIKKELSCAN_CACHE_DIR"
FORMAT = "ontwikkelscan-bank-cache-1"  # change when the cached data or its checks change
FILES = ("competencies.yaml", "questions.yaml")


def cache_dir() -> Path | None:
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    home = os.path.expanduser("~")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    if not os.path.isabs(base):  # no home folder known: no cache, rather than one in the working folder
        return None
    return Path(base) / "ontwikkelscan"


def key(folder: Path) -> tuple[Any, ...] | None:
    """What identifies the bank's files as they are now; take it before reading them."""
    try:
        resolved = str(folder.resolve())
        stats = [os.stat(os.path.join(resolved, name)) for name in FILES]
    except OSError:
        return None
    from .. import __version__

    # ctime and inode change with every write and cannot be set back by hand; the version
    # because a new release may check banks differently.
    return (FORMAT, __version__, resolved, *((s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns) for s in stats))


def _path(key: tuple[Any, ...]) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    # One slot per bank folder (key[2], the resolved path): two banks used side by side keep
    # their own entries; a new version or a changed file overwrites that folder's slot only.
    return folder / f"bank-{binascii.crc32(key[2].encode()):08x}.marshal"


def read(key: tuple[Any, ...] | None) -> tuple[str, Any, Any] | None:
    """(sha256, competencies data, questions data) of a bank checked before, or None."""
    path = _path(key) if key else None
    if path is None:
        return None
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 4 and stored[0] == key):  # also a crc32 clash
        return None
    return stored[1], stored[2], stored[3]


def write(key: tuple[Any, ...] | None, sha256: str, competencies: Any, questions: Any) -> None:
    """Remember a bank that loaded without errors; a cache that cannot be written is no cache."""
    from ..errors import ScanError
    from .fsio import write_private_bytes

    path = _path(key) if key else None
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_private_bytes(path, marshal.dumps((key, sha256, competencies, questions)))
    except (OSError, ValueError, ScanError):  # ValueError: data marshal cannot store
        pass
