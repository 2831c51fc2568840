"""The one error and interrupt boundary (docs/formats.md section 5): every command runs inside `boundary()`.

What each kind of failure becomes, in one place (after pre-commit's error_handler.py):

| raised                              | the user sees                                   | exit |
|-------------------------------------|-------------------------------------------------|------|
| InputError, UsageError, ScanError   | its message(s), `fout: ...` / `file:line: ...`  | its exit_code (1 or 2) |
| a wrong command line (click)        | the Dutch message and `Hulp: ... --help`        | 2    |
| KeyboardInterrupt (Ctrl-C)          | `Onderbroken.`                                  | 130  |
| OSError (a refused file or folder)  | `fout: <file>: <reason in Dutch>`               | 1    |
| anything else: a bug                | one line, where and how to report, the log file | 70   |

Exit, Abort, EOFError and BrokenPipeError pass through to Typer. A bug writes a log without the
user's data (files/crashlog.py) and names it; with ONTWIKKELSCAN_DEBUG set, it shows its
traceback. Messages are printed here and nowhere else up the stack.

The exit is a SystemExit, and Typer is not imported here: `report` and `scan` run inside this
boundary without Typer (cli/fast.py). Click's exceptions can exist only once Typer is loaded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from ..errors import InputError, OptionError, Problem, ScanError, os_reason
from ..render.common.console import err

INTERRUPTED = 130
BUG_EXIT = 70  # EX_SOFTWARE: not the user's fault (docs/formats.md section 5)
REPORT_HINT = "meld dit bij de beheerders van ontwikkelscan (zie README, 'Een fout melden'); stuur geen antwoordbestanden mee"


def show_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for problem in problems:
        err(str(problem))
        if problem.source:  # a YAML syntax error: the line itself, with a caret under the mistake
            from ..render.common.excerpt import excerpt

            err(excerpt(problem))


def show_error(exc: ScanError) -> None:
    if isinstance(exc, InputError):
        show_problems(exc.problems)
    else:
        err(f"fout: {exc}")


def _click() -> ModuleType | None:
    """The vendored click's exceptions, when Typer is loaded (without it none can be raised)."""
    if "typer" not in sys.modules:
        return None
    from .typer_private import click_errors

    return click_errors


def _typer_passes(exc: Exception) -> bool:
    """Typer's own Exit and Abort (and click's other exceptions) are Typer's to handle."""
    if "typer" not in sys.modules:
        return False
    import typer

    from .typer_private import ClickException

    return isinstance(exc, (ClickException, typer.Exit, typer.Abort))


@contextmanager
def boundary() -> Iterator[None]:
    try:
        yield
    except OptionError:  # only without Typer (cli/fast.py), which then lets Typer say it
        raise
    except ScanError as exc:
        show_error(exc)
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:  # Ctrl-C: a batch stops where it is; nothing half-written (files are atomic)
        err("\nOnderbroken.")
        raise SystemExit(INTERRUPTED) from None
    except Exception as exc:
        click = _click()
        if click is not None and isinstance(exc, click.UsageError):  # the command line itself is wrong (exit 2)
            from .usage import dutch_message, help_hint

            err(f"fout: {dutch_message(exc)}\n{help_hint(exc)}")
            raise SystemExit(exc.exit_code) from None
        if isinstance(exc, (EOFError, BrokenPipeError)) or _typer_passes(exc):
            raise
        if isinstance(exc, OSError):  # a file or folder the system refuses: the user's to fix, not a bug
            where = f"{exc.filename}: " if exc.filename else ""
            err(f"fout: {where}{os_reason(exc)}")
            raise SystemExit(1) from None
        if os.environ.get("ONTWIKKELSCAN_DEBUG"):  # a bug: one line, no traceback, no local variables
            raise
        import traceback

        from ..files.crashlog import write_crash_log

        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        log = write_crash_log(exc, sys.argv[1:])
        logged = f"; stuur het verslag {log} mee (het bevat geen antwoorden)" if log else ""
        err(f"Interne fout ({type(exc).__name__} in {where}): {REPORT_HINT}{logged}.")
        raise SystemExit(BUG_EXIT) from None
