"""Markdown that every Markdown format shares: escaping text from banks and answer files, and tables.

Text from a bank or an answer file is escaped, so that `<script>` or a `|` in a competency name
stays text and never becomes markup or an extra table column."""

from __future__ import annotations

import re
from collections.abc import Sequence

# What CommonMark (with GitHub's tables) reads as markup, and only there: a backslash before every
# other character shows as a backslash in Teams, Outlook and Word ("P\&O"). Always: \ ` * [ ] | ~.
# `_` unless a letter or digit stands on both sides (snake_case stays), `<` only where a tag or autolink could start, `&` only
# where an entity could (&amp; &#38;), and at the start of the text what would open a block
# (a heading, quote, list item or rule).
_SPECIAL = re.compile(r"[\\`*\[\]|~]|(?<![^\W_])_|_(?![^\W_])|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(?:[#>+=-]|\d+(?=[.)]))")


def md(text: object, *, opens_block: bool = True) -> str:
    """Markdown-safe text on one line: every character CommonMark could read as markup there is
    backslash-escaped, nothing else. `opens_block=False` for text after a heading's `### `, where
    "1." or "#" is no list or heading."""
    flat = _SPECIAL.sub(lambda m: "\\" + m.group(0), " ".join(str(text).split()))
    start = _BLOCK_START.match(flat) if opens_block else None
    if start is None:
        return flat
    if start.group(0).isdigit():  # "2026. Een jaar" would be item 2026 of a numbered list
        return f"{start.group(0)}\\{flat[start.end():]}"
    return "\\" + flat


def table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], right: set[int] | None = None) -> list[str]:
    """A GitHub table; cells must already be escaped."""
    rule = tuple("---:" if i in (right or set()) else "---" for i in range(len(headers)))
    return ["| " + " | ".join(cells) + " |" for cells in (headers, rule, *rows)]
