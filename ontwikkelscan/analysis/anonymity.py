"""The anonymity rules of a feedback round (docs/formats.md section 6, rules 1-4): which numbers may be shown.

Pure and about counts only: the caller says how many raters of each group have a score
(for one competency or one statement), and gets back what may be shown. No number shown
may be computed from fewer than `floor` raters of anonymous groups, directly or by
subtracting shown numbers with their n; tests/test_anonymity.py attacks it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple


class Visibility(NamedTuple):
    shown: tuple[str, ...]  # groups shown by name, in bank order
    residue: tuple[str, ...]  # anonymous groups pooled as "overige beoordelaars", in bank order
    residue_n: int
    residue_shown: bool
    others_shown: bool


def visibility(counts: Mapping[str, int], anonymous: Mapping[str, bool], floor: int,
               order: Sequence[str]) -> Visibility:
    """Apply rules 1-4 to `counts` (group -> raters with a score; self excluded), groups in bank `order`."""
    groups = [g for g in order if g in counts]
    # rules 1 and 2: a non-anonymous group whatever its n; an anonymous group from the floor up
    shown = [g for g in groups if not anonymous[g] or counts[g] >= floor]
    residue = [g for g in groups if anonymous[g] and g not in shown]
    pooled = sum(counts[g] for g in residue)
    # rule 3: a residue of 1 .. floor-1 raters would be the difference of shown numbers; pool the
    # smallest shown anonymous group with it (first in bank order on a tie) until it is big enough
    while 0 < pooled < floor:
        candidates = [g for g in shown if anonymous[g]]
        if not candidates:
            break
        joiner = min(candidates, key=lambda g: (counts[g], groups.index(g)))
        shown.remove(joiner)
        residue.append(joiner)
        pooled += counts[joiner]
    # rule 4: all others together, unless its anonymous raters are 1 .. floor-1
    anonymous_raters = sum(counts[g] for g in groups if anonymous[g])
    return Visibility(
        shown=tuple(shown),
        residue=tuple(g for g in groups if g in residue),
        residue_n=pooled,
        residue_shown=pooled >= floor,
        others_shown=others_shown(anonymous_raters, floor),
    )


def others_shown(anonymous_raters: int, floor: int) -> bool:
    """Rule 4 alone, for a number of all others together (a statement's mean)."""
    return anonymous_raters >= floor or anonymous_raters == 0
