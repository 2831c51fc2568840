"""What every human-facing format shares: Dutch labels, Dutch numbers, the score bar."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from ...models import Competency, CompetencyResult, Status
from ...rules import BORDERLINE, STATUS_TABLE

STATUS_LABELS: dict[Status, str] = {status: band.label for status, band in STATUS_TABLE.items()}
STATUS_STYLES: dict[Status, str] = {
    "development": "bold red",
    "attention": "yellow",
    "on_target": "green",
    "strength": "bold cyan",
    "not_required": "dim",
    "insufficient_data": "dim italic",
    "not_asked": "dim",
}
T = TypeVar("T")
KIND_LABELS = {"core": "kern", "situational": "situatie"}
KIND_TITLES = {"core": "Kerncompetenties", "situational": "Situatiegebonden competenties"}
BAR_WIDTH = 20


def nl(value: float | None, digits: int = 1, *, signed: bool = False) -> str:
    """The one number formatter of every human format: 3.75 -> '3,8', 3.25 -> '3,3'; with `signed`,
    '+0,3' / '-0,3'. A value that rounds to zero is '0,0', never '-0,0' or '+0,0' (the status says
    on which side of the target it lies). None -> '–'."""
    if value is None:
        return "–"
    # Half away from zero, as people round (3,25 -> 3,3), not Python's half-to-even; the 1e-9
    # absorbs binary error such as 0.15 * 10 = 1.4999999999999998.
    scale = 10**digits
    rounded = math.floor(abs(value) * scale + 0.5 + 1e-9) / scale
    text = f"{rounded:.{digits}f}"
    if rounded != 0:
        text = ("-" if value < 0 else "+" if signed else "") + text
    return text.replace(".", ",")


def margin_text(score: float | None, margin: float | None) -> str:
    """'3,8 ± 0,3' (the score and its margin, docs/reports.md "Marge"); the score alone without a margin."""
    return nl(score) if margin is None or score is None else f"{nl(score)} ± {nl(margin)}"


def plain_table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], *, right: set[int],
                indent: str = "") -> list[str]:
    """Aligned plain-text lines: header, rule, rows; columns in `right` are right-aligned."""
    widths = [max(len(row[i]) for row in (headers, *rows)) for i in range(len(headers))]

    def line(cells: tuple[str, ...]) -> str:
        return indent + "  ".join(c.rjust(w) if i in right else c.ljust(w)
                                  for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return [line(headers), line(tuple("─" * w for w in widths)), *(line(row) for row in rows)]


def level(value: float) -> str:
    """A target level, with as many decimals as a score: '4,0' next to '3,8'."""
    return nl(value)


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f}%"


def bar(score: float | None, target: float | None, low: int, high: int, width: int = BAR_WIDTH,
        margin: float | None = None) -> list[tuple[str, str]]:
    """The score bar as runs of (part, text), so that a renderer can colour the parts: "score" █ up to
    score - margin, "margin" ▒ from there to score + margin (the band the score could lie in),
    "rest" ░, and "target" ┃ where the target lies. The bar spans the scale; "none" ··· without a score."""
    if score is None:
        return [("none", "·" * width)]
    span = high - low

    def cell(value: float) -> int:
        return max(0, min(width, round((value - low) / span * width)))

    spread = margin or 0.0
    start, end = cell(score - spread), cell(score + spread)
    kinds = ["score" if i < start else "margin" if i < end else "rest" for i in range(width)]
    if target is not None:
        kinds[min(width - 1, cell(target))] = "target"
    glyphs = {"score": "█", "margin": "▒", "rest": "░", "target": "┃"}
    runs: list[tuple[str, str]] = []
    for kind in kinds:
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1] + glyphs[kind])
        else:
            runs.append((kind, glyphs[kind]))
    return runs


def core_first(rows: Iterable[T], competency: Callable[[T], Competency]) -> list[tuple[T, bool]]:
    """Rows with core competencies first (bank order within each kind), each paired with
    whether it is the last core row: the place where a table draws its section line."""
    ordered = sorted(rows, key=lambda row: competency(row).kind != "core")
    kinds = [competency(row).kind for row in ordered]
    return [(row, kind == "core" and kinds[i + 1:i + 2] == ["situational"])
            for i, (row, kind) in enumerate(zip(ordered, kinds, strict=True))]


def of_result(result: CompetencyResult) -> Competency:
    return result.competency


def status_words(result: CompetencyResult) -> str:
    """The status in words, with 'grensgeval' where the margin spans a status edge (rules.BORDERLINE)."""
    return STATUS_LABELS[result.status] + (f" ({BORDERLINE.label})" if result.borderline else "")
