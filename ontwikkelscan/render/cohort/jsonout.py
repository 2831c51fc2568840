"""The cohort summary as JSON (`cohort@1`), for further processing."""

from __future__ import annotations

import json
from typing import Any

from ...analysis.cohort import Cohort
from ..formats import PLAIN, Options

COHORT_SCHEMA = "ontwikkelscan/cohort@1"


SD_NOTE = "sample (n-1)"


def cohort_dict(cohort: Cohort) -> dict[str, Any]:
    return {
        "schema": COHORT_SCHEMA,
        "respondents": cohort.respondents,
        "municipality_types": cohort.types,
        "bank": {"version": cohort.bank.version, "sha256": cohort.bank.sha256},
        "sd": SD_NOTE,
        "competencies": [
            {"id": s.competency.id, "name": s.competency.name, "kind": s.competency.kind,
             "n": s.n, "mean": s.mean, "sd": s.sd, "min": s.min, "max": s.max,
             "targets": s.targets, "with_target": s.with_target, "below_target": s.below_target,
             "statuses": s.statuses}
            for s in cohort.competencies
        ],
    }


def render_cohort_json(cohort: Cohort, options: Options = PLAIN) -> str:
    return json.dumps(cohort_dict(cohort), ensure_ascii=False, indent=2) + "\n"
