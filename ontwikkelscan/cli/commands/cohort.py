"""`ontwikkelscan cohort`: summarise a group of scans per competency (issue 5)."""

from typing import Annotated

import typer

from ...errors import UsageError
from ...render.common.csvout import Dialect
from ..base import (
    COACH,
    AllowPartialOption,
    BankOption,
    ColumnsOption,
    ContextOption,
    DialectOption,
    FailFastOption,
    InputsArgument,
    JobsOption,
    OutputOption,
    RaterOption,
    SheetOption,
    TypeOption,
    VerboseOption,
    app,
    check_contexts,
    check_type,
    emit,
    format_option,
    load,
    observer_view,
    reading,
    refuse_overwriting_inputs,
    render_for,
)


@app.command(rich_help_panel=COACH)
def cohort(
    inputs: InputsArgument,
    type_id: TypeOption = None,
    context: ContextOption = None,
    fmt: Annotated[str, format_option("cohort")] = "table",
    csv_dialect: DialectOption = Dialect.standard,
    allow_small: Annotated[bool, typer.Option("--allow-small", help="Sta een groep van minder dan 3 "
                                              "respondenten toe (zij zijn dan herkenbaar).")] = False,
    fail_fast: FailFastOption = False,
    rater: RaterOption = "self",
    allow_partial: AllowPartialOption = False,
    columns: ColumnsOption = None,
    sheet: SheetOption = None,
    output: OutputOption = None,
    jobs: JobsOption = None,
    verbose: VerboseOption = False,
    bank_option: BankOption = None,
) -> None:
    """Vat een groep scans samen: per competentie n, gemiddelde, standaardafwijking (steekproef, n − 1),
    minimum, maximum, hoeveel onder het doel zitten en de verdeling over de statussen.

    Ieder antwoordbestand telt tegen het doel van het eigen type gemeente en de eigen contexten
    (--type en --context gaan voor).
    Een groep van minder dan 3 respondenten wordt geweigerd (exitcode 2), tenzij --allow-small.
    Alleen zelfscans tellen mee; antwoorden van anderen uit een feedbackronde alleen met --rater GROEP.

    Voorbeeld:

      ontwikkelscan cohort scans/ --format csv --csv-dialect excel-nl -o groep.csv
    """
    from ...analysis.cohort import MIN_COHORT, CohortBuilder
    from ..progress import batch

    refuse_overwriting_inputs(output, inputs)
    bank = load(bank_option)
    mtype = check_type(bank, type_id)
    contexts = check_contexts(bank, context)
    scoring = observer_view(bank, rater)
    builder = CohortBuilder(scoring)
    with batch(inputs, bank, fail_fast=fail_fast, rater=rater, reading=reading(columns, sheet, bank),
               jobs=jobs, verbose=verbose) as run:
        for report in run.reports(mtype, scoring, contexts):
            builder.add(report)
    size, failed = builder.respondents, run.failed
    if failed and (fail_fast or size == 0):  # bad input, nothing to summarise: exit 1 like any bad input
        raise typer.Exit(1)
    people = min(size, run.people)  # persons, not files: one person's two scans are one person
    if people < MIN_COHORT and not allow_small:
        counted = f"{people} respondent(en)" + (f" ({size} scans)" if size != people else "")
        raise UsageError(f"een groep van {counted} is te klein: met minder dan {MIN_COHORT} "
                         "zijn personen herkenbaar; gebruik --allow-small als dat hier geen bezwaar is")
    if not size:
        raise typer.Exit(1)
    emit(render_for("cohort", fmt, builder.build(), output, dialect=csv_dialect), output)
    if failed and not allow_partial:
        raise typer.Exit(1)
