"""The role balance ("rolbalans") and the relative view in words, for every human format.

The numbers come from scoring (docs/formats.md section 3 rule 8, section 7); this module says what they
mean, in Dutch, in the "u" form.
"""

from __future__ import annotations

from ...analysis.scoring import TOLERANCE
from ...models import CompetencyResult, Report, RoleResult
from ..common.view import nl

UNBALANCED = 0.5  # the same step as the status bands: half a point on the scale
RELATIVE_TOP = 3
SHOWN = 0.05  # the smallest distance that nl() does not show as 0,0

# What to watch when this role lags behind the others (source 001 warns about the first case).
_LAGGING = {
    "organisatie": "Let op de sturing van uw eigen organisatie: het profiel vraagt u die te leiden, en zonder die "
                   "basis missen college en samenleving de uitvoering.",
    "bestuur": "Het adviseurschap van college en raad blijft achter, terwijl het bestuur u als eerste adviseur "
               "nodig heeft; plan vaste momenten met burgemeester en wethouders.",
    "samenleving": "De verbinding met de samenleving blijft achter; het profiel vraagt dat u ook buiten het "
                   "gemeentehuis partners en inwoners opzoekt en uw organisatie daarin meeneemt.",
}
_CROWDED_OUT = ("Hiervoor waarschuwt de praktijk: veel aandacht voor de rol als verbinder in de samenleving kan "
                "ten koste gaan van de eigen organisatie. Zorg dat ook uw medewerkers de verbindende rol leren "
                "pakken, zodat de interne sturing niet blijft liggen.")


def role_reading(roles: tuple[RoleResult, ...]) -> str | None:
    """A short Dutch reading of the role scores; None when fewer than two roles have a score."""
    scored = [r for r in roles if r.score is not None]
    if len(scored) < 2:
        return None
    high = max(scored, key=lambda r: r.score or 0.0)  # the first in role order on a tie
    low = min(scored, key=lambda r: r.score or 0.0)
    spread = (high.score or 0.0) - (low.score or 0.0)
    missing = [r.name.lower() for r in roles if r.score is None]
    note = f" ({', '.join(missing)}: te weinig antwoorden voor een score.)" if missing else ""
    if spread < UNBALANCED - TOLERANCE:
        return (f"In balans: uw rollen liggen binnen een half punt van elkaar ({nl(low.score)} tot "
                f"{nl(high.score)}).{note}")
    text = (f"Uit balans: als {high.name.lower()} scoort u {nl(high.score)}, als {low.name.lower()} "
            f"{nl(low.score)} (verschil {nl(spread)}). ")
    if high.id == "samenleving" and low.id == "organisatie":
        return text + _CROWDED_OUT + note
    return text + _LAGGING[low.id] + note


def relative_mean(report: Report) -> float | None:
    """The respondent's own mean over the competency scores (what `relative` is measured against)."""
    scores = [r.score for r in report.results if r.score is not None]
    return sum(scores) / len(scores) if scores else None


def relative_extremes(report: Report) -> tuple[list[CompetencyResult], list[CompetencyResult]]:
    """(strongest, weakest): up to three competencies above and below the own mean, furthest first;
    one that shows as 0,0 (less than 0,05 away) is on the mean, not above or below it."""
    ranked = sorted((r for r in report.results if r.relative is not None), key=lambda r: -(r.relative or 0.0))
    above = [r for r in ranked if (r.relative or 0.0) >= SHOWN - TOLERANCE][:RELATIVE_TOP]
    below = [r for r in reversed(ranked) if (r.relative or 0.0) <= -SHOWN + TOLERANCE][:RELATIVE_TOP]
    return above, below


def relative_lines(report: Report) -> list[tuple[str, str]]:
    """(label, text) lines of the relative view; empty when no competency has a score."""
    mean = relative_mean(report)
    if mean is None:
        return []
    above, below = relative_extremes(report)

    def named(rows: list[CompetencyResult]) -> str:
        return "; ".join(f"{r.competency.name} ({nl(r.relative, signed=True)})" for r in rows) or "geen"

    return [("Uw eigen gemiddelde: ", f"{nl(mean)}, over alle competenties met een score"),
            ("Relatief het sterkst: ", named(above)),
            ("Relatief het minst sterk: ", named(below))]


def role_rows(report: Report) -> list[tuple[str, str, str]]:
    """(name, score, answered) per role."""
    return [(r.name, nl(r.score), f"{r.answered} van {r.items}") for r in report.roles]
