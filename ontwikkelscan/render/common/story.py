"""The content of a report that travels (HTML and Markdown alike): header, "Wat nu", explanation.

Both formats tell the same story; this module decides what it says, they decide how it looks.
"""

from __future__ import annotations

from typing import NamedTuple

from ...analysis.drivers import Driver, drivers, points
from ...models import CompetencyResult, Report
from .dates import dutch_date
from .view import level, nl


class Point(NamedTuple):
    """A development or attention point with the statements that pulled it down and its tips."""

    result: CompetencyResult
    drivers: tuple[Driver, ...]
    tips: tuple[str, ...]


def header_pairs(report: Report) -> list[tuple[str, str]]:
    """(label, value) for the header; empty values are left out by the renderers."""
    sheet = report.sheet
    contexts = ", ".join(c.name for c in report.contexts)
    return [
        ("Naam", sheet.respondent.get("name", "")),
        ("Gemeente", sheet.respondent.get("municipality", "")),
        ("Type gemeente", report.municipality_type.name),
        ("Context", contexts),
        ("Datum scan", dutch_date(sheet.date or "")),
        ("Vragenbank", f"versie {report.bank.version} (sha256 {report.bank.sha256[:12]})"),
        ("Antwoordbestand", sheet.source.replace("\\", "/").rsplit("/", 1)[-1]),  # the name, not the folders
    ]


def title(report: Report) -> str:
    name = report.sheet.respondent.get("name")
    return f"Ontwikkelscan · {name}" if name else "Ontwikkelscan"


FULL = 3  # the worst points get three statements and three tips; the next ones two of each,
BRIEF = 8  # and from the ninth on one of each, so that a weak scan stays short


def _detail(index: int) -> int:
    return 3 if index < FULL else 2 if index < BRIEF else 1


def what_now(report: Report) -> list[Point]:
    """Every development and attention point, worst gap first, with its statements and tips."""
    chosen = [c.id for c in report.contexts]
    return [Point(r, drivers(report.bank, report.sheet.answers, r, _detail(i), chosen), r.competency.tips[:_detail(i)])
            for i, r in enumerate(points(report))]


def answer_text(report: Report, driver: Driver, *, own: bool = False) -> str:
    """'uw antwoord: vaak = 4' ('mijn antwoord' in the secretary's own plan), with a word on reverse keying."""
    label = report.bank.scale.label(driver.answer)
    text = f"{'mijn' if own else 'uw'} antwoord: {label} = {driver.answer}"
    if driver.question.reverse:
        text += f", telt omgekeerd als {driver.item_score}"
    return text


def gap_phrase(result: CompetencyResult) -> str:
    return f"score {nl(result.score)}, doel {level(result.target) if result.target is not None else '–'}, " \
           f"verschil {nl(result.gap, signed=True)}"


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
    if has_relative(report):
        how.append("Het relatieve beeld zet elke score naast uw eigen gemiddelde over alle competenties. Zo ziet u "
                   "uw sterkste en zwakste kanten, los van hoe streng of mild u zichzelf in het algemeen beoordeelt.")
    if report.roles:
        how.append("De rolbalans middelt de stellingen per rol van de secretaris: als hoofd van de organisatie, als "
                   "adviseur van college en raad, en als verbinder met de samenleving.")
    return "Hoe de scores tot stand komen", how
