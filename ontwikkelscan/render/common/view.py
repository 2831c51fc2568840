"""What every human-facing format shares: Dutch labels, Dutch numbers, the score bar."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, TypeVar

from ...analysis.scoring import needed
from ...models import Competency, CompetencyResult, Report, Status
from ...rules import STATUS_TABLE

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
TOP_DEVELOPMENT = 3
TIPS_FOR = 2


def nl(value: float | None, digits: int = 1, *, signed: bool = False) -> str:
    """3.75 -> '3,8', 3.25 -> '3,3'; with `signed`, '+0,3' / '-0,3' / '-0,0' / '0,0'. None -> '–'."""
    if value is None:
        return "–"
    # Half away from zero, as people round (3,25 -> 3,3), not Python's half-to-even; the 1e-9
    # absorbs binary error such as 0.15 * 10 = 1.4999999999999998.
    scale = 10**digits
    rounded = math.copysign(math.floor(abs(value) * scale + 0.5 + 1e-9) / scale, value)
    text = f"{abs(rounded):.{digits}f}"
    # A signed number keeps its sign when it rounds to zero: -0,0 is just below target, not on it.
    negative = value < -1e-9 and (signed or rounded != 0)  # 1e-9: the tolerance of docs/formats.md section 3
    if negative:
        text = "-" + text
    elif signed and value > 1e-9:
        text = "+" + text
    return text.replace(".", ",")


def plain_table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], *, right: set[int],
                indent: str = "") -> list[str]:
    """Aligned plain-text lines: header, rule, rows; columns in `right` are right-aligned."""
    widths = [max(len(row[i]) for row in (headers, *rows)) for i in range(len(headers))]

    def line(cells: tuple[str, ...]) -> str:
        return indent + "  ".join(c.rjust(w) if i in right else c.ljust(w)
                                  for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return [line(headers), line(tuple("─" * w for w in widths)), *(line(row) for row in rows)]


def level(value: float) -> str:
    """A target level: '4' when whole, '3,5' otherwise."""
    return nl(value, 0 if float(value).is_integer() else 1)


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f}%"


def bar(score: float | None, target: float | None, low: int, high: int,
        width: int = BAR_WIDTH) -> tuple[str, str, str]:
    """The score bar as (filled, target mark, rest) so a renderer can colour the parts.

    The bar spans the scale; the filled part is the score, ┃ marks the target.
    """
    if score is None:
        return "", "", "·" * width
    span = high - low
    filled = round((score - low) / span * width)
    if target is None:
        return "█" * filled, "", "░" * (width - filled)
    mark = min(width - 1, round((target - low) / span * width))
    cells = ["█" if i < filled else "░" for i in range(width)]
    cells[mark] = "┃"
    text = "".join(cells)
    return text[:mark], "┃", text[mark + 1:]


def core_first(rows: Iterable[T], competency: Callable[[T], Competency]) -> list[tuple[T, bool]]:
    """Rows with core competencies first (bank order within each kind), each paired with
    whether it is the last core row: the place where a table draws its section line."""
    ordered = sorted(rows, key=lambda row: competency(row).kind != "core")
    kinds = [competency(row).kind for row in ordered]
    return [(row, kind == "core" and kinds[i + 1:i + 2] == ["situational"])
            for i, (row, kind) in enumerate(zip(ordered, kinds, strict=True))]


def of_result(result: CompetencyResult) -> Competency:
    return result.competency


def heading(report: Report) -> tuple[str, str]:
    """Title and subtitle of a report."""
    who = [report.sheet.respondent.get("name"), report.sheet.respondent.get("municipality")]
    title = " · ".join(["Ontwikkelscan"] + [w for w in who if w])
    sub = [f"profiel: {report.municipality_type.name}", f"vragenbank {report.bank.version}"]
    if report.contexts:
        sub.insert(1, f"context: {', '.join(c.name for c in report.contexts)}")
    if report.sheet.date:
        sub.append(f"datum {report.sheet.date}")
    return title, " · ".join(sub)


class Line(NamedTuple):
    """One summary line: a styled label and its text."""

    label: str
    body: str
    style: str = ""


def summary_lines(report: Report) -> list[Line]:
    """The summary under the table: fit, top development points, strengths, gaps in data, tips."""
    by_id = {r.competency.id: r for r in report.results}

    def named(ids: tuple[str, ...]) -> str:
        return "; ".join(f"{by_id[c].competency.name} ({nl(by_id[c].gap, signed=True)})" for c in ids)

    with_target = [r for r in report.results if r.gap is not None]
    if with_target:
        above = sum(1 for r in with_target if r.status in ("on_target", "strength"))
        fit = (f"{above} van de {len(with_target)} competenties met een doel zitten op of boven het doel "
               f"({percent(report.summary.fit)})")
    else:
        fit = "geen competenties met zowel een doel als een score"
    lines = [Line("Passend bij het profiel: ", fit, "bold")]
    if report.summary.development:
        lines.append(Line("Belangrijkste ontwikkelpunten: ", named(report.summary.development[:TOP_DEVELOPMENT]),
                          "bold red"))
    if report.summary.strengths:
        lines.append(Line("Sterke punten: ", named(report.summary.strengths), "bold cyan"))
    insufficient = [f"{r.competency.name} ({r.answered} van {r.items} beantwoord, minstens {needed(r.items)} nodig)"
                    for r in report.results if r.status == "insufficient_data"]
    if insufficient:
        lines.append(Line("Geen score (te weinig antwoorden): ", "; ".join(insufficient), "dim"))
    not_asked = [r.competency.name for r in report.results if r.status == "not_asked"]
    if not_asked:
        lines.append(Line("Niet gevraagd (hun stellingen horen bij een context die u niet koos): ", "; ".join(not_asked),
                          "dim"))
    return lines


def tips(report: Report) -> list[tuple[str, tuple[str, ...]]]:
    """Development tips of the weakest competencies that have them."""
    by_id = {r.competency.id: r.competency for r in report.results}
    return [(by_id[c].name, by_id[c].tips) for c in report.summary.development[:TIPS_FOR] if by_id[c].tips]
