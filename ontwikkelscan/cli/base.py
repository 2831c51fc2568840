"""The Typer app, its one error boundary, and what every command shares.

No `from __future__ import annotations` in cli/: Typer would then eval every annotation
string at start-up, which costs milliseconds on every run.
"""

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from ..errors import ScanError, UsageError
from ..files.fsio import write_private
from ..models import Bank, Context, MunicipalityType
from ..render.common.console import err as err  # re-exported: the commands take their helpers from base
from ..render.common.console import stdout_is_terminal, terminal_style
from ..render.common.console import warn as warn  # re-exported: the commands take their helpers from base
from ..render.common.csvout import Dialect
from .boundary import boundary
from .boundary import show_problems as show_problems  # re-exported: the commands take their helpers from base
from .typer_private import Choice


class _DutchHelp:
    """The two parts of --help that the vendored click writes itself, in Dutch (see also usage.py)."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "Toon deze hulp en stop."
        return option

    def get_help(self, ctx: Any) -> str:
        from .helptext import render_help  # Typer's Rich help would cost twice its own import (helptext.py)

        return render_help(self, ctx)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(self.get_help(ctx))

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Gebruik: ")


class _Command(_DutchHelp, TyperCommand):
    pass


F = TypeVar("F", bound=Callable[..., Any])

# The help groups the commands by who uses them, in this order; each command module names its panel.
SECRETARY = "Zelfscan (secretaris)"
COACH = "Groepen en voortgang (coach)"
CONSULTANT = "Vragenbank (consultant, beheerder)"
PANELS = (SECRETARY, COACH, CONSULTANT)
# Within a panel the help lists these first, in the order a user takes them; the rest alphabetically.
LEADING = ("scan", "report", "plan", "import-csv", "cohort", "compare", "feedback", "validate")


class _App(typer.Typer):
    """Commands with the Dutch help parts, docstrings reflowed for the terminal's width, and the name
    of the module that defines them (commands/import_csv.py is `import-csv`)."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[F], F]:
        kwargs.setdefault("cls", _Command)
        kwargs.setdefault("options_metavar", "[OPTIES]")

        def register(func: F) -> F:
            kwargs.setdefault("help", reflow(func.__doc__ or ""))
            name = args[0] if args else func.__module__.rpartition(".")[2].replace("_", "-")
            typer.Typer.command(self, name, *args[1:], **kwargs)(func)
            return func

        return register


def reflow(docstring: str) -> str:
    """Join the lines of each prose paragraph (Rich would keep our source's line breaks);
    indented lines, such as examples, stay as they are."""
    import inspect

    paragraphs = inspect.cleandoc(docstring).split("\n\n")
    return "\n\n".join(p if p.startswith(" ") else " ".join(line.strip() for line in p.splitlines())
                        for p in paragraphs)


class _Boundary(_DutchHelp, TyperGroup):
    """Runs every command inside the one error and interrupt boundary (boundary.py)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:  # the help, and exit 2, as before
            sys.stdout.write(self.get_help(ctx))
            ctx.exit(2)
        result: list[str] = super().parse_args(ctx, args)
        return result

    def invoke(self, ctx: Any) -> Any:  # Any: typer.Context is not the vendored click Context it gets
        with boundary():
            return super().invoke(ctx)


class _Group(_DutchHelp, TyperGroup):
    """A command with subcommands (`feedback start`); the root group's boundary covers it."""


def group(name: str, docstring: str) -> "_App":
    """A command group, such as `feedback`, with the Dutch help of every command; add it with app.add_typer."""
    return _App(cls=_Group, name=name, help=reflow(docstring), options_metavar="[OPTIES]",
                subcommand_metavar="OPDRACHT [ARGUMENTEN]...", no_args_is_help=True, add_completion=False,
                pretty_exceptions_enable=False, context_settings={"help_option_names": ["-h", "--help"]},
                rich_markup_mode="rich")


app = _App(
    cls=_Boundary,
    name="ontwikkelscan",
    options_metavar="[OPTIES]",
    subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ontwikkelscan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", help="Toon de versie en stop.", callback=_version,
                                          is_eager=True)] = False,
) -> None:
    """Ontwikkelscan voor gemeentesecretarissen: scoor de competenties van het profiel tegen het doelprofiel
    van een regie-, ontwikkel- of beheergemeente.

    Voorbeeld: ontwikkelscan report examples/jansen.yaml --type regie
    """


# readable=False on every path: Typer would check readability itself, in English and with exit 2;
# our readers say it in Dutch, per file (exit 1), and a batch goes on with the other files.
BankOption = Annotated[Path | None, typer.Option(
    "--bank", metavar="MAP", help="Map met een eigen vragenbank (competencies.yaml, questions.yaml). "
    "Standaard: $ONTWIKKELSCAN_BANK, anders de meegeleverde bank.", show_default=False, readable=False)]
TypeOption = Annotated[str | None, typer.Option(
    "--type", "-t", metavar="TYPE", help="Type gemeente: regie, ontwikkel of beheer (gaat voor het antwoordbestand).",
    show_default=False)]
ContextOption = Annotated[list[str] | None, typer.Option(
    "--context", metavar="CONTEXT", help="Context die het doelprofiel inkleurt, zoals ambtelijke-fusie; "
    "herhaal de optie voor meer contexten (gaat voor het antwoordbestand). Zie `ontwikkelscan profiles`.",
    show_default=False)]
OutputOption = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="BESTAND", help="Schrijf naar dit bestand (alleen leesbaar voor u) in plaats van "
    "naar het scherm; '-' is het scherm.", show_default=False, readable=False)]

InputsArgument = Annotated[list[Path], typer.Argument(
    metavar="INVOER...", show_default=False,
    help="Antwoordbestanden (YAML), mappen (alle *.yaml, *.yml, *.csv en *.xlsx daarin, gesorteerd) en "
         "exports van een enquêtetool (CSV of .xlsx: één rij per respondent).", readable=False)]
FailFastOption = Annotated[bool, typer.Option("--fail-fast", help="Stop bij het eerste foute bestand.")]
RaterOption = Annotated[str, typer.Option(
    "--rater", metavar="GROEP", help="Alleen de antwoorden van deze beoordelaars: self (de zelfscans) of een groep "
    "uit een feedbackronde, zoals medewerkers; die worden gescoord op de vragen voor anderen.")]


def check_rater(bank: Bank, rater: str) -> str:
    """--rater checked against self and the bank's rater groups (exit 2 when unknown)."""
    if rater != "self" and rater not in (bank.raters.groups if bank.raters else {}):
        from ..files.answers import unknown_rater

        raise typer.BadParameter(unknown_rater(rater, bank), param_hint="'--rater'")
    return rater


def observer_view(bank: Bank, rater: str) -> Bank:
    """The bank to analyse `rater`'s answers with: itself for self, else the questions others are asked."""
    if check_rater(bank, rater) == "self":
        return bank
    from ..analysis.feedback import observer_bank

    return observer_bank(bank)


ColumnsOption = Annotated[Path | None, typer.Option(
    "--columns", metavar="KOPPELING", help="YAML-bestand dat kolommen van een export aan vragen koppelt en "
    "antwoordcodes aan waarden (zie docs/coach.md; maak er een met import-csv --write-columns).",
    show_default=False, readable=False)]
SheetOption = Annotated[str | None, typer.Option(
    "--sheet", metavar="WERKBLAD", help="Het werkblad van een .xlsx-bestand (standaard het eerste).",
    show_default=False)]
CsvShapeOption = Annotated[str, typer.Option(
    "--csv-shape", click_type=Choice(["long", "wide"]), help="Voor --format csv. long: één rij per respondent en "
    "competentie; wide: één rij per respondent, per competentie een kolom score en status.", show_default=True)]
AllowPartialOption = Annotated[bool, typer.Option(
    "--allow-partial", help="Exitcode 0 als ten minste één invoer gescoord is, ook als andere fout zijn (de "
    "fouten staan wel op stderr); handig in een script met set -e.")]


def load(bank_option: Path | None) -> Bank:
    from ..files.bank import load_bank

    return load_bank(bank_option)


def check_type(bank: Bank, type_id: str | None) -> MunicipalityType | None:
    """The --type option checked against the bank's types (exit 2 when unknown)."""
    if type_id is None:
        return None
    if type_id not in bank.types:
        raise typer.BadParameter(f"onbekend type `{type_id}`; kies uit: {', '.join(bank.types)}",
                                 param_hint="'--type'")
    return bank.types[type_id]


def check_contexts(bank: Bank, ids: list[str] | None) -> tuple[Context, ...] | None:
    """The --context options checked against the bank's contexts (exit 2 when unknown); None without any."""
    if not ids:
        return None
    for xid in ids:
        if xid not in bank.contexts:
            from ..files.answers import unknown_context

            raise typer.BadParameter(unknown_context(xid, bank), param_hint="'--context'")
    return tuple(bank.contexts[x] for x in dict.fromkeys(ids))


def to_terminal(output: Path | None) -> bool:
    """Does this command's output go to a terminal (no --output, or '-', and stdout a tty)?"""
    return (output is None or str(output) == "-") and stdout_is_terminal()


def table_style(output: Path | None) -> tuple[int, bool]:
    """(width, colour) for a Rich table: the terminal's, or 80 plain columns for pipes and files (SPEC 8)."""
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


def format_option(kind: str) -> Any:
    """The --format option of a report kind: its choices and their help come from the registry."""
    from ..render.formats import formats, help_text

    return typer.Option("--format", "-f", help=help_text(kind), click_type=Choice(list(formats(kind))),
                        show_default=True)


DialectOption = Annotated[Dialect, typer.Option(
    "--csv-dialect", help="Voor --format csv. standard: komma en decimale punt; excel-nl: puntkomma, decimale "
    "komma en UTF-8 met BOM, zodat Nederlandse Excel het goed opent.")]


def render_for(kind: str, fmt: str, data: Any, output: Path | None, *, dialect: Dialect = Dialect.standard,
               bank: Bank | None = None, shape: str = "long") -> str:
    """`data` rendered by the registry's renderer for (kind, fmt), styled for where `output` goes."""
    from ..render.formats import Options, render

    width, color = table_style(output)
    return render(kind, fmt, data, Options(width, color, to_terminal(output), dialect.value, bank, shape))


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
        raise typer.Exit(1)
