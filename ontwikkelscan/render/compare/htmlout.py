"""Two scans of one person side by side as HTML (a radar of then, now and the target) and as Markdown."""

from __future__ import annotations

from ...analysis.compare import Change, CompareSet, Comparison
from ...models import Report
from ..common.page import SCORE_COLOUR, TARGET_COLOUR, breakable, esc, meta_list, page, status_chip
from ..common.radar import Axis, Series, legend_svg, radar_svg
from ..common.view import STATUS_LABELS, core_first, level, nl, percent
from ..formats import PLAIN, Options
from ..report.markdown import md, table
from .group import unmatched_lines
from .terminal import MARKS

THEN_COLOUR = "#8a8a8a"


def _label(report: Report) -> str:
    return report.sheet.date or report.sheet.source.replace("\\", "/").rsplit("/", 1)[-1]


def _change(change: Change) -> str:
    return "–" if change.change is None else f"{nl(change.change, signed=True)} {MARKS[change.direction]}"


def _title(comparison: Comparison) -> str:
    name = comparison.new.sheet.respondent.get("name") or comparison.old.sheet.respondent.get("name")
    return "Ontwikkelscan: voortgang" + (f" · {name}" if name else "")


def _pairs(comparison: Comparison) -> list[tuple[str, str]]:
    old, new = comparison.old, comparison.new
    return [("Gemeente", new.sheet.respondent.get("municipality", "")), ("Type gemeente", new.municipality_type.name),
            ("Toen", _label(old)), ("Nu", _label(new)),
            ("Passend bij het profiel", f"toen {percent(old.summary.fit)}, nu {percent(new.summary.fit)}")]


def render_compare_html(group: CompareSet, options: Options = PLAIN) -> str:
    """One page for two scans; for a group, each person's comparison from a new page, then who is on one side only."""
    bodies = [_html_body(c, i) for i, c in enumerate(group.comparisons)]
    body = '<div class="new-page-before"></div>'.join(bodies)
    unmatched = "".join(f"<p>{esc(line)}</p>" for line in unmatched_lines(group))
    title = _title(group.comparisons[0]) if len(group.comparisons) == 1 else "Ontwikkelscan: voortgang van de groep"
    return page(title, body + unmatched)


def _html_body(comparison: Comparison, index: int) -> str:
    ordered = [c for c, _ in core_first(comparison.changes, lambda c: c.new.competency)]
    bank = comparison.new.bank
    axes = tuple(Axis(c.new.competency.name, f"{nl(c.old.score)} → {nl(c.new.score)}",
                      c.new.score is None or c.old.score is None) for c in ordered)
    series = (Series("Doel", tuple(c.new.target for c in ordered), TARGET_COLOUR, dash="6 4", marker="square"),
              Series(f"Toen ({_label(comparison.old)})", tuple(c.old.score for c in ordered), THEN_COLOUR, dash="2 3",
                     marker="diamond"),
              Series(f"Nu ({_label(comparison.new)})", tuple(c.new.score for c in ordered), SCORE_COLOUR, fill=True))
    desc = "; ".join(f"{c.new.competency.name}: toen {nl(c.old.score)}, nu {nl(c.new.score)}, doel "
                     f"{level(c.new.target) if c.new.target is not None else 'geen'}" for c in ordered)
    chart = radar_svg(axes, series, low=bank.scale.min, high=bank.scale.max, ident=f"voortgang-{index}",
                      title="Score toen en nu tegen het doel", desc=f"Spinnenweb, kerncompetenties eerst. {desc}.")
    rows = []
    for c, last_core in core_first(comparison.changes, lambda c: c.new.competency):
        rows.append(f'<tr{" class=last-core" if last_core else ""}><td class="name">{breakable(c.new.competency.name)}'
                    f'</td><td class="num">{esc(nl(c.old.score))}</td><td class="num">{esc(nl(c.new.score))}</td>'
                    f'<td class="num">{esc(_change(c))}</td>'
                    f"<td>{status_chip(c.old.status)}</td><td>{status_chip(c.new.status)}</td></tr>")
    warnings = "".join(f'<p class="note">{esc(w)}</p>' for w in comparison.warnings)
    return (f"<header><h1>{esc(_title(comparison))}</h1>{meta_list(_pairs(comparison))}</header>{warnings}"
            f'<section id="spinnenweb" class="keep"><h2>Spinnenweb: toen, nu en het doel</h2>'
            f'<div class="chart">{chart}</div><div class="chart">{legend_svg(series)}</div></section>'
            '<section id="tabel" class="new-page"><h2>Per competentie</h2><table><thead><tr><th>Competentie</th>'
            "<th class=num>Toen</th><th class=num>Nu</th><th class=num>Verandering</th><th>Status toen</th>"
            f"<th>Status nu</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            '<p class="small muted">↑ omhoog, ↓ omlaag, = gelijk. Twee zelfscans laten zien hoe uw zelfbeeld '
            "verschuift, niet hoe anderen u zien.</p></section>")


def render_compare_md(group: CompareSet, options: Options = PLAIN) -> str:
    parts = [_markdown(c) for c in group.comparisons]
    unmatched = [md(line) for line in unmatched_lines(group)]
    return "\n---\n\n".join(parts) + ("\n" + "\n\n".join(unmatched) + "\n" if unmatched else "")


def _markdown(comparison: Comparison) -> str:
    out = [f"# {md(_title(comparison))}", ""]
    out += [f"- **{md(label)}:** {md(value)}" for label, value in _pairs(comparison) if value]
    out += [f"\n> {md(w)}" for w in comparison.warnings]
    rows = [(md(c.new.competency.name), nl(c.old.score), nl(c.new.score),
             _change(c), STATUS_LABELS[c.old.status], STATUS_LABELS[c.new.status])
            for c, _ in core_first(comparison.changes, lambda c: c.new.competency)]
    out += ["", *table(("Competentie", "Toen", "Nu", "Verandering", "Status toen", "Status nu"), rows, {1, 2, 3})]
    counts = {d: sum(1 for c in comparison.changes if c.direction == d) for d in ("up", "down", "same")}
    out += ["", f"{counts['up']} omhoog (↑), {counts['down']} omlaag (↓), {counts['same']} gelijk (=)."]
    return "\n".join(out) + "\n"
