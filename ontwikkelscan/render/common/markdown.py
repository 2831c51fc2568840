"""Markdown that every Markdown format shares: escaping text from banks and answer files, and tables.

Text from a bank or an answer file is escaped, so that `<script>` or a `|` in a competency name
stays text and never becomes markup or an extra table column."""

from __future__ import annotations

import re
from collections.abc import Sequence

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def md(text: object) -> str:
    """Markdown-safe text: every character CommonMark could read as markup is backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], right: set[int] | None = None) -> list[str]:
    """A GitHub table; cells must already be escaped."""
    rule = tuple("---:" if i in (right or set()) else "---" for i in range(len(headers)))
    return ["| " + " | ".join(cells) + " |" for cells in (headers, rule, *rows)]
