"""No subtraction between releases (docs/formats.md section 6.2), checked over *blocks*.

A block is a shown number of a report together with the set of anonymous raters behind it:
a group's, the residue's or all others' mean of one competency (and what derives from it:
SD, gap, status, flags), the others' mean of one statement, the pooled list of one comment
question. Two blocks of the same quantity (one competency, one statement, one comment
question), from two releases, can be subtracted: with their n, the difference is a number
computed from the raters in which their sets differ. A later release is refused when, for
any such pair, that difference holds at least 1 and fewer than F anonymous raters.

Every pair is tried, not only the same label: release 1's `Wethouders` against release 2's
`overige beoordelaars` is as much a subtraction as `anderen` against `anderen`. And every
earlier release is tried, not only the latest: an attacker may hold release 1 and release 3.
Pure: it compares reports; analysis/released.py reads the files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from .feedback import FeedbackReport

Blocks = Mapping[str, Sequence[tuple[str, frozenset[str]]]]  # quantity -> (label, anonymous raters) shown


class Breach(NamedTuple):
    """Two blocks of one quantity whose difference comes from 1 .. F-1 anonymous raters."""

    release: int  # the earlier release
    quantity: str  # "competency:ID", "statement:ID" or "comment:ID"
    earlier: str  # the block's label in the earlier release ("others", "groups.wethouders", ...)
    later: str  # in the new one
    added: frozenset[str]  # raters behind the new block only
    removed: frozenset[str]  # raters behind the earlier block only


def blocks(report: FeedbackReport, extra: Iterable[tuple[str, str, frozenset[str]]] = ()) -> dict[str, list[
        tuple[str, frozenset[str]]]]:
    """The shown blocks of a report; `extra` adds more, as (quantity, label, raters): the comment blocks."""
    found: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for row in report.rows:
        for label, raters in row.behind.items():
            if label.startswith("statements."):
                quantity = f"statement:{label.removeprefix('statements.')}"
                label = "others"
            else:
                quantity = f"competency:{row.competency.id}"
            found.setdefault(quantity, []).append((label, raters))
    for block in report.comments:  # a pooled comment list is a number's worth of raters too (section 6.3)
        if block.pooled:
            found.setdefault(f"comment:{block.question.id}", []).append(("pooled", block.writers))
    for quantity, label, raters in extra:
        found.setdefault(quantity, []).append((label, raters))
    return found


def breaches(earlier: Blocks, later: Blocks, floor: int, release: int) -> list[Breach]:
    """Every pair of blocks of one quantity, one from each release, that differs by 1 .. floor-1 raters."""
    found = []
    for quantity, blocks_now in later.items():
        for old_label, old in earlier.get(quantity, ()):
            for new_label, new in blocks_now:
                if 0 < len(old ^ new) < floor:
                    found.append(Breach(release, quantity, old_label, new_label, new - old, old - new))
    return found


def needs(found: Sequence[Breach], groups: Mapping[str, str], floor: int) -> dict[str, int]:
    """Per rater group (in the order first met), how many more raters would lift the smallest difference
    it is part of to the floor. `groups` maps a rater's identity to the group."""
    result: dict[str, int] = {}
    for breach in found:
        short = floor - len(breach.added) - len(breach.removed)
        for rater in sorted(breach.added | breach.removed):
            group = groups.get(rater, "?")
            result[group] = max(result.get(group, 0), short)
    return result
