"""Compare two reports of one respondent: the change per competency between an old and a new scan. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..models import CompetencyResult, Report
from .scoring import TOLERANCE

Direction = Literal["up", "down", "same"]


@dataclass(frozen=True, slots=True)
class Change:
    old: CompetencyResult
    new: CompetencyResult
    change: float | None  # new score - old score; None when either has no score
    direction: Direction | None


@dataclass(frozen=True, slots=True)
class Comparison:
    old: Report
    new: Report
    changes: tuple[Change, ...]
    warnings: tuple[str, ...]  # in Dutch, for people


def direction(change: float | None) -> Direction | None:
    if change is None:
        return None
    if change > TOLERANCE:
        return "up"
    if change < -TOLERANCE:
        return "down"
    return "same"


def compare(old: Report, new: Report) -> Comparison:
    """Both reports must be scored with the same bank (the CLI loads one)."""
    changes = []
    for before, after in zip(old.results, new.results, strict=True):
        delta = after.score - before.score if after.score is not None and before.score is not None else None
        changes.append(Change(before, after, delta, direction(delta)))
    return Comparison(old, new, tuple(changes), tuple(_warnings(old, new)))


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _warnings(old: Report, new: Report) -> list[str]:
    a, b = old.sheet, new.sheet
    out = []
    if a.bank_version and b.bank_version and a.bank_version != b.bank_version:
        out.append(f"de scans komen uit verschillende vragenbanken ({a.bank_version} en {b.bank_version}); "
                   "scores zijn niet zonder meer vergelijkbaar")
    elif a.bank_sha256 and b.bank_sha256 and a.bank_sha256 != b.bank_sha256:
        version = f" {a.bank_version}" if a.bank_version else ""
        out.append(f"de vragenbank{version} is tussen de scans gewijzigd (andere sha256)")
    for key, what in (("name", "respondenten"), ("municipality", "gemeenten")):
        x, y = a.respondent.get(key), b.respondent.get(key)
        if x and y and _norm(x) != _norm(y):
            out.append(f"de scans hebben verschillende {what}: {x} en {y}")
    if old.municipality_type.id != new.municipality_type.id:
        out.append(f"de scans gebruiken verschillende doelprofielen ({old.municipality_type.name} en "
                   f"{new.municipality_type.name}); status en verschil hangen daarvan af")
    if a.date and b.date and b.date < a.date:
        out.append(f"de nieuwe scan ({b.date}) is ouder dan de oude ({a.date}); zijn ze omgewisseld?")
    return out
