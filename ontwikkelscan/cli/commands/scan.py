"""`ontwikkelscan scan`: the interactive self-scan (issue 4).

Only the command's signature lives here, so that every other command starts without
loading the scan: the steps are in scan/session.py, the question-by-question state
machine in scan/flow.py and the prompts in scan/questionnaire.py (the one questionary import).
"""

from pathlib import Path
from typing import Annotated

import typer

from ...errors import UsageError
from ...scan.flow import Order
from ..base import SECRETARY, BankOption, ContextOption, TypeOption, app, check_contexts, check_type, err, load


@app.command(rich_help_panel=SECRETARY)
def scan(
    type_id: TypeOption = None,
    context: ContextOption = None,
    out: Annotated[Path | None, typer.Option("--out", metavar="BESTAND", show_default=False, help=(
        "Bewaar de antwoorden hier. Standaard: scans/ontwikkelscan-<datum>-<naam>.yaml."), readable=False)] = None,
    resume: Annotated[Path | None, typer.Option("--resume", metavar="BESTAND", show_default=False, help=(
        "Ga verder met een eerder begonnen scan; de antwoorden en de volgorde blijven."), readable=False)] = None,
    order: Annotated[Order | None, typer.Option("--order", show_default=False, help=(
        "mixed (standaard): competenties door elkaar; bank: de volgorde van de vragenbank."))] = None,
    round_folder: Annotated[Path | None, typer.Option("--round", metavar="RONDEMAP", show_default=False, help=(
        "Antwoord in een feedbackronde (met --rater): over de persoon van de ronde, zonder naam, in de rondemap."),
        readable=False)] = None,
    rater: Annotated[str | None, typer.Option("--rater", metavar="GROEP", show_default=False, help=(
        "Met --round: uw groep, bijv. medewerkers of burgemeester (self voor de zelfscan)."))] = None,
    bank_option: BankOption = None,
    force: Annotated[bool, typer.Option("--force", help=(
        "Overschrijf --out zonder te vragen; ga met --resume verder, ook als de scan met een andere "
        "versie van de vragenbank begon."))] = False,
) -> None:
    """Vul de zelfscan in: één stelling tegelijk, daarna het rapport.

    Elk antwoord wordt meteen bewaard. Pauzeren kan altijd (kies "pauzeren" of druk op Ctrl-C).

    Voorbeelden:

      ontwikkelscan scan

      ontwikkelscan scan --type regie --out scans/jansen.yaml

      ontwikkelscan scan --type beheer --context ambtelijke-fusie

      ontwikkelscan scan --resume scans/ontwikkelscan-2026-11-28-jansen.yaml

      ontwikkelscan scan --round ronde-jansen --rater medewerkers

    De scan heeft een terminal nodig; zonder terminal: ontwikkelscan template en ontwikkelscan report.
    Exitcode 130 na Ctrl-C (de antwoorden zijn dan al bewaard).
    """
    if out is not None and resume is not None:
        raise UsageError("gebruik --out voor een nieuwe scan of --resume om verder te gaan, niet allebei")
    if (round_folder is None) != (rater is None):
        raise UsageError("--round en --rater horen bij elkaar: ontwikkelscan scan --round RONDEMAP --rater GROEP")
    if round_folder is not None and (out is not None or resume is not None):
        raise UsageError("--round bewaart in de rondemap: laat --out en --resume weg")
    try:
        bank = load(bank_option)
        from ...scan.session import Plan, Stop

        contexts = check_contexts(bank, context)
        plan = Plan(bank, check_type(bank, type_id), order, force, bank_option,
                    contexts=tuple(c.id for c in contexts) if contexts is not None else None)
        try:
            if round_folder is not None and rater is not None:
                plan.start_round(round_folder, rater)
            elif resume is not None:
                plan.resume(resume)
            else:
                plan.start(out)
        except Stop as stop:
            raise typer.Exit(stop.code) from None
    except KeyboardInterrupt:  # before any prompt: while loading the bank or reading --resume
        err("\nOnderbroken. Er is niets veranderd.")
        raise typer.Exit(130) from None
