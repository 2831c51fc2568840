"""`ontwikkelscan report`: score answer files and print the gap report."""

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from ..analysis.sheets import bank_mismatch, resolve_type
from ..errors import InputError
from ..models import Bank, MunicipalityType, Report
from ..render.csv_report import Dialect
from .base import (
    BankOption,
    DialectOption,
    OutputOption,
    TypeOption,
    app,
    check_type,
    emit,
    format_option,
    load,
    refuse_overwriting_inputs,
    render_for,
    show_problems,
    warn,
)

InputsArgument = Annotated[list[Path], typer.Argument(
    metavar="INVOER...", show_default=False,
    help="Antwoordbestanden (YAML), mappen (alle *.yaml en *.yml daarin, gesorteerd) en CSV-bestanden "
         "(één rij per respondent, vraag-id's als kolommen).", readable=False)]
FailFastOption = Annotated[bool, typer.Option("--fail-fast", help="Stop bij het eerste foute bestand.")]


@app.command()
def report(
    inputs: InputsArgument,
    type_id: TypeOption = None,
    fmt: Annotated[str, format_option("report")] = "table",
    csv_dialect: DialectOption = Dialect.standard,
    fail_fast: FailFastOption = False,
    output: OutputOption = None,
    bank_option: BankOption = None,
) -> None:
    """Scoor antwoordbestanden en toon het rapport: score, doel en verschil per competentie.

    Voorbeelden:

      ontwikkelscan report examples/jansen.yaml --type regie

      ontwikkelscan report scans/ --format jsonl -o rapporten.jsonl

      ontwikkelscan report scans/ --format csv --csv-dialect excel-nl -o overzicht.csv

    Een fout bestand stopt de rest niet: het staat met regelnummer op stderr, de goede
    bestanden worden gerapporteerd en de exitcode is 1. Met --fail-fast stopt de run bij
    het eerste foute bestand.
    """
    refuse_overwriting_inputs(output, inputs)
    bank = load(bank_option)
    mtype = check_type(bank, type_id)
    reports, failed = score_inputs(inputs, bank, mtype, fail_fast=fail_fast)
    if reports:
        emit(render_for("report", fmt, reports, output, dialect=csv_dialect), output)
    if failed:
        raise typer.Exit(1)


def _same(report: Report) -> Any:
    return report


def score_inputs(inputs: list[Path], bank: Bank, mtype: MunicipalityType | None, *, fail_fast: bool = False,
                 each: Callable[[Report], Any] = _same) -> tuple[list[Any], int]:
    """Score every respondent of every input, in input order; bad inputs go to stderr as they come.

    Returns `each(report)` for every report (the reports themselves by default) and how many
    inputs (files or CSV rows) failed. With `fail_fast` the run stops at the first failure.
    A batch renders each report as it comes (`each`), so that it keeps text, not thousands
    of reports: a heap of live objects makes Python's garbage collector ever slower.
    """
    from ..analysis.scoring import score
    from ..files.inputs import expand, sheets
    from .progress import Progress

    entries = list(expand(inputs))
    reports: list[Any] = []
    failed = 0
    # A batch made with another bank would repeat the same warning for every file: say it once per bank.
    other_banks: dict[tuple[str | None, str | None], int] = {}
    with Progress(len(entries)) as progress:
        for entry in entries:  # one step of the bar per file, however many rows a CSV file holds
            for _source, item in sheets([entry], bank):
                if isinstance(item, InputError):
                    show_problems(item.problems)
                    failed += 1
                    if fail_fast:
                        break
                    continue
                message = bank_mismatch(item, bank)
                if message:
                    key = (item.bank_version, item.bank_sha256)
                    if key not in other_banks:
                        warn(message)
                    other_banks[key] = other_banks.get(key, 0) + 1
                reports.append(each(score(bank, item, resolve_type(bank, mtype, item))))
            if failed and fail_fast:
                break
            progress.advance()
    for (version, _sha), count in other_banks.items():
        if count > 1:
            warn(f"nog {count - 1} bestand(en) gemaakt met dezelfde andere vragenbank "
                 f"({version or 'onbekende versie'})")
    return reports, failed
