"""The paperwork of a feedback round behind `feedback invite` and `feedback enter` (cli/commands/feedback.py
keeps the options and the help): invitations from the round's status, and a paper form keyed in."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import UsageError
from ..models import Bank
from .base import check_rater, err


def invitations(folder: Path, bank: Bank, deadline: str | None, coach: str | None) -> str:
    import datetime as dt

    from ..analysis.feedback import asked
    from ..analysis.released import candidate
    from ..analysis.roundstatus import round_status
    from ..files.rounds import read_round
    from ..render.feedback.invite import Invitation, render_invitations

    if deadline is not None:
        try:
            dt.date.fromisoformat(deadline)
        except ValueError:
            raise typer.BadParameter(f"`{deadline}` is geen datum; schrijf hem als JJJJ-MM-DD, bijv. 2027-03-01",
                                     param_hint="'--deadline'") from None
    round_ = read_round(folder, bank)
    status = round_status(bank, candidate(folder, bank))  # counts only: empty and double files are no raters
    needs = {g.id: g.needs for g in status.groups if g.id != "self"}
    groups = bank.raters.groups if bank.raters else {}
    statements = {g: len(asked(bank, bank.questions, round_.contexts, observer=True)) for g in groups}
    return render_invitations(Invitation(round_, bank, statements, needs, deadline, coach))


def enter_paper(folder: Path, bank: Bank, rater: str) -> None:
    import sys

    from ..analysis.feedback import asked
    from ..files.answers import write_answers
    from ..files.comments import comment_questions, wording
    from ..files.rounds import read_round, unused_name
    from ..models import AnswerSheet
    from ..render.feedback.forms import Form
    from ..render.feedback.paper import sections, statement_text
    from ..scan.paper import Entry, Terminal, correct, line, run_entry

    check_rater(bank, rater)
    round_ = read_round(folder, bank)
    if not sys.stdin.isatty():
        from ..files.commandline import command

        yaml_form = command("feedback", "forms", folder, "--rater", rater, "--format", "yaml")
        raise UsageError(f"feedback enter leest toetsen in een terminal; zonder terminal: vul een antwoordbestand in "
                         f"({yaml_form})")
    form = Form(round_, bank, rater, asked(bank, bank.questions, round_.contexts, observer=rater != "self"))
    entry = Entry([s for section in sections(form) for s in section.statements], bank.scale)
    scale = bank.scale
    err(f"Papieren formulier invoeren: {round_.subject.get('name', '')}, groep {rater}, {len(entry.statements)} "
        f"uitspraken.\nTyp per uitspraak één toets: {scale.min}-{scale.max}"
        + (", 0 = weet niet" if scale.not_applicable else "") + ", Enter = leeg, v = terug. Ctrl-C stopt zonder "
        "iets te bewaren.\n")
    import shutil

    width = shutil.get_terminal_size((80, 24)).columns

    def say(text: str) -> None:
        err("\n".join(line(part, width) for part in text.split("\n")))

    terminal = Terminal()
    try:
        run_entry(entry, terminal.key, say, lambda q: statement_text(form, q))
        comments = {}
        for question in comment_questions(bank):
            text = terminal.line(f"\n{wording(question, rater)}\n(typ de tekst van het formulier; Enter = geen)\n› ")
            if text.strip():
                comments[question.id] = text.strip()
        correct(entry, terminal.key, terminal.line, say, lambda q: statement_text(form, q))
    finally:
        terminal.restore()
    sheet = AnswerSheet("", entry.answers(), rater=rater, round=round_.id, municipality_type=round_.municipality_type,
                        comments=comments)
    path = unused_name(folder)
    write_answers(path, sheet._replace(source=str(path)), bank)
    err(f"Bewaard in {path}")
