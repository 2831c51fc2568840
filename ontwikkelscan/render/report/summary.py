"""What every human format of the self-report says first and last (docs/reports.md, "Wat er in het
rapport staat"): who and against which profile, the picture in two or three sentences, and at the
end how it was computed. The formats decide how it looks; this module decides what it says.
"""

from __future__ import annotations

from ...analysis.scoring import needed
from ...models import CompetencyResult, Report
from ..common.dates import dutch_date
from ..common.view import nl, percent
from ..common.view import status_words as status_words  # re-exported: the report's formats take it here
from .balance import relative_extremes, relative_mean

NAMED = 2  # the strongest and weakest competencies the picture names on each side


def title(report: Report) -> str:
    who = [report.sheet.respondent.get("name"), report.sheet.respondent.get("municipality")]
    return " · ".join(["Ontwikkelscan"] + [w for w in who if w])


def profile_line(report: Report) -> str:
    """'Ontwikkelgemeente · context: Ambtelijke fusie · scan van 28 november 2026'."""
    parts = [report.municipality_type.name]
    if report.contexts:
        parts.append(f"context: {', '.join(c.name for c in report.contexts)}")
    if report.sheet.date:
        parts.append(f"scan van {dutch_date(report.sheet.date)}")
    return " · ".join(parts)


def computed_pairs(report: Report) -> list[tuple[str, str]]:
    """(label, value): how the report was computed, for the end of every format."""
    return [("Vragenbank", f"versie {report.bank.version}"), ("Vingerafdruk van de vragenbank (sha256)", report.bank.sha256),
            ("Antwoordbestand", report.sheet.source.replace("\\", "/").rsplit("/", 1)[-1])]  # the name, not the folders


def joined(names: list[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def counted(count: int, one: str, many: str) -> str:
    """'1 punt', '3 punten'."""
    return f"{count} {one if count == 1 else many}"


def _gap(result: CompetencyResult) -> str:
    return f"{result.competency.name} ({nl(result.gap, signed=True)})"


def fit_sentence(report: Report) -> str:
    """How many competencies with a target are on or above it, with Dutch agreement."""
    with_target = [r for r in report.results if r.gap is not None]
    total = len(with_target)
    above = sum(1 for r in with_target if r.status in ("on_target", "strength"))
    share = f" ({percent(report.summary.fit)})"
    if total == 0:
        return "Geen competentie heeft zowel een doel als een score."
    if above == total:
        return ("De competentie met een doel zit op of boven het doel." if total == 1 else
                f"Alle {total} competenties met een doel zitten op of boven het doel{share}.")
    if above == 0:
        return ("De competentie met een doel zit onder het doel." if total == 1 else
                f"Geen van de {total} competenties met een doel zit op of boven het doel{share}.")
    verb = "zit" if above == 1 else "zitten"
    return f"{above} van de {total} competenties met een doel {verb} op of boven het doel{share}."


def relative_sentence(report: Report) -> str | None:
    """The strongest and weakest competencies against the respondent's own mean."""
    mean = relative_mean(report)
    if mean is None:
        return None
    above, below = relative_extremes(report)
    if not above and not below:
        return f"Uw scores liggen allemaal op uw eigen gemiddelde ({nl(mean)})."
    def named(rows: list[CompetencyResult]) -> str:
        return joined([f"{r.competency.name} ({nl(r.relative, signed=True)})" for r in rows[:NAMED]])

    parts = ([f"het sterkst in {named(above)}"] if above else []) + ([f"het minst sterk in {named(below)}"] if below else [])
    return f"Naast uw eigen gemiddelde ({nl(mean)}) bent u {'; '.join(parts)}."


def priority_sentence(report: Report) -> str:
    """The development points that matter most: at most three priorities, never a borderline one
    while clear ones exist (analysis.scoring.priorities), and how many more there are."""
    by_id = {r.competency.id: r for r in report.results}
    points = [by_id[c] for c in report.summary.development]
    if not points:
        strengths = [by_id[c] for c in report.summary.strengths]
        tail = f" Uw sterkste punten: {joined([_gap(r) for r in strengths[:3]])}." if strengths else ""
        return "U heeft geen ontwikkel- of aandachtspunten." + tail
    chosen = [by_id[c] for c in report.summary.priorities]
    if all(r.borderline for r in chosen):
        one = len(points) == 1
        which = "Uw enige ontwikkel- of aandachtspunt is een grensgeval" if one else \
            f"Al uw {len(points)} ontwikkel- en aandachtspunten zijn grensgevallen"
        return (f"{which}: de marge laat niet zien aan welke kant van de grens u zit. "
                f"{'Het verschil' if one else 'De grootste verschillen'}: {joined([_gap(r) for r in chosen])}.")
    text = f"Om mee te beginnen: {joined([_gap(r) for r in chosen])}."
    rest = [r for r in points if r.competency.id not in report.summary.priorities]
    if rest:
        borderline = sum(1 for r in rest if r.borderline)
        text += f" Daarna {'volgt' if len(rest) == 1 else 'volgen'} nog {counted(len(rest), 'punt', 'punten')}"
        if borderline == len(rest):
            text += f", {'een grensgeval' if borderline == 1 else 'alle ' + str(borderline) + ' grensgevallen'}"
        elif borderline:
            text += f", waarvan {borderline} {'grensgeval' if borderline == 1 else 'grensgevallen'}"
        text += "."
    return text


def picture(report: Report) -> list[str]:
    """The picture in two or three sentences: fit, own strongest and weakest, the priorities."""
    return [s for s in (fit_sentence(report), relative_sentence(report), priority_sentence(report)) if s]


def notes(report: Report) -> list[str]:
    """What the reader should know before trusting the picture: competencies without a score and
    the answer-pattern notes (analysis/patterns.py)."""
    missing = [f"{r.competency.name} ({r.answered} van {r.items} beantwoord, minstens {needed(r.items)} nodig)"
               for r in report.results if r.status == "insufficient_data"]
    out = [f"Geen score (te weinig antwoorden): {'; '.join(missing)}."] if missing else []
    unasked = [r.competency.name for r in report.results if r.status == "not_asked"]
    if unasked:
        out.append(f"Niet gevraagd (hun stellingen horen bij een context die u niet koos): {', '.join(unasked)}.")
    return out + list(report.notes)


def tips(report: Report, count: int = 2) -> list[tuple[str, tuple[str, ...]]]:
    """Development tips of the priorities (then the other points) that have them, for the terminal."""
    by_id = {r.competency.id: r.competency for r in report.results}
    order = list(report.summary.priorities) + [c for c in report.summary.development
                                                if c not in report.summary.priorities]
    return [(by_id[c].name, by_id[c].tips) for c in order if by_id[c].tips][:count]
