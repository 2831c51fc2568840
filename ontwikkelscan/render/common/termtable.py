"""Tables that fit 80 and 100 columns: the name column gets what the others leave, and names wrap
between words (or after the hyphen or slash of a long compound), never inside a word.

Rich wraps a cell only at spaces and folds a longer word letter by letter ("Competen/tie").
So the tables here work out the name column's width themselves and hand Rich names that
are already wrapped to it. Pure text, no Rich: the plain-text report uses it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

PLAIN_WIDTH = 80  # plain text for a file or a pipe (docs/formats.md section 8)
NARROW = 100  # below this a table drops its kind column and narrows its bar
LONGEST = 26  # a longer word is cut: the longest in the shipped bank has 24 letters


def wrap_words(text: str, width: int, cut: int | None = None) -> list[str]:
    """Split at spaces into lines of at most `width` characters. A word that does not fit a line
    breaks after a hyphen or slash ("organisatie-" / "ontwikkelingsprocessen"); a piece longer
    than `cut` (default: the width) even then is cut, so that it stays inside its column."""
    limit, cut = max(1, width), max(1, cut or width)
    words = [piece for word in text.split()
             for part in (re.split(r"(?<=[-/])", word) if len(word) > limit else [word]) if part
             for piece in (part[i:i + cut] for i in range(0, len(part), cut))]
    lines: list[str] = []
    for word in words:
        glue = "" if lines and lines[-1].endswith(("-", "/")) and not lines[-1].endswith(" -") else " "
        if lines and len(lines[-1]) + len(glue) + len(word) <= limit:
            lines[-1] += glue + word
        else:
            lines.append(word)
    return lines or [""]


def longest_piece(names: Sequence[str]) -> int:
    """The narrowest a name column can be without breaking a word (compounds break after - or /)."""
    pieces = [len(p) for name in names for word in name.split() for p in re.split(r"(?<=[-/])", word) if p]
    return max(pieces, default=1)


def widest(cells: Iterable[str]) -> int:
    """The widest line among these cells (the two lines of a header such as "Onder\ndoel" count apart):
    the width a column of numbers needs to keep every one whole."""
    return max((len(line) for cell in cells for line in cell.split("\n")), default=1)


def room(total: int, others: Sequence[int], *, edge: bool = True, pad_edge: bool = True,
         collapse: bool = False) -> int:
    """What a Rich table `total` wide leaves its name column, given the widths of the other columns.

    Rich adds 2 characters of padding per column (less 2 without `pad_edge`) and one for every
    line between columns (a space in a box without vertical lines), plus two for the edge; with
    `collapse_padding` (`collapse`) and no edge, two characters between columns and none outside.
    """
    columns = len(others) + 1
    overhead = 2 * (columns - 1) if collapse and not edge and not pad_edge else \
        2 * columns - (0 if pad_edge else 2) + (columns + 1 if edge else columns - 1)
    return total - overhead - sum(others)


def fits(names: Sequence[str], total: int, others: Sequence[int], *, edge: bool = True, pad_edge: bool = True,
         collapse: bool = False) -> bool:
    """Does the table fit with every other column whole and the names wrapped between words? If not, the
    caller takes a narrower layout, or stacks the rows (`stacked`)."""
    return room(total, others, edge=edge, pad_edge=pad_edge, collapse=collapse) >= min(longest_piece(names), LONGEST)


def name_width(names: Sequence[str], total: int, others: Sequence[int], *, edge: bool = True,
               pad_edge: bool = True, cap: int = 200, collapse: bool = False) -> int:
    """The width for the name column of a Rich table `total` wide, given the widths of the other columns
    (see `room`); never narrower than the longest word of a name."""
    longest = max((len(n) for n in names), default=1)
    space = room(total, others, edge=edge, pad_edge=pad_edge, collapse=collapse)
    return max(min(longest, space, cap), min(longest_piece(names), LONGEST), 1)


def stacked(name: str, pairs: Sequence[tuple[str, str]], width: int) -> list[str]:
    """A row of a table too wide for the screen as a block: its name, then `label value` pairs under it,
    wrapped between pairs (a value is never split from its label, nor cut)."""
    return wrap_words(name, width) + held([f"{label} {value}" for label, value in pairs], " · ", width)


def held(parts: Sequence[str], glue: str, width: int, indent: str = "  ") -> list[str]:
    """The parts joined with `glue` and wrapped to `width` between parts, never inside one."""
    body = glue.join(part.replace(" ", _NO_BREAK) for part in parts)
    return [line.replace(_NO_BREAK, " ") for line in fill(body, width, indent, indent)]


_NO_BREAK = "\u00a0"  # holds a label and its value together while fill() wraps


def wrapped(name: str, width: int) -> str:
    return "\n".join(wrap_words(name, width))


def legend(width: int, *, marker: bool = True, margin: bool = False) -> str:
    """The line under a report table that explains the bar and the statuses, wrapped to `width`;
    with `margin`, also the band of the margin and the word "grensgeval" (docs/reports.md)."""
    from ...rules import BORDERLINE, STATUS_TABLE

    bar = "█ score, ▒ marge, ┃ doel" if margin else "█ score, ┃ doel"
    parts = ([f"{bar} (de balk loopt van de laagste tot de hoogste score)"] if marker else []) + [
        f"{band.label}: {band.short}" for band in STATUS_TABLE.values() if band.short]
    if margin:
        parts.append(f"grensgeval: {BORDERLINE.short}")
    return "\n".join(wrap_words("; ".join(parts) + ".", width - 1))


def fill(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Plain text wrapped at word boundaries (never inside a word), with a first-line and a hanging indent."""
    import textwrap

    return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest, break_long_words=False,
                         break_on_hyphens=False) or [first.rstrip()]
