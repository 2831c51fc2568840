"""Compare two reports of one respondent: the change per competency between an old and a new scan. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..models import CompetencyResult, Report
from ..names import name_key
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
    kinds: tuple[str, ...] = ()  # per warning, what many pairs of a group say with it ("{n}": how many)


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
    said = _warnings(old, new)
    return Comparison(old, new, tuple(changes), tuple(m for m, _ in said), tuple(k for _, k in said))


def _warnings(old: Report, new: Report) -> list[tuple[str, str]]:
    """(warning, its kind) for the pair: the kind is said once for all pairs of a group that give it."""
    a, b = old.sheet, new.sheet
    out = []
    if a.bank_version and b.bank_version and a.bank_version != b.bank_version:
        out.append((f"de scans komen uit verschillende vragenbanken ({a.bank_version} en {b.bank_version}); "
                    "scores zijn niet zonder meer vergelijkbaar", "{n} paren scans komen uit verschillende "
                    "vragenbanken; scores zijn niet zonder meer vergelijkbaar"))
    elif a.bank_sha256 and b.bank_sha256 and a.bank_sha256 != b.bank_sha256:
        version = f" {a.bank_version}" if a.bank_version else ""
        out.append((f"de vragenbank{version} is tussen de scans gewijzigd (andere sha256)",
                    "{n} paren scans: de vragenbank is tussen de scans gewijzigd (andere sha256)"))
    for key, what in (("name", "respondenten"), ("municipality", "gemeenten")):
        x, y = a.respondent.get(key), b.respondent.get(key)
        if x and y and name_key(x) != name_key(y):
            out.append((f"de scans hebben verschillende {what}: {x} en {y}",
                        f"{{n}} paren scans hebben verschillende {what}"))
    if old.municipality_type.id != new.municipality_type.id:
        out.append((f"de scans gebruiken verschillende doelprofielen ({old.municipality_type.name} en "
                    f"{new.municipality_type.name}); status en verschil hangen daarvan af",
                    "{n} paren scans gebruiken verschillende doelprofielen; status en verschil hangen daarvan af"))
    if a.date and b.date and b.date < a.date:
        out.append((f"de nieuwe scan ({b.date}) is ouder dan de oude ({a.date}); zijn ze omgewisseld?",
                    "{n} paren waarin de nieuwe scan ouder is dan de oude; zijn ze omgewisseld?"))
    return out


@dataclass(frozen=True, slots=True)
class CompareSet:
    """Before and after for a group: the pairs matched by respondent, and who is on one side only."""

    comparisons: tuple[Comparison, ...]
    only_old: tuple[Report, ...]
    only_new: tuple[Report, ...]

    @property
    def single(self) -> Comparison | None:
        """The one comparison of two single scans (the output of issue 5 keeps its shape)."""
        if len(self.comparisons) == 1 and not self.only_old and not self.only_new:
            return self.comparisons[0]
        return None


def person(report: Report) -> str:
    """The key two scans of one respondent share: the name, ignoring case, spacing and the kind of apostrophe."""
    return name_key(report.sheet.respondent.get("name"))


def compare_groups(old: list[Report], new: list[Report]) -> CompareSet:
    """Match the scans of two folders or exports by respondent; two single scans are a pair whatever their names.

    A name seen twice on one side keeps its latest scan (by date, then input order)."""
    if len(old) == 1 and len(new) == 1:
        return CompareSet((compare(old[0], new[0]),), (), ())
    before, after = _latest(old), _latest(new)
    pairs = tuple(compare(before[key], after[key]) for key in before if key in after)
    only_old = tuple(r for key, r in before.items() if key not in after) + tuple(r for r in old if not person(r))
    only_new = tuple(r for key, r in after.items() if key not in before) + tuple(r for r in new if not person(r))
    return CompareSet(pairs, only_old, only_new)


def _latest(reports: list[Report]) -> dict[str, Report]:
    found: dict[str, Report] = {}
    for report in reports:
        key = person(report)
        if key and (key not in found or (report.sheet.date or "") >= (found[key].sheet.date or "")):
            found[key] = report
    return found
