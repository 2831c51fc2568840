"""A feedback round as plain text within 80 columns (a file, a pipe, an e-mail) or the terminal's width."""

from __future__ import annotations

from ...analysis.feedback import FeedbackReport
from ...rules import BLIND_SPOT, LOW_AGREEMENT, SIGNAL_TABLE, dutch
from ..common.termtable import PLAIN_WIDTH, fill, longest_piece, wrap_words
from ..common.view import plain_table
from ..formats import PLAIN, Options
from .comments import comments_text
from .view import group_table, legend, main_table, statement_lines, status_line, summary_lines, title

# The main table's short headers (two lines), without the SD of md, html and json to stay within 80
# columns; low agreement still shows as a signal.
_HEADERS = ("Competentie", "Doel", "Zelf", "Anderen", "Z−A", "Status", "Signaal")
_SUB = ("", "", "", "(n)", "", "anderen", "")
_WRAP = {5: 13, 6: 10}  # status and signal wrap to these widths


def render_feedback_table(report: FeedbackReport, options: Options = PLAIN) -> str:
    width = options.width if options.terminal else PLAIN_WIDTH
    out = [*fill(title(report), width), ""]
    out += [line for text in status_line(report) for line in fill(text, width)]
    out += ["", "Samenvatting", *(line for text in summary_lines(report) for line in fill(text, width, "  ", "    "))]
    out += ["", *_main(report, width)]
    blind, hidden, low = (SIGNAL_TABLE[code].label for code in ("blind_spot", "hidden_strength", "low"))
    out += ["", *fill(f"Anderen: gemiddelde van alle anderen (aantal beoordelaars). Z−A: zelf min anderen; "
                      f"vanaf +{dutch(BLIND_SPOT)} een {blind}, vanaf {dutch(-BLIND_SPOT, '-')} een {hidden}. Status "
                      f"anderen: hun gemiddelde tegen het doel. {low.capitalize()}: standaardafwijking van de anderen "
                      f"{dutch(LOW_AGREEMENT)} of meer. {legend(report)}", width)]
    out += ["", "Per groep: gemiddelde (aantal beoordelaars)"]
    headers, rows = group_table(report)
    for row in rows:
        parts = [f"{name} {cell}" for name, cell in zip(headers[1:], row[1:], strict=True)]
        out += [f"  {row[0]}", *fill(" · ".join(parts), width, "    ", "    ")]
    statements = statement_lines(report)
    if statements:
        out += ["", "Grootste verschillen per uitspraak (zoals beantwoord)"]
        for name, lines in statements:
            out += [f"  {name}", *(part for line in lines for part in fill(line, width, "    • ", "      "))]
    out += comments_text(report, width)
    return "\n".join(out) + "\n"


def _main(report: FeedbackReport, width: int) -> list[str]:
    _, full = main_table(report)  # Competentie, Doel, Zelf, Anderen (n), SD, Zelf − anderen, status, signal
    rows = [(r[0], r[1], r[2], r[3], r[5], r[6], r[7]) for r in full]
    fixed = [max(len(h), len(sub), *(len(r[i]) for r in rows)) if i not in _WRAP else max(_WRAP[i], len(h), len(sub))
             for i, (h, sub) in enumerate(zip(_HEADERS, _SUB, strict=True)) if i]
    names = [r[0] for r in rows]
    room = width - sum(fixed) - 2 * len(fixed)
    name = max(min(max(map(len, names), default=11), room), longest_piece(names), len(_HEADERS[0]))
    lines: list[tuple[str, ...]] = []
    for row in rows:
        cells = [wrap_words(row[0], name), *([c] for c in row[1:5]),
                 wrap_words(row[5], _WRAP[5]), wrap_words(row[6], _WRAP[6]) if row[6] else [""]]
        for k in range(max(map(len, cells))):
            lines.append(tuple(cell[k] if k < len(cell) else "" for cell in cells))
    table = plain_table(_HEADERS, [_SUB, *lines], right={1, 2, 3, 4})
    return [table[0], table[2], table[1], *table[3:]]  # the second header line above the rule
