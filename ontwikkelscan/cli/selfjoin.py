"""The self-scan joining its round, shared by `feedback start --self` and `feedback add-self`."""

from pathlib import Path
from typing import Annotated, Any

import typer

from ..models import Bank, Round
from .base import BankOption, err, warn
from .commands.feedback import RoundArgument, _round_bank, feedback_app


def joined_self(path: Path, round_: Round, bank: Bank, sheets: list[Any]) -> Any:
    from ..analysis.selfjoin import joined_self as check
    from ..files.answers import read_answers

    joined, warnings = check(read_answers(path, bank), round_, bank, sheets)
    for warning in warnings:
        warn(warning)
    return joined


def write_self(folder: Path, sheet: Any, bank: Bank) -> None:
    """The round's copy of the self-scan: zelfscan.yaml (the self is shown by name anyway), 0600, atomic."""
    from ..files.answers import write_answers
    from ..files.rounds import unused_name

    path = folder / "zelfscan.yaml"
    path = unused_name(folder) if path.exists() else path
    write_answers(path, sheet._replace(source=str(path)), bank)
    err(f"Zelfscan {sheet.source} opgenomen in de ronde: {path}")


@feedback_app.command("add-self")
def add_self(
    folder: RoundArgument,
    own: Annotated[Path, typer.Argument(metavar="BESTAND", help="De afgemaakte zelfscan van de secretaris.",
                                        show_default=False, readable=False)],
    bank_option: BankOption = None,
) -> None:
    """Neem de afgemaakte zelfscan van de secretaris op in de ronde, zonder opnieuw te antwoorden: een kopie
    in de rondemap (het bestand zelf blijft staan). Een scan van een andere bankversie, van een ander dan
    de secretaris van de ronde of die niet af is, wordt geweigerd met de reden.

    Voorbeeld:

      ontwikkelscan feedback add-self ronde-jansen scans/2027-03-01-a-jansen.yaml
    """
    from ..files.rounds import read_folder, read_round

    bank = _round_bank(bank_option)
    round_ = read_round(folder, bank)
    sheets = [item.sheet._replace(source=str(folder / item.path)) for item in read_folder(folder, round_, bank).loaded]
    write_self(folder, joined_self(own, round_, bank, sheets), bank)
