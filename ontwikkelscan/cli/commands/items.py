"""`ontwikkelscan items`: item analysis (Cronbach's alpha, r(it)) over many answer files (issue 6)."""

from pathlib import Path
from typing import Annotated

import typer

from ...render.common.csvout import Dialect
from ..base import (
    CONSULTANT,
    BankOption,
    DialectOption,
    FailFastOption,
    JobsOption,
    OutputOption,
    RaterOption,
    VerboseOption,
    app,
    emit,
    err,
    format_option,
    load,
    observer_view,
    refuse_overwriting_inputs,
    render_for,
    warn,
)


@app.command(rich_help_panel=CONSULTANT)
def items(
    inputs: Annotated[list[Path], typer.Argument(metavar="INVOER...", help="Antwoordbestanden (YAML), mappen of "
                                                 "CSV-bestanden; één respondent per bestand of rij.",
                                                 show_default=False, readable=False)],
    fmt: Annotated[str, format_option("items")] = "table",
    csv_dialect: DialectOption = Dialect.standard,
    fail_fast: FailFastOption = False,
    rater: RaterOption = "self",
    output: OutputOption = None,
    jobs: JobsOption = None,
    verbose: VerboseOption = False,
    bank_option: BankOption = None,
) -> None:
    """Itemanalyse: Cronbachs alfa per competentie; per vraag gemiddelde, SD, n.v.t., r(it) en alfa zonder.

    r(it) is de gecorrigeerde item-totaalcorrelatie: de vraag tegen de som van de andere vragen.
    Omgekeerde vragen worden eerst omgedraaid.
    Alfa (met 95%-betrouwbaarheidsinterval) en r(it) tellen per competentie wie alle vragen beantwoordde
    die iedereen kreeg; een vraag die alleen bij een context hoort, telt onder wie haar kreeg.
    Gemarkeerd: "omgekeerd?" bij een duidelijk negatieve r(it) (waarschijnlijk een fout in reverse:),
    "zwak" bij r(it) < 0,30 en alfa < 0,70. Onder de 10 volledige antwoorden zijn de getallen onstabiel (*).
    Alleen zelfscans tellen mee; met --rater GROEP de antwoorden van die groep uit feedbackrondes, op de
    vragen voor anderen.

    Voorbeelden:

      ontwikkelscan items scans/

      ontwikkelscan items scans.csv --format csv -o items.csv

    Een fout bestand telt niet mee; de exitcode is dan 1. Met --fail-fast stopt de run bij het eerste
    foute bestand.
    """
    from ...analysis.itemstats import MIN_RESPONDENTS, analyse
    from ..progress import batch

    refuse_overwriting_inputs(output, inputs)
    bank = load(bank_option)
    scoring = observer_view(bank, rater)
    with batch(inputs, bank, fail_fast=fail_fast, rater=rater, jobs=jobs, verbose=verbose) as run:
        sheets = list(run.sheets())
    if run.failed and fail_fast:  # stopped at the first bad file: no analysis of a part
        raise typer.Exit(1)
    if not sheets:
        err("fout: geen bruikbare antwoorden gevonden; geef antwoordbestanden, mappen of CSV-bestanden op")
        raise typer.Exit(1)
    analysis = analyse(scoring, sheets)
    if analysis.unstable:
        warn(f"maar {analysis.respondents} respondent(en); onder de {MIN_RESPONDENTS} zijn alfa en r(it) "
             "onbetrouwbaar: lees ze als een eerste indruk")
    elif analysis.few_cases():
        from ...render.common.console import tell, whole  # tell: wrapped at a terminal, "sam-7 (6)" kept whole

        few = ", ".join(whole(f"{part} ({n})") for part, n in analysis.few_cases())
        tell(f"waarschuwing: minder dan {MIN_RESPONDENTS} volledige antwoorden bij {few}: alfa en r(it) daar zijn "
             "onstabiel (gemarkeerd met *)")
    emit(render_for("items", fmt, analysis, output, dialect=csv_dialect, bank=scoring), output)
    if run.failed:
        raise typer.Exit(1)
