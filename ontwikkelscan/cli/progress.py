"""The batch loop as the commands run it (analysis/batch.py with this terminal's voice), and its
progress bar on stderr: only on a terminal, only once a run takes over a second.

Rich is imported only when the bar is actually drawn, so that a quick run or a run in a
pipe pays nothing for it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from ..render.common import console

if TYPE_CHECKING:
    from ..analysis.batch import Batch
    from ..files.inputs import Reading
    from ..models import Bank

DELAY = 1.0  # seconds before a bar appears


class Progress:
    def __init__(self, total: int, description: str = "Bestanden") -> None:
        self.total = total
        self.description = description
        self.done = 0
        self.start = time.monotonic()
        self.enabled = total > 1 and sys.stderr.isatty()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Self:
        return self

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self._bar is None:
            if time.monotonic() - self.start < DELAY:
                return
            self._begin()
        self._bar.update(self._task, completed=self.done)

    def _begin(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        self._bar = RichProgress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self._task = self._bar.add_task(self.description, total=self.total, completed=self.done)
        self._bar.start()
        console.above_the_bar = self._say

    def _say(self, message: str) -> None:
        """A message while the bar shows: Rich prints it on its own line above the bar."""
        self._bar.console.print(message, markup=False, highlight=False, emoji=False, soft_wrap=True)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            console.above_the_bar = None
            self._bar.stop()


@contextmanager
def batch(inputs: list[Path], bank: Bank, *, fail_fast: bool = False, rater: str | None = None,
          own_only: bool = False, tell_skipped: bool = True, reading: Reading | None = None,
          jobs: int | None = None, verbose: bool = False) -> Iterator[Batch]:
    """The core's batch loop with this terminal's voice: errors on stderr as they come, a progress bar
    per file, and the warnings at the end of the block, once per kind (every one with `verbose`,
    --verbose). Consume `batch.sheets()` or `batch.reports(...)` inside the block.
    `jobs` (--jobs): processes that read the files; None: one per core available (files/parallel.py)."""
    from ..analysis.batch import Batch
    from ..errors import OptionError
    from ..files.inputs import NO_OPTIONS
    from ..files.parallel import available_cores

    if jobs is not None and jobs < 1:
        raise OptionError("--jobs", f"`{jobs}` processen kan niet; geef 1 of meer")
    from ..render.common.console import collected, warn
    from .boundary import show_problems

    run = Batch(inputs, bank, fail_fast=fail_fast, on_error=lambda error: show_problems(error.problems),
                on_warning=warn, rater=rater, own_only=own_only, tell_skipped=tell_skipped,
                reading=reading or NO_OPTIONS, jobs=jobs or available_cores())
    with collected(verbose), Progress(run.total) as bar:  # the bar is gone before the warnings are said
        run.on_file = bar.advance
        yield run
