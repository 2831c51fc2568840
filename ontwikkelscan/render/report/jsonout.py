"""The JSON report of docs/formats.md section 4, and its JSON Lines twin."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ...models import REPORT_SCHEMA, Report
from ..formats import PLAIN, Options


def report_dict(report: Report) -> dict[str, Any]:
    sheet = report.sheet
    document = {
        "schema": REPORT_SCHEMA,
        "source": sheet.source,
        "respondent": {"name": sheet.respondent.get("name"), "municipality": sheet.respondent.get("municipality")},
        "date": sheet.date,  # the scan's date (YYYY-MM-DD), null when the answer file or export row has none
        "municipality_type": report.municipality_type.id,
        "contexts": [c.id for c in report.contexts],
        "bank": {"version": report.bank.version, "sha256": report.bank.sha256},
        "competencies": [
            {
                "id": r.competency.id, "name": r.competency.name, "kind": r.competency.kind,
                "score": r.score, "margin": r.margin, "answered": r.answered, "items": r.items,
                "target": r.target, "gap": r.gap, "relative": r.relative, "status": r.status,
                "borderline": r.borderline,
            }
            for r in report.results
        ],
        "roles": [
            {"id": r.id, "name": r.name, "score": r.score, "answered": r.answered, "items": r.items}
            for r in report.roles
        ],
        "summary": {
            "fit": report.summary.fit,
            "development": list(report.summary.development),
            "strengths": list(report.summary.strengths),
            "priorities": list(report.summary.priorities),
        },
    }
    if report.notes:  # the answer-pattern check (docs/scan.md); absent when there is nothing to say
        document["notes"] = list(report.notes)
    return document


def render_json_report(reports: Iterable[Report], options: Options = PLAIN) -> str:
    """One object for one report (docs/formats.md section 4); a list for several (use JSON Lines for streams)."""
    dicts = [report_dict(r) for r in reports]
    return json.dumps(dicts[0] if len(dicts) == 1 else dicts, ensure_ascii=False, indent=2) + "\n"


def render_jsonl_report(reports: Iterable[Report], options: Options = PLAIN) -> str:
    return "".join(json.dumps(report_dict(r), ensure_ascii=False) + "\n" for r in reports)
