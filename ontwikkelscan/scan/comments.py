"""The open questions at the end of a scan (docs/formats.md section 6.3): what a rater is told first, and one answer.

An answer is typed line by line: Enter on an empty first line skips the question, Enter on an empty
later line ends the answer, so that a paragraph or two fit without a special key.
"""

from __future__ import annotations

from collections.abc import Callable

from ..files.comments import attach_comments, clean, comment_questions, wording
from ..files.schemas import MAX_COMMENT
from ..models import AnswerSheet, Bank
from ..render.feedback.forms import comment_notice
from .flow import Asker

FIRST = "Uw antwoord (Enter = overslaan):"
MORE = "Verder (lege regel = klaar):"


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
    asker.say(comment_notice(bank, sheet.rater, subject or "de secretaris", "Enter slaat een vraag over."))
    for number, question in enumerate(questions, start=1):
        sheet = attach_comments(sheet, {question.id: asker.comment(wording(question, sheet.rater), number,
                                                                   len(questions))}, bank)
        save(sheet)
    asker.say("")
