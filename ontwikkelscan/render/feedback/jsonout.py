"""The JSON of a feedback round (docs/formats.md section 6, `ontwikkelscan/feedback@2`); hidden numbers are null.

Per competency, `hidden_by` names for every hidden number (by its key: `groups.ondernemingsraad`,
`residue`, `others`, `self_minus_others`, `flag`, `agreement`, `statements`, `statements.a-1`) the
rule that hid it (analysis.feedback.HIDDEN_BY), so a null that is hidden can be told from a null
that does not exist (no score, no flag). docs/feedback.md lists the rules.
"""

from __future__ import annotations

import json
from typing import Any

from ...analysis.feedback import FeedbackReport, FeedbackRow, GroupScore
from ...models import FEEDBACK_SCHEMA
from ..formats import PLAIN, Options
from .comments import comments_json


def feedback_dict(report: FeedbackReport) -> dict[str, Any]:
    round_ = report.round
    return {
        "schema": FEEDBACK_SCHEMA,
        "round": round_.id,
        "release": report.release,
        "subject": {"name": round_.subject.get("name"), "municipality": round_.subject.get("municipality")},
        "municipality_type": report.municipality_type.id,
        "contexts": [c.id for c in report.contexts],
        "bank": {"version": report.bank.version, "sha256": report.bank.sha256},
        "anonymity_floor": report.bank.raters.anonymity_floor if report.bank.raters else None,
        "raters": dict(report.raters),
        "competencies": [_row(row) for row in report.rows],
        "summary": {
            "blind_spots": list(report.summary.blind_spots),
            "hidden_strengths": list(report.summary.hidden_strengths),
            "development": list(report.summary.development),
            # the competencies where blind spots, hidden strengths and the others' development points cannot be
            # told: the others are hidden there (rule 4), so "none" would be a claim the round cannot make
            "not_determined": [row.competency.id for row in report.rows if row.others is None],
            "roles": [{"id": r.id, "self": r.self, "others": r.others,
                       **({"hidden_by": {"others": "6.rule4"}} if r.others is None and r.self is not None else {})}
                      for r in report.summary.roles],
        },
        "comments": comments_json(report),
    }


def _row(row: FeedbackRow) -> dict[str, Any]:
    mine, others = row.self, row.others
    return {
        "id": row.competency.id, "name": row.competency.name, "kind": row.competency.kind, "target": row.target,
        "self": {"score": mine.score, "status": mine.status} if mine else None,
        "groups": {g: _group(value) for g, value in row.groups.items()},
        "residue": _group(row.residue),
        "others": {"score": others.score, "n": others.n, "sd": others.sd, "gap": others.gap,
                   "status": others.status} if others else None,
        "self_minus_others": row.self_minus_others, "flag": row.flag, "agreement": row.agreement,
        "statements": [{"id": s.question.id, "reverse": s.question.reverse, "self": s.self, "others": s.others,
                        "n": s.n, "difference": s.difference} for s in row.statements],
        "hidden_by": dict(row.hidden_by),
    }


def _group(value: GroupScore | None) -> dict[str, Any] | None:
    return {"score": value.score, "n": value.n} if value else None


def render_feedback_json(report: FeedbackReport, options: Options = PLAIN) -> str:
    return json.dumps(feedback_dict(report), ensure_ascii=False, indent=2) + "\n"
