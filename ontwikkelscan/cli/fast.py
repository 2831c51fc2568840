"""`report` and `scan` without Typer, for a plain command line: the options are parsed here and
the command's work (cli/run.py) runs inside the same boundary. Importing Typer (and the click it
vendors) is about 40 ms, a third of a `report` of one file and half the time to the scan's first
prompt; a plain command line needs none of it.

Plain means: the command's name first, then only the options listed here (long or short, a value
as the next word or after `=`) and, for `report`, the inputs. Anything else (`--help`, a typo, a
missing value, a value that is not a choice, `--`, an option word as a value) goes to Typer, which
says what is wrong exactly as before. So does an option value that the bank does not know
(`--type x`): nothing has been written then. `tests/test_fast.py` checks that every command line
parsed here gives the command the very values Typer's parser gives it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple


class Opt(NamedTuple):
    dest: str  # the command function's parameter
    kind: str  # "flag", "text", "path", "list" (repeatable text), "int"
    choices: tuple[str, ...] | Callable[[], tuple[str, ...]] | None = None


class Command(NamedTuple):
    options: dict[str, Opt]
    inputs: str | None  # the parameter of the positional paths (one or more), or None for no positional
    work: str  # the function in cli/run.py


def _report_formats() -> tuple[str, ...]:
    from ..render.formats import formats

    return tuple(formats("report"))


_TYPE = Opt("type_id", "text")
_FORMAT = Opt("fmt", "text", _report_formats)
_OUTPUT = Opt("output", "path")
COMMANDS = {
    "report": Command({
        "--type": _TYPE, "-t": _TYPE,
        "--context": Opt("context", "list"),
        "--format": _FORMAT, "-f": _FORMAT,
        "--csv-dialect": Opt("csv_dialect", "text", ("standard", "excel-nl")),
        "--csv-shape": Opt("csv_shape", "text", ("long", "wide")),
        "--fail-fast": Opt("fail_fast", "flag"),
        "--allow-partial": Opt("allow_partial", "flag"),
        "--columns": Opt("columns", "path"),
        "--sheet": Opt("sheet", "text"),
        "--output": _OUTPUT, "-o": _OUTPUT,
        "--jobs": Opt("jobs", "int"), "-j": Opt("jobs", "int"),
        "--no-pager": Opt("no_pager", "flag"),
        "--verbose": Opt("verbose", "flag"),
        "--bank": Opt("bank_option", "path"),
    }, "inputs", "report"),
    "scan": Command({
        "--type": _TYPE, "-t": _TYPE,
        "--context": Opt("context", "list"),
        "--out": Opt("out", "path"),
        "--resume": Opt("resume", "path"),
        "--order": Opt("order", "text", ("mixed", "bank")),
        "--round": Opt("round_folder", "path"),
        "--rater": Opt("rater", "text"),
        "--bank": Opt("bank_option", "path"),
        "--force": Opt("force", "flag"),
    }, None, "scan"),
}


def parse(args: list[str]) -> tuple[str, dict[str, Any]] | None:
    """(command, its keyword arguments) for a plain command line, or None: Typer's to parse."""
    if not args or args[0] not in COMMANDS:
        return None
    command = COMMANDS[args[0]]
    values: dict[str, Any] = {}
    inputs: list[Path] = []
    words = iter(args[1:])
    for word in words:
        if not word.startswith("-"):
            if command.inputs is None or not word:
                return None
            inputs.append(Path(word))
            continue
        name, given, value = word.partition("=") if word.startswith("--") else (word, "", "")
        option = command.options.get(name)
        if option is None:
            return None
        if option.kind == "flag":
            if given:
                return None
            values[option.dest] = True
            continue
        if not given:
            value = next(words, "")
        if not value or (value.startswith("-") and len(value) > 1) or not _allowed(option, value):
            return None
        if option.kind == "list":
            values.setdefault(option.dest, []).append(value)
        else:
            values[option.dest] = Path(value) if option.kind == "path" else int(value) if option.kind == "int" else value
    if command.inputs is not None:
        if not inputs:
            return None
        values[command.inputs] = inputs
    return command.work, values


def _allowed(option: Opt, value: str) -> bool:
    if option.kind == "int" and not (value.isascii() and value.isdigit() and int(value) >= 1):  # --jobs: min 1
        return False
    choices = option.choices() if callable(option.choices) else option.choices
    return choices is None or value in choices


def run(args: list[str]) -> bool:
    """Run a plain command line of `report` or `scan`; False when Typer is to run it instead."""
    parsed = parse(args)
    if parsed is None:
        return False
    from ..errors import OptionError
    from . import run as work
    from .boundary import boundary

    name, values = parsed
    try:
        with boundary():
            getattr(work, name)(**values)
    except OptionError:  # a value the bank does not know: Typer says it as for any bad option
        return False
    except BrokenPipeError:  # the reader of our output went away (`| head`), as click handles it
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(1) from None
    except EOFError:  # as click says it
        sys.stderr.write("\nAborted!\n")
        raise SystemExit(1) from None
    return True
