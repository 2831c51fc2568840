"""A warning about a table, travelling with its sheets; light, because every batch command imports it."""

from __future__ import annotations

from typing import NamedTuple

from ...errors import Warned


class Notice(NamedTuple):
    """A warning about a file (not an error): unknown columns, missing questions, skipped rows."""

    source: str
    message: str
    skipped: int = 0  # rows left out on purpose
    reason: str = ""  # why they were left out

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"

    @property
    def warned(self) -> Warned:
        """As one of many: the same message about many files is said once, naming the first files."""
        return Warned(str(self), f"{{examples}}: {self.message}", self.source)
