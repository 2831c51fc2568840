"""The report of one scan as a self-contained HTML page (docs/formats.md section 8), for screen and A4 print."""

from __future__ import annotations

from collections.abc import Iterable

from ...models import STATUSES, Report
from ..common.page import (
    BORDERLINE_MEANING,
    SCORE_COLOUR,
    TARGET_COLOUR,
    breakable,
    esc,
    meta_list,
    page,
    status_chip,
    status_legend,
)
from ..common.radar import Axis, Series, legend_svg, radar_svg
from ..common.story import (
    NOT_THIS,
    WHAT_NOW_INTRO,
    answer_text,
    gap_phrase,
    has_relative,
    how_scores_work,
    title,
    what_now,
    who_pairs,
)
from ..common.view import KIND_TITLES, core_first, level, margin_text, nl, of_result
from ..formats import PLAIN, Options
from .balance import role_reading
from .summary import computed_pairs, notes, picture

BORDERLINE = ' <span class="border">grensgeval</span>'


def render_html_report(reports: Iterable[Report], options: Options = PLAIN) -> str:
    """The registry's entry: one scan, one document (the CLI calls it once per scan, see formats.py)."""
    return "".join(render_html(r) for r in reports)


def render_html(report: Report) -> str:
    # Four A4 pages for one scan, summary first and details last: who, the summary, the radar and
    # what the scan is not | the table and the role balance | what now (one or two pages), then how
    # the scores come about and how this report was computed.
    sections = [_header(report), _summary(report), _chart(report), _not_this(), _table(report)]
    if report.roles:
        sections.append(_roles(report))
    sections += [_what_now(report), _how(report)]  # the relative view: in the summary and the table's column
    return page(title(report), "\n".join(sections))


def _header(report: Report) -> str:
    return f"<header><h1>{esc(title(report))}</h1>{meta_list(who_pairs(report))}</header>"


def _summary(report: Report) -> str:
    sentences = "".join(f"<p>{esc(sentence)}</p>" for sentence in picture(report))
    remarks = "".join(f'<p class="note">{esc(note)}</p>' for note in notes(report))
    return f'<section id="samenvatting" class="summary"><h2>Samenvatting</h2>{sentences}{remarks}</section>'


def radar_for(report: Report, ident: str = "radar") -> str:
    """The radar of score against target, core competencies first, with its legend."""
    ordered = [r for r, _ in core_first(report.results, of_result)]
    axes = []
    for r in ordered:
        if r.score is None:
            note, missing = "geen score", True
        elif r.target is None:
            note, missing = f"{margin_text(r.score, r.margin)} · geen doel", True
        else:
            note, missing = f"{margin_text(r.score, r.margin)} · doel {level(r.target)}", False
        axes.append(Axis(r.competency.name, note, missing))
    series = (
        Series("Doel", tuple(r.target for r in ordered), TARGET_COLOUR, dash="6 4", marker="square"),
        Series("Uw score", tuple(r.score for r in ordered), SCORE_COLOUR, marker="circle", fill=True),
    )
    low, high = report.bank.scale.min, report.bank.scale.max
    described = "; ".join(f"{r.competency.name}: score {margin_text(r.score, r.margin) if r.score is not None else 'geen'}, "
                          f"doel {level(r.target) if r.target is not None else 'geen'}" for r in ordered)
    desc = (f"Spinnenweb met {len(ordered)} competenties, kerncompetenties eerst. Het midden is {low}, de buitenste "
            f"ring {high}. {described}. Dezelfde getallen staan in de tabel 'Scores per competentie'.")
    chart = radar_svg(tuple(axes), series, low=low, high=high, title="Uw score tegen het doel per competentie",
                      desc=desc, ident=ident)
    return f'<div class="chart">{chart}</div><div class="chart">{legend_svg(series)}</div>'


def _chart(report: Report) -> str:
    return (f'<section id="spinnenweb" class="keep"><h2>Spinnenweb: score tegen doel</h2>{radar_for(report)}'
            '<p class="small muted">Het midden van het web is de laagste score, de buitenste ring de hoogste. '
            "Waar een score of doel ontbreekt, is de lijn onderbroken en staat het bij de naam; zo'n punt ligt "
            "dus niet in het midden.</p></section>")


def _table(report: Report) -> str:
    relative = has_relative(report)
    widest = max((abs(r.relative) for r in report.results if r.relative is not None), default=0.0) or 1.0
    head = ("<tr><th>Competentie</th><th class=num>Score</th><th class=num>Doel</th>"
            "<th class=num>Verschil</th>" + ("<th class=num>Relatief</th>" if relative else "")
            + "<th>Status</th></tr>")
    columns = 5 + relative
    rows = []
    kind = None
    for r, _ in core_first(report.results, of_result):
        if r.competency.kind != kind:  # the kind as a heading row, as in the terminal: no column of its own
            kind = r.competency.kind
            rows.append(f'<tr class="kind"><th colspan="{columns}" scope="rowgroup">{esc(KIND_TITLES[kind])}</th></tr>')
        numbers = [margin_text(r.score, r.margin), level(r.target) if r.target is not None else "–",
                   nl(r.gap, signed=True)]
        row = f'<td class="name">{breakable(r.competency.name)}</td>'
        row += "".join(f'<td class="num">{esc(n)}</td>' for n in numbers)
        if relative:
            row += f'<td class="num">{esc(nl(r.relative, signed=True))} {_relative_bar(r.relative, widest)}</td>'
        row += f'<td class="state">{status_chip(r.status)}{BORDERLINE if r.borderline else ""}</td>'
        rows.append(f"<tr>{row}</tr>")
    shown = [s for s in STATUSES if any(r.status == s for r in report.results)]
    return (f'<section id="tabel" class="new-page"><h2>Scores per competentie</h2>'
            f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
            f"{status_legend(shown)}"
            + (f'<p class="small">{BORDERLINE} {esc(BORDERLINE_MEANING)}.</p>' if any(r.borderline for r in report.results)
               else "")
            + '<p class="small muted">Score ± marge: gemiddelde op de schaal en hoe ver het ongeveer kan afwijken; '
            'doel: het niveau dat uw type gemeente vraagt; '
            "verschil = score − doel" + ("; relatief = score − uw eigen gemiddelde" if relative else "")
            + ".</p></section>")


def _bar(value: float | None, low: int, high: int) -> str:
    if value is None:
        return '<span class="muted">geen score</span>'
    share = (value - low) / (high - low) * 100
    return (f'<span class="bar" style="width:{share * 0.4:.1f}mm;background:{SCORE_COLOUR}"></span>'
            f'<span class="bar" style="width:{(100 - share) * 0.4:.1f}mm;background:#e3e3e3"></span>')


def _roles(report: Report) -> str:
    low, high = report.bank.scale.min, report.bank.scale.max
    rows = "".join(f'<tr><td class="name">{breakable(r.name)}</td><td class=num>'
                   f"{esc(nl(r.score))}</td>"
                   f"<td>{_bar(r.score, low, high)}</td><td class=num>{r.answered} van {r.items}</td></tr>"
                   for r in report.roles)
    return ('<section id="rollen" class="keep"><h2>Rolbalans</h2>'
            "<table><thead><tr><th>Rol</th><th class=num>Score</th><th>Op de schaal</th>"
            f"<th class=num>Beantwoord</th></tr></thead><tbody>{rows}</tbody></table>"
            + (f"<p>{esc(reading)}</p>" if (reading := role_reading(report.roles)) else "") + "</section>")


def _relative_bar(value: float | None, widest: float) -> str:
    """A small bar left (below the own mean) or right (above it) of a centre line; the number is beside it."""
    if value is None:
        return ""
    width = min(abs(value) / widest, 1.0) * 20
    x = 20 - width if value < 0 else 20
    colour = SCORE_COLOUR if value >= 0 else LOW_COLOUR
    return ('<svg class="rel" viewBox="0 0 40 8" width="40" height="8" aria-hidden="true">'
            f'<rect x="{x:.1f}" y="1" width="{width:.1f}" height="6" fill="{colour}"/>'
            '<line x1="20" y1="0" x2="20" y2="8" stroke="#777" stroke-width="0.8"/></svg>')


LOW_COLOUR = "#b3261e"


def _what_now(report: Report) -> str:
    points = what_now(report)
    if not points:
        return ('<section id="wat-nu" class="new-page"><h2>Wat nu</h2><p>U heeft geen ontwikkel- of aandachtspunten: '
                "elke competentie met een doel zit op of boven het doel. Kies in een gesprek met uw coach welke "
                "sterke punten u verder wilt benutten.</p></section>")
    parts = [f'<section id="wat-nu" class="new-page"><h2>Wat nu</h2><p>{esc(WHAT_NOW_INTRO)}</p><div class="points">']
    for point in points:
        r = point.result
        parts.append(f'<div class="point"><h3>{esc(r.competency.name)} {status_chip(r.status)} '
                     f'<span class="small muted">{esc(gap_phrase(r))}</span></h3>')
        if point.drivers:
            items = "".join(f"<li>“{esc(d.question.text)}” <span class=\"muted\">"
                            f"— {esc(answer_text(report, d))}</span></li>" for d in point.drivers)
            parts.append(f'<p class="sub">Wat de score omlaag trok</p><ul>{items}</ul>')
        if point.tips:
            tips = "".join(f"<li>{esc(tip)}</li>" for tip in point.tips)
            parts.append(f'<p class="sub">Om mee te beginnen</p><ul>{tips}</ul>')
        parts.append("</div>")
    parts.append("</div></section>")
    return "".join(parts)


def _not_this() -> str:
    heading, paragraphs = NOT_THIS
    return (f'<section id="zelfbeeld" class="intro keep" aria-label="{esc(heading)}"><p><strong>{esc(heading)}.</strong> '
            + " ".join(esc(p) for p in paragraphs) + "</p></section>")


def _how(report: Report) -> str:
    heading, paragraphs = how_scores_work(report)
    return (f'<section id="uitleg" class="small"><h2>{esc(heading)}</h2>'
            + "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
            + "<p><strong>Hoe dit rapport is berekend.</strong> "
            + "; ".join(f"{esc(label)}: <span class=hash>{esc(value)}</span>" for label, value in computed_pairs(report))
            + ".</p>"
            + "<footer>Gemaakt met ontwikkelscan. Dit rapport bevat persoonlijke gegevens: deel het alleen met "
            "wie u het zelf wilt laten lezen.</footer></section>")
