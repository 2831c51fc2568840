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
    out: Annotated[Path | None, typer.Option("--out", metavar="MAP", help="Map voor de antwoordbestanden "
                                             "(met --round: standaard de rondemap).",
                                             show_default=False, readable=False)] = None,
    round_folder: Annotated[Path | None, typer.Option("--round", metavar="RONDEMAP", help="De rijen zijn "
                                                      "antwoorden in deze feedbackronde (met --rater).",
                                                      show_default=False, readable=False)] = None,
    rater: Annotated[str | None, typer.Option("--rater", metavar="GROEP", help="Met --round: de groep van "
                                              "deze beoordelaars, bijv. medewerkers.", show_default=False)] = None,
    bank_option: BankOption = None,
) -> None:
    """Zet een CSV-bestand om in antwoordbestanden: één per rij, alleen leesbaar voor u.

    De naam komt uit de kolom respondent en het rijnummer (jan-de-vries-2.yaml; zonder naam
    rij-2.yaml). Een bestaand bestand wordt nooit overschreven. Een foute rij staat met rij
    en kolom op stderr; de goede rijen worden wel geschreven, de exitcode is dan 1.

    Voorbeeld:

      ontwikkelscan import-csv enquete.csv --out scans/

    In een feedbackronde krijgt elke rij de ronde en de groep; bij een anonieme groep vervallen naam en datum
    en krijgt het bestand een willekeurige naam:

      ontwikkelscan import-csv export.csv --round ronde-jansen --rater medewerkers
    """
    from ...files.answers import write_answers
    from ...files.inputs import iter_csv
    from ...scan.flow import slug

    bank = load(bank_option)
    if (round_folder is None) != (rater is None):
        raise UsageError("--round en --rater horen bij elkaar: import-csv CSV --round RONDEMAP --rater GROEP")
    round_ = None
    if round_folder is not None and rater is not None:
        from ...files.rounds import read_round, stamp, unused_name

        round_ = read_round(round_folder, bank)
        groups = bank.raters.groups if bank.raters else {}
        if rater != "self" and rater not in groups:
            raise UsageError(f"onbekende groep `{rater}` voor --rater; kies uit: self, {', '.join(groups)}")
        out = out or round_folder
    if out is None:
        raise UsageError("geef --out MAP (of --round RONDEMAP --rater GROEP)")
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is een bestand; geef een map")
    written = failed = 0
    for row, item in iter_csv(file, bank):
        if isinstance(item, InputError):
            show_problems(item.problems)
            failed += 1
            continue
        target = out / f"{slug(item.respondent.get('name', '')) or 'rij'}-{row}.yaml"
        if round_ is not None and rater is not None:
            item = stamp(item, round_, bank, rater)
            if not item.respondent:
                target = unused_name(out)
        if target.exists():
            err(f"{file}:{row}: {target} bestaat al; niet overschreven (kies een lege map met --out)")
            failed += 1
            continue
        write_answers(target, item, bank)
        written += 1
    err(f"{written} antwoordbestand(en) geschreven in {out}" + (f"; {failed} rij(en) niet" if failed else ""))
    if failed:
        raise typer.Exit(1)
