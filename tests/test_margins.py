"""The margin of a competency score and the borderline flag (docs/reports.md, "Marge"), against
hand-computed values and an independent recomputation from the formula."""

from __future__ import annotations

import math
import statistics
from fractions import Fraction
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontwikkelscan.analysis.scoring import is_borderline, score
from ontwikkelscan.analysis.stats import weighted_margin
from ontwikkelscan.models import AnswerSheet, Bank
from ontwikkelscan.render.report.jsonout import report_dict

from .conftest import bank_outside_a_test, fixture_bank

SHIPPED = bank_outside_a_test()
FIXTURE = fixture_bank()


def independent_margin(scores: list[int], weights: list[float]) -> float | None:
    """The formula of issue 20, term by term in exact fractions; the square root last."""
    if len(scores) < 2:
        return None
    s = [Fraction(v) for v in scores]
    w = [Fraction(v) for v in weights]
    total = sum(w)
    m = sum(wi * si for wi, si in zip(w, s)) / total
    n_eff = total**2 / sum(wi**2 for wi in w)
    return math.sqrt(float(sum(wi * (si - m) ** 2 for wi, si in zip(w, s)) / total / (n_eff - 1)))


def test_the_worked_example_of_the_docs() -> None:
    # docs/reports.md: answers 4, 2 (reverse: 4), 3 (weight 2), 5 -> score 3,8, margin exactly 7/15
    assert weighted_margin([4, 4, 3, 5], [1, 1, 2, 1]) == pytest.approx(7 / 15, abs=1e-15)
    sheet = AnswerSheet("t.yaml", MappingProxyType({"a-1": 4, "a-2": 2, "a-3": 3, "a-4": 5}))
    alpha = score(FIXTURE, sheet, FIXTURE.types["regie"]).results[0]
    assert (alpha.score, alpha.gap, alpha.status) == (pytest.approx(3.8), pytest.approx(-0.2), "attention")
    assert alpha.margin == pytest.approx(7 / 15, abs=1e-15)
    assert alpha.borderline is True  # -0,2 ± 0,47 spans both -0,5 and 0


@pytest.mark.parametrize(("scores", "weights", "expected"), [
    ([3, 4], [1, 1], 0.5),  # sd 0.7071 over √2
    ([4, 4, 4, 4], [1, 1, 1, 1], 0.0),  # all equal: no spread, margin 0 (not None)
    ([2, 4], [1, 3], math.sqrt(0.75 / (16 / 10 - 1))),  # m 3.5, Σw(s-m)²/Σw 0.75, n_eff 1.6
    ([5], [1], None),  # one item: no margin
    ([], [], None),
])
def test_margin_values(scores: list[int], weights: list[float], expected: float | None) -> None:
    found = weighted_margin(scores, weights)
    assert found == (None if expected is None else pytest.approx(expected, abs=1e-15))


@given(st.lists(st.integers(1, 5), min_size=2, max_size=12))
def test_equal_weights_give_the_sd_over_root_k(scores: list[int]) -> None:
    expected = statistics.stdev(scores) / math.sqrt(len(scores))
    assert weighted_margin(scores, [1.0] * len(scores)) == pytest.approx(expected, abs=1e-12)


@given(st.lists(st.tuples(st.integers(1, 7), st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0, 10.0])), min_size=0,
                max_size=10))
def test_margin_against_an_exact_recomputation(items: list[tuple[int, float]]) -> None:
    scores, weights = [s for s, _ in items], [w for _, w in items]
    expected = independent_margin(scores, weights)
    found = weighted_margin(scores, weights)
    assert (found is None) == (expected is None)
    if expected is not None:
        assert found == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(("gap", "margin", "expected"), [
    (-0.2, 0.4, True),  # -0,6 .. 0,2: -0,5 and 0 inside
    (-0.2, 0.1, False),  # -0,3 .. -0,1: no threshold inside
    (-0.5, 0.0, False),  # no spread, on the threshold: not strictly inside
    (-0.5, 0.01, True),
    (0.25, 0.25, False),  # 0 .. 0,5: both thresholds on the edges, none strictly inside
    (1.2, 0.3, False),
    (0.7, 0.3, True),
    (None, 0.3, None),  # no target: no gap, no flag
    (-0.4, None, None),  # one answered item: no margin, no flag
])
def test_borderline(gap: float | None, margin: float | None, expected: bool | None) -> None:
    assert is_borderline(gap, margin) is expected


def _answers(bank: Bank, values: list[int | None]) -> MappingProxyType[str, int | None]:
    return MappingProxyType({q.id: v for q, v in zip(bank.questions, values)})


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_the_json_report_against_an_independent_recompute(data: st.DataObject) -> None:
    """Per competency of the shipped bank: margin and borderline from the raw answers, the bank's
    weights and reverse keys, and the three thresholds of docs/formats.md section 3."""
    bank = SHIPPED
    values = data.draw(st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=len(bank.questions),
                                max_size=len(bank.questions)))
    mtype = data.draw(st.sampled_from(sorted(bank.types)))
    answers = _answers(bank, values)
    document = report_dict(score(bank, AnswerSheet("t.yaml", answers), bank.types[mtype]))
    for competency in document["competencies"]:
        asked = [q for q in bank.questions if q.competency == competency["id"] and not q.contexts]
        given_ = [(6 - answers[q.id] if q.reverse else answers[q.id], q.weight)  # type: ignore[operator]
                  for q in asked if answers.get(q.id) is not None]
        if competency["score"] is None:
            assert competency["margin"] is None
        else:
            expected = independent_margin([s for s, _ in given_], [w for _, w in given_])
            assert competency["margin"] == (None if expected is None else pytest.approx(expected, abs=1e-12))
        gap, margin = competency["gap"], competency["margin"]
        if gap is None or margin is None:
            assert competency["borderline"] is None
        elif all(abs(abs(gap - t) - margin) > 1e-6 for t in (-0.5, 0.0, 0.5)):  # off the edges
            assert competency["borderline"] is any(gap - margin < t < gap + margin for t in (-0.5, 0.0, 0.5))
    summary = document["summary"]
    by_id = {c["id"]: c for c in document["competencies"]}
    clear = [c for c in summary["development"] if not by_id[c]["borderline"]]
    assert summary["priorities"] == (clear or summary["development"])[:3]


@settings(max_examples=300)
@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=1, max_size=12), st.lists(st.booleans(), min_size=12))
def test_the_unweighted_way_gives_the_weighted_numbers_bit_for_bit(values: list[int | None], reverse: list[bool]) -> None:
    """scored_items takes a shortcut when every weight is 1 (the shipped bank): the same floats as the weighted sums."""
    from ontwikkelscan.analysis.scoring import scored_items
    from ontwikkelscan.models import Question, Scale

    items = [Question(f"q-{i}", "c", "t", reverse=reverse[i]) for i in range(len(values))]
    answers = {q.id: v for q, v in zip(items, values, strict=False)}
    scale = Scale(1, 5, {})
    shortcut = scored_items(items, answers, scale, unweighted=True)
    assert shortcut == scored_items(items, answers, scale, unweighted=False)  # the weighted loop
    keyed = [6 - v if q.reverse else v for q, v in zip(items, values, strict=True) if v is not None]
    if shortcut[0] is not None:
        total = 0.0
        for s in keyed:
            total += 1.0 * s
        assert shortcut == (total / float(len(keyed)), len(keyed), weighted_margin(keyed, [1.0] * len(keyed)))
