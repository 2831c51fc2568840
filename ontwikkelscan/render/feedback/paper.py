"""A printed form for one rater group (issue 19): A4 pages that look like a form, for raters who want
to be sure nobody sees their screen. The statements are grouped by competency, each with a short
number for keying in (`feedback enter` asks them in the same order), a box per scale point and one
for "weet niet", and room for the open questions. No ids a rater must understand."""

from __future__ import annotations

from typing import NamedTuple

from ...files.comments import comment_questions, wording
from ...models import Competency, Question
from ..common.page import esc, page
from ..formats import PLAIN, Options
from .forms import Form, anonymity_text, rater_minutes

_STYLE = """
.form-head { border: 1.5px solid #1f4e8c; border-radius: 1.5mm; padding: 2mm 3mm; margin: 0 0 3mm; }
.form-head p { margin: 0.8mm 0; }
table.paper { font-size: 9pt; margin: 1mm 0 2mm; table-layout: fixed; }
table.paper th { font-weight: normal; font-size: 7.5pt; text-align: center; vertical-align: bottom;
  line-height: 1.15; padding: 0.5mm 0.3mm; overflow-wrap: normal; }
table.paper th.text { text-align: left; font-weight: bold; font-size: 10pt; }
table.paper td { padding: 1.2mm 0.8mm; vertical-align: middle; }
table.paper td.nr { text-align: right; font-weight: bold; white-space: nowrap; }
table.paper td.box { text-align: center; }
table.paper th.nr { width: 9mm; } table.paper th.point { width: 12.5mm; } table.paper th.na { width: 13mm; }
.tick { display: inline-block; width: 4.2mm; height: 4.2mm; border: 1.2px solid #333; border-radius: 0.6mm;
  vertical-align: middle; }
.group-choice { display: flex; flex-wrap: wrap; gap: 1mm 6mm; margin: 1mm 0; }
.group-choice span { white-space: nowrap; }
.comment { break-inside: avoid; margin: 2mm 0 4mm; }
.comment .room { border: 1.2px solid #555; border-radius: 1mm; height: 52mm; }
"""


class Section(NamedTuple):
    competency: Competency
    statements: tuple[tuple[int, Question], ...]  # (number on the form, question)


def sections(form: Form) -> tuple[Section, ...]:
    """The statements of the form grouped by competency in bank order, numbered 1..N in that order:
    the printed form, its Markdown twin and `feedback enter` all count this way."""
    out, number = [], 0
    for competency in form.bank.competencies:
        own = [q for q in form.questions if q.competency == competency.id]
        if own:
            out.append(Section(competency, tuple((number + i, q) for i, q in enumerate(own, 1))))
            number += len(own)
    return tuple(out)


def statement_text(form: Form, question: Question) -> str:
    """What the rater reads: the observer wording for others, the own wording for the self."""
    return question.observer if form.rater != "self" and question.observer else question.text


def comment_notice(rater: str | None) -> str:
    """Said before anyone writes: the words are shown as written."""
    if rater == "self":
        return "Uw antwoord staat met uw naam in het rapport."
    return ("Wat u hier schrijft, komt letterlijk in het rapport, samen met de opmerkingen van anderen en zonder "
            "uw naam. Schrijf het zo dat niemand eruit kan opmaken wie u bent: geen namen, geen functie, geen "
            "situatie die alleen u kent.")


def render_form_html(form: Form, options: Options = PLAIN) -> str:
    subject = form.round.subject.get("name", "de secretaris")
    total = sum(len(s.statements) for s in sections(form))
    minutes = rater_minutes(total, len(comment_questions(form.bank)))
    group = f", groep {esc(form.rater)}" if form.rater else ""
    body = [_head(form, subject, total, minutes),
            *(_section(form, s) for s in sections(form)),
            _comments(form),
            "<footer><p>Bedankt voor uw tijd. Doe het formulier in de envelop en lever het in bij wie het u gaf; "
            "alleen de begeleider van de ronde opent de enveloppen.</p>"
            f"<p>Voor de begeleider: ronde {esc(form.round.id)}{group}.</p></footer>"]
    return page(f"Feedback over {subject}", "\n".join(body), style=_STYLE)


def _head(form: Form, subject: str, total: int, minutes: int) -> str:
    bank = form.bank
    municipality = form.round.subject.get("municipality")
    groups = bank.raters.groups if bank.raters else {}
    scale = bank.scale
    how = (f"Zet bij elke uitspraak één kruisje: hoe vaak ziet u dit gedrag bij {esc(subject)}?"
           if form.rater != "self" else "Zet bij elke uitspraak één kruisje: hoe vaak geldt dit voor u?")
    labels = ", ".join(f"{p} = {esc(scale.label(p))}" for p in range(scale.min, scale.max + 1))
    unknown = (" Weet u het niet of kunt u het niet zien, kruis dan <strong>weet niet</strong> aan."
               if scale.not_applicable else "")
    if form.rater is None:
        who = ('<p><strong>Ik ben:</strong></p><p class="group-choice">'
               + "".join(f'<span><span class="tick"></span> {esc(g.name)}</span>' for g in groups.values()) + "</p>")
    elif form.rater == "self":
        who = "<p><strong>Zelfscan</strong></p>"
    else:
        who = f"<p><strong>Groep:</strong> {esc(groups[form.rater].name)}</p>"
    return (f"<header><h1>Feedback over {esc(subject)}</h1>"
            + (f'<p class="muted">{esc(municipality)}</p>' if municipality else "") + "</header>"
            f'<div class="form-head">{who}<p>{esc(anonymity_text(bank, form.rater, subject))}</p>'
            f"<p>{how} {labels}.{unknown}</p>"
            f"<p>{total} uitspraken, ongeveer {minutes} minuten. Aan het eind is ruimte voor uw eigen woorden.</p>"
            "</div>")


def _section(form: Form, section: Section) -> str:
    scale = form.bank.scale
    points = range(scale.min, scale.max + 1)
    na = bool(scale.not_applicable)
    head = (f'<th class="nr"></th><th class="text">{esc(section.competency.name)}</th>'
            + "".join(f'<th class="point">{p}<br>{esc(scale.label(p))}</th>' for p in points)
            + ('<th class="na">weet niet</th>' if na else ""))
    boxes = '<td class="box"><span class="tick"></span></td>' * (len(points) + na)
    rows = "".join(f'<tr><td class="nr">{n}</td><td>{esc(statement_text(form, q))}</td>{boxes}</tr>'
                   for n, q in section.statements)
    return f'<table class="paper"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _comments(form: Form) -> str:
    questions = comment_questions(form.bank)
    if not questions:
        return ""
    rater = form.rater or "anderen"  # a form for any group: the wording for others
    blocks = "".join(f'<div class="comment"><h3>{esc(wording(q, rater))}</h3><div class="room"></div></div>'
                     for q in questions)
    return ('<section class="comments"><h2>In uw eigen woorden (mag leeg blijven)</h2>'
            f'<p class="note">{esc(comment_notice(form.rater))}</p>{blocks}</section>')
