"""The cohort summary for coaches as HTML (radar of the mean against the target, status spread
as small stacked bars) and as Markdown. The privacy floor is the command's: it never gets here."""

from __future__ import annotations

from ...analysis.cohort import Cohort, CompetencyStats
from ...models import STATUSES, Status
from ..common.page import SCORE_COLOUR, STATUS_COLOURS, TARGET_COLOUR, breakable, esc, meta_list, page, status_legend
from ..common.radar import Axis, Series, legend_svg, radar_svg
from ..common.view import KIND_LABELS, nl
from ..formats import PLAIN, Options
from .view import NOTE, TITLE, in_bank_order, spread_words, target_text, types_text


def spread_bar(statuses: dict[Status, int], total: int) -> str:
    """The status counts as one stacked bar (inline SVG, hidden from screen readers: the counts are beside it)."""
    x, parts = 0.0, []
    for code in STATUSES:
        count = statuses.get(code, 0)
        if count:
            width = count / total * 120
            strong, light = STATUS_COLOURS[code]
            fill = strong if code not in ("not_required", "insufficient_data", "not_asked") else light
            parts.append(f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="10" fill="{fill}" stroke="#fff" '
                         'stroke-width="0.6"/>')
            x += width
    return (f'<svg class="rel" viewBox="0 0 120 10" width="120" height="10" aria-hidden="true">{"".join(parts)}'
            '<rect x="0" y="0" width="120" height="10" fill="none" stroke="#999" stroke-width="0.6"/></svg>')


def mean_target(cohort: Cohort, stats: CompetencyStats) -> float | None:
    """The target the radar draws: the shared one, or with mixed types the mean of the respondents' own
    targets (types without a target for it left out)."""
    counts = [(cohort.types[t], target) for t, target in stats.targets.items()]
    total = sum(n for n, _ in counts)
    return sum(n * target for n, target in counts) / total if total else None


def render_cohort_html(cohort: Cohort, options: Options = PLAIN) -> str:
    bank = cohort.bank
    ordered = [s for s, _ in in_bank_order(cohort)]
    axes = tuple(Axis(s.competency.name, "geen score" if s.mean is None else
                      f"{nl(s.mean)} · {'geen doel' if not s.targets else 'doel ' + target_text(s)}",
                      s.mean is None or not s.targets)
                 for s in ordered)
    mixed = any(len(set(s.targets.values())) > 1 for s in ordered)
    series = (Series("Doel (gemiddeld over de types)" if mixed else "Doel",
                     tuple(mean_target(cohort, s) for s in ordered), TARGET_COLOUR, dash="6 4", marker="square"),
              Series("Gemiddelde van de groep", tuple(s.mean for s in ordered), SCORE_COLOUR, fill=True))
    desc = "; ".join(f"{s.competency.name}: gemiddelde {nl(s.mean) if s.mean is not None else 'geen'} (n={s.n}), "
                     f"doel {target_text(s)}" for s in ordered)
    chart = radar_svg(axes, series, low=bank.scale.min, high=bank.scale.max,
                      title="Gemiddelde van de groep tegen het doel per competentie",
                      desc=f"Spinnenweb, kerncompetenties eerst, midden {bank.scale.min}, buitenste ring "
                           f"{bank.scale.max}. {desc}.", ident="groep")
    rows = []
    for s, last_core in in_bank_order(cohort):
        below = f"{s.below_target} van {s.with_target}" if s.with_target else "–"
        numbers = [str(s.n), nl(s.mean), nl(s.sd), nl(s.min), nl(s.max), target_text(s), below]
        row = f'<td class="name">{breakable(s.competency.name)}</td><td>{esc(KIND_LABELS[s.competency.kind])}</td>'
        row += "".join(f'<td class="num">{esc(n)}</td>' for n in numbers)
        row += (f'<td>{spread_bar(s.statuses, cohort.respondents)}<br>'
                f'<span class="small">{esc(spread_words(s))}</span></td>')
        rows.append(f'<tr{" class=last-core" if last_core else ""}>{row}</tr>')
    head = "".join(f"<th{' class=num' if i > 1 and i < 9 else ''}>{h}</th>" for i, h in enumerate(
        ("Competentie", "Soort", "n", "Gem.", "Sd", "Min", "Max", "Doel", "Onder doel", "Statussen")))
    shown = [c for c in STATUSES if any(s.statuses.get(c) for s in cohort.competencies)]
    body = (f"<header><h1>{esc(TITLE)}</h1>"
            + meta_list([("Respondenten", str(cohort.respondents)), ("Profielen", types_text(cohort)),
                         ("Vragenbank", f"versie {bank.version} (sha256 {bank.sha256[:12]})")]) + "</header>"
            + '<section id="spinnenweb" class="keep"><h2>Spinnenweb: gemiddelde tegen doel</h2>'
            + f'<div class="chart">{chart}</div><div class="chart">{legend_svg(series)}</div></section>'
            + '<section id="tabel" class="new-page"><h2>Per competentie</h2>'
            + f'<table class="dense"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
            + status_legend(shown) + f'<p class="small muted">{esc(NOTE)}</p></section>')
    return page(TITLE, body)
