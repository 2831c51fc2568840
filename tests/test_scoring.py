"""Scoring pinned to docs/formats.md section 3, rule by rule, boundary by boundary."""

from __future__ import annotations

import math
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ontwikkelscan.models import AnswerSheet, Bank, MunicipalityType
from ontwikkelscan.analysis.scoring import competency_score, keyed, score, status_for, summarize
from ontwikkelscan.files.bank import load_bank

from .conftest import QUESTIONS, BankMaker, fixture_bank


def sheet(**answers: int | None) -> AnswerSheet:
    return AnswerSheet(source="t.yaml", answers=MappingProxyType({k.replace("_", "-"): v for k, v in answers.items()}))


# alpha: a-1, a-2 (reverse), a-3 (weight 2), a-4; beta: b-1, b-2, b-3 (reverse); gamma: g-1..g-3
@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"a_1": 4, "a_2": 2, "a_3": 4, "a_4": 4}, (4.0, 4)),  # reverse: 6 - 2 = 4
        ({"a_1": 5, "a_2": 5, "a_3": 5, "a_4": 5}, ((5 + 1 + 2 * 5 + 5) / 5, 4)),  # weight 2 on a-3
        ({"a_1": 1, "a_3": 4}, ((1 + 8) / 3, 2)),  # exactly half answered (2 of 4): scored
        ({"a_1": 1, "a_2": None}, (None, 1)),  # null is skipped: 1 of 4 < 2
        ({"a_1": 3}, (None, 1)),  # missing counts as unanswered
        ({}, (None, 0)),
    ],
)
def test_competency_score_rules(bank: Bank, answers: dict[str, int | None], expected: tuple[float | None, int]) -> None:
    value, answered = competency_score(bank, "alpha", sheet(**answers).answers)
    assert answered == expected[1]
    if expected[0] is None:
        assert value is None
    else:
        assert value == pytest.approx(expected[0], abs=1e-12)


def test_half_rounds_up_for_an_odd_number_of_items(bank: Bank) -> None:
    # beta has 3 items: ceil(3/2) = 2 needed
    assert competency_score(bank, "beta", sheet(b_1=4).answers) == (None, 1)
    assert competency_score(bank, "beta", sheet(b_1=4, b_3=1).answers) == (4.5, 2)


@pytest.mark.parametrize(
    ("gap", "status"),
    [
        (-2.0, "development"), (-0.5, "development"), (-0.5 + 5e-10, "development"),
        (-0.4999, "attention"), (-1e-6, "attention"),
        (-5e-10, "on_target"), (0.0, "on_target"), (0.4999, "on_target"),
        (0.5 - 5e-10, "strength"), (0.5, "strength"), (1.5, "strength"),
    ],
)
def test_status_bands_and_tolerance(gap: float, status: str) -> None:
    assert status_for(gap) == status


def test_report_statuses_targets_and_summary(bank: Bank) -> None:
    answers = sheet(a_1=3, a_2=3, a_3=3, a_4=3,  # alpha 3.0, target 4 -> gap -1 development
                    b_1=4, b_2=3, b_3=3,  # beta (4+3+3)/3 = 3.333, target 3 -> on_target
                    g_1=5, g_2=5, g_3=None)  # gamma 5.0, target 4 -> strength
    report = score(bank, answers, bank.types["regie"])
    got = [(r.competency.id, r.score, r.target, r.gap, r.status) for r in report.results]
    assert got[0] == ("alpha", 3.0, 4.0, -1.0, "development")
    assert got[1][0] == "beta" and got[1][1] == pytest.approx(10 / 3) and got[1][4] == "on_target"
    assert got[2] == ("gamma", 5.0, 4.0, 1.0, "strength")
    assert report.summary.fit == pytest.approx(2 / 3)
    assert report.summary.development == ("alpha",)
    assert report.summary.strengths == ("gamma",)


def test_not_required_and_insufficient_data(bank: Bank) -> None:
    answers = sheet(a_1=4, a_2=2, a_3=4, a_4=4, b_1=2, g_1=5, g_2=5)
    report = score(bank, answers, bank.types["beheer"])  # beheer has no target for gamma
    by_id = {r.competency.id: r for r in report.results}
    assert (by_id["gamma"].status, by_id["gamma"].target, by_id["gamma"].gap) == ("not_required", None, None)
    assert by_id["gamma"].score == 5.0
    assert (by_id["beta"].status, by_id["beta"].score, by_id["beta"].target) == ("insufficient_data", None, 4.0)
    assert report.summary.fit == 1.0  # only alpha has both a target and a score; gap +1
    assert report.summary.strengths == ("alpha",)


def test_fit_is_none_without_scored_targets(bank: Bank) -> None:
    report = score(bank, sheet(), bank.types["regie"])
    assert report.summary.fit is None
    assert {r.status for r in report.results} == {"insufficient_data"}


def test_development_worst_first_and_strengths_largest_first(bank: Bank) -> None:
    mtype = MunicipalityType("x", "X", MappingProxyType({"alpha": 5.0, "beta": 5.0, "gamma": 1.0}))
    answers = sheet(a_1=4, a_2=2, a_3=4, a_4=4, b_1=2, b_2=2, b_3=4, g_1=3, g_2=3, g_3=3)
    report = score(bank, answers, mtype)
    assert report.summary.development == ("beta", "alpha")  # -3 before -1
    assert report.summary.strengths == ("gamma",)


def test_gaps_equal_within_the_tolerance_keep_bank_order(bank: Bank) -> None:
    # two gaps that are -17/15 exactly but were computed along different paths, a last bit apart
    alpha = -17 / 15
    beta = math.nextafter(alpha, -math.inf)
    results = [r._replace(gap=gap, status="development") for r, gap in zip(
        score(bank, sheet(), MunicipalityType("x", "X", MappingProxyType({}))).results, (alpha, beta), strict=False)]
    assert summarize(results).development == ("alpha", "beta")
    assert summarize([r._replace(gap=-gap, status="strength") for r, gap in zip(results, (alpha, beta), strict=False)]
                     ).strengths == ("alpha", "beta")


answer_values = st.one_of(st.none(), st.integers(1, 5))


@given(st.dictionaries(st.sampled_from(["a-1", "a-2", "a-3", "a-4", "b-1", "b-2", "b-3", "g-1", "g-2", "g-3"]),
                       answer_values))
def test_scores_stay_on_the_scale_and_statuses_match_gaps(answers: dict[str, int | None]) -> None:
    bank = _BANK  # hypothesis does not mix with function-scoped fixtures
    report = score(bank, AnswerSheet("h.yaml", MappingProxyType(answers)), bank.types["regie"])
    for r in report.results:
        if r.score is not None:
            assert 1 - 1e-12 <= r.score <= 5 + 1e-12
            assert r.gap is None or math.isclose(r.gap, r.score - (r.target or 0))
        assert (r.status == "insufficient_data") == (r.score is None)
    if report.summary.fit is not None:
        assert 0 <= report.summary.fit <= 1


_BANK = fixture_bank()


# Scoring tables on scales that do not start at 1: reverse keying is min + max - v, so a
# 0-4 scale turns 1 into 3 (max + 1 - v would give 4) and a 1-7 scale turns 2 into 6.
SCALE_0_4 = QUESTIONS.replace(
    "  min: 1\n  max: 5\n  labels: {1: \"nooit\", 2: \"soms\", 3: \"regelmatig\", 4: \"vaak\", 5: \"altijd\"}",
    "  min: 0\n  max: 4\n  labels: {0: \"nooit\", 1: \"soms\", 2: \"regelmatig\", 3: \"vaak\", 4: \"altijd\"}")
SCALE_1_7 = QUESTIONS.replace(
    "  max: 5\n  labels: {1: \"nooit\", 2: \"soms\", 3: \"regelmatig\", 4: \"vaak\", 5: \"altijd\"}",
    "  max: 7\n  labels: {1: \"1\", 2: \"2\", 3: \"3\", 4: \"4\", 5: \"5\", 6: \"6\", 7: \"7\"}")


@pytest.mark.parametrize(("questions", "table"), [
    (SCALE_0_4, [(0, 4), (1, 3), (2, 2), (3, 1), (4, 0)]),
    (SCALE_1_7, [(1, 7), (2, 6), (3, 5), (4, 4), (5, 3), (6, 2), (7, 1)]),
])
def test_reverse_keying_table(make_bank: BankMaker, questions: str, table: list[tuple[int, int]]) -> None:
    bank = load_bank(make_bank(questions=questions))
    reverse, plain = bank.question_index["a-2"], bank.question_index["a-1"]
    assert [(v, keyed(reverse, v, bank.scale)) for v, _ in table] == table
    assert [keyed(plain, v, bank.scale) for v, _ in table] == [v for v, _ in table]


@pytest.mark.parametrize(("questions", "answers", "expected"), [
    # 0-4: alpha (0 + (4-1) + 2*4 + 2) / 5 = 13/5; beta (4 + 3 + (4-0)) / 3 = 11/3; gamma 1 of 3 twice
    (SCALE_0_4, {"a-1": 0, "a-2": 1, "a-3": 4, "a-4": 2, "b-1": 4, "b-2": 3, "b-3": 0, "g-1": 1, "g-2": 1},
     [("alpha", 2.6, -1.4, "development"), ("beta", 11 / 3, 11 / 3 - 3, "strength"),
      ("gamma", 1.0, -3.0, "development")]),
    (SCALE_0_4, {"a-1": 4, "a-2": 4, "a-3": 0, "a-4": 4, "b-1": 0, "b-2": 0, "b-3": 4, "g-1": 4, "g-2": 4, "g-3": 4},
     [("alpha", 1.6, -2.4, "development"), ("beta", 0.0, -3.0, "development"), ("gamma", 4.0, 0.0, "on_target")]),
    # 1-7: alpha (7 + (8-2) + 2*5 + 1) / 5 = 24/5; beta (1 + 7 + (8-7)) / 3 = 3; gamma (4 + 5 + 6) / 3 = 5
    (SCALE_1_7, {"a-1": 7, "a-2": 2, "a-3": 5, "a-4": 1, "b-1": 1, "b-2": 7, "b-3": 7, "g-1": 4, "g-2": 5, "g-3": 6},
     [("alpha", 4.8, 0.8, "strength"), ("beta", 3.0, 0.0, "on_target"), ("gamma", 5.0, 1.0, "strength")]),
    (SCALE_1_7, {"a-1": 1, "a-2": 7, "a-3": 1, "b-1": 7, "b-3": 1, "g-1": 7, "g-2": None},
     [("alpha", 1.0, -3.0, "development"), ("beta", 7.0, 4.0, "strength"), ("gamma", None, None, "insufficient_data")]),
])
def test_scoring_table_on_other_scales(make_bank: BankMaker, questions: str, answers: dict[str, int | None],
                                       expected: list[tuple[str, float | None, float | None, str]]) -> None:
    bank = load_bank(make_bank(questions=questions))
    report = score(bank, AnswerSheet("t.yaml", MappingProxyType(answers)), bank.types["regie"])
    got = [(r.competency.id, r.score, r.gap, r.status) for r in report.results]
    assert [(c, s, status) for c, s, _, status in got] == [(c, s, status) for c, s, _, status in expected]
    for (_, _, gap, _), (_, _, want, _) in zip(got, expected, strict=True):
        assert gap == (None if want is None else pytest.approx(want, abs=1e-12))


@pytest.mark.parametrize(("items", "need"), [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3)])
def test_half_the_items_rounded_up_also_for_one_or_two(items: int, need: int) -> None:
    from ontwikkelscan.analysis.scoring import items_score, needed
    from ontwikkelscan.models import Question

    assert needed(items) == need
    questions = [Question(f"q-{i}", "alpha", f"Ik doe {i}.") for i in range(items)]
    scale = fixture_bank().scale
    answers = {f"q-{i}": 4 for i in range(need)}
    assert items_score(questions, answers, scale) == (4.0, need)
    fewer = {f"q-{i}": 4 for i in range(need - 1)}
    assert items_score(questions, fewer, scale) == (None, need - 1)


def test_the_tolerance_band_edges_count_as_the_boundary() -> None:
    from ontwikkelscan.analysis.scoring import TOLERANCE

    assert [status_for(g) for g in (-0.5 + TOLERANCE, -TOLERANCE, 0.5 - TOLERANCE)] == [
        "development", "on_target", "strength"]
    assert [status_for(g) for g in (-0.5 + 2 * TOLERANCE, -2 * TOLERANCE, 0.5 - 2 * TOLERANCE)] == [
        "attention", "attention", "on_target"]
