"""A feedback round as one self-contained HTML page (docs/formats.md sections 6 and 8): who answered first, then a
radar of self, others and target, the tables, the summary and the statements. PDF prints this page."""

from __future__ import annotations

from ...analysis.feedback import FeedbackReport
from ..common.page import SCORE_COLOUR, TARGET_COLOUR, breakable, esc, meta_list, page
from ..common.radar import Axis, Series, legend_svg, radar_svg
from ..common.view import level, nl
from ..formats import PLAIN, Options
from .comments import comments_html
from .view import HIDDEN, group_table, legend, main_table, statement_lines, status_line, summary_lines, title

OTHERS_COLOUR = "#b3541e"
GROUP_COLUMNS = 4  # groups per table: each name stays whole on A4 portrait


def render_feedback_html(report: FeedbackReport, options: Options = PLAIN) -> str:
    sections = [_header(report), _raters(report), _summary(report), _chart(report), _tables(report)]
    statements = statement_lines(report)
    if statements:
        items = "".join(f"<h3>{esc(name)}</h3><ul>{''.join(f'<li>{esc(line)}</li>' for line in lines)}</ul>"
                        for name, lines in statements)
        sections.append('<section id="uitspraken"><h2>Grootste verschillen per uitspraak (zelf − anderen)</h2>'
                        f"{items}</section>")
    sections.append(comments_html(report))
    return page(title(report), "\n".join(sections))


def _header(report: FeedbackReport) -> str:
    subject = report.round.subject
    pairs = [("Over", subject.get("name", "")), ("Gemeente", subject.get("municipality", "")),
             ("Type gemeente", report.municipality_type.name), ("Ronde", report.round.id),
             ("Contexten", ", ".join(c.name for c in report.contexts)),
             ("Vragenbank", report.bank.version)]
    return f"<header><h1>Feedback van anderen: {esc(subject.get('name', ''))}</h1>{meta_list(pairs)}</header>"


def _raters(report: FeedbackReport) -> str:
    lines = "".join(f"<p>{esc(line)}</p>" for line in status_line(report))
    return f'<section id="beoordelaars"><h2>Wie antwoordde</h2>{lines}</section>'


def _chart(report: FeedbackReport) -> str:
    rows = report.rows
    axes = []
    for row in rows:
        mine = row.self.score if row.self else None
        theirs = row.others.score if row.others else None
        note = f"zelf {nl(mine)} · anderen {nl(theirs) if row.others else HIDDEN}"
        axes.append(Axis(row.competency.name, note, mine is None or theirs is None))
    series = (
        Series("Doel", tuple(r.target for r in rows), TARGET_COLOUR, dash="6 4", marker="square"),
        Series("Anderen", tuple(r.others.score if r.others else None for r in rows), OTHERS_COLOUR,
               marker="diamond"),
        Series("Zelf", tuple(r.self.score if r.self else None for r in rows), SCORE_COLOUR, marker="circle",
               fill=True),
    )
    low, high = report.bank.scale.min, report.bank.scale.max
    described = "; ".join(
        f"{r.competency.name}: zelf {nl(r.self.score) if r.self and r.self.score is not None else 'geen'}, "
        f"anderen {nl(r.others.score) if r.others and r.others.score is not None else 'niet getoond'}, "
        f"doel {level(r.target) if r.target is not None else 'geen'}" for r in rows)
    desc = (f"Spinnenweb met {len(rows)} competenties. Het midden is {low}, de buitenste ring {high}. {described}. "
            "Dezelfde getallen staan in de tabel 'Per competentie'.")
    chart = radar_svg(tuple(axes), series, low=low, high=high, title="Zelf, anderen en doel per competentie",
                      desc=desc, ident="feedback-radar")
    return (f'<section id="spinnenweb" class="keep"><h2>Spinnenweb: zelf, anderen en doel</h2>'
            f'<div class="chart">{chart}</div><div class="chart">{legend_svg(series)}</div>'
            '<p class="small muted">Waar een getal ontbreekt of om de anonimiteit niet getoond wordt, is de lijn '
            "onderbroken en staat het bij de naam.</p></section>")


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]], text: frozenset[int] = frozenset()) -> str:
    """A table that fits A4 portrait: headers wrap between words, numbers stay on one line, the columns in
    `text` (a status, a signal) wrap between words, the first column also after / and - (docs/formats.md section 8)."""
    def cell(tag: str, i: int, value: str) -> str:
        kind = "" if i == 0 or i in text else " class=\"num wrap\"" if tag == "th" else " class=num"
        return f"<{tag}{kind}>{breakable(value) if i == 0 else esc(value)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _group_tables(report: FeedbackReport) -> str:
    """The groups side by side, at most GROUP_COLUMNS a table: six groups and the residue would not fit A4."""
    headers, rows = group_table(report)
    starts = range(1, max(len(headers), 2), GROUP_COLUMNS)
    return "".join(_table((headers[0], *headers[k:k + GROUP_COLUMNS]),
                          [(row[0], *row[k:k + GROUP_COLUMNS]) for row in rows]) for k in starts)


def _tables(report: FeedbackReport) -> str:
    return ('<section id="competenties"><h2>Per competentie</h2>' + _table(*main_table(report), text=frozenset({6, 7}))
            + f'<p class="small muted">{esc(legend(report))}</p>'
            + "<h3>Per groep: gemiddelde (aantal beoordelaars)</h3>" + _group_tables(report) + "</section>")


def _summary(report: FeedbackReport) -> str:
    items = "".join(f"<li>{esc(line)}</li>" for line in summary_lines(report))
    return f'<section id="samenvatting"><h2>Samenvatting</h2><ul>{items}</ul></section>'
