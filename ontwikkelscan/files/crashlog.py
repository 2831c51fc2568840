"""The log of an internal error (exit 70): what a maintainer needs to find the bug, nothing of the user's data.

One file per error in the state folder (`$ONTWIKKELSCAN_STATE_DIR`, else `$XDG_STATE_HOME/ontwikkelscan`,
else `~/.local/state/ontwikkelscan`), the folder 0700 and the file 0600. It holds the version, Python,
the platform, the command line and the traceback's frames (file, line, function, the line of code);
not the exception's message and no variables, because those can hold answers or names.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ScanError

STATE_ENV = "ONTWIKKELSCAN_STATE_DIR"


def state_dir() -> Path | None:
    configured = os.environ.get(STATE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    if not os.path.isabs(base):  # no home folder known: no log, rather than one in the working folder
        return None
    return Path(base) / "ontwikkelscan"


def crash_report(exc: BaseException, argv: list[str]) -> str:
    """The text of the log (see the module docstring for what it leaves out)."""
    import datetime as dt
    import platform
    import shlex
    import sys
    import traceback

    from .. import __version__

    frames = traceback.extract_tb(exc.__traceback__)
    lines = [
        "ontwikkelscan: interne fout (exitcode 70)",
        f"tijd: {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}",
        f"versie: {__version__}",
        f"python: {platform.python_implementation()} {sys.version.split()[0]}",
        f"platform: {platform.platform()}",
        f"opdracht: {shlex.join(['ontwikkelscan', *argv])}",
        f"fout: {type(exc).__module__}.{type(exc).__qualname__} (de melding zelf is weggelaten: die kan antwoorden "
        "bevatten)",
        "traceback (laatste aanroep onderaan):",
    ]
    for frame in frames:
        lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    return "\n".join(lines) + "\n"


def _short(filename: str) -> str:
    """A file inside the package or the standard library without the folders of this machine before it."""
    parts = Path(filename).parts
    for anchor in ("ontwikkelscan", "site-packages"):
        if anchor in parts:
            return "/".join(parts[len(parts) - parts[::-1].index(anchor) - 1:])
    return Path(filename).name


def write_crash_log(exc: BaseException, argv: list[str]) -> Path | None:
    """Write the log; its path, or None when there is no state folder or it cannot be written."""
    import datetime as dt

    from .fsio import write_private

    folder = state_dir()
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        path = folder / f"fout-{stamp}-{os.getpid()}.log"
        write_private(path, crash_report(exc, argv))
    except (OSError, ValueError, ScanError):  # the log is a help, never a second failure
        return None
    return path
