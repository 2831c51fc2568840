"""A comparison as JSON: `compare@1` for two scans, `compare-set@1` for a group."""

from __future__ import annotations

import json
from typing import Any

from ...analysis.compare import CompareSet, Comparison
from ...models import Report
from ..formats import PLAIN, Options

COMPARE_SCHEMA = "ontwikkelscan/compare@1"


def _scan(report: Report) -> dict[str, Any]:
    sheet = report.sheet
    return {"source": sheet.source, "date": sheet.date,
            "respondent": {"name": sheet.respondent.get("name"), "municipality": sheet.respondent.get("municipality")},
            "municipality_type": report.municipality_type.id,
            "bank": {"version": sheet.bank_version, "sha256": sheet.bank_sha256},
            "fit": report.summary.fit}


def compare_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "schema": COMPARE_SCHEMA,
        "old": _scan(comparison.old),
        "new": _scan(comparison.new),
        "competencies": [
            {"id": c.new.competency.id, "name": c.new.competency.name, "kind": c.new.competency.kind,
             "score_old": c.old.score, "score_new": c.new.score, "change": c.change, "direction": c.direction,
             "target_old": c.old.target, "target_new": c.new.target,
             "status_old": c.old.status, "status_new": c.new.status}
            for c in comparison.changes
        ],
        "warnings": list(comparison.warnings),
    }


def render_compare_json(comparison: Comparison, options: Options = PLAIN) -> str:
    return json.dumps(compare_dict(comparison), ensure_ascii=False, indent=2) + "\n"


SET_SCHEMA = "ontwikkelscan/compare-set@1"


def _who(report: Report) -> dict[str, Any]:
    sheet = report.sheet
    return {"name": sheet.respondent.get("name"), "source": sheet.source, "date": sheet.date}


def render_set_json(group: CompareSet, options: Options = PLAIN) -> str:
    if group.single is not None:
        return render_compare_json(group.single, options)
    document = {"schema": SET_SCHEMA, "comparisons": [compare_dict(c) for c in group.comparisons],
                "only_old": [_who(r) for r in group.only_old], "only_new": [_who(r) for r in group.only_new]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
