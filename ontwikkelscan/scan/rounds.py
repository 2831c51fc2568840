"""The scan in a feedback round (docs/formats.md section 6): the welcome for someone answering about the secretary."""

from __future__ import annotations

from pathlib import Path

from ..models import Bank
from .flow import Asker


def welcome_round(asker: Asker, bank: Bank, rater: str, subject: str | None, total: int) -> None:
    """About whom, how to answer, and the anonymity rule before the first statement (for a non-anonymous
    group: that it is shown by name). The self scan in a round gets the usual welcome. `total` is the
    number of statements this scan asks (the round's contexts included)."""
    from ..render.feedback.forms import anonymity_text

    who = subject or "de secretaris"
    if rater == "self":
        asker.welcome(total)
    else:
        asker.say(f"Feedback over {who}\n\nU krijgt {total} korte uitspraken over wat u {who} ziet doen. "
                  "Kies bij elke uitspraak wat het vaakst klopt; weet u het niet, kies dan 'weet ik niet'. "
                  "Uw naam wordt niet gevraagd.\nPauzeren kan altijd: druk op Ctrl-C.")
    asker.say(f"\nOver: {who}\n{anonymity_text(bank, rater, who)}")


def subject_of(path: Path, round_id: str, bank: Bank) -> str | None:
    """Whom a round's answer file is about (for --resume): the ronde.yaml of its round in a folder above it."""
    from ..errors import InputError
    from ..files.rounds import ROUND_FILE, read_round

    for folder in list(path.resolve().parents)[:4]:
        if (folder / ROUND_FILE).is_file():
            try:
                round_ = read_round(folder, bank)
            except InputError:
                return None
            return round_.subject.get("name") if round_.id == round_id else None
    return None
