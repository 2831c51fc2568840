"""The terminal under the scan's prompts: its width, and its quiet mode between two prompts."""

from __future__ import annotations

import os
import sys
from typing import Any


def terminal_columns() -> int:
    """shutil.get_terminal_size's answer for the width (COLUMNS, else the terminal's, else 80),
    without importing shutil (it imports the compression modules: start-up)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def quiet_terminal() -> list[Any] | None:
    """Switch off echo, line editing and Ctrl-C signals on the terminal; returns the mode before."""
    try:
        import termios
    except ImportError:  # Windows: prompt_toolkit handles its console itself
        return None
    if not sys.stdin.isatty():
        return None
    fd = sys.stdin.fileno()
    before = termios.tcgetattr(fd)
    quiet = list(before)
    quiet[3] &= ~(termios.ECHO | termios.ICANON | termios.ISIG | termios.IEXTEN)
    termios.tcsetattr(fd, termios.TCSANOW, quiet)
    import atexit

    atexit.register(set_mode, before)  # also when the scan ends in a way nobody planned
    return before


def set_mode(mode: list[Any]) -> None:
    import termios

    try:
        termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, mode)
    except (termios.error, OSError, ValueError):
        pass  # the terminal is gone

