"""The report of one scan as GitHub-style Markdown: pastes into an e-mail, Teams or Word.

No ANSI codes, no HTML, no hard line breaks inside a paragraph (the reader's window wraps
them). Text from a bank or an answer file is escaped, so that `<script>` or a `|` in a
competency name stays text and never becomes markup or an extra table column.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...models import STATUSES, CompetencyResult, Report
from ..common.markdown import md, table
from ..common.page import STATUS_MEANINGS
from ..common.story import (
    NOT_THIS,
    answer_text,
    gap_phrase,
    has_relative,
    header_pairs,
    how_scores_work,
    relative_order,
    title,
    what_now,
)
from ..common.view import KIND_LABELS, STATUS_LABELS, core_first, level, nl, of_result, summary_lines
from ..formats import PLAIN, Options
from .balance import role_reading

# Enough for CommonMark and GitHub: with [ and ] escaped, ( ) ! cannot form a link or an image.
RELATIVE_TOP = 3


def render_markdown_report(reports: Iterable[Report], options: Options = PLAIN) -> str:
    """Several scans follow each other, separated by a rule."""
    return "\n---\n\n".join(render_markdown(r) for r in reports)


def render_markdown(report: Report) -> str:
    out = [f"# {md(title(report))}", ""]
    out += [f"- **{md(label)}:** {md(value)}" for label, value in header_pairs(report) if value]
    heading, paragraphs = NOT_THIS
    out += ["", f"**{heading}.** " + " ".join(paragraphs)]
    out += ["", "## Samenvatting", ""]
    out += [f"- **{md(line.label.strip().rstrip(':'))}:** {md(line.body)}" for line in summary_lines(report)]
    out += [f"\n> {md(note)}" for note in report.notes]
    out += ["", "## Scores per competentie", "", *_table(report), ""]
    shown = [s for s in STATUSES if any(r.status == s for r in report.results)]
    out += [f"- *{STATUS_LABELS[s]}*: {STATUS_MEANINGS[s]}" for s in shown]
    if report.roles:
        rows = [(md(r.name), nl(r.score), f"{r.answered} van {r.items}") for r in report.roles]
        out += ["", "## Rolbalans", "", *table(("Rol", "Score", "Beantwoord"), rows, {1, 2})]
        reading = role_reading(report.roles)
        if reading:
            out += ["", md(reading)]
    if has_relative(report):
        order = relative_order(report)

        def named(rows: list[CompetencyResult]) -> str:
            return "; ".join(f"{md(r.competency.name)} ({nl(r.relative, signed=True)})" for r in rows)

        out += ["", "## Relatief beeld: uw eigen sterkste en zwakste kanten", "",
                f"- **Het sterkst:** {named(order[:RELATIVE_TOP])}",
                f"- **Het minst sterk:** {named(order[::-1][:RELATIVE_TOP])}", "",
                "Relatief = score − uw eigen gemiddelde over alle competenties. Dit beeld hangt niet af van hoe "
                "streng u zichzelf in het algemeen beoordeelt."]
    heading, paragraphs = how_scores_work(report)
    out += ["", f"## {heading}"]
    for paragraph in paragraphs:
        out += ["", md(paragraph)]
    out += ["", *_what_now(report)]
    return "\n".join(out) + "\n"


def _table(report: Report) -> list[str]:
    relative = has_relative(report)
    headers = ("Competentie", "Soort", "Score", "Doel", "Verschil", *(("Relatief",) if relative else ()), "Status")
    rows = []
    for r, _ in core_first(report.results, of_result):
        numbers = [nl(r.score), level(r.target) if r.target is not None else "–", nl(r.gap, signed=True)]
        if relative:
            numbers.append(nl(r.relative, signed=True))
        status = STATUS_LABELS[r.status]
        if r.status in ("development", "strength"):
            status = f"**{status}**"
        rows.append((md(r.competency.name), KIND_LABELS[r.competency.kind], *numbers, status))
    return table(headers, rows, set(range(2, len(headers) - 1)))


def _what_now(report: Report) -> list[str]:
    points = what_now(report)
    out = ["## Wat nu", ""]
    if not points:
        return out + ["U heeft geen ontwikkel- of aandachtspunten: elke competentie met een doel zit op of boven "
                      "het doel. Kies met uw coach welke sterke punten u verder wilt benutten."]
    out.append("Per ontwikkel- en aandachtspunt, het grootste verschil eerst: de stellingen die de score het meest "
               "omlaag trokken, met uw antwoord, en tips om mee te beginnen.")
    for point in points:
        r = point.result
        out += ["", f"### {md(r.competency.name)}: {STATUS_LABELS[r.status]}", "", f"*{md(gap_phrase(r))}*"]
        if point.drivers:
            out += ["", "Wat de score omlaag trok:", ""]
            out += [f"- “{md(d.question.text)}” — {md(answer_text(report, d))}" for d in point.drivers]
        if point.tips:
            out += ["", "Om mee te beginnen:", ""]
            out += [f"- {md(tip)}" for tip in point.tips]
    return out
