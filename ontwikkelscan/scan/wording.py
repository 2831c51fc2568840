"""The words of the interactive scan that need no terminal: the welcome, the described choices.

Pure text, so that the scan's layout can be tested without questionary.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

SECONDS_PER_ITEM = 10  # measured on the draft bank: short statements, one key each
PAUSE = "pauzeren"


def welcome_text(total: int) -> str:
    minutes = max(5, round(total * SECONDS_PER_ITEM / 60 / 5) * 5)
    return (
        "Ontwikkelscan voor gemeentesecretarissen\n\n"
        f"U krijgt {total} korte stellingen over uw werk; dat duurt ongeveer {minutes} minuten.\n"
        "Er zijn geen goede of foute antwoorden: kies wat het vaakst klopt in uw huidige functie.\n"
        "Uw antwoorden blijven op deze computer; elk antwoord wordt meteen bewaard.\n"
        f"Pauzeren kan altijd: kies \"{PAUSE}\" of druk op Ctrl-C. Later gaat u verder waar u was "
        "(met dezelfde opdracht)."
    )


def first_sentence(text: str) -> str:
    """The first sentence of a description: the one line a choice list shows in full."""
    return re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]


def described(options: Sequence[tuple[str, str]], width: int) -> str:
    """'  1) Name: description', wrapped under the name, for the choices that follow."""
    lines = []
    for number, (name, description) in enumerate(options, start=1):
        text = f"{number}) {name}: {description}" if description else f"{number}) {name}"
        lines.append(textwrap.fill(text, width=width, initial_indent="  ", subsequent_indent="     ",
                                   break_long_words=False, break_on_hyphens=False))
    return "\n".join(lines)
