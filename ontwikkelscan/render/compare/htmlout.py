"""Two scans of one person side by side as HTML (a radar of then, now and the target) and as Markdown."""

from __future__ import annotations

from ...analysis.compare import CompareSet, Comparison
from ..common.page import SCORE_COLOUR, TARGET_COLOUR, breakable, esc, meta_list, page, status_chip
from ..common.radar import Axis, Series, legend_svg, radar_svg
from ..common.view import core_first, level, nl
from ..formats import PLAIN, Options
from .view import change_text, compare_title, header_pairs, scan_label, unmatched_lines

THEN_COLOUR = "#8a8a8a"


def render_compare_html(group: CompareSet, options: Options = PLAIN) -> str:
    """One page for two scans; for a group, each person's comparison from a new page, then who is on one side only."""
    bodies = [_html_body(c, i) for i, c in enumerate(group.comparisons)]
    body = '<div class="new-page-before"></div>'.join(bodies)
    unmatched = "".join(f"<p>{esc(line)}</p>" for line in unmatched_lines(group))
    title = compare_title(group.comparisons[0]) if len(group.comparisons) == 1 else "Ontwikkelscan: voortgang van de groep"
    return page(title, body + unmatched)


def _html_body(comparison: Comparison, index: int) -> str:
    ordered = [c for c, _ in core_first(comparison.changes, lambda c: c.new.competency)]
    bank = comparison.new.bank
    axes = tuple(Axis(c.new.competency.name, f"{nl(c.old.score)} → {nl(c.new.score)}",
                      c.new.score is None or c.old.score is None) for c in ordered)
    series = (Series("Doel", tuple(c.new.target for c in ordered), TARGET_COLOUR, dash="6 4", marker="square"),
              Series(f"Toen ({scan_label(comparison.old)})", tuple(c.old.score for c in ordered), THEN_COLOUR, dash="2 3",
                     marker="diamond"),
              Series(f"Nu ({scan_label(comparison.new)})", tuple(c.new.score for c in ordered), SCORE_COLOUR, fill=True))
    desc = "; ".join(f"{c.new.competency.name}: toen {nl(c.old.score)}, nu {nl(c.new.score)}, doel "
                     f"{level(c.new.target) if c.new.target is not None else 'geen'}" for c in ordered)
    chart = radar_svg(axes, series, low=bank.scale.min, high=bank.scale.max, ident=f"voortgang-{index}",
                      title="Score toen en nu tegen het doel", desc=f"Spinnenweb, kerncompetenties eerst. {desc}.")
    rows = []
    for c, last_core in core_first(comparison.changes, lambda c: c.new.competency):
        rows.append(f'<tr{" class=last-core" if last_core else ""}><td class="name">{breakable(c.new.competency.name)}'
                    f'</td><td class="num">{esc(nl(c.old.score))}</td><td class="num">{esc(nl(c.new.score))}</td>'
                    f'<td class="num">{esc(change_text(c))}</td>'
                    f"<td>{status_chip(c.old.status)}</td><td>{status_chip(c.new.status)}</td></tr>")
    warnings = "".join(f'<p class="note">{esc(w)}</p>' for w in comparison.warnings)
    return (f"<header><h1>{esc(compare_title(comparison))}</h1>{meta_list(header_pairs(comparison))}</header>{warnings}"
            f'<section id="spinnenweb" class="keep"><h2>Spinnenweb: toen, nu en het doel</h2>'
            f'<div class="chart">{chart}</div><div class="chart">{legend_svg(series)}</div></section>'
            '<section id="tabel" class="new-page"><h2>Per competentie</h2><table><thead><tr><th>Competentie</th>'
            "<th class=num>Toen</th><th class=num>Nu</th><th class=num>Verandering</th><th>Status toen</th>"
            f"<th>Status nu</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            '<p class="small muted">↑ omhoog, ↓ omlaag, = gelijk. Twee zelfscans laten zien hoe uw zelfbeeld '
            "verschuift, niet hoe anderen u zien.</p></section>")
