"""The gap report as plain text: for pipes, files and e-mail. No Rich, so it starts fast."""

from __future__ import annotations

from collections.abc import Iterable

from ...models import Report
from ..common.termtable import PLAIN_WIDTH, fill, legend, longest_piece, wrap_words
from ..common.view import KIND_TITLES, STATUS_LABELS, bar, core_first, heading, nl, of_result, plain_table, summary_lines, tips
from ..formats import PLAIN, Options
from .balance import relative_lines, role_reading, role_rows

_HEADERS = ("Competentie", "Score", "Doel", "Verschil", "┃ = doel", "Status")
PLAIN_BAR = 10
STATUS_WIDTH = 13  # 'te weinig antwoorden' takes two lines


def render_table_report(reports: Iterable[Report], options: Options = PLAIN) -> str:
    """The report table: coloured Rich on a terminal (imported only then), plain text for pipes and files."""
    if options.terminal:
        from .terminal import render_rich

        return "\n".join(render_rich(r, width=options.width, color=options.color) for r in reports)
    return "\n\n".join(render_text(r) for r in reports)


def render_text(report: Report, width: int = PLAIN_WIDTH) -> str:
    """Plain text within `width` columns (80 for a file or a pipe): names wrap between words, the
    kind of competency is a heading row, the legend and the summary wrap under their own text."""
    title, subtitle = heading(report)
    low, high = report.bank.scale.min, report.bank.scale.max
    others = [len(h) for h in _HEADERS[1:4]] + [PLAIN_BAR, STATUS_WIDTH]
    names = [r.competency.name for r in report.results]
    name = max(min(max(map(len, names)), width - sum(others) - 2 * len(others)), longest_piece(names))
    rows: list[tuple[str, ...]] = []
    headings: dict[int, str] = {}  # row index -> the kind heading above it (as wide as the line allows)
    kind = None
    for r, _ in core_first(report.results, of_result):
        if r.competency.kind != kind:
            kind = r.competency.kind
            headings[len(rows)] = KIND_TITLES[kind]
        names, statuses = wrap_words(r.competency.name, name), wrap_words(STATUS_LABELS[r.status], STATUS_WIDTH)
        rows.append((names[0], nl(r.score), nl(r.target), nl(r.gap, signed=True),
                     "".join(bar(r.score, r.target, low, high, PLAIN_BAR)), statuses[0]))
        rows += [(names[i] if i < len(names) else "", "", "", "", "", statuses[i] if i < len(statuses) else "")
                 for i in range(1, max(len(names), len(statuses)))]
    table = plain_table(_HEADERS, rows, right={1, 2, 3})
    body = [line for i, row in enumerate(table[2:]) for line in ([headings[i]] if i in headings else []) + [row]]
    out = [*fill(title, width), *fill(subtitle, width), "", *table[:2], *body,
           *legend(width).splitlines(), "", *_summary(report, width)]
    return "\n".join(out) + "\n"


def _summary(report: Report, width: int) -> list[str]:
    out = ["Samenvatting"]
    for line in summary_lines(report):
        out += fill(f"{line.label}{line.body}", width, "  ", "    ")
    out += _balance(report, width)
    if report.notes:
        out += ["", "Let op"]
        for note in report.notes:
            out += fill(note, width, "  • ", "    ")
    for name, items in tips(report):
        out += ["", *fill(f"Tips voor {name}", width)]
        for tip in items:
            out += fill(tip, width, "  • ", "    ")
    return out


def _balance(report: Report, width: int) -> list[str]:
    """The relative view and the role balance, each under its own heading."""
    out: list[str] = []
    lines = relative_lines(report)
    if lines:
        out += ["", "Relatief beeld (uw eigen sterke en zwakke kanten)"]
        for label, body in lines:
            out += fill(f"{label}{body}", width, "  ", "    ")
    if report.roles:
        out += ["", "Rolbalans", *plain_table(("Rol", "Score", "Beantwoord"), role_rows(report), right={1},
                                              indent="  ")]
        reading = role_reading(report.roles)
        if reading:
            out += fill(reading, width, "  ", "  ")
    return out
