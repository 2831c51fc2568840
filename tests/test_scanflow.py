"""The scan's state machine through a scripted asker: order, answer, n.v.t., back, pause, Ctrl-C."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ontwikkelscan.models import Bank, MunicipalityType, Question, Scale
from ontwikkelscan.scan.flow import Answers, Item, Move, Outcome, Reply, Scan, default_out, order_questions, run, slug

INTERRUPT = "ctrl-c"


class ScriptedAsker:
    """Replies from a script; INTERRUPT raises KeyboardInterrupt as a Ctrl-C in a prompt would."""

    def __init__(self, script: Sequence[Reply | str]) -> None:
        self.script = list(script)
        self.asked: list[tuple[int, str, bool, int | None]] = []

    def item(self, item: Item) -> Reply:
        self.asked.append((item.number, item.question.id, item.answered, item.previous))
        step = self.script.pop(0)
        if step == INTERRUPT:
            raise KeyboardInterrupt
        assert not isinstance(step, str)
        return step

    def welcome(self, total: int) -> None:
        raise AssertionError("not part of the flow")

    def say(self, text: str) -> None:
        raise AssertionError("not part of the flow")

    def respondent(self) -> tuple[str, str]:
        raise AssertionError("not part of the flow")

    def municipality_type(self, types: Sequence[MunicipalityType]) -> str:
        raise AssertionError("not part of the flow")

    def confirm_overwrite(self, path: Path) -> bool:
        raise AssertionError("not part of the flow")


def drive(bank: Bank, script: Sequence[Reply | str], answers: Answers | None = None,
          ) -> tuple[Scan, ScriptedAsker, list[dict[str, int | None]], Outcome | None]:
    """Run the flow in bank order; returns the state, the asker, every save, and the outcome."""
    scan = Scan(bank.questions, answers or {}, can_skip=True)
    asker = ScriptedAsker(script)
    saves: list[dict[str, int | None]] = []
    outcome = None
    try:
        outcome = run(scan, asker, lambda a: saves.append(dict(a)))
    except KeyboardInterrupt:
        pass
    assert asker.script == [], "the flow stopped before the script ended"
    return scan, asker, saves, outcome


def ids(questions: Sequence[Question]) -> list[str]:
    return [q.id for q in questions]


# --- order ---------------------------------------------------------------------------------


def test_bank_order_without_a_seed(bank: Bank) -> None:
    assert order_questions(bank, None) == bank.questions


def test_mixed_order_is_a_seeded_permutation_without_neighbours(bank: Bank) -> None:
    order = order_questions(bank, 12345)
    assert sorted(ids(order)) == sorted(ids(bank.questions))
    assert order == order_questions(bank, 12345)
    assert all(a.competency != b.competency for a, b in pairwise(order))
    assert len({tuple(ids(order_questions(bank, seed))) for seed in range(1, 21)}) > 10


def test_mixed_order_of_an_unbalanced_bank_repeats_only_what_it_must() -> None:
    # 5 items of one competency and 1 of another: at best x y x x x x (3 repeats).
    questions = tuple(Question(f"{c}-{i}", c, "t") for c, n in (("x", 5), ("y", 1)) for i in range(n))
    bank = _bank(questions)
    for seed in range(1, 30):
        order = order_questions(bank, seed)
        assert sorted(ids(order)) == sorted(ids(questions))
        assert sum(a.competency == b.competency for a, b in pairwise(order)) == 3


@given(st.lists(st.integers(min_value=1, max_value=8), min_size=1, max_size=6), st.integers(1, 2**31 - 1))
def test_mixed_order_has_no_neighbours_whenever_possible(counts: list[int], seed: int) -> None:
    questions = tuple(Question(f"c{c}-{i}", f"c{c}", "t") for c, n in enumerate(counts) for i in range(n))
    order = order_questions(_bank(questions), seed)
    assert sorted(ids(order)) == sorted(ids(questions))
    biggest, total = max(counts), sum(counts)
    if biggest <= total - biggest + 1:
        assert all(a.competency != b.competency for a, b in pairwise(order))


def _bank(questions: tuple[Question, ...]) -> Bank:
    return Bank(competencies=(), questions=questions, scale=Scale(1, 5, {}), types={}, version="x", sha256="0")


# --- the flow ------------------------------------------------------------------------------


def test_answers_and_skips_every_question_saving_after_each(bank: Bank) -> None:
    script: list[Reply | str] = [4, Move.SKIP, 1, 2, 3, 5, 4, 3, 2, 1]
    scan, asker, saves, outcome = drive(bank, script)
    assert outcome is Outcome.FINISHED
    assert [number for number, *_ in asker.asked] == list(range(1, 11))
    assert saves[0] == {"a-1": 4}
    assert saves[1] == {"a-1": 4, "a-2": None}
    assert len(saves) == 10
    assert saves[-1] == dict(zip(ids(bank.questions), [4, None, 1, 2, 3, 5, 4, 3, 2, 1], strict=True))
    assert scan.finished and scan.done == 10


def test_back_at_the_first_question_asks_it_again_and_saves_nothing(bank: Bank) -> None:
    _, asker, saves, _ = drive(bank, [Move.BACK, 3, INTERRUPT])
    assert asker.asked == [(1, "a-1", False, None), (1, "a-1", False, None), (2, "a-2", False, None)]
    assert saves == [{"a-1": 3}]


def test_back_in_the_middle_shows_the_earlier_reply_and_walks_forward_again(bank: Bank) -> None:
    _, asker, saves, _ = drive(bank, [4, Move.SKIP, 2, Move.BACK, Move.BACK, 5, 2, 1, INTERRUPT])
    assert asker.asked == [
        (1, "a-1", False, None), (2, "a-2", False, None), (3, "a-3", False, None),
        (4, "a-4", False, None),            # back
        (3, "a-3", True, 2),                # back
        (2, "a-2", True, None),             # skipped before; now 5
        (3, "a-3", True, 2),                # unchanged: not saved again
        (4, "a-4", False, None),            # 1
        (5, "b-1", False, None),
    ]
    assert saves == [{"a-1": 4}, {"a-1": 4, "a-2": None}, {"a-1": 4, "a-2": None, "a-3": 2},
                     {"a-1": 4, "a-2": 5, "a-3": 2}, {"a-1": 4, "a-2": 5, "a-3": 2, "a-4": 1}]


def test_pause_stops_without_saving_again(bank: Bank) -> None:
    scan, asker, saves, outcome = drive(bank, [2, 3, Move.PAUSE])
    assert outcome is Outcome.PAUSED
    assert saves == [{"a-1": 2}, {"a-1": 2, "a-2": 3}]
    assert scan.position == 2 and not scan.finished


@pytest.mark.parametrize("at", [0, 4, 9])
def test_ctrl_c_keeps_every_answer_given_before_it(bank: Bank, at: int) -> None:
    scan, asker, saves, outcome = drive(bank, [3] * at + [INTERRUPT])
    assert outcome is None
    assert asker.asked[-1][:2] == (at + 1, bank.questions[at].id)
    assert len(saves) == at
    assert scan.answers == {q.id: 3 for q in bank.questions[:at]}


def test_resume_starts_at_the_first_unanswered_and_keeps_the_answers(bank: Bank) -> None:
    earlier = {"a-1": 1, "a-2": None, "a-3": 5}
    scan, asker, saves, outcome = drive(bank, [Move.BACK, Move.PAUSE], answers=earlier)
    assert asker.asked == [(4, "a-4", False, None), (3, "a-3", True, 5)]
    assert saves == []
    assert scan.answers == earlier


def test_a_gap_left_in_a_hand_edited_file_is_asked_at_the_end(bank: Bank) -> None:
    rest = {q.id: 3 for q in bank.questions if q.id not in ("a-2", "g-3")}
    _, asker, saves, outcome = drive(bank, [4, 5], answers=rest)
    assert [qid for _, qid, *_ in asker.asked] == ["a-2", "g-3"]
    assert outcome is Outcome.FINISHED
    assert saves[-1] == {**rest, "a-2": 4, "g-3": 5}


def test_a_gap_before_the_question_on_screen_is_asked_after_the_last_question(bank: Bank) -> None:
    rest = {q.id: 3 for q in bank.questions if q.id not in ("a-1", "g-2", "g-3")}
    scan = Scan(bank.questions, rest, can_skip=True)
    assert scan.position == 0
    scan.position = 8  # g-2, as if the person had reached it before a-1 was emptied
    asker = ScriptedAsker([1, 2, 5])
    assert run(scan, asker, lambda a: None) is Outcome.FINISHED
    assert [qid for _, qid, *_ in asker.asked] == ["g-2", "g-3", "a-1"]
    assert scan.answers == {**rest, "g-2": 1, "g-3": 2, "a-1": 5}


def test_a_finished_scan_asks_nothing(bank: Bank) -> None:
    scan, asker, saves, outcome = drive(bank, [], answers={q.id: 2 for q in bank.questions})
    assert (outcome, asker.asked, saves, scan.finished) == (Outcome.FINISHED, [], [], True)


def test_answers_of_questions_no_longer_in_the_order_are_dropped(bank: Bank) -> None:
    scan = Scan(bank.questions[:2], {"a-1": 3, "zz-9": 4}, can_skip=False)
    assert scan.answers == {"a-1": 3}
    assert scan.current() == Item(bank.questions[1], 2, 2, False, None, True, False)
    with pytest.raises(ValueError):
        scan.apply(Move.SKIP)


# --- file names ----------------------------------------------------------------------------


def test_slug() -> None:
    assert slug("Ans de Vries-Ölçer") == "ans-de-vries-olcer"
    assert slug("  ../../etc/passwd ") == "etc-passwd"
    assert slug("李") == ""


def test_default_out_counts_up_on_a_clash() -> None:
    taken = {Path("scans/ontwikkelscan-2026-11-28-anoniem.yaml"), Path("scans/ontwikkelscan-2026-11-28-anoniem-2.yaml")}
    assert default_out(Path("scans"), "2026-11-28", "", taken.__contains__) == \
        Path("scans/ontwikkelscan-2026-11-28-anoniem-3.yaml")
    assert default_out(Path("scans"), "2026-11-28", "A. Jansen", taken.__contains__) == \
        Path("scans/ontwikkelscan-2026-11-28-a-jansen.yaml")
