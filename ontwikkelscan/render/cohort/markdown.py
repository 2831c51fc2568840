"""The cohort summary as Markdown, to share. The privacy floor is the command's: it never gets here."""

from __future__ import annotations

from ...analysis.cohort import Cohort
from ..common.markdown import md, table
from ..common.view import KIND_LABELS, nl
from ..formats import PLAIN, Options
from .view import NOTE, TITLE, in_bank_order, spread_words, target_text, types_text


def render_cohort_md(cohort: Cohort, options: Options = PLAIN) -> str:
    bank = cohort.bank
    out = [f"# {TITLE}", "", f"- **Respondenten:** {cohort.respondents}", f"- **Profielen:** {md(types_text(cohort))}",
           f"- **Vragenbank:** versie {md(bank.version)} (sha256 {bank.sha256[:12]})", ""]
    rows = [(md(s.competency.name), KIND_LABELS[s.competency.kind], str(s.n), nl(s.mean), nl(s.sd), nl(s.min),
             nl(s.max), md(target_text(s)), f"{s.below_target} van {s.with_target}" if s.with_target else "–",
             md(spread_words(s)))
            for s, _ in in_bank_order(cohort)]
    out += table(("Competentie", "Soort", "n", "Gem.", "Sd", "Min", "Max", "Doel", "Onder doel", "Statussen"), rows,
                 set(range(2, 9)))
    out += ["", md(NOTE)]
    return "\n".join(out) + "\n"
