"""`ontwikkelscan report`: score answer files and print the gap report."""

from typing import Annotated

import typer

from ...render.common.csvout import Dialect
from ..base import (
    SECRETARY,
    AllowPartialOption,
    BankOption,
    ColumnsOption,
    ContextOption,
    CsvShapeOption,
    DialectOption,
    FailFastOption,
    InputsArgument,
    JobsOption,
    OutputOption,
    SheetOption,
    TypeOption,
    VerboseOption,
    app,
    format_option,
)


@app.command(rich_help_panel=SECRETARY)
def report(
    inputs: InputsArgument,
    type_id: TypeOption = None,
    context: ContextOption = None,
    fmt: Annotated[str, format_option("report")] = "table",
    csv_dialect: DialectOption = Dialect.standard,
    csv_shape: CsvShapeOption = "long",
    fail_fast: FailFastOption = False,
    allow_partial: AllowPartialOption = False,
    columns: ColumnsOption = None,
    sheet: SheetOption = None,
    output: OutputOption = None,
    jobs: JobsOption = None,
    verbose: VerboseOption = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Een lang rapport in de terminal niet door een "
                                           "pager (less) sturen, maar in één keer tonen.")] = False,
    bank_option: BankOption = None,
) -> None:
    """Scoor antwoordbestanden en toon het rapport: score, doel en verschil per competentie.

    Voorbeelden:

      ontwikkelscan report examples/jansen.yaml --type regie

      ontwikkelscan report examples/jansen.yaml --context ambtelijke-fusie

      ontwikkelscan report scans/ --format jsonl -o rapporten.jsonl

      ontwikkelscan report scans/ --format csv --csv-dialect excel-nl -o overzicht.csv

      ontwikkelscan report examples/jansen.yaml --format html -o jansen.html

      ontwikkelscan report scans/ --format pdf -o rapporten/

      ontwikkelscan report examples/jansen.yaml --format docx -o jansen.docx

    Een rapport dat langer is dan het scherm, toont de terminal in een pager ($PAGER of
    less): bladeren met spatie, stoppen met q. Met --no-pager komt het in één keer.

    Een fout bestand stopt de rest niet: het staat met regelnummer op stderr, de goede
    bestanden worden gerapporteerd en de exitcode is 1. Met --fail-fast stopt de run bij
    het eerste foute bestand.

    Alleen zelfscans: antwoorden van anderen in een map (een feedbackronde) worden overgeslagen;
    die ziet u met `ontwikkelscan feedback report MAP`.
    """
    from .. import run

    run.report(inputs, type_id, context, fmt, csv_dialect, csv_shape, fail_fast, allow_partial, columns, sheet, output,
               jobs, bank_option, no_pager, verbose)
