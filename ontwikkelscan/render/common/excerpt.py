"""The line of a file that a problem points at, with a caret under the column (a YAML syntax error)."""

from __future__ import annotations

from ...errors import Problem

WIDTH = 80  # what the excerpt fits in, gutter included: a narrow terminal or an e-mail


def excerpt(problem: Problem, width: int = WIDTH) -> str:
    """Two lines, `  41 | <the line>` and `     |    ^`, or '' without a line to show.

    A line longer than fits is cut around the caret, with `…` where it is cut; a tab shows as `→`
    (one column, so the caret stays under it: a tab is often the very mistake)."""
    if not problem.source or problem.line is None:
        return ""
    gutter = f"{problem.line:>5} | "
    room = max(width - len(gutter), 20)
    text = problem.source.replace("\t", "→")
    caret = min(max((problem.column or 1) - 1, 0), len(text))
    start = 0
    if len(text) > room:
        start = max(0, min(caret - room // 2, len(text) - room))
        text = text[start:start + room]
        if start:
            text = "…" + text[1:]
        if start + room < len(problem.source):
            text = text[:-1] + "…"
    return f"{gutter}{text.rstrip()}\n{' ' * (len(gutter) - 2)}| {' ' * (caret - start)}^"
