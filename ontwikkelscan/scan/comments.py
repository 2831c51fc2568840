"""The open questions at the end of a scan (docs/formats.md section 6.3): what a rater is told first, and one answer.

An answer is typed line by line: Enter on an empty first line skips the question, Enter on an empty
later line ends the answer, so that a paragraph or two fit without a special key.
"""

from __future__ import annotations

from collections.abc import Callable

from ..files.comments import attach_comments, clean, comment_questions, wording
from ..files.schemas import MAX_COMMENT
from ..models import AnswerSheet, Bank
from .flow import Asker

FIRST = "Uw antwoord (Enter = overslaan):"
MORE = "Verder (lege regel = klaar):"


def comment_notice(bank: Bank, rater: str, subject: str) -> str:
    """Told before the first open question: the words are shown as written, so they should not identify."""
    raters = bank.raters
    n = len(raters.comments) if raters else 0
    head = f"Tot slot {'één open vraag' if n == 1 else f'{n} open vragen'}. Wat u schrijft, komt letterlijk "
    if rater == "self":
        return head + "in het rapport, onder uw eigen naam. Enter slaat een vraag over."
    group = raters.groups.get(rater) if raters else None
    if group is not None and not group.anonymous:
        where = (f"in het rapport, onder de naam van uw groep ({group.name}): {subject} kan zien dat het van "
                 "u komt.")
    else:
        floor = raters.comment_floor if raters else 3
        where = (f"in het rapport, op één lijst met de opmerkingen van andere anonieme beoordelaars, zonder "
                 f"groep, en alleen als minstens {floor} van hen iets schreven. Schrijf niets waaraan u te "
                 "herkennen bent: geen namen, geen functie, geen voorval dat alleen u kent.")
    return head + where + " Enter slaat een vraag over."


def ask_comment(line: Callable[[str], str], show: Callable[[str, str], None], question: str, number: int,
                total: int) -> str:
    """One open question on a terminal: `line` asks one line, `show` prints (text, style). "" is no comment."""
    show(f"\nOpen vraag {number} van {total}", "dim")
    show(f"  {question}", "bold")
    while True:
        lines: list[str] = []
        while typed := line(MORE if lines else FIRST):
            lines.append(typed)
        text = clean("\n".join(lines))
        if len(text) <= MAX_COMMENT:
            return text
        show(f"Uw antwoord is {len(text)} tekens; hoogstens {MAX_COMMENT}. Schrijf het iets korter.", "")


def ask_comments(asker: Asker, bank: Bank, sheet: AnswerSheet, subject: str | None,
                 save: Callable[[AnswerSheet], None]) -> None:
    """The bank's open questions in the rater's wording, after the statements; each saved as it is given."""
    questions = comment_questions(bank)
    if not questions:
        return
    asker.say(comment_notice(bank, sheet.rater, subject or "de secretaris"))
    for number, question in enumerate(questions, start=1):
        sheet = attach_comments(sheet, {question.id: asker.comment(wording(question, sheet.rater), number,
                                                                   len(questions))}, bank)
        save(sheet)
    asker.say("")
