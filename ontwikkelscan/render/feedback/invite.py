"""Invitations and reminders for a feedback round (issue 19): per rater group a Dutch e-mail text to
send, and a reminder that names how many more answers that group needs. Never who has answered:
a reminder counts, it does not list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from ...files.comments import comment_questions
from ...models import Bank, Round
from ..common.dates import dutch_date
from .forms import anonymity_text, rater_minutes


class Invitation(NamedTuple):
    round: Round
    bank: Bank
    statements: Mapping[str, int]  # group id -> statements that group is asked
    needs: Mapping[str, int]  # group id -> more raters before it is shown (feedback status); absent: no file yet
    deadline: str | None = None  # YYYY-MM-DD
    coach: str | None = None


def needed(invitation: Invitation, group: str) -> int:
    """How many more raters a group needs before its own scores can be shown (0 when none): what
    `feedback status` says, or for a group without any file yet the floor (one for a named group)."""
    raters = invitation.bank.raters
    assert raters is not None
    if group in invitation.needs:
        return invitation.needs[group]
    return raters.anonymity_floor if raters.groups[group].anonymous else 1


def render_invitations(invitation: Invitation) -> str:
    """Markdown: per group the invitation, then the reminder."""
    raters = invitation.bank.raters
    assert raters is not None
    subject = invitation.round.subject.get("name", "de secretaris")
    out = [f"# Uitnodigingen en herinneringen: feedback over {subject}", "",
           "Per groep een tekst om te versturen (kopieer hem in uw e-mail) en een herinnering. De herinnering zegt "
           "alleen hoeveel antwoorden er nog nodig zijn, nooit wie al antwoordde.", ""]
    for gid, group in raters.groups.items():
        out += [f"## {group.name}", "", "### Uitnodiging", "", *_invitation(invitation, gid, subject), "",
                "### Herinnering", "", *_reminder(invitation, gid, subject), ""]
    return "\n".join(out).rstrip() + "\n"


def _anonymous(invitation: Invitation, gid: str) -> bool:
    raters = invitation.bank.raters
    return raters is not None and raters.groups[gid].anonymous


def _minutes(invitation: Invitation, count: int) -> int:
    return rater_minutes(count, len(comment_questions(invitation.bank)))


def _open_questions(invitation: Invitation) -> str:
    count = len(comment_questions(invitation.bank))
    return "" if not count else "Aan het eind is er één open vraag. " if count == 1 else \
        f"Aan het eind zijn er {count} open vragen. "


def _deadline(invitation: Invitation) -> str:
    return f"vóór {dutch_date(invitation.deadline)}" if invitation.deadline else "binnen twee weken"


def _collector(invitation: Invitation) -> str:
    return invitation.coach or "de begeleider van deze ronde"


def _invitation(invitation: Invitation, gid: str, subject: str) -> list[str]:
    count = invitation.statements.get(gid, 0)
    collector = _collector(invitation)
    return [
        f"Onderwerp: Uw feedback over {subject}",
        "",
        "Beste collega,",
        "",
        f"{subject} werkt aan de eigen ontwikkeling als gemeentesecretaris en vraagt daarvoor het beeld van de "
        f"mensen met wie zij of hij samenwerkt. U krijgt {count} korte uitspraken over gedrag dat u kunt zien, "
        f"zoals \"Geeft medewerkers ruimte om ...\"; bij elke uitspraak kiest u hoe vaak u dit ziet. "
        f"{_open_questions(invitation)}Het kost ongeveer {_minutes(invitation, count)} minuten.",
        "",
        "Antwoorden kan op de manier die u het beste past:",
        "",
        "- online, via de link van de enquête: [link]",
        f"- op papier: vraag het formulier aan {collector} en lever het ingevuld in een gesloten envelop in",
        "",
        anonymity_text(invitation.bank, gid, subject),
        "",
        f"Graag uw antwoord {_deadline(invitation)}. {collector[0].upper() + collector[1:]} verzamelt de antwoorden"
        + (f"; {subject} ziet ze niet afzonderlijk." if _anonymous(invitation, gid) else "."),
        "",
        "Hartelijk dank voor uw tijd.",
    ]


def _reminder(invitation: Invitation, gid: str, subject: str) -> list[str]:
    more = needed(invitation, gid)
    if more == 0:
        return ["Niet nodig: deze groep heeft genoeg antwoorden. (Wie nog wil antwoorden, is welkom.)"]
    answers = "is nog één antwoord" if more == 1 else f"zijn nog {more} antwoorden"
    why = ("zodat de antwoorden van deze groep samen getoond kunnen worden zonder dat iemand herkenbaar is"
           if _anonymous(invitation, gid) else "zodat het beeld van deze groep in het rapport staat")
    return [
        f"Onderwerp: Herinnering: uw feedback over {subject}",
        "",
        f"Beste collega, voor de feedback over {subject} {answers} nodig uit uw groep, {why}. Heeft u al "
        f"geantwoord, dan dank ik u hartelijk en kunt u dit bericht vergeten. Zo niet: het kost ongeveer "
        f"{_minutes(invitation, invitation.statements.get(gid, 0))} minuten, graag {_deadline(invitation)}, "
        "online via [link] "
        f"of op papier via {_collector(invitation)}.",
    ]
