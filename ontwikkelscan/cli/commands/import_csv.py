"""`ontwikkelscan import-csv`: one answer file per row of a CSV file (issue 5)."""

from pathlib import Path
from typing import Annotated

import typer

from ...errors import InputError, UsageError
from ..base import (
    COACH,
    BankOption,
    app,
    err,
    load,
    show_problems,
)


@app.command(rich_help_panel=COACH)
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
    from ...files.answers import write_answers
    from ...files.inputs import iter_csv
    from ...scan.flow import slug

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
