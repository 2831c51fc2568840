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
from ..errors import OptionError
from ..render.common.console import collected as collected  # re-exported: the commands take their helpers from base
from ..render.common.console import err as err  # re-exported: the commands take their helpers from base
from ..render.common.console import warn as warn  # re-exported: the commands take their helpers from base
from ..render.common.console import warn_all as warn_all  # re-exported: the commands take their helpers from base
from ..render.common.csvout import Dialect
from .boundary import boundary
from .boundary import show_problems as show_problems  # re-exported: the commands take their helpers from base
from .shared import (  # re-exported: the commands take their helpers from base (shared.py needs no Typer)
    check_contexts as check_contexts,
)
from .shared import check_rater as check_rater
from .shared import check_type as check_type
from .shared import emit as emit
from .shared import exit_for as exit_for
from .shared import load as load
from .shared import observer_view as observer_view
from .shared import reading as reading
from .shared import refuse_overwriting_inputs as refuse_overwriting_inputs
from .shared import render_for as render_for
from .shared import table_style as table_style
from .shared import to_terminal as to_terminal
from .typer_private import Choice, ClickUsageError


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


class _DutchParse:
    """A command line is read inside the boundary too (`ontwikkelscan --bogus` happens before any command
    runs), so that its mistakes are told in Dutch; a group without arguments shows its help, exit 2."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:  # type: ignore[attr-defined]
            sys.stdout.write(self.get_help(ctx))  # type: ignore[attr-defined]
            ctx.exit(2)
        with boundary():
            try:
                result: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
            except ClickUsageError as exc:  # the parser leaves out whose option it was: `Hulp:` names it
                exc.ctx = exc.ctx or ctx
                raise
        return result


class _Command(_DutchParse, _DutchHelp, TyperCommand):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except OptionError as exc:  # a value the bank does not know: said as Typer says any bad option
            raise typer.BadParameter(str(exc), ctx=ctx, param_hint=f"'{exc.option}'") from None


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


class _Boundary(_DutchParse, _DutchHelp, TyperGroup):
    """Runs every command inside the one error and interrupt boundary (boundary.py)."""

    def invoke(self, ctx: Any) -> Any:  # Any: typer.Context is not the vendored click Context it gets
        with boundary():
            return super().invoke(ctx)


class _Group(_DutchParse, _DutchHelp, TyperGroup):
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
JobsOption = Annotated[int | None, typer.Option(
    "--jobs", "-j", metavar="N", show_default=False, help="Lees de bestanden met N processen tegelijk "
    "(standaard: zoveel als er processorkernen voor dit programma zijn; 1: in één proces). De uitvoer is "
    "dezelfde, in dezelfde volgorde.")]
VerboseOption = Annotated[bool, typer.Option(
    "--verbose", help="Toon elke waarschuwing apart. Standaard komt een waarschuwing die veel bestanden of rijen "
    "geven één keer, met het aantal en de eerste voorbeelden.")]
AllowPartialOption = Annotated[bool, typer.Option(
    "--allow-partial", help="Exitcode 0 als ten minste één invoer gescoord is, ook als andere fout zijn (de "
    "fouten staan wel op stderr); handig in een script met set -e.")]


def format_option(kind: str) -> Any:
    """The --format option of a report kind: its choices and their help come from the registry."""
    from ..render.formats import formats, help_text

    return typer.Option("--format", "-f", help=help_text(kind), click_type=Choice(list(formats(kind))),
                        show_default=True)


DialectOption = Annotated[Dialect, typer.Option(
    "--csv-dialect", help="Voor --format csv. standard: komma en decimale punt; excel-nl: puntkomma, decimale "
    "komma en UTF-8 met BOM, zodat Nederlandse Excel het goed opent.")]


