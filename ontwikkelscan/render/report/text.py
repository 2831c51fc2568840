"""The gap report as plain text: for pipes, files and e-mail. No Rich, so it starts fast."""

from __future__ import annotations

from collections.abc import Iterable

from ...models import Report
from ..common.story import answer_text, gap_phrase, what_now
from ..common.termtable import PLAIN_WIDTH, fill, legend, longest_piece, wrap_words
from ..common.view import KIND_TITLES, bar, core_first, margin_text, nl, of_result, plain_table
from ..formats import PLAIN, Options
from .balance import relative_lines, role_reading, role_rows
from .summary import computed_pairs, notes, picture, profile_line, status_words, title

_HEADERS = ("Competentie", "Score", "Doel", "Verschil", "┃ = doel", "Status")
PLAIN_BAR = 10
SCORE_WIDTH = 9  # '3,8 ± 0,3'
STATUS_WIDTH = 13  # 'te weinig antwoorden' and 'ontwikkelpunt, grensgeval' take two lines
FIRST_STEPS = 3  # the priorities of the summary, with their statements and tips
WHAT_NOW = ("Uw prioriteiten, met de stellingen die de score het meest omlaag trokken en tips om mee te beginnen. "
            "Alle punten staan in het HTML-rapport (--format html).")


def render_table_report(reports: Iterable[Report], options: Options = PLAIN) -> str:
    """The report table: coloured Rich on a terminal (imported only then), plain text for pipes and files."""
    if options.terminal:
        from .terminal import render_rich

        return "\n".join(render_rich(r, width=options.width, color=options.color) for r in reports)
    return "\n\n".join(render_text(r) for r in reports)


def render_text(report: Report, width: int = PLAIN_WIDTH) -> str:
    """Plain text within `width` columns (80 for a file or a pipe), summary first and details last:
    who, the picture, the table (names wrap between words, the kind of competency is a heading row),
    the relative view and roles, what now, and how it was computed."""
    low, high = report.bank.scale.min, report.bank.scale.max
    others = [SCORE_WIDTH, len(_HEADERS[2]), len(_HEADERS[3]), PLAIN_BAR, STATUS_WIDTH]
    names = [r.competency.name for r in report.results]
    name = max(min(max(map(len, names)), width - sum(others) - 2 * len(others)), longest_piece(names))
    rows: list[tuple[str, ...]] = []
    headings: dict[int, str] = {}  # row index -> the kind heading above it (as wide as the line allows)
    kind = None
    for r, _ in core_first(report.results, of_result):
        if r.competency.kind != kind:
            kind = r.competency.kind
            headings[len(rows)] = KIND_TITLES[kind]
        names, statuses = wrap_words(r.competency.name, name), wrap_words(status_words(r), STATUS_WIDTH)
        rows.append((names[0], margin_text(r.score, r.margin), nl(r.target), nl(r.gap, signed=True),
                     "".join(text for _, text in bar(r.score, r.target, low, high, PLAIN_BAR, r.margin)), statuses[0]))
        rows += [(names[i] if i < len(names) else "", "", "", "", "", statuses[i] if i < len(statuses) else "")
                 for i in range(1, max(len(names), len(statuses)))]
    table = plain_table(_HEADERS, rows, right={1, 2, 3})
    body = [line for i, row in enumerate(table[2:]) for line in ([headings[i]] if i in headings else []) + [row]]
    out = [*head_lines(report, width), "", *summary_lines(report, width), "", *table[:2], *body,
           *legend(width, margin=True).splitlines(), *_balance(report, width), *what_now_lines(report, width),
           *computed_lines(report, width)]
    return "\n".join(out) + "\n"


def head_lines(report: Report, width: int) -> list[str]:
    return [*fill(title(report), width), *fill(profile_line(report), width)]


def computed_lines(report: Report, width: int) -> list[str]:
    out = ["", "Hoe dit rapport is berekend"]
    for label, value in computed_pairs(report):
        out += fill(f"{label}: {value}", width, "  ", "    ")
    return out


def summary_lines(report: Report, width: int) -> list[str]:
    out = ["Samenvatting"]
    for sentence in picture(report):
        out += fill(sentence, width, "  ", "  ")
    remarks = notes(report)
    if remarks:
        out += ["", "Let op"]
    for note in remarks:
        out += fill(note, width, "  • ", "    ")
    return out


def what_now_lines(report: Report, width: int) -> list[str]:
    """The priorities with the statements that pulled them down and the first tips."""
    steps = what_now(report, FIRST_STEPS)
    if not steps:
        return []
    out = ["", "Wat nu", *fill(WHAT_NOW, width, "  ", "  ")]
    for point in steps:
        out += ["", *fill(f"{point.result.competency.name}: {gap_phrase(point.result)}", width, "  ", "    ")]
        for driver in point.drivers[:2]:
            out += fill(f"“{driver.question.text}” ({answer_text(report, driver)})", width, "    - ", "      ")
        for tip in point.tips[:2]:
            out += fill(tip, width, "    • ", "      ")
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


def render_summary(report: Report, width: int = PLAIN_WIDTH) -> str:
    """Who and the summary alone: what a secretary sees at the end of a scan (the rest goes into a file)."""
    return "\n".join([*head_lines(report, width), "", *summary_lines(report, width)]) + "\n"
