"""`ontwikkelscan import-csv`: one answer file per response of a survey export (issues 5 and 13)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ...errors import InputError, UsageError, Warned
from ...models import Bank
from ..base import (
    COACH,
    AllowPartialOption,
    BankOption,
    ColumnsOption,
    SheetOption,
    VerboseOption,
    app,
    check_rater,
    collected,
    err,
    load,
    reading,
    show_problems,
    warn,
)

if TYPE_CHECKING:
    from ...files.inputs import Reading


@app.command(rich_help_panel=COACH)
def import_csv(
    file: Annotated[Path, typer.Argument(metavar="EXPORT", help="CSV-, .xlsx- of .csv.zip-bestand: de export van Microsoft "
                                         "Forms, Google Forms, LimeSurvey of Qualtrics zoals gedownload, of een "
                                         "eigen CSV met vraag-id's als kolommen.", show_default=False,
                                         readable=False)],
    out: Annotated[Path | None, typer.Option("--out", metavar="MAP", help="Map voor de antwoordbestanden "
                                             "(met --round: standaard de rondemap).",
                                             show_default=False, readable=False)] = None,
    round_folder: Annotated[Path | None, typer.Option("--round", metavar="RONDEMAP", help="De rijen zijn "
                                                      "antwoorden in deze feedbackronde (met --rater).",
                                                      show_default=False, readable=False)] = None,
    rater: Annotated[str | None, typer.Option("--rater", metavar="GROEP", help="Met --round: de groep van "
                                              "deze beoordelaars, bijv. medewerkers; zonder: de vraag `Ik ben` in "
                                              "de export.", show_default=False)] = None,
    columns: ColumnsOption = None,
    sheet: SheetOption = None,
    write_columns: Annotated[Path | None, typer.Option(
        "--write-columns", metavar="KOPPELING", help="Schrijf in plaats daarvan een koppeling voor --columns: "
        "elke kolom van de export met de beste gok. Controleer hem en geef hem daarna met --columns.",
        show_default=False, readable=False)] = None,
    update: Annotated[bool, typer.Option("--update", help="Herschrijf antwoordbestanden van antwoorden die in de "
                                         "export zijn gewijzigd (zelfde antwoord-id).")] = False,
    allow_partial: AllowPartialOption = False,
    verbose: VerboseOption = False,
    bank_option: BankOption = None,
) -> None:
    """Zet een export om in antwoordbestanden: één per antwoord, alleen leesbaar voor u.

    Kolommen worden herkend aan de vraagtekst of het vraag-id; metadata (tijden, e-mail,
    IP-adres) aan hun naam. Opnieuw importeren van een gegroeide export is veilig: wat al
    geïmporteerd is, wordt overgeslagen; nieuwe antwoorden komen erbij. De naam van een
    bestand komt uit de naam en het antwoord-id van de tool (jan-de-vries-id12.yaml), of
    anders uit naam, datum en antwoorden. Eén regel op stderr vat samen wat er gebeurde.

    Voorbeelden:

      ontwikkelscan import-csv Zelfscan.xlsx --out scans/

      ontwikkelscan import-csv results-survey123.csv --write-columns koppeling.yaml

      ontwikkelscan import-csv results-survey123.csv --columns koppeling.yaml --out scans/

    In een feedbackronde krijgt elke rij de ronde en de groep (uit --rater, of de vraag `Ik ben` van één
    enquête voor alle groepen). Bij een anonieme groep komt niets dat naar de persoon wijst in het bestand
    (naam, e-mail, IP-adres, tijden): alleen een code uit het antwoord-id en de sleutel van de ronde:

      ontwikkelscan import-csv Feedback.xlsx --round ronde-jansen

      ontwikkelscan import-csv export.csv --round ronde-jansen --rater medewerkers
    """
    bank = load(bank_option)
    how = reading(columns, sheet, bank)
    if rater is not None and round_folder is None:
        raise UsageError("--rater hoort bij --round: import-csv EXPORT --round RONDEMAP [--rater GROEP]")
    if round_folder is not None and rater != "self":  # others are asked only the questions with an observer text
        how = how._replace(asked=frozenset(q.id for q in bank.questions if q.observer), observer=True)
    if write_columns is not None:
        where = ("--round", round_folder, *(("--rater", rater) if rater else ())) if round_folder else ("--out", "MAP")
        _write_columns(file, write_columns, bank, how, where)
        return
    intake = None
    if round_folder is not None:
        from ...files.rounds import read_round
        from ...files.survey.roundimport import RoundImport

        round_ = read_round(round_folder, bank)
        if rater is not None:
            check_rater(bank, rater)
        intake = RoundImport(round_folder, round_, bank, rater, file)
        out = out or round_folder
    if out is None:
        raise UsageError("geef --out MAP (waar de antwoordbestanden komen), --round RONDEMAP --rater GROEP of "
                         "--write-columns KOPPELING")
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is een bestand; geef een map")
    from ...files.fsio import Writes
    from ...files.inputs import Notice, iter_csv
    from ...files.survey.rows import PERSONAL
    from ...files.survey.store import store

    counts = {"new": 0, "updated": 0, "same": 0, "changed": 0, "errors": 0, "skipped": 0}
    reasons: list[str] = []
    whole_file = False
    personal = None
    writes = Writes()  # the answer files are written on a few threads: the disk, not the rows, sets the pace
    with collected(verbose):  # each kind of warning once, before the summary line
        try:
            for row, item in iter_csv(file, bank, reading=how):
                if isinstance(item, Notice) and item.reason == PERSONAL:
                    personal = item  # said at the end, when anonymous raters were taken
                    continue
                if isinstance(item, Notice):
                    warn(item.warned)
                    if item.skipped:
                        counts["skipped"] += item.skipped
                        reasons.append(f"{item.skipped} {item.reason}")
                    continue
                if isinstance(item, InputError):
                    show_problems(item.problems)
                    counts["errors"] += getattr(item, "rows", 1)  # rows refused for one column's repeated problem: said once
                    whole_file = whole_file or row == 0
                    continue
                try:
                    if intake is not None:
                        item = intake.prepare(item)
                    outcome = store(out, item, bank, writes, update=update)
                except InputError as exc:  # a row of another group, or an earlier file in --out that cannot be read
                    show_problems(exc.problems)
                    counts["errors"] += 1
                    continue
                counts[outcome.kind] += 1
                if intake is not None and outcome.kind == "new":
                    intake.taken[item.rater] = intake.taken.get(item.rater, 0) + 1
                if outcome.kind == "changed":
                    warn(Warned(f"{item.source}: gewijzigd sinds de vorige import ({outcome.path}); niet overschreven, "
                                "gebruik --update om het bij te werken", CHANGED, f"{item.source} ({outcome.path})"))
        except BaseException:  # Ctrl-C: the writes under way finish (or leave nothing); the others are dropped
            writes.close(finish=False)
            raise
        for (outcome, written), problem in writes.close():  # a file that could not be written after all
            show_problems(problem.problems)
            counts[outcome.kind] -= 1
            counts["errors"] += 1
            if intake is not None and outcome.kind == "new":
                intake.taken[written.rater] -= 1
        if personal is not None and intake is not None and intake.anonymous:
            warn(str(personal))
    err(_summary(file, out, counts, reasons, whole_file, intake.per_group() if intake is not None else ""))
    kept = counts["new"] + counts["updated"] + counts["same"]
    if (counts["errors"] or counts["changed"]) and not (allow_partial and kept):
        raise typer.Exit(1)


CHANGED = ("{n} rijen gewijzigd sinds de vorige import, niet overschreven (gebruik --update om ze bij te werken)")


def _summary(file: Path, out: Path, counts: dict[str, int], reasons: list[str], whole_file: bool,
             groups: str = "") -> str:
    if whole_file:
        return f"{file}: niets geïmporteerd; het bestand is geweigerd (zie boven)"
    parts = [f"{counts['new']} geïmporteerd in {out}" + (f" ({groups})" if groups else "")]
    if counts["updated"]:
        parts.append(f"{counts['updated']} bijgewerkt")
    skipped = counts["same"] + counts["skipped"]
    if skipped:
        why = ([f"{counts['same']} al geïmporteerd"] if counts["same"] else []) + reasons
        parts.append(f"{skipped} overgeslagen ({', '.join(why)})")
    refused = counts["errors"] + counts["changed"]
    if refused:
        why = ([f"{counts['errors']} met fouten"] if counts["errors"] else []) + (
            [f"{counts['changed']} gewijzigd, gebruik --update"] if counts["changed"] else [])
        parts.append(f"{refused} geweigerd ({', '.join(why)})")
    return f"{file}: " + ", ".join(parts)


def _write_columns(file: Path, target: Path, bank: Bank, how: "Reading", where: tuple[str | Path, ...]) -> None:
    from ...files.commandline import command
    from ...files.fsio import write_private
    from ...files.survey.mapwrite import write_mapping
    from ...files.survey.tables import read_table

    if target.exists():
        raise UsageError(f"--write-columns {target} bestaat al; kies een andere naam (een koppeling overschrijven "
                         "we niet)")
    table = read_table(file, str(file), how.sheet)
    write_private(target, write_mapping(table, bank, file.name, how.mapping, observer=how.observer))
    err(f"Geschreven: {target} ({len(table.headers)} kolommen). Controleer hem en importeer met: "
        f"{command('import-csv', file, '--columns', target, *where)}")
