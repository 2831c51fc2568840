"""The item analysis as a Dutch table, as JSON and as CSV (machine formats use a decimal point)."""

from __future__ import annotations

import json
from typing import Any

from ...analysis.itemstats import KEYING_R, MIN_ALPHA, MIN_ITEM_TOTAL, MIN_RESPONDENTS, CompetencyStat, ItemAnalysis, ItemStat
from ...models import Bank
from ..common.csvwords import ITEM_SIGNALS
from ..common.termtable import fill
from ..common.view import nl, percent, plain_table
from ..formats import Options

ITEMS_SCHEMA = "ontwikkelscan/items@1"
_HEADERS = ("Vraag", "Omgekeerd", "n", "Gem.", "SD", "n.v.t.", "r(it)", "Alfa zonder", "Signaal")
CSV_COLUMNS = ("competency", "competency_alpha", "competency_complete", "weak_competency", "item", "reverse",
               "answered", "mean", "sd", "na_rate", "item_total", "alpha_if_deleted", "weak_item",
               # added with issue 21: the interval, the context statements, the keying flag
               "competency_alpha_low", "competency_alpha_high", "competency_unstable", "contexts", "asked",
               "complete", "alpha_with", "keying", "signal", "unstable_item", "in_alpha")
SIGNALS = {code: f"⚠ {word}" for code, word in ITEM_SIGNALS.items()}
UNSTABLE = "*"  # after a number over fewer than MIN_RESPONDENTS complete cases
_KEEP = "\u00a0"  # a space that does not break a line: an interval stays on one line


def _whole(text: str) -> str:
    """`text` as one unit for the line wrapper."""
    return text.replace(" ", _KEEP)


def _fill(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    return [line.replace(_KEEP, " ") for line in fill(text, width, first, rest)]


def _legend() -> str:
    return (f"Gemarkeerd: \"omgekeerd?\" bij een duidelijk negatieve r(it) (hooguit {nl(KEYING_R, 2)} en niet door "
            "toeval; waarschijnlijk ontbreekt `reverse: true` of staat het er te veel), \"zwak\" bij r(it) < "
            f"{nl(MIN_ITEM_TOTAL, 2)} (vraag hangt zwak samen met de rest van haar competentie) en alfa < "
            f"{nl(MIN_ALPHA, 2)} (competentie meet niet betrouwbaar genoeg). Alfa telt de vragen die iedereen "
            "kreeg; een contextvraag die niet iedereen kreeg, is berekend onder wie haar kreeg. "
            f"{UNSTABLE} = minder dan {MIN_RESPONDENTS} volledige antwoorden: onstabiel.")


def _cell(value: float | None, unstable: bool, marks: bool = False) -> str:
    """A number with its mark; in a table column with marks (`marks`) a space in its place when there is
    none, so the digits stay aligned."""
    return nl(value, 2) + (UNSTABLE if unstable and value is not None else " " if marks else "")


def _heading(comp: CompetencyStat) -> str:
    if comp.alpha is None:
        why = "te weinig volledige antwoorden" if comp.core >= 2 else "minder dan 2 vragen die iedereen kreeg"
        alpha = f"alfa niet te berekenen ({why})"
    else:
        alpha = f"alfa {_cell(comp.alpha, comp.unstable)}"
        if comp.alpha_ci is not None:
            alpha += f" (95%-BI {nl(comp.alpha_ci[0], 2)} tot {nl(comp.alpha_ci[1], 2)})"
        alpha = _whole(alpha)
    return f"{comp.name} ({comp.id}): {alpha}, {_whole(f'{comp.core} vragen')}, {_whole(f'n = {comp.complete} volledig')}"


def _warnings(comp: CompetencyStat) -> list[str]:
    out = []
    if comp.weak:
        out.append(f"⚠ alfa lager dan {nl(MIN_ALPHA, 2)}")
    if comp.unstable:
        out.append(f"⚠ maar {comp.complete} volledige antwoorden (onder de {MIN_RESPONDENTS}): alfa en r(it) zijn "
                   "onstabiel, lees ze als een eerste indruk")
    return out


def _context_note(item: ItemStat) -> str:
    where = f"alleen bij context {', '.join(item.contexts)}" if item.contexts else "niet iedereen gevraagd"
    note = (f"{item.id}: {where}; {item.asked} gevraagd, "
            f"{_whole(f'n = {item.complete} volledig')}")
    if item.alpha_with is not None or item.alpha_if_deleted is not None:
        note += (f"; onder hen alfa met deze vraag {_cell(item.alpha_with, item.unstable)}, zonder "
                 f"{_cell(item.alpha_if_deleted, item.unstable)}")
    return note + ("" if item.complete >= MIN_RESPONDENTS else " (onstabiel)")


def render_table(analysis: ItemAnalysis, options: Options) -> str:
    """Prose wraps at the width between words, so a number is never cut; the table is narrow enough for 80."""
    bank: Bank = options.bank
    width = options.width - 1  # a full line would make some terminals wrap once more
    out = [*_fill(f"Itemanalyse: {analysis.respondents} respondent(en), vragenbank {bank.version}", width),
           *_fill(_legend(), width)]
    for comp in analysis.competencies:
        out += ["", *_fill(_heading(comp), width, rest="  ")]
        out += [line for text in _warnings(comp) for line in _fill(text, width, "  ", "    ")]
        marks = any(i.unstable for i in comp.items)
        rows = [
            (i.id, "ja" if i.reverse else "", str(i.answered), nl(i.mean, 2), nl(i.sd, 2), percent(i.na_rate),
             _cell(i.item_total, i.unstable, marks), _cell(i.alpha_if_deleted, i.unstable, marks),
             SIGNALS.get(i.signal or "", ""))
            for i in comp.items
        ]
        out += plain_table(_HEADERS, rows, right={2, 3, 4, 5, 6, 7}, indent="  ")
        out += [line for i in comp.items if not i.in_alpha for line in _fill(_context_note(i), width, "  ", "    ")]
    return "\n".join(out) + "\n"


def _item_dict(i: ItemStat) -> dict[str, Any]:
    return {"id": i.id, "reverse": i.reverse, "answered": i.answered, "mean": i.mean, "sd": i.sd,
            "na_rate": i.na_rate, "item_total": i.item_total, "alpha_if_deleted": i.alpha_if_deleted, "weak": i.weak,
            "contexts": list(i.contexts), "asked": i.asked, "complete": i.complete, "alpha_with": i.alpha_with,
            "keying": i.keying, "signal": i.signal, "unstable": i.unstable, "in_alpha": i.in_alpha}


def items_dict(analysis: ItemAnalysis, bank: Bank) -> dict[str, Any]:
    return {
        "schema": ITEMS_SCHEMA,
        "bank": {"version": bank.version, "sha256": bank.sha256},
        "respondents": analysis.respondents,
        "unstable": analysis.unstable,
        "thresholds": {"item_total": MIN_ITEM_TOTAL, "alpha": MIN_ALPHA, "respondents": MIN_RESPONDENTS,
                       "keying": KEYING_R},
        "competencies": [
            {"id": c.id, "name": c.name, "complete": c.complete, "alpha": c.alpha, "weak": c.weak,
             "items": [_item_dict(i) for i in c.items],
             "alpha_ci": list(c.alpha_ci) if c.alpha_ci else None, "alpha_items": c.core, "unstable": c.unstable}
            for c in analysis.competencies
        ],
    }


def render_json(analysis: ItemAnalysis, options: Options) -> str:
    return json.dumps(items_dict(analysis, options.bank), ensure_ascii=False, indent=2) + "\n"


def render_csv(analysis: ItemAnalysis, options: Options) -> str:
    """One row per item, with its competency's numbers repeated, so a spreadsheet can filter and sort."""
    from ..common.csvout import Dialect, Words, render_rows

    dialect = Dialect(options.dialect)
    word = Words(dialect)
    return render_rows(CSV_COLUMNS, (
        (c.id, c.alpha, c.complete, c.weak, i.id, i.reverse, i.answered, i.mean, i.sd, i.na_rate, i.item_total,
         i.alpha_if_deleted, i.weak, *(c.alpha_ci or (None, None)), c.unstable, " ".join(i.contexts), i.asked,
         i.complete, i.alpha_with, i.keying, word(i.signal), i.unstable, i.in_alpha)
        for c in analysis.competencies for i in c.items
    ), dialect)
