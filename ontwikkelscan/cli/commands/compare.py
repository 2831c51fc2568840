"""`ontwikkelscan compare`: two scans of one person side by side (issue 5)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ...errors import ScanError, Warned
from ...models import Report

if TYPE_CHECKING:
    from ...analysis.compare import CompareSet
from ...render.common.csvout import Dialect
from ..base import (
    COACH,
    AllowPartialOption,
    BankOption,
    ColumnsOption,
    DialectOption,
    JobsOption,
    OutputOption,
    SheetOption,
    TypeOption,
    VerboseOption,
    app,
    check_type,
    collected,
    emit,
    exit_for,
    format_option,
    load,
    reading,
    refuse_overwriting_inputs,
    render_for,
    warn,
)


@app.command(rich_help_panel=COACH)
def compare(
    old: Annotated[Path, typer.Argument(metavar="OUD", help="De eerdere scan: een antwoordbestand, een map of een "
                                        "export.", show_default=False, readable=False)],
    new: Annotated[Path, typer.Argument(metavar="NIEUW", help="De latere scan: een antwoordbestand, een map of een "
                                        "export.", show_default=False, readable=False)],
    type_id: TypeOption = None,
    fmt: Annotated[str, format_option("compare")] = "table",
    csv_dialect: DialectOption = Dialect.standard,
    columns: ColumnsOption = None,
    sheet: SheetOption = None,
    allow_partial: AllowPartialOption = False,
    output: OutputOption = None,
    jobs: JobsOption = None,
    verbose: VerboseOption = False,
    bank_option: BankOption = None,
) -> None:
    """Vergelijk scans van toen en nu: per competentie de score toen en nu, de verandering
    (↑ omhoog, ↓ omlaag, = gelijk) en de status toen en nu.

    Twee antwoordbestanden van één persoon, of twee groepen (mappen of exports van een
    enquêtetool, voor en na): dan worden de scans gekoppeld op de naam van de respondent
    en staan wie maar aan één kant voorkomt apart vermeld. Een waarschuwing op stderr als
    de scans uit verschillende vragenbanken komen of van verschillende respondenten lijken
    te zijn.

    Voorbeelden:

      ontwikkelscan compare scans/jansen-2025.yaml scans/jansen-2026.yaml

      ontwikkelscan compare voor.xlsx na.xlsx --format csv -o voortgang.csv
    """
    refuse_overwriting_inputs(output, [old, new])
    with collected(verbose):  # both sides and every pair: each kind of warning once, before the table
        group, failed, scored = _compared(old, new, type_id, columns, sheet, jobs, bank_option)
    emit(render_for("compare", fmt, group, output, dialect=csv_dialect), output)
    exit_for(failed, scored, allow_partial)


def _compared(old: Path, new: Path, type_id: str | None, columns: Path | None, sheet: str | None, jobs: int | None,
              bank_option: Path | None) -> tuple["CompareSet", int, int]:
    """Both sides read and paired, with their warnings; (pairs, files failed, scans scored)."""
    from ...analysis.compare import compare_groups
    from ..progress import batch

    same = _same_input(old, new)
    if same:
        warn(f"{old} en {new} {same}; de vergelijking kan geen verandering laten zien. Bedoelde u een andere scan?")
    bank = load(bank_option)
    mtype = check_type(bank, type_id)
    how = reading(columns, sheet, bank)
    sides: list[list[Report]] = []
    failed = scored = skipped = 0
    for path in (old, new):
        with batch([path], bank, own_only=True, tell_skipped=False, reading=how, jobs=jobs) as run:
            sides.append(list(run.reports(mtype)))
        failed += run.failed
        scored += run.read
        skipped += run.skipped
    if skipped:  # once for both sides
        from ...analysis.batch import others_left_out

        warn(others_left_out(skipped, "self"))
    group = compare_groups(*sides)
    if not group.comparisons:
        if failed:  # the errors are on stderr already
            raise typer.Exit(1)
        raise ScanError(f"geen respondent staat in allebei ({old}: {len(sides[0])}, {new}: {len(sides[1])} "
                        "gescoord); scans worden gekoppeld op de naam van de respondent")
    for comparison in group.comparisons:
        source = comparison.new.sheet.source
        for message, kind in zip(comparison.warnings, comparison.kinds, strict=True):
            warn(message if group.single else Warned(f"{source}: {message}", kind, source))
    for side, reports in (("oude", group.only_old), ("nieuwe", group.only_new)):
        if reports:
            warn(f"{len(reports)} respondent(en) alleen in de {side} scans: "
                 + ", ".join(r.sheet.respondent.get("name") or r.sheet.source for r in reports))
    return group, failed, scored


def _same_input(old: Path, new: Path) -> str | None:
    """Why two inputs are one (`compare a.yaml a.yaml`, or a copy), or None."""
    import filecmp
    import os

    try:
        if os.path.samefile(old, new):
            return "zijn hetzelfde bestand" if old.is_file() else "zijn dezelfde map"
        if old.is_file() and new.is_file() and filecmp.cmp(old, new, shallow=False):
            return "hebben dezelfde inhoud"
    except OSError:  # a missing or refused input is reported when it is read
        return None
    return None
