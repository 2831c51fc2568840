"""Contexts, roles and the relative view in scoring (docs/formats.md section 3 rule 8, section 7), pinned to exact tables."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontwikkelscan.analysis.scoring import competency_score, relative_scores, score, targets
from ontwikkelscan.models import AnswerSheet, Bank, Context, MunicipalityType, RoleResult

from .conftest import bank_outside_a_test, fixture_bank
from .contextkit import CONTEXT_COMPETENCIES
from .contextkit import context_bank

BANK = context_bank()
ALL_FOURS = {q.id: 4 for q in BANK.questions}


def sheet(answers: dict[str, int | None], contexts: tuple[str, ...] | None = None) -> AnswerSheet:
    return AnswerSheet("t.yaml", MappingProxyType(answers), contexts=contexts)


def contexts(*ids: str) -> tuple[Context, ...]:
    return tuple(BANK.contexts[i] for i in ids)


@pytest.mark.parametrize(
    ("mtype", "chosen", "expected"),
    [
        ("regie", (), {"alpha": 4.0, "beta": 3.0, "gamma": 4.0}),
        ("regie", ("fusie",), {"alpha": 4.0, "beta": 4.5, "gamma": 4.0}),  # gamma: max(4, 3)
        ("regie", ("onrust",), {"alpha": 4.0, "beta": 3.0, "gamma": 4.0}),  # alpha: max(4, 3.5), never lower
        ("beheer", (), {"alpha": 3.0, "beta": 4.0}),  # gamma not required
        ("beheer", ("fusie",), {"alpha": 3.0, "beta": 4.5, "gamma": 3.0}),  # the context makes gamma required
        ("beheer", ("onrust", "fusie"), {"alpha": 3.5, "beta": 4.5, "gamma": 3.0}),
    ],
)
def test_targets_combine_as_the_maximum(mtype: str, chosen: tuple[str, ...], expected: dict[str, float]) -> None:
    assert targets(BANK.types[mtype], contexts(*chosen)) == expected
    report = score(BANK, sheet(ALL_FOURS), BANK.types[mtype], contexts(*chosen))
    assert {r.competency.id: r.target for r in report.results if r.target is not None} == expected
    assert [c.id for c in report.contexts] == list(chosen)


@pytest.mark.parametrize(
    ("answers", "chosen", "expected"),
    [
        ({"b-1": 4, "b-2": 4}, (), (4.0, 2)),  # 2 of 3: scored
        ({"b-1": 4, "b-2": 4}, ("fusie",), (4.0, 2)),  # 2 of 4: still half
        ({"b-1": 4, "b-4": 2}, (), (None, 1)),  # b-4 does not apply: 1 of 3
        ({"b-1": 4, "b-4": 2}, ("fusie",), (3.0, 2)),  # it does with fusie: 2 of 4
        ({"b-1": 4}, ("fusie",), (None, 1)),  # 1 of 4
        ({"b-4": 5}, ("onrust",), (None, 0)),  # another context: b-4 is not asked
    ],
)
def test_context_questions_count_only_with_their_context(answers: dict[str, int | None], chosen: tuple[str, ...],
                                                         expected: tuple[float | None, int]) -> None:
    assert competency_score(BANK, "beta", answers, chosen) == expected
    result = score(BANK, sheet(answers), BANK.types["regie"], contexts(*chosen)).results[1]
    assert (result.score, result.answered, result.items) == (*expected, 4 if chosen == ("fusie",) else 3)


def test_g4_applies_with_either_of_its_contexts() -> None:
    items = {c: score(BANK, sheet(ALL_FOURS), BANK.types["regie"], contexts(*c)).results[2].items
             for c in [(), ("fusie",), ("onrust",), ("fusie", "onrust")]}
    assert items == {(): 3, ("fusie",): 4, ("onrust",): 4, ("fusie", "onrust"): 4}


def test_roles_and_relative_view_all_fours() -> None:
    report = score(BANK, sheet(ALL_FOURS), BANK.types["regie"], ())
    # organisatie a-1 b-1 b-2 g-3; bestuur a-2 (reverse: 2) a-3 (weight 2) g-1; samenleving a-4 b-3 (reverse) g-2
    assert report.roles == (RoleResult("organisatie", "Leider van de organisatie", 4.0, 4, 4),
                            RoleResult("bestuur", "Adviseur van het bestuur", 3.5, 3, 3),
                            RoleResult("samenleving", "Verbinder met de samenleving", pytest.approx(10 / 3), 3, 3))
    scores = [3.6, 10 / 3, 4.0]  # alpha (4 + 2 + 2*4 + 4) / 5, beta (4 + 4 + 2) / 3, gamma 4
    mean = sum(scores) / 3
    assert [r.score for r in report.results] == pytest.approx(scores)
    assert [r.relative for r in report.results] == pytest.approx([s - mean for s in scores])
    fusie = score(BANK, sheet(ALL_FOURS), BANK.types["regie"], contexts("fusie"))
    assert fusie.roles[1] == RoleResult("bestuur", "Adviseur van het bestuur", pytest.approx(22 / 6), 5, 5)


def test_role_below_half_coverage_is_none() -> None:
    report = score(BANK, sheet({"a-1": 5, "a-2": 1}), BANK.types["regie"], ())
    assert report.roles[0] == RoleResult("organisatie", "Leider van de organisatie", None, 1, 4)
    assert report.roles[1] == RoleResult("bestuur", "Adviseur van het bestuur", None, 1, 3)  # 1 < 2 of 3


def test_relative_is_none_where_the_score_is_and_the_mean_skips_it() -> None:
    assert relative_scores([4.0, None, 3.0]) == [0.5, None, -0.5]
    assert relative_scores([None, None]) == [None, None]


def test_the_sheet_contexts_apply_unless_the_option_gives_others() -> None:
    file_says = sheet(ALL_FOURS, contexts=("fusie",))
    assert [c.id for c in score(BANK, file_says, BANK.types["regie"]).contexts] == ["fusie"]
    assert score(BANK, file_says, BANK.types["regie"], contexts("onrust")).results[1].target == 3.0
    assert score(BANK, file_says, BANK.types["regie"], ()).contexts == ()


def test_a_bank_without_roles_has_no_role_scores() -> None:
    bank = fixture_bank()
    assert score(bank, sheet({"a-1": 4}), bank.types["regie"]).roles == ()


LEVELS = st.sampled_from([1.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0])
CONTEXT = st.builds(lambda t: Context("x", "X", MappingProxyType(t)),
                    st.dictionaries(st.sampled_from(["alpha", "beta", "gamma"]), LEVELS))


@given(st.dictionaries(st.sampled_from(["alpha", "beta", "gamma"]), LEVELS), st.lists(CONTEXT, max_size=3), CONTEXT)
def test_adding_a_context_never_lowers_a_target(base: dict[str, float], chosen: list[Context], extra: Context) -> None:
    mtype = MunicipalityType("t", "T", MappingProxyType(base))
    before, after = targets(mtype, chosen), targets(mtype, [*chosen, extra])
    assert set(before) <= set(after)
    assert all(after[c] >= before[c] for c in before)
    assert all(after[c] >= extra.targets[c] for c in extra.targets)


ANSWERS = st.dictionaries(st.sampled_from(sorted(ALL_FOURS)), st.one_of(st.none(), st.integers(1, 5)))
CHOICES = st.sampled_from([(), ("fusie",), ("onrust",), ("fusie", "onrust")])


@given(ANSWERS, CHOICES)
def test_relative_values_sum_to_zero_over_scored_competencies(answers: dict[str, int | None],
                                                              chosen: tuple[str, ...]) -> None:
    report = score(BANK, sheet(answers), BANK.types["regie"], contexts(*chosen))
    scored = [r for r in report.results if r.score is not None]
    assert sum(r.relative or 0.0 for r in scored) == pytest.approx(0.0, abs=1e-9)
    assert all((r.relative is None) == (r.score is None) for r in report.results)
    for role in report.roles:
        assert role.score is None or 1 <= role.score <= 5


def straight(bank: Bank) -> Bank:
    """The bank without reverse-keyed items."""
    questions = tuple(q._replace(reverse=False) for q in bank.questions)
    return bank._replace(questions=questions, question_index=MappingProxyType({q.id: q for q in questions}),
                         items=MappingProxyType({c: tuple(q._replace(reverse=False) for q in items)
                                                 for c, items in bank.items.items()}))


STRAIGHT = straight(BANK)


@settings(max_examples=60)
@given(st.dictionaries(st.sampled_from(sorted(ALL_FOURS)), st.one_of(st.none(), st.integers(1, 4))), CHOICES)
def test_a_uniform_shift_leaves_relative_unchanged(answers: dict[str, int | None], chosen: tuple[str, ...]) -> None:
    shifted = {k: None if v is None else v + 1 for k, v in answers.items()}
    low = score(STRAIGHT, sheet(answers), STRAIGHT.types["regie"], contexts(*chosen))
    high = score(STRAIGHT, sheet(shifted), STRAIGHT.types["regie"], contexts(*chosen))
    assert [r.relative for r in high.results] == pytest.approx([r.relative for r in low.results], abs=1e-9)
    assert [r.score for r in high.results] == pytest.approx([None if r.score is None else r.score + 1
                                                             for r in low.results])


def test_a_competency_with_nothing_asked_is_not_asked_not_insufficient() -> None:
    from tests.test_contexts_bank import GAMMA_ONLY_IN_FUSIE

    bank = bank_outside_a_test(CONTEXT_COMPETENCIES, GAMMA_ONLY_IN_FUSIE)
    answers = {q.id: 4 for q in bank.questions}
    plain = score(bank, sheet(answers), bank.types["regie"], ())
    gamma = plain.results[2]
    assert (gamma.competency.id, gamma.score, gamma.answered, gamma.items, gamma.target, gamma.status) == (
        "gamma", None, 0, 0, 4.0, "not_asked")
    assert plain.summary.fit == 0.5  # beta on target, alpha (a reverse item) below; gamma counts neither way
    with_fusie = score(bank, sheet(answers), bank.types["regie"], (bank.contexts["fusie"],))
    assert (with_fusie.results[2].items, with_fusie.results[2].status) == (4, "on_target")
    empty = score(bank, sheet({}), bank.types["regie"], ())
    assert [r.status for r in empty.results] == ["insufficient_data", "insufficient_data", "not_asked"]
