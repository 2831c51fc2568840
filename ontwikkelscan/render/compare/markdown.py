"""Two scans of one person (or each pair of a group) as Markdown, to share."""

from __future__ import annotations

from ...analysis.compare import CompareSet, Comparison
from ..common.markdown import md, table
from ..common.view import STATUS_LABELS, core_first, nl
from ..formats import PLAIN, Options
from .view import change_text, compare_title, header_pairs, unmatched_lines


def render_compare_md(group: CompareSet, options: Options = PLAIN) -> str:
    parts = [_markdown(c) for c in group.comparisons]
    unmatched = [md(line) for line in unmatched_lines(group)]
    return "\n---\n\n".join(parts) + ("\n" + "\n\n".join(unmatched) + "\n" if unmatched else "")


def _markdown(comparison: Comparison) -> str:
    out = [f"# {md(compare_title(comparison))}", ""]
    out += [f"- **{md(label)}:** {md(value)}" for label, value in header_pairs(comparison) if value]
    out += [f"\n> {md(w)}" for w in comparison.warnings]
    rows = [(md(c.new.competency.name), nl(c.old.score), nl(c.new.score),
             change_text(c), STATUS_LABELS[c.old.status], STATUS_LABELS[c.new.status])
            for c, _ in core_first(comparison.changes, lambda c: c.new.competency)]
    out += ["", *table(("Competentie", "Toen", "Nu", "Verandering", "Status toen", "Status nu"), rows, {1, 2, 3})]
    counts = {d: sum(1 for c in comparison.changes if c.direction == d) for d in ("up", "down", "same")}
    out += ["", f"{counts['up']} omhoog (↑), {counts['down']} omlaag (↓), {counts['same']} gelijk (=)."]
    return "\n".join(out) + "\n"
