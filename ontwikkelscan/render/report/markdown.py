"""The report of one scan as GitHub-style Markdown: for Teams and chat (Word wants --format docx).

No ANSI codes, no HTML, no hard line breaks inside a paragraph (the reader's window wraps
them). Text from a bank or an answer file is escaped, so that `<script>` or a `|` in a
competency name stays text and never becomes markup or an extra table column.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...models import STATUSES, Report
from ..common.markdown import md, table
from ..common.page import BORDERLINE_MEANING, STATUS_MEANINGS
from ..common.story import (
    NOT_THIS,
    WHAT_NOW_INTRO,
    answer_text,
    gap_phrase,
    has_relative,
    how_scores_work,
    title,
    what_now,
    who_pairs,
)
from ..common.view import KIND_LABELS, STATUS_LABELS, core_first, level, margin_text, nl, of_result
from ..formats import PLAIN, Options
from .balance import role_reading
from .summary import computed_pairs, notes, picture, status_words


def render_markdown_report(reports: Iterable[Report], options: Options = PLAIN) -> str:
    """Several scans follow each other, separated by a rule."""
    return "\n---\n\n".join(render_markdown(r) for r in reports)


def render_markdown(report: Report) -> str:
    """Summary first, details last: who, the picture, the table, roles and the relative view, what
    now, what the scan is not, how the scores come about and how this report was computed."""
    out = [f"# {md(title(report))}", ""]
    out += [f"- **{md(label)}:** {md(value)}" for label, value in who_pairs(report) if value]
    out += ["", "## Samenvatting", "", *(md(sentence) for sentence in _paragraphs(picture(report)))]
    out += [f"\n> {md(note)}" for note in notes(report)]
    out += ["", "## Scores per competentie", "", *_table(report), ""]
    shown = [s for s in STATUSES if any(r.status == s for r in report.results)]
    out += [f"- *{STATUS_LABELS[s]}*: {STATUS_MEANINGS[s]}" for s in shown]
    if any(r.borderline for r in report.results):
        out.append(f"- *grensgeval*: {BORDERLINE_MEANING}")
    if report.roles:
        rows = [(md(r.name), nl(r.score), f"{r.answered} van {r.items}") for r in report.roles]
        out += ["", "## Rolbalans", "", *table(("Rol", "Score", "Beantwoord"), rows, {1, 2})]
        reading = role_reading(report.roles)
        if reading:
            out += ["", md(reading)]
    out += ["", *_what_now(report)]
    heading, paragraphs = NOT_THIS
    out += ["", f"## {heading}", "", " ".join(paragraphs)]
    heading, paragraphs = how_scores_work(report)
    out += ["", f"## {heading}"]
    for paragraph in paragraphs:
        out += ["", md(paragraph)]
    out += ["", "## Hoe dit rapport is berekend", ""]
    out += [f"- **{md(label)}:** {md(value)}" for label, value in computed_pairs(report)]
    return "\n".join(out) + "\n"


def _paragraphs(sentences: list[str]) -> list[str]:
    """Sentences as paragraphs of their own: a blank line between them."""
    return [line for i, s in enumerate(sentences) for line in ([""] if i else []) + [s]]


def _table(report: Report) -> list[str]:
    relative = has_relative(report)
    headers = ("Competentie", "Soort", "Score", "Doel", "Verschil", *(("Relatief",) if relative else ()), "Status")
    rows = []
    for r, _ in core_first(report.results, of_result):
        numbers = [margin_text(r.score, r.margin), level(r.target) if r.target is not None else "–",
                   nl(r.gap, signed=True)]
        if relative:
            numbers.append(nl(r.relative, signed=True))
        status = STATUS_LABELS[r.status]
        if r.status in ("development", "strength"):
            status = f"**{status}**"
        if r.borderline:
            status += " (grensgeval)"
        rows.append((md(r.competency.name), KIND_LABELS[r.competency.kind], *numbers, status))
    return table(headers, rows, set(range(2, len(headers) - 1)))


def _what_now(report: Report) -> list[str]:
    points = what_now(report)
    out = ["## Wat nu", ""]
    if not points:
        return out + ["U heeft geen ontwikkel- of aandachtspunten: elke competentie met een doel zit op of boven "
                      "het doel. Kies met uw coach welke sterke punten u verder wilt benutten."]
    out.append(WHAT_NOW_INTRO)
    for point in points:
        r = point.result
        out += ["", f"### {md(r.competency.name)}: {status_words(r)}", "", f"*{md(gap_phrase(r))}*"]
        if point.drivers:
            out += ["", "Wat de score omlaag trok:", ""]
            out += [f"- “{md(d.question.text)}” — {md(answer_text(report, d))}" for d in point.drivers]
        if point.tips:
            out += ["", "Om mee te beginnen:", ""]
            out += [f"- {md(tip)}" for tip in point.tips]
    return out
