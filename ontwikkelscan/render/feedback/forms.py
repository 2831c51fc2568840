"""Forms of a feedback round: a YAML answer template, a CSV header for survey tools, a printable questionnaire."""

from __future__ import annotations

from typing import NamedTuple

from ...models import AnswerSheet, Bank, CommentQuestion, Question, Round
from ...rules import DEFAULT_FLOOR, anonymity_promise
from ..common.markdown import md as _md
from ..formats import PLAIN, Options


class Form(NamedTuple):
    round: Round
    bank: Bank
    rater: str | None  # a group id, "self", or None: any group (the rater says which)
    questions: tuple[Question, ...]  # what this rater is asked, in bank order


SECONDS_PER_STATEMENT = 8  # a rater who knows the secretary reads and ticks one in about that time


def rater_minutes(statements: int, comments: int) -> int:
    """How long a rater takes, said the same way in the survey, the printed form and the invitation:
    the statements, and a minute per open question."""
    return max(5, round((statements * SECONDS_PER_STATEMENT + 60 * comments) / 60))


def anonymity_text(bank: Bank, rater: str | None, subject: str) -> str:
    """The anonymity rule for one group, in plain Dutch (shown before the first statement)."""
    raters = bank.raters
    anonymous = anonymity_promise(raters.anonymity_floor if raters else DEFAULT_FLOOR) + " Vul dus nergens uw naam in."
    if rater is None:
        named = [g.name for g in raters.groups.values() if not g.anonymous] if raters else []
        if named:
            anonymous += f" Uitzondering: {', '.join(named)} wordt met naam getoond."
        return anonymous
    if rater == "self":
        return f"Dit is de zelfscan van {subject}; die wordt met naam getoond, naast het beeld van de anderen."
    group = raters.groups[rater] if raters else None
    if group is not None and not group.anonymous:
        return (f"Let op: de groep {group.name} wordt met naam getoond, ook als u de enige bent. {subject} kan "
                "uw antwoorden dus herkennen.")
    return anonymous


def comment_notice(bank: Bank, rater: str | None, subject: str, skip: str = "Leeg laten mag.",
                   opening: str = "Tot slot") -> str:
    """Told before the first open question: the words are shown as written, so they should not identify.
    `rater` None: a form for any group."""
    raters = bank.raters
    n = len(raters.comments) if raters else 0
    head = f"{opening} {'één open vraag' if n == 1 else f'{n} open vragen'}. Wat u schrijft, komt letterlijk "
    if rater == "self":
        return head + f"in het rapport, onder uw eigen naam. {skip}"
    group = raters.groups.get(rater) if raters and rater else None
    if group is not None and not group.anonymous:
        where = (f"in het rapport, onder de naam van uw groep ({group.name}): {subject} kan zien dat het van "
                 "u komt.")
    else:
        floor = raters.comment_floor if raters else DEFAULT_FLOOR
        where = (f"in het rapport, op één lijst met de opmerkingen van andere anonieme beoordelaars, zonder "
                 f"groep, en alleen als minstens {floor} van hen iets schreven. Schrijf niets waaraan u te "
                 "herkennen bent: geen namen, geen functie, geen voorval dat alleen u kent.")
    return f"{head}{where} {skip}"


def _subject(form: Form) -> str:
    return form.round.subject.get("name", "de secretaris")


def render_form_yaml(form: Form, options: Options = PLAIN) -> str:
    from ...files.answers import dump_answers

    assert form.rater is not None, "a YAML form is for one group"
    sheet = AnswerSheet(source="", answers={}, rater=form.rater, round=form.round.id,
                        municipality_type=form.round.municipality_type)
    body = dump_answers(sheet, form.bank, with_questions=True, questions=form.questions)
    scale = form.bank.scale
    head = [f"# Feedback over {_subject(form)} (ronde {form.round.id}).",
            *(f"# {line}" for line in _wrap(anonymity_text(form.bank, form.rater, _subject(form)))),
            *(f"# {line}" for line in _wrap(comment_notice(form.bank, form.rater, _subject(form),
                                                                 opening="Onderaan staan"))
              if _open(form.bank)),
            f"# Vul achter elke uitspraak een getal van {scale.min} tot en met {scale.max} in; laat null staan "
            "als u het niet weet.",
            "# Stuur het bestand terug zonder de naam te veranderen (de naam zegt niets over u)."]
    return "\n".join(head) + "\n" + body


def render_form_csv(form: Form, options: Options = PLAIN) -> str:
    """The header row for a survey tool: one column per statement id (import with import-csv --round)."""
    from ..common.csvout import Dialect, render_header

    return render_header([q.id for q in form.questions], Dialect(options.dialect), translate=False)


def render_form_md(form: Form, options: Options = PLAIN) -> str:
    bank, subject = form.bank, _subject(form)
    municipality = form.round.subject.get("municipality")
    scale = bank.scale
    points = list(range(scale.min, scale.max + 1))
    labels = ", ".join(f"{p} = {scale.label(p)}" for p in points)
    out = [f"# Feedback over {_md(subject)}" + (f", {_md(municipality)}" if municipality else ""), ""]
    if form.rater is None:
        groups = bank.raters.groups.values() if bank.raters else ()
        out += ["Uw groep (kruis één aan): " + "  ".join(f"☐ {_md(g.name)}" for g in groups), ""]
    elif form.rater != "self" and bank.raters:
        out += [f"Groep: **{_md(bank.raters.groups[form.rater].name)}**", ""]
    intro = ("Geef bij elke uitspraak aan hoe vaak u dit gedrag ziet." if form.rater != "self"
             else "Geef bij elke uitspraak aan hoe vaak dit voor u geldt.")
    out += [_md(anonymity_text(bank, form.rater, subject)), "", f"{intro} {_md(labels)}."]
    columns = [str(p) for p in points] + (["weet niet"] if scale.not_applicable else [])
    if scale.not_applicable:
        out[-1] += f" Weet u het niet: kruis 'weet niet' aan ({_md(scale.not_applicable)})."
    out += ["", "| Nr | Uitspraak | " + " | ".join(columns) + " |",
            "|--:|:--|" + "|".join(":-:" for _ in columns) + "|"]
    from .paper import sections, statement_text  # the printed form's numbers, for feedback enter

    for section in sections(form):
        out.append(f"| | **{_md(section.competency.name)}** |" + " |" * len(columns))
        for number, question in section.statements:
            out.append(f"| {number} | {_md(statement_text(form, question))} | " + " | ".join("☐" for _ in columns) + " |")
    if _open(bank):
        out += ["", "## Open vragen", "", _md(comment_notice(bank, form.rater, subject))]
        for open_question in _open(bank):
            wording = open_question.text if form.rater == "self" else open_question.observer
            out += ["", f"| {_md(wording)} `{open_question.id}` |", "|:--|", *(["| &nbsp; |"] * 4)]
    out += ["", f"Ronde `{form.round.id}`. Bedankt voor uw feedback."]
    return "\n".join(out) + "\n"


def _open(bank: Bank) -> tuple[CommentQuestion, ...]:
    return bank.raters.comments if bank.raters else ()


def _wrap(text: str, width: int = 78) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width)
