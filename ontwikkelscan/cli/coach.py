"""Commands for coaches: cohort, compare, template, import-csv (issue 5)."""

from pathlib import Path
from typing import Annotated

import typer

from ..analysis.sheets import resolve_type
from ..errors import InputError, Problem, ScanError, UsageError
from ..models import AnswerSheet, Bank, MunicipalityType, Report
from ..render.console import check_bank_identity
from ..render.csv_report import Dialect
from .base import (
    BankOption,
    DialectOption,
    FailFastOption,
    InputsArgument,
    OutputOption,
    TypeOption,
    app,
    check_type,
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
def cohort(
    inputs: InputsArgument,
    type_id: TypeOption = None,
    fmt: Annotated[str, format_option("cohort")] = "table",
    csv_dialect: DialectOption = Dialect.standard,
    allow_small: Annotated[bool, typer.Option("--allow-small", help="Sta een groep van minder dan 3 "
                                              "respondenten toe (zij zijn dan herkenbaar).")] = False,
    fail_fast: FailFastOption = False,
    output: OutputOption = None,
    bank_option: BankOption = None,
) -> None:
    """Vat een groep scans samen: per competentie n, gemiddelde, standaardafwijking (steekproef, n − 1),
    minimum, maximum, hoeveel onder het doel zitten en de verdeling over de statussen.

    Ieder antwoordbestand telt tegen het doel van het eigen type gemeente (--type gaat voor).
    Een groep van minder dan 3 respondenten wordt geweigerd (exitcode 2), tenzij --allow-small.

    Voorbeeld:

      ontwikkelscan cohort scans/ --format csv --csv-dialect excel-nl -o groep.csv
    """
    from ..analysis.cohort import MIN_COHORT, CohortBuilder
    from .progress import batch

    refuse_overwriting_inputs(output, inputs)
    bank = load(bank_option)
    mtype = check_type(bank, type_id)
    builder = CohortBuilder(bank)
    with batch(inputs, bank, fail_fast=fail_fast) as run:
        for report in run.reports(mtype):
            builder.add(report)
    size, failed = builder.respondents, run.failed
    if failed and (fail_fast or size == 0):  # bad input, nothing to summarise: exit 1 like any bad input
        raise typer.Exit(1)
    if size < MIN_COHORT and not allow_small:
        raise UsageError(f"een groep van {size} respondent(en) is te klein: met minder dan {MIN_COHORT} "
                         "zijn personen herkenbaar; gebruik --allow-small als dat hier geen bezwaar is")
    if not size:
        raise typer.Exit(1)
    emit(render_for("cohort", fmt, builder.build(), output, dialect=csv_dialect), output)
    if failed:
        raise typer.Exit(1)


@app.command()
def compare(
    old: Annotated[Path, typer.Argument(metavar="OUD", help="Het antwoordbestand van de eerdere scan.",
                                        show_default=False, readable=False)],
    new: Annotated[Path, typer.Argument(metavar="NIEUW", help="Het antwoordbestand van de latere scan.",
                                        show_default=False, readable=False)],
    type_id: TypeOption = None,
    fmt: Annotated[str, format_option("compare")] = "table",
    output: OutputOption = None,
    bank_option: BankOption = None,
) -> None:
    """Vergelijk twee scans van één persoon: per competentie de score toen en nu, de verandering
    (↑ omhoog, ↓ omlaag, = gelijk) en de status toen en nu.

    Een waarschuwing op stderr als de scans uit verschillende vragenbanken komen of van
    verschillende respondenten lijken te zijn.

    Voorbeeld:

      ontwikkelscan compare scans/jansen-2025.yaml scans/jansen-2026.yaml
    """
    from ..analysis.compare import compare as compare_reports
    from ..analysis.scoring import score

    refuse_overwriting_inputs(output, [old, new])
    bank = load(bank_option)
    mtype = check_type(bank, type_id)
    reports: list[Report] = []
    failed = False
    for path in (old, new):
        sheet = _one_sheet(path, bank)
        if sheet is None:
            failed = True
            continue
        check_bank_identity(sheet, bank)
        reports.append(score(bank, sheet, resolve_type(bank, mtype, sheet)))
    if failed:
        raise typer.Exit(1)
    comparison = compare_reports(reports[0], reports[1])
    for message in comparison.warnings:
        warn(message)
    emit(render_for("compare", fmt, comparison, output), output)


def _one_sheet(path: Path, bank: Bank) -> AnswerSheet | None:
    """The one respondent in `path` (a CSV file must hold exactly one row); None after showing its errors."""
    from ..files.inputs import iter_sheets

    items = list(iter_sheets([path], bank))
    errors = [item for _, item in items if isinstance(item, InputError)]
    for error in errors:
        show_problems(error.problems)
    if errors:
        return None
    if len(items) != 1:
        show_problems([Problem(str(path), None, None, "", f"bevat {len(items)} respondenten; vergelijk twee "
                                                         "bestanden met elk één respondent")])
        return None
    sheet = items[0][1]
    assert isinstance(sheet, AnswerSheet)
    return sheet


@app.command()
def template(
    type_id: TypeOption = None,
    output: OutputOption = None,
    bank_option: BankOption = None,
) -> None:
    """Schrijf een leeg antwoordbestand: alle vragen in bankvolgorde, met de vraagtekst en de schaal als
    commentaar en alle antwoorden leeg (null). Vul de getallen in en het bestand is meteen te scoren.

    Een bestaand bestand wordt niet overschreven.

    Voorbeeld:

      ontwikkelscan template --type regie -o jansen.yaml
    """
    bank = load(bank_option)
    mtype = check_type(bank, type_id)
    if output is not None and str(output) != "-" and output.exists():
        raise ScanError(f"{output} bestaat al; kies een andere naam (een ingevuld bestand overschrijven we niet)")
    emit(template_text(bank, mtype), output)


def template_text(bank: Bank, mtype: MunicipalityType | None) -> str:
    from ..files.answers import dump_answers

    sheet = AnswerSheet(source="", answers={}, municipality_type=mtype.id if mtype else None)
    body = dump_answers(sheet, bank, with_questions=True)
    head = ["# Ontwikkelscan: leeg antwoordbestand.",
            f"# Vul achter elke vraag een getal van {bank.scale.min} tot en met {bank.scale.max} in; "
            "laat null staan om een vraag over te slaan.",
            "# Naam en gemeente zijn optioneel; haal dan het # weg:",
            '# respondent: {name: "...", municipality: "..."}',
            "# date: JJJJ-MM-DD"]
    if mtype is None:
        head.append(f"# municipality_type: {' | '.join(bank.types)}   (of geef --type bij report)")
    return "\n".join(head) + "\n" + body


@app.command("import-csv")
def import_csv(
    file: Annotated[Path, typer.Argument(metavar="CSV", help="CSV-bestand: één rij per respondent, vraag-id's als "
                                         "kolommen; optioneel respondent, municipality, municipality_type, date.",
                                         show_default=False, readable=False)],
    out: Annotated[Path, typer.Option("--out", metavar="MAP", help="Map voor de antwoordbestanden.",
                                      show_default=False, readable=False)],
    bank_option: BankOption = None,
) -> None:
    """Zet een CSV-bestand om in antwoordbestanden: één per rij, alleen leesbaar voor u.

    De naam komt uit de kolom respondent en het rijnummer (jan-de-vries-2.yaml; zonder naam
    rij-2.yaml). Een bestaand bestand wordt nooit overschreven. Een foute rij staat met rij
    en kolom op stderr; de goede rijen worden wel geschreven, de exitcode is dan 1.

    Voorbeeld:

      ontwikkelscan import-csv enquete.csv --out scans/
    """
    from ..files.answers import write_answers
    from ..files.inputs import iter_csv
    from ..scan.flow import slug

    bank = load(bank_option)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is een bestand; geef een map")
    written = failed = 0
    for row, item in iter_csv(file, bank):
        if isinstance(item, InputError):
            show_problems(item.problems)
            failed += 1
            continue
        target = out / f"{slug(item.respondent.get('name', '')) or 'rij'}-{row}.yaml"
        if target.exists():
            err(f"{file}:{row}: {target} bestaat al; niet overschreven (kies een lege map met --out)")
            failed += 1
            continue
        write_answers(target, item, bank)
        written += 1
    err(f"{written} antwoordbestand(en) geschreven in {out}" + (f"; {failed} rij(en) niet" if failed else ""))
    if failed:
        raise typer.Exit(1)
