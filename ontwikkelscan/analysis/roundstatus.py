"""The daily status of an open round (docs/formats.md section 6.2): counts and what a release now would show.

Never a score, gap, flag, statement mean or comment: only how many raters, empty and double
files, which files fail to load or are not read, and per group whether a release now would
show it, pool it into the residue or hide it, with how many more raters it needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, NamedTuple

from ..errors import InputError
from ..models import Bank, Release, Round
from .anonymity import visibility
from .feedback import asked
from .intake import Counted
from .released import Candidate
from .scoring import items_score

Shown = Literal["shown", "pooled", "hidden"]


class GroupStatus(NamedTuple):
    id: str  # "self" or a rater group of the bank
    name: str
    anonymous: bool
    raters: int  # after docs/formats.md section 6.1
    empty: int
    doubles: int
    competencies: Mapping[Shown, int]  # over the competencies where the group's raters have a score
    needs: int  # more raters before the group is shown on its own (0: none needed)


class RoundStatus(NamedTuple):
    round: Round
    floor: int
    releases: tuple[Release, ...]
    groups: tuple[GroupStatus, ...]  # self first, then the bank's groups that have a file
    others: Mapping[Shown, int]  # all others together, per competency: shown or hidden
    failing: tuple[tuple[str, str], ...]  # path -> reason
    not_read: tuple[str, ...]
    skipped: tuple[str, ...]  # warnings: files of another round
    since: tuple[str, ...]  # answer files not in the latest release
    allowed: bool  # may a release be made now
    needs: Mapping[str, int]  # group -> more raters before a release is allowed (the subtraction rule)


def round_status(bank: Bank, plan: Candidate) -> RoundStatus:
    raters = bank.raters
    assert raters is not None
    floor = raters.anonymity_floor
    counted = plan.counted
    present = [g for g in raters.groups if any(s.rater == g for s in (*counted.raters, *counted.empty))
               or any(d.rater == g for _, d in counted.doubles)]
    anonymous = {g: raters.groups[g].anonymous for g in present}
    shown: dict[str, dict[Shown, int]] = {g: {"shown": 0, "pooled": 0, "hidden": 0} for g in present}
    others: dict[Shown, int] = {"shown": 0, "hidden": 0}
    observers = [s for s in counted.raters if s.rater != "self"]
    for competency in bank.competencies:
        items = asked(bank, bank.items[competency.id], plan.round.contexts, observer=True)
        counts = {g: sum(items_score(items, s.answers, bank.scale)[0] is not None for s in observers if s.rater == g)
                  for g in present}
        vis = visibility(counts, anonymous, floor, present)
        others["shown" if vis.others_shown else "hidden"] += 1
        for g in present:
            if counts[g]:
                state: Shown = "shown" if g in vis.shown else "pooled" if vis.residue_shown else "hidden"
                shown[g][state] += 1
    groups = [_group(counted, "self", "Zelf", False, {}, 0)]
    for g in present:
        n = sum(s.rater == g for s in counted.raters)
        groups.append(_group(counted, g, raters.groups[g].name, anonymous[g], shown[g],
                             max(0, floor - n) if anonymous[g] else 0))
    latest = {f.path for f in plan.round.releases[-1].files} if plan.round.releases else set()
    now = [f.path for f in plan.folder.loaded] + [path for path, _ in plan.folder.failed]
    fixed = {f.path for f in plan.files}
    return RoundStatus(
        plan.round, floor, plan.round.releases, tuple(groups), others,
        tuple((path, reason(error)) for path, error in plan.folder.failed),
        plan.folder.not_read, tuple(m for path, m in plan.folder.warnings if path not in fixed),
        tuple(p for p in now if p not in latest) if plan.round.releases else (),
        not plan.failing and not plan.breaches, plan.needs)


def _group(counted: Counted, group: str, name: str, anonymous: bool, shown: Mapping[Shown, int],
           needs: int) -> GroupStatus:
    return GroupStatus(group, name, anonymous, sum(s.rater == group for s in counted.raters),
                       sum(s.rater == group for s in counted.empty), sum(d.rater == group for _, d in counted.doubles),
                       shown, needs)


def reason(error: InputError) -> str:
    """Why a file does not load, without its path (the caller names it): `regel 4: ...; regel 9: ...`."""
    return "; ".join(f"{f'regel {p.line}: ' if p.line else ''}{f'{p.path}: ' if p.path else ''}{p.message}"
                     for p in error.problems)
