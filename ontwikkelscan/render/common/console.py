"""The terminal as the commands and the scan share it: messages on stderr, the table style,
and Rich renderables turned into a string (renderers return text; only callers write)."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ...analysis.sheets import bank_mismatch, retired_answers
from ...errors import Warned

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ...models import AnswerSheet, Bank


# While a progress bar is showing, messages go through it: on a line of their own above the bar,
# never glued to it (set by cli/progress.py for as long as the bar is drawn).
above_the_bar: Callable[[str], None] | None = None

# A command printed for copying is held together with no-break spaces, so that wrap() never splits it
# over two lines (pasted, half a command fails); err() turns them back into plain spaces.
_NO_BREAK = "\u00a0"


def whole(command: str) -> str:
    """A command (or path) that wrap() keeps on one line: too long for what is left of a line, it
    moves to a line of its own."""
    return command.replace(" ", _NO_BREAK)


def err(message: str) -> None:
    """A message for the user on stderr."""
    if above_the_bar is not None:
        above_the_bar(message.replace(_NO_BREAK, " "))
        return
    if sys.stderr is None:  # started with stderr closed
        return
    sys.stderr.write(message.replace(_NO_BREAK, " ") + "\n")
    sys.stderr.flush()


def tell(message: str) -> None:
    """A message for the person at the terminal (stderr), wrapped at word boundaries to its width."""
    if sys.stderr is not None and sys.stderr.isatty():
        import shutil

        message = wrap(message, shutil.get_terminal_size((80, 24)).columns)
    err(message)


def wrap(text: str, width: int) -> str:
    """Wrap each line at word boundaries, keeping its indent; a path or word longer than the
    line is never broken, it gets a line of its own; nor is a command marked with whole()."""
    import textwrap

    out = []
    for line in text.split("\n"):
        indent = line[:len(line) - len(line.lstrip())]
        hanging = indent + "  " if line.lstrip().startswith("• ") else indent
        out.append(textwrap.fill(line.strip(), width=width - 1, initial_indent=indent, subsequent_indent=hanging,
                                 break_long_words=False, break_on_hyphens=False) if len(line) >= width else line)
    return "\n".join(out).replace(_NO_BREAK, " ")


# The warnings of a run over many inputs, held until its end to be said once per kind (collected()).
_held: list[str | Warned] | None = None


def warn(message: str | Warned) -> None:
    """A warning on stderr, wrapped to the terminal like every message; inside collected(), at its end."""
    if _held is not None:
        _held.append(message)
        return
    tell(f"waarschuwing: {message.text if isinstance(message, Warned) else message}")


@contextmanager
def collected(verbose: bool = False) -> Iterator[None]:
    """Warnings given inside the block are said at its end, once per kind with a count and the first
    examples, or every one with `verbose` (perkind.py); errors still come as they come. A block inside
    another adds to the outer one. Ctrl-C drops them: the run was not done."""
    global _held
    if _held is not None:
        yield
        return
    held = _held = []
    try:
        yield
    except KeyboardInterrupt:
        _held = None
        raise
    finally:
        if _held is not None:
            from .perkind import lines

            _held = None
            for line in lines(held, verbose=verbose):
                warn(line)


def warn_all(warnings: Iterable[str | Warned], verbose: bool = False) -> None:
    """Warnings known at once (a feedback round's files): each kind once, or every one with `verbose`."""
    with collected(verbose):
        for warning in warnings:
            warn(warning)


def check_bank_identity(sheet: AnswerSheet, bank: Bank) -> None:
    for message in (bank_mismatch(sheet, bank), retired_answers(sheet)):
        if message:
            warn(message)


def stdout_is_terminal() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def terminal_style() -> tuple[int, bool]:
    """(width, colour) for a Rich table on this terminal."""
    import shutil

    width = max(60, min(140, shutil.get_terminal_size((100, 24)).columns))
    return width, "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def to_text(renderable: RenderableType, *, width: int = 100, color: bool = True) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    console.print(renderable)
    return buffer.getvalue()
