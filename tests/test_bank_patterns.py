"""The shipped bank's development points follow the answers, not only the type (issue 11).

Runs bench/bank_patterns.py's answer patterns through the real report command and pins the
numbers that docs/bank-review.md reports, so that a change of targets has to face them again.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def patterns() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bank_patterns", ROOT / "bench" / "bank_patterns.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("contexts", "summary"), [
    ([], "30 of 36 planted lower competencies in the top 3; in 3 of 18 rows the top 3 are only competencies "
         "with the type's highest target"),
    (["onrustige-periode"], "31 of 36 planted lower competencies in the top 3; in 2 of 18 rows the top 3 are "
                            "only competencies with the type's highest target"),
    (["organische-ontwikkeling"], "31 of 36 planted lower competencies in the top 3; in 3 of 18 rows the top 3 "
                                  "are only competencies with the type's highest target"),
])
def test_the_planted_lower_competencies_lead_the_development_points(tmp_path: Path, contexts: list[str],
                                                                     summary: str) -> None:
    bench = patterns()
    rows, types = bench.run(ROOT / "data", tmp_path, "after", contexts)
    assert bench.summary(rows, types) == summary


def test_a_capable_secretary_meets_most_targets_and_a_generous_style_nearly_all(tmp_path: Path) -> None:
    bench = patterns()
    rows, _ = bench.run(ROOT / "data", tmp_path, "after", [])
    # "vaak" everywhere, with two competencies a level lower and one higher (see the review's table).
    assert {t: round(rows[(t, "capable")]["fit"], 2) for t in ("regie", "ontwikkel", "beheer")} == {
        "regie": 0.55, "ontwikkel": 0.73, "beheer": 0.5}
    assert {t: round(rows[(t, "generous")]["fit"], 2) for t in ("regie", "ontwikkel", "beheer")} == {
        "regie": 0.91, "ontwikkel": 1.0, "beheer": 1.0}
    assert rows[("beheer", "strong")]["top"] == ["communicatieve-vaardigheid", "zelfreflectie",
                                                 "resultaatgerichtheid"]
