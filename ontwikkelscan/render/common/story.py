"""The content of a report that travels (HTML and Markdown alike): header, "Wat nu", explanation.

Both formats tell the same story; this module decides what it says, they decide how it looks.
"""

from __future__ import annotations

from typing import NamedTuple

from ...analysis.drivers import Driver, drivers, points
from ...models import CompetencyResult, Report
from .dates import dutch_date
from .view import level, margin_text, nl


class Point(NamedTuple):
    """A development or attention point with the statements that pulled it down and its tips."""

    result: CompetencyResult
    drivers: tuple[Driver, ...]
    tips: tuple[str, ...]


def who_pairs(report: Report) -> list[tuple[str, str]]:
    """(label, value) for the top of a self-report: who, which type and contexts, when (Dutch date)."""
    sheet = report.sheet
    return [("Naam", sheet.respondent.get("name", "")), ("Gemeente", sheet.respondent.get("municipality", "")),
            ("Type gemeente", report.municipality_type.name), ("Context", ", ".join(c.name for c in report.contexts)),
            ("Datum scan", dutch_date(sheet.date) if sheet.date else "")]


def header_pairs(report: Report) -> list[tuple[str, str]]:
    """(label, value) for the plan's header: who_pairs and the bank and file it comes from; empty values
    are left out by the renderers."""
    return [*who_pairs(report),
            ("Vragenbank", f"versie {report.bank.version} (sha256 {report.bank.sha256[:12]})"),
            ("Antwoordbestand", report.sheet.source.replace("\\", "/").rsplit("/", 1)[-1])]  # the name, not the folders


def title(report: Report) -> str:
    name = report.sheet.respondent.get("name")
    return f"Ontwikkelscan · {name}" if name else "Ontwikkelscan"


WHAT_NOW_INTRO = ("Per ontwikkel- en aandachtspunt, eerst de prioriteiten uit de samenvatting en dan de andere, "
                  "telkens het grootste verschil eerst: de stellingen die de score het meest omlaag trokken, met uw "
                  "antwoord, en tips om mee te beginnen.")
FULL = 3  # the worst points get three statements and three tips; the next ones two of each,
BRIEF = 8  # and from the ninth on one of each, so that a weak scan stays short


def _detail(index: int) -> int:
    return 3 if index < FULL else 2 if index < BRIEF else 1


def what_now(report: Report, limit: int | None = None) -> list[Point]:
    """Every development and attention point with its statements and tips: the summary's priorities
    first, then the others, each worst gap first; with `limit`, only that many. A borderline point
    gets one statement and one tip: the scan cannot say on which side of the threshold it lies."""
    chosen = [c.id for c in report.contexts]
    first = report.summary.priorities
    ordered = sorted(points(report), key=lambda r: r.competency.id not in first)[:limit]  # stable: gap order stays
    details = [1 if r.borderline else _detail(i) for i, r in enumerate(ordered)]
    return [Point(r, drivers(report.bank, report.sheet.answers, r, n, chosen), r.competency.tips[:n])
            for r, n in zip(ordered, details, strict=True)]


def answer_text(report: Report, driver: Driver, *, own: bool = False) -> str:
    """'uw antwoord: vaak = 4' ('mijn antwoord' in the secretary's own plan), with a word on reverse keying."""
    label = report.bank.scale.label(driver.answer)
    text = f"{'mijn' if own else 'uw'} antwoord: {label} = {driver.answer}"
    if driver.question.reverse:
        text += f", telt omgekeerd als {driver.item_score}"
    return text


def gap_phrase(result: CompetencyResult) -> str:
    """'score 3,5 ± 0,2, doel 4,0, verschil -0,5, grensgeval'."""
    border = ", grensgeval" if result.borderline else ""
    return f"score {margin_text(result.score, result.margin)}, doel " \
           f"{level(result.target) if result.target is not None else '–'}, verschil {nl(result.gap, signed=True)}{border}"


def has_relative(report: Report) -> bool:
    return any(r.relative is not None for r in report.results)


def relative_order(report: Report) -> list[CompetencyResult]:
    """Competencies with a relative score, strongest first (bank order on a tie)."""
    return sorted((r for r in report.results if r.relative is not None), key=lambda r: -(r.relative or 0.0))


NOT_THIS = ("Wat deze scan is, en wat niet", [
    "Deze scan is een zelfbeeld: hoe u uw eigen gedrag op dit moment inschat. Het is geen oordeel over uw "
    "functioneren, geen beoordeling en geen test met goede of foute antwoorden.",
    "Mensen beoordelen zichzelf verschillend streng. Vergelijk uw scores daarom niet met die van anderen; "
    "gebruik de uitkomst als begin van een gesprek, met een coach, de burgemeester of een collega-secretaris. "
    "Hoe anderen u zien, laat een feedbackronde (360 graden) zien.",
])


def how_scores_work(report: Report) -> tuple[str, list[str]]:
    """(heading, paragraphs): how the scores, targets, gaps and statuses come about."""
    scale = report.bank.scale
    low, high = scale.label(scale.min), scale.label(scale.max)
    context = (" Met een gekozen context telt per competentie het hoogste doel van het type gemeente en de "
               "context." if report.contexts else "")
    how = [
        f"Bij elke stelling gaf u aan hoe vaak die voor u geldt, van {scale.min} ({low}) tot {scale.max} ({high}). "
        f"Een stelling die juist het tegenovergestelde gedrag beschrijft, telt omgekeerd ({scale.max} wordt "
        f"{scale.min}). De score van een competentie is het gemiddelde van de beantwoorde stellingen, met hun "
        "gewicht; ‘weet ik niet / n.v.t.’ telt niet mee. Is minder dan de helft beantwoord, dan krijgt de "
        "competentie geen score.",
        f"Het doel komt uit het profiel van uw type gemeente ({report.municipality_type.name}).{context} "
        "Verschil = score − doel; de status volgt uit dat verschil (zie de legenda bij de tabel). Een competentie "
        "zonder doel is voor uw type gemeente niet vereist: ze wordt wel gescoord, zonder verschil.",
    ]
    how.append("Elke score heeft een marge (3,8 ± 0,3): hoe ver de score ongeveer kan afwijken door de keuze van "
               "juist deze stellingen, berekend uit de spreiding van uw antwoorden binnen de competentie en het aantal "
               "stellingen. Ligt een grens tussen twee statussen binnen verschil ± marge, dan is de status een "
               "grensgeval: de scan kan niet zeggen aan welke kant van de grens u zit. De samenvatting noemt zo'n "
               "punt niet als prioriteit zolang er duidelijker punten zijn.")
    if has_relative(report):
        how.append("Het relatieve beeld zet elke score naast uw eigen gemiddelde over alle competenties. Zo ziet u "
                   "uw sterkste en zwakste kanten, los van hoe streng of mild u zichzelf in het algemeen beoordeelt.")
    if report.roles:
        how.append("De rolbalans middelt de stellingen per rol van de secretaris: als hoofd van de organisatie, als "
                   "adviseur van college en raad, en als verbinder met de samenleving.")
    return "Hoe de scores tot stand komen", how
