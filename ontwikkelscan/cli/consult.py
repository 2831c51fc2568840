"""Commands for bank editors: validate, schema, items, bank (issue 6)."""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..render.csv_report import Dialect
from .base import (
    BankOption,
    DialectOption,
    FailFastOption,
    OutputOption,
    app,
    emit,
    err,
    format_option,
    load,
    refuse_overwriting_inputs,
    render_for,
    show_problems,
    warn,
)


@app.command()
def validate(
    bank_option: BankOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Ook waarschuwingen geven exitcode 1.")] = False,
) -> None:
    """Controleer een vragenbank en toon alle fouten en waarschuwingen tegelijk, met bestand:regel:kolom.

    Elke melding zegt waar (bestand:regel:kolom en pad), welke regel, wat er staat en hoe het goed komt.
    Exitcode 1 bij fouten; alleen waarschuwingen geven 0, of 1 met --strict.

    Voorbeelden:

      ontwikkelscan validate --bank mijn-bank

      ontwikkelscan validate --strict
    """
    from ..files.bank import bank_dir, inspect_bank
    from ..render.bankinfo import render_validation

    folder = bank_dir(bank_option)
    bank, problems = inspect_bank(folder, thorough=True)
    show_problems(problems)
    verdict, ok_line = render_validation(folder, bank, problems)
    if verdict:
        err(verdict)
    if ok_line:
        emit(ok_line, None)
    failed = bank is None or (strict and bool(problems))
    if failed:
        raise typer.Exit(1)


class SchemaKind(str, Enum):
    competencies = "competencies"
    questions = "questions"
    answers = "answers"
    round = "round"


@app.command()
def schema(
    kind: Annotated[SchemaKind | None, typer.Argument(metavar="[SOORT]", help="competencies, questions, answers of round; "
                                                      "zonder --output: toon dat schema.", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="MAP", help="Schrijf de schema's "
                                                "(<soort>.schema.json) in deze map.", show_default=False, readable=False)] = None,
    bank_option: Annotated[Path | None, typer.Option(
        "--bank", metavar="MAP", show_default=False, readable=False,
        help="Maak de schema's specifiek voor deze vragenbank: de editor kent dan ook haar competenties, "
             "vraag-id's, typen en schaal. Zonder --bank: de algemene schema's (zoals in schemas/).")] = None,
) -> None:
    """Schrijf de JSON Schemas van competencies.yaml, questions.yaml, antwoordbestanden en ronde.yaml.

    Een editor met de YAML-extensie van Red Hat controleert daarmee tijdens het typen; zie docs/bank.md.
    Zonder --output en zonder SOORT: alle vier als één JSON-object.

    Voorbeelden:

      ontwikkelscan schema --output schemas

      ontwikkelscan schema questions

      ontwikkelscan schema --bank mijn-bank --output mijn-bank/schemas
    """
    from ..files.schemas import schema_files, schema_text

    bank = load(bank_option) if bank_option is not None else None
    if output is None:
        emit(schema_text(kind.value if kind else None, bank), None)
        return
    output.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files(bank).items():
        if kind is None or name.startswith(kind.value + "."):
            (output / name).write_text(text, encoding="utf-8")
            err(f"Geschreven: {output / name}")


@app.command("bank")
def bank_overview(
    bank_option: BankOption = None,
    fmt: Annotated[str, format_option("bank")] = "table",
    output: OutputOption = None,
) -> None:
    """Overzicht van een vragenbank: vragen en omgekeerde vragen per competentie, schaal, typen en doelen.

    Voorbeeld: ontwikkelscan bank --bank mijn-bank
    """
    emit(render_for("bank", fmt, load(bank_option), output), output)


@app.command()
def items(
    inputs: Annotated[list[Path], typer.Argument(metavar="INVOER...", help="Antwoordbestanden (YAML), mappen of "
                                                 "CSV-bestanden; één respondent per bestand of rij.",
                                                 show_default=False, readable=False)],
    fmt: Annotated[str, format_option("items")] = "table",
    csv_dialect: DialectOption = Dialect.standard,
    fail_fast: FailFastOption = False,
    output: OutputOption = None,
    bank_option: BankOption = None,
) -> None:
    """Itemanalyse: Cronbachs alfa per competentie; per vraag gemiddelde, SD, n.v.t., r(it) en alfa zonder.

    r(it) is de gecorrigeerde item-totaalcorrelatie: de vraag tegen de som van de andere vragen.
    Omgekeerde vragen worden eerst omgedraaid.
    Alfa en r(it) tellen per competentie alleen wie alle vragen ervan beantwoordde.
    Gemarkeerd: r(it) < 0,30 en alfa < 0,70. Onder de 10 respondenten zijn de getallen onbetrouwbaar.

    Voorbeelden:

      ontwikkelscan items scans/

      ontwikkelscan items scans.csv --format csv -o items.csv

    Een fout bestand telt niet mee; de exitcode is dan 1. Met --fail-fast stopt de run bij het eerste
    foute bestand.
    """
    from ..analysis.itemstats import MIN_RESPONDENTS, analyse
    from .progress import batch

    refuse_overwriting_inputs(output, inputs)
    bank = load(bank_option)
    with batch(inputs, bank, fail_fast=fail_fast) as run:
        sheets = list(run.sheets())
    if run.failed and fail_fast:  # stopped at the first bad file: no analysis of a part
        raise typer.Exit(1)
    if not sheets:
        err("fout: geen bruikbare antwoorden gevonden; geef antwoordbestanden, mappen of CSV-bestanden op")
        raise typer.Exit(1)
    analysis = analyse(bank, sheets)
    if analysis.unstable:
        warn(f"maar {analysis.respondents} respondent(en); onder de {MIN_RESPONDENTS} zijn alfa en r(it) "
             "onbetrouwbaar: lees ze als een eerste indruk")
    emit(render_for("items", fmt, analysis, output, dialect=csv_dialect, bank=bank), output)
    if run.failed:
        raise typer.Exit(1)
