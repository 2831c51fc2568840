"""`ontwikkelscan scan`: the interactive self-scan (issue 4).

Only the command's signature lives here, so that every other command starts without
loading the scan: the steps are in scan/session.py, the question-by-question state
machine in scan/flow.py and the prompts in scan/questionnaire.py (the one questionary import).
"""

from pathlib import Path
from typing import Annotated

import typer

from ...scan.flow import Order
from ..base import SECRETARY, BankOption, ContextOption, TypeOption, app


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
    from .. import run

    run.scan(type_id, context, out, resume, order, round_folder, rater, bank_option, force)
