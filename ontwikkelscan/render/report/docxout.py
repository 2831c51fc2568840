"""The report of one scan as a Word document (.docx), to edit: the same story as the HTML report,
summary first and details last, with a native bar chart of score ± margin against the target."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...models import STATUSES, Report
from ..common import word
from ..common.page import BORDERLINE_MEANING, SCORE_COLOUR, STATUS_COLOURS, STATUS_MEANINGS
from ..common.story import NOT_THIS, WHAT_NOW_INTRO, answer_text, gap_phrase, how_scores_work, title, what_now, who_pairs
from ..common.view import KIND_TITLES, STATUS_LABELS, core_first, level, nl, of_result
from ..formats import PLAIN, Options
from .balance import role_reading
from .summary import computed_pairs, notes, picture, status_words


def render_docx_report(reports: Iterable[Report], options: Options = PLAIN) -> bytes:
    """The registry's entry: one scan, one document (the CLI calls it once per scan, see formats.py)."""
    return b"".join(render_docx(r) for r in reports)


def render_docx(report: Report) -> bytes:
    doc = word.new_document(title(report))
    doc.add_heading(title(report), level=0)
    for label, value in who_pairs(report):
        if value:
            word.paragraph(doc, value, bold=f"{label}: ")
    doc.add_heading("Samenvatting", level=1)
    for sentence in picture(report):
        word.paragraph(doc, sentence)
    remarks = notes(report)
    if remarks:
        word.paragraph(doc, "", bold="Let op")
        word.bullets(doc, remarks)
    _chart(doc, report)
    _table(doc, report)
    if report.roles:
        doc.add_heading("Rolbalans", level=1)
        word.table(doc, ("Rol", "Score", "Beantwoord"),
                   [(r.name, nl(r.score), f"{r.answered} van {r.items}") for r in report.roles], right=(1, 2))
        reading = role_reading(report.roles)
        if reading:
            word.paragraph(doc, reading)
    _what_now(doc, report)
    heading, paragraphs = NOT_THIS
    doc.add_heading(heading, level=1)
    for text in paragraphs:
        word.paragraph(doc, text)
    heading, paragraphs = how_scores_work(report)
    doc.add_heading(heading, level=1)
    for text in paragraphs:
        word.paragraph(doc, text)
    doc.add_heading("Hoe dit rapport is berekend", level=2)
    for label, value in computed_pairs(report):
        word.paragraph(doc, value, bold=f"{label}: ")
    word.paragraph(doc, "Dit rapport bevat persoonlijke gegevens: deel het alleen met wie u het zelf wilt laten lezen.",
                   italic=True, size=9)
    return word.to_bytes(doc)


def _chart(doc: Any, report: Report) -> None:
    ordered = [r for r, _ in core_first(report.results, of_result)]
    word.paragraph(doc, "", bold="Uw score (met de marge) en het doel per competentie")
    described = "; ".join(f"{r.competency.name}: score {nl(r.score) if r.score is not None else 'geen'}"
                          f"{f' ± {nl(r.margin)}' if r.margin is not None else ''}, doel "
                          f"{level(r.target) if r.target is not None else 'geen'}" for r in ordered)
    low, high = report.bank.scale.min, report.bank.scale.max
    word.bar_chart(doc, [r.competency.name for r in ordered], [
        word.Bars("Uw score (± marge)", tuple(r.score for r in ordered), SCORE_COLOUR.lstrip("#"),
                  tuple(r.margin for r in ordered)),
        word.Bars("Doel", tuple(r.target for r in ordered), "A6A6A6"),
    ], low=low, high=high, description=f"Staafdiagram, kerncompetenties eerst, van {low} tot {high}. {described}.")
    word.paragraph(doc, "De lijntjes aan het eind van elke blauwe staaf tonen de marge (score − marge tot score + "
                        "marge). Zonder score of zonder doel ontbreekt die staaf; dezelfde getallen staan in de tabel.",
                   italic=True, size=9)


def _table(doc: Any, report: Report) -> None:
    doc.add_heading("Scores per competentie", level=1)
    rows: list[tuple[str, ...]] = []
    kinds: list[int] = []
    colours: dict[int, str] = {}
    kind = None
    for r, _ in core_first(report.results, of_result):
        if r.competency.kind != kind:
            kind = r.competency.kind
            kinds.append(len(rows))
            rows.append((KIND_TITLES[kind], "", "", "", "", ""))
        colours[len(rows)] = STATUS_COLOURS[r.status][0]
        rows.append((r.competency.name, nl(r.score), "–" if r.margin is None else f"± {nl(r.margin)}",
                     level(r.target) if r.target is not None else "–", nl(r.gap, signed=True), status_words(r)))
    grid = word.table(doc, ("Competentie", "Score", "Marge", "Doel", "Verschil", "Status"), rows, right=(1, 2, 3, 4),
                      widths=(6.0, 1.6, 1.7, 1.5, 2.1, 4.1), bold_rows=kinds)
    for index, colour in colours.items():
        word.colour_text(grid.rows[index + 1].cells[5], colour.lstrip("#"))
    for index in kinds:
        merged = grid.rows[index + 1].cells[0].merge(grid.rows[index + 1].cells[5])
        merged.text = ""
        merged.paragraphs[0].add_run(rows[index][0]).bold = True
    shown = [s for s in STATUSES if any(r.status == s for r in report.results)]
    word.bullets(doc, [f"{STATUS_LABELS[s]}: {STATUS_MEANINGS[s]}" for s in shown]
                 + (["grensgeval: " + BORDERLINE_MEANING] if any(r.borderline for r in report.results) else []))


def _what_now(doc: Any, report: Report) -> None:
    doc.add_heading("Wat nu", level=1)
    points = what_now(report)
    if not points:
        word.paragraph(doc, "U heeft geen ontwikkel- of aandachtspunten: elke competentie met een doel zit op of boven "
                            "het doel. Kies met uw coach welke sterke punten u verder wilt benutten.")
        return
    word.paragraph(doc, WHAT_NOW_INTRO)
    for point in points:
        r = point.result
        doc.add_heading(f"{r.competency.name}: {status_words(r)}", level=2)
        word.paragraph(doc, gap_phrase(r), italic=True)
        if point.drivers:
            word.paragraph(doc, "", bold="Wat de score omlaag trok")
            word.bullets(doc, [f"“{d.question.text}” — {answer_text(report, d)}" for d in point.drivers])
        if point.tips:
            word.paragraph(doc, "", bold="Om mee te beginnen")
            word.bullets(doc, list(point.tips))
