"""What the commands share that needs no Typer: the bank and the options checked against it,
where the output goes and in which style, writing it, and the exit code of a batch.

Typer is not imported here (nor below): `report` and `scan` can run without it (cli/fast.py).
cli/base.py re-exports all of this for the command modules. A wrong value raises OptionError;
`base._Command` turns it into Typer's own message for a bad option.
"""

import sys
from pathlib import Path
from typing import Any

from ..errors import OptionError, ScanError, UsageError
from ..files.fsio import write_private
from ..models import Bank, Context, MunicipalityType
from ..render.common.console import err, stdout_is_terminal, terminal_style


def check_rater(bank: Bank, rater: str) -> str:
    """--rater checked against self and the bank's rater groups (exit 2 when unknown)."""
    if rater != "self" and rater not in (bank.raters.groups if bank.raters else {}):
        from ..files.answers import unknown_rater

        raise OptionError("--rater", unknown_rater(rater, bank))
    return rater


def observer_view(bank: Bank, rater: str) -> Bank:
    """The bank to analyse `rater`'s answers with: itself for self, else the questions others are asked."""
    if check_rater(bank, rater) == "self":
        return bank
    from ..analysis.feedback import observer_bank

    return observer_bank(bank)


def load(bank_option: Path | None) -> Bank:
    from ..files.bank import load_bank

    return load_bank(bank_option)


def check_type(bank: Bank, type_id: str | None) -> MunicipalityType | None:
    """The --type option checked against the bank's types (exit 2 when unknown)."""
    if type_id is None:
        return None
    if type_id not in bank.types:
        raise OptionError("--type", f"onbekend type `{type_id}`; kies uit: {', '.join(bank.types)}")
    return bank.types[type_id]


def check_contexts(bank: Bank, ids: list[str] | None) -> tuple[Context, ...] | None:
    """The --context options checked against the bank's contexts (exit 2 when unknown); None without any."""
    if not ids:
        return None
    for xid in ids:
        if xid not in bank.contexts:
            from ..files.answers import unknown_context

            raise OptionError("--context", unknown_context(xid, bank))
    return tuple(bank.contexts[x] for x in dict.fromkeys(ids))


def to_terminal(output: Path | None) -> bool:
    """Does this command's output go to a terminal (no --output, or '-', and stdout a tty)?"""
    return (output is None or str(output) == "-") and stdout_is_terminal()


def table_style(output: Path | None) -> tuple[int, bool]:
    """(width, colour) for a Rich table: the terminal's, or 80 plain columns for pipes and files (docs/formats.md section 8)."""
    if not to_terminal(output):
        from ..render.common.termtable import PLAIN_WIDTH

        return PLAIN_WIDTH, False
    return terminal_style()


def refuse_overwriting_inputs(output: Path | None, inputs: list[Path]) -> None:
    """A slip of `-o` must not replace an answer file with its own report."""
    if output is None or str(output) == "-" or not output.exists():
        return
    target = output.resolve()
    if any(target == path.resolve() or target.is_relative_to(path.resolve()) for path in inputs if path.exists()):
        raise UsageError(f"--output {output} is ook invoer; kies een ander bestand voor het rapport")


def render_for(kind: str, fmt: str, data: Any, output: Path | None, *, dialect: str = "standard",
               bank: Bank | None = None, shape: str = "long") -> str:
    """`data` rendered by the registry's renderer for (kind, fmt), styled for where `output` goes.
    `dialect` is --csv-dialect's value (render.common.csvout.Dialect is a str enum: either will do)."""
    from ..render.formats import Options, render

    width, color = table_style(output)
    return render(kind, fmt, data, Options(width, color, to_terminal(output), getattr(dialect, "value", dialect),
                                           bank, shape))


def emit(text: str, output: Path | None) -> None:
    """Reports go to stdout, or to an owner-only file with --output."""
    if output is None or str(output) == "-":
        if sys.stdout is None:  # started with stdout closed (`>&-`)
            raise ScanError("er is geen standaarduitvoer om naar te schrijven; gebruik --output BESTAND")
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_private(output, text)
        err(f"Geschreven: {output}")


def reading(columns: Path | None, sheet: str | None, bank: Bank) -> Any:
    """How to read survey exports (files.inputs.Reading): the --columns mapping, checked now, and --sheet."""
    from ..files.inputs import Reading

    if columns is None:
        return Reading(None, sheet)
    from ..files.survey.mapping import read_mapping

    return Reading(read_mapping(columns, bank), sheet)


def exit_for(failed: int, scored: int, allow_partial: bool) -> None:
    """Exit 1 when an input failed, unless --allow-partial and at least one was scored."""
    if failed and not (allow_partial and scored):
        raise SystemExit(1)
