"""The rater survey of a round as texts to paste into a survey tool (issue 19): one source for the guide
per tool (toolguide.py) and for what import-csv recognises (files/survey/columns.py matches these texts).

A survey is: a title, an introduction with the anonymity promise, for one survey for all groups the
question `Ik ben` with the groups' names, one matrix per competency with its statements in bank order
(the observer texts, or for the self the statements themselves), the scale as the matrices' columns,
and the open comment questions (docs/formats.md section 6.3).
"""

from __future__ import annotations

from typing import NamedTuple

from ...files.comments import comment_questions, wording
from ...files.survey.columns import GROUP_QUESTION
from .forms import Form, anonymity_text, rater_minutes


class Matrix(NamedTuple):
    title: str  # the competency's name
    statements: tuple[str, ...]  # in bank order
    ids: tuple[str, ...]  # the question ids of the statements


class Survey(NamedTuple):
    title: str
    intro: tuple[str, ...]  # paragraphs
    group_question: str | None  # None: a survey for one group
    groups: tuple[str, ...]  # the choices of the group question (the bank's names), in bank order
    scale: tuple[str, ...]  # the columns of every matrix: the labels low to high, then "weet ik niet"
    matrices: tuple[Matrix, ...]
    comments: tuple[str, ...]  # the open questions
    minutes: int
    group: str  # for whom: a group's name, "alle groepen" or "de secretaris zelf"


def survey(form: Form) -> Survey:
    bank, rater = form.bank, form.rater
    subject = form.round.subject.get("name", "de secretaris")
    municipality = form.round.subject.get("municipality")
    observer = rater != "self"
    groups = bank.raters.groups if bank.raters else {}
    matrices = []
    for competency in bank.competencies:
        questions = [q for q in form.questions if q.competency == competency.id]
        if questions:
            matrices.append(Matrix(competency.name, tuple((q.observer or q.text) if observer else q.text
                                                          for q in questions), tuple(q.id for q in questions)))
    scale = bank.scale
    labels = tuple(scale.label(p) for p in range(scale.min, scale.max + 1))
    labels += (scale.not_applicable,) if scale.not_applicable else ()
    comments = tuple(wording(c, rater or "") for c in comment_questions(bank))
    minutes = rater_minutes(len(form.questions), len(comments))
    about = subject + (f" ({municipality})" if municipality else "")
    if observer:
        intro = [f"Met deze vragenlijst geeft u feedback aan {about} over gedrag dat u in de samenwerking ziet. "
                 "Geef bij elke uitspraak aan hoe vaak u dit gedrag ziet. Kunt u het niet beoordelen, kies dan "
                 f"'{scale.not_applicable or 'weet ik niet'}'. Er zijn geen goede of foute antwoorden.",
                 anonymity_text(bank, rater, subject)]
    else:
        intro = ["Geef bij elke uitspraak aan hoe vaak dit voor u geldt.", anonymity_text(bank, rater, subject)]
    intro.append(f"Invullen duurt ongeveer {minutes} minuten.")
    one_for_all = observer and rater is None
    group = ("alle groepen" if rater is None else "de secretaris zelf" if rater == "self" else groups[rater].name)
    heading = f"Feedback over {subject}" if observer else f"Zelfscan {subject}"
    return Survey(heading, tuple(intro), GROUP_QUESTION if one_for_all else None,
                  tuple(g.name for g in groups.values()) if one_for_all else (), labels, tuple(matrices), comments,
                  minutes, group)
