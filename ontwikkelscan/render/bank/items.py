"""The item analysis as a Dutch table, as JSON and as CSV (machine formats use a decimal point)."""

from __future__ import annotations

import json
from typing import Any

from ...analysis.itemstats import MIN_ALPHA, MIN_ITEM_TOTAL, MIN_RESPONDENTS, ItemAnalysis
from ...models import Bank
from ..common.view import nl, percent, plain_table
from ..formats import Options

ITEMS_SCHEMA = "ontwikkelscan/items@1"
_HEADERS = ("Vraag", "Omgekeerd", "n", "Gem.", "SD", "n.v.t.", "r(it)", "Alfa zonder", "Signaal")
CSV_COLUMNS = ("competency", "competency_alpha", "competency_complete", "weak_competency", "item", "reverse",
               "answered", "mean", "sd", "na_rate", "item_total", "alpha_if_deleted", "weak_item")


def render_table(analysis: ItemAnalysis, options: Options) -> str:
    bank: Bank = options.bank
    out = [f"Itemanalyse: {analysis.respondents} respondent(en), vragenbank {bank.version}",
           f"Gemarkeerd: r(it) < {nl(MIN_ITEM_TOTAL, 2)} (vraag hangt zwak samen met de rest van haar competentie) "
           f"en alfa < {nl(MIN_ALPHA, 2)} (competentie meet niet betrouwbaar genoeg)."]
    for comp in analysis.competencies:
        alpha = f"alfa {nl(comp.alpha, 2)}" if comp.alpha is not None else "alfa niet te berekenen"
        flag = f"  ⚠ alfa lager dan {nl(MIN_ALPHA, 2)}" if comp.weak else ""
        out += ["", f"{comp.name} ({comp.id}): {alpha}, n = {comp.complete} volledig{flag}"]
        rows = [
            (i.id, "ja" if i.reverse else "", str(i.answered), nl(i.mean, 2), nl(i.sd, 2), percent(i.na_rate),
             nl(i.item_total, 2), nl(i.alpha_if_deleted, 2), "⚠ zwak" if i.weak else "")
            for i in comp.items
        ]
        out += plain_table(_HEADERS, rows, right={2, 3, 4, 5, 6, 7}, indent="  ")
    return "\n".join(out) + "\n"


def items_dict(analysis: ItemAnalysis, bank: Bank) -> dict[str, Any]:
    return {
        "schema": ITEMS_SCHEMA,
        "bank": {"version": bank.version, "sha256": bank.sha256},
        "respondents": analysis.respondents,
        "unstable": analysis.unstable,
        "thresholds": {"item_total": MIN_ITEM_TOTAL, "alpha": MIN_ALPHA, "respondents": MIN_RESPONDENTS},
        "competencies": [
            {"id": c.id, "name": c.name, "complete": c.complete, "alpha": c.alpha, "weak": c.weak,
             "items": [{"id": i.id, "reverse": i.reverse, "answered": i.answered, "mean": i.mean, "sd": i.sd,
                        "na_rate": i.na_rate, "item_total": i.item_total, "alpha_if_deleted": i.alpha_if_deleted,
                        "weak": i.weak} for i in c.items]}
            for c in analysis.competencies
        ],
    }


def render_json(analysis: ItemAnalysis, options: Options) -> str:
    return json.dumps(items_dict(analysis, options.bank), ensure_ascii=False, indent=2) + "\n"


def render_csv(analysis: ItemAnalysis, options: Options) -> str:
    """One row per item, with its competency's numbers repeated, so a spreadsheet can filter and sort."""
    from ..common.csvout import Dialect, render_rows

    return render_rows(CSV_COLUMNS, (
        (c.id, c.alpha, c.complete, c.weak, i.id, i.reverse, i.answered, i.mean, i.sd, i.na_rate, i.item_total,
         i.alpha_if_deleted, i.weak)
        for c in analysis.competencies for i in c.items
    ), Dialect(options.dialect))
