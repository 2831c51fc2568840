"""A draft personal development plan (POP) from one scan, as blocks that markdown.py and htmlout.py write out.

The plan is built once as simple blocks (heading, paragraph, list, checklist, a line to fill
in), so both formats say exactly the same.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

from ...analysis.drivers import drivers
from ...models import CompetencyResult, Report
from ..common.dates import dutch_day
from ..common.story import answer_text, gap_phrase, header_pairs
from ..common.view import nl

POINTS = 3
ACTIONS = 3
CHECK_IN_MONTHS, FOLLOW_UP_MONTHS = 3, 6
HELPERS = {  # who can help, by the role the competency's statements mostly belong to (docs/formats.md section 7)
    "bestuur": ["de burgemeester (bijvoorbeeld in het jaargesprek)", "de griffier, in het driehoeksoverleg"],
    "organisatie": ["het MT of een directeur die ik vertrouw", "de OR-voorzitter of een P&O-adviseur"],
    "samenleving": ["een maatschappelijke partner met wie ik al samenwerk", "een wethouder met dit dossier"],
}
ALWAYS = ["mijn coach of intervisiegroep", "een collega-secretaris in de regio"]


class Block(NamedTuple):
    kind: str  # h1 | h2 | h3 | p | note | fill | list | todo | meta
    text: str = ""
    items: tuple[str, ...] = ()
    result: CompetencyResult | None = None  # h3 of a point: its status chip in HTML
    columns: tuple[str, ...] = ()  # a fill or todo as a table to fill in (docx): its item column, then the empty ones


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the last day of the month where that day does not exist (31 -> 30)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def scan_date(report: Report, today: dt.date | None = None) -> dt.date:
    try:
        return dt.date.fromisoformat(report.sheet.date or "")
    except ValueError:
        return today or dt.date.today()


def chosen_points(report: Report) -> tuple[list[CompetencyResult], bool]:
    """The two or three most important points, worst gap first; with none below target, the lowest
    scores instead (second value False), so that the plan still has something to grow."""
    by_id = {r.competency.id: r for r in report.results}
    if report.summary.development:
        return [by_id[c] for c in report.summary.development[:POINTS]], True
    scored = sorted((r for r in report.results if r.score is not None), key=lambda r: r.score or 0.0)
    return scored[:2], False


def helpers(report: Report, result: CompetencyResult) -> list[str]:
    roles: list[str] = [q.role for q in report.bank.items.get(result.competency.id, ()) if q.role is not None]
    if not roles:
        return ALWAYS + [HELPERS["bestuur"][0], HELPERS["organisatie"][0]]
    return ALWAYS + HELPERS[max(sorted(set(roles)), key=roles.count)]


def _seen_by_others(report: Report, result: CompetencyResult) -> list[Block]:
    """On a round: the others' score beside her own, in words that say what the flag means."""
    if result.competency.id not in report.others or result.score is None:
        return []
    others, flag = report.others[result.competency.id]
    mine = f"ikzelf op {nl(result.score)}, de anderen op {nl(others)}"
    if flag == "blind_spot":
        return [Block("p", f"Blinde vlek: ik zie mezelf hier hoger dan de anderen mij zien ({mine}).")]
    if flag == "hidden_strength":
        return [Block("p", f"Verborgen sterkte: de anderen zien mij hier hoger dan ikzelf ({mine}).")]
    return [Block("p", f"Zo zien de anderen het: {mine}.")]


def plan_blocks(report: Report, today: dt.date | None = None) -> list[Block]:
    name = report.sheet.respondent.get("name")
    start = scan_date(report, today)
    points, below = chosen_points(report)
    blocks = [Block("h1", "Persoonlijk ontwikkelplan (concept)" + (f" · {name}" if name else "")),
              Block("meta", items=tuple(f"{label}\t{value}" for label, value in header_pairs(report) if value)),
              Block("note", "Dit is een concept op basis van uw zelfscan. Pas het aan in uw eigen woorden, schrap "
                            "wat niet past en bespreek het met uw coach of de burgemeester. De scan is een zelfbeeld, "
                            "geen oordeel."),
              *(Block("note", note) for note in report.notes),  # e.g. what a feedback round adds (plan ROUND)
              Block("h2", "Mijn ontwikkelpunten" if below else "Wat ik verder wil ontwikkelen")]
    if not below:
        blocks.append(Block("p", "Geen competentie met een doel ligt onder dat doel. Dit plan kiest de competenties "
                                 "met de laagste score; kies gerust andere, bijvoorbeeld een sterk punt om meer te "
                                 "benutten."))
    for number, result in enumerate(points, 1):
        competency = result.competency
        blocks += [Block("h3", f"{number}. {competency.name}", result=result),
                   # the heading carries the status (a chip in HTML, words in Markdown): not twice
                   Block("p", f"{gap_phrase(result)}." if result.gap is not None else f"score {nl(result.score)}."),
                   *_seen_by_others(report, result),
                   Block("p", f"Wat het inhoudt: {competency.definition}")]
        pulled = drivers(report.bank, report.sheet.answers, result, 2, [c.id for c in report.contexts])
        if pulled:
            blocks.append(Block("list", "Uit mijn antwoorden (wat de score omlaag trok):",
                                tuple(f"“{d.question.text}” — {answer_text(report, d, own=True)}" for d in pulled)))
        # Her own words are in the first person; what the tool suggests speaks to her ("u"), and says so.
        blocks += [Block("fill", "Mijn doel, in mijn eigen woorden: wat wil ik over zes maanden anders doen, "
                                 "en waaraan ziet een ander dat?")]
        if competency.tips:
            blocks.append(Block("todo", "Suggesties om uit te kiezen (vink aan wat u wilt doen):",
                                tuple(competency.tips[:ACTIONS])))
        blocks.append(Block("fill", "Wat ik ga doen: wat, wanneer, met wie?",
                            columns=("Wat ik ga doen", "Met wie", "Klaar op")))
        if competency.indicators:
            blocks.append(Block("list", "Waaraan ik merk dat het lukt (gedrag uit het profiel):",
                                tuple(competency.indicators)))
        blocks.append(Block("todo", "Wie mij kan helpen:", tuple(helpers(report, result))))
    check_in, follow_up = add_months(start, CHECK_IN_MONTHS), add_months(start, FOLLOW_UP_MONTHS)
    blocks += [Block("h2", "Afspraken"),
               Block("todo", "", (f"Tussentijds gesprek rond {dutch_day(check_in)} (drie maanden na de scan): "
                                  "wat lukt, wat niet, wat stel ik bij? Met: …",
                                  f"Vervolgscan rond {dutch_day(follow_up)} (zes maanden na de scan), "
                                  "en de twee scans naast elkaar leggen (ontwikkelscan compare OUD NIEUW)."),
                     columns=("Afspraak", "Met wie", "Datum")),
               Block("p", f"Gemaakt op basis van de scan van {dutch_day(start)}. Dit plan bevat persoonlijke "
                          "gegevens: deel het alleen met wie u het wilt laten lezen.")]
    return blocks
