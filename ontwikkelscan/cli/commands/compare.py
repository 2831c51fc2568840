"""`ontwikkelscan compare`: two scans of one person side by side (issue 5)."""

from pathlib import Path
from typing import Annotated

import typer

from ...analysis.sheets import resolve_type
from ...errors import Problem
from ...models import AnswerSheet, Bank, Report
from ...render.console import check_bank_identity
from ..base import (
    COACH,
    BankOption,
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


@app.command(rich_help_panel=COACH)
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
    from ...analysis.compare import compare as compare_reports
    from ...analysis.scoring import score

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
    from ...analysis.batch import respondents

    found, errors = respondents(path, bank)
    for error in errors:
        show_problems(error.problems)
    if errors:
        return None
    if len(found) != 1:
        show_problems([Problem(str(path), None, None, "", f"bevat {len(found)} respondenten; vergelijk twee "
                                                         "bestanden met elk één respondent")])
        return None
    return found[0]
