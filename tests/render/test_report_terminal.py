"""Dutch numbers, the bar, and the Rich table at a fixed width."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from ontwikkelscan.analysis.scoring import score
from ontwikkelscan.models import AnswerSheet, Bank
from ontwikkelscan.render.common.view import bar, level, nl, percent
from ontwikkelscan.render.report.terminal import render_rich


@pytest.mark.parametrize(
    ("value", "signed", "text"),
    [(3.75, False, "3,8"), (3.25, False, "3,3"), (3.0, False, "3,0"), (-0.04, True, "0,0"), (0.04, True, "0,0"), (-0.05, True, "-0,1"), (-1e-12, True, "0,0"), (-0.04, False, "0,0"), (0.25, True, "+0,3"),
     (-0.25, True, "-0,3"), (0.15, False, "0,2"), (10 / 3, False, "3,3"), (None, False, "–")],
)
def test_dutch_numbers_round_half_up(value: float | None, signed: bool, text: str) -> None:
    assert nl(value, signed=signed) == text


def test_levels_and_percent() -> None:
    assert (level(4.0), level(3.5), percent(2 / 3), percent(None)) == ("4,0", "3,5", "67%", "–")


def test_bar_marks_target_and_fills_score() -> None:
    assert bar(3.0, 4.0, 1, 5) == [("score", "█" * 10), ("rest", "░" * 5), ("target", "┃"), ("rest", "░" * 4)]
    assert bar(5.0, 1.0, 1, 5) == [("target", "┃"), ("score", "█" * 19)]
    assert bar(None, 4.0, 1, 5) == [("none", "·" * 20)]
    assert bar(2.0, None, 1, 5) == [("score", "█" * 5), ("rest", "░" * 15)]
    # the margin is a band from score - margin to score + margin: 2,6 .. 3,4 is cells 8 to 12
    assert bar(3.0, 4.0, 1, 5, margin=0.4) == [("score", "█" * 8), ("margin", "▒" * 4), ("rest", "░" * 3),
                                               ("target", "┃"), ("rest", "░" * 4)]
    assert bar(4.8, None, 1, 5, width=10, margin=0.6) == [("score", "█" * 8), ("margin", "▒" * 2)]  # 4,2 .. 5 (clipped)


def test_rich_table_without_colour(bank: Bank) -> None:
    sheet = AnswerSheet("x.yaml", MappingProxyType({"a-1": 3, "a-2": 3, "a-3": 3, "a-4": 3, "b-1": 4, "b-2": 3}),
                        respondent=MappingProxyType({"name": "A. Jansen"}))
    text = render_rich(score(bank, sheet, bank.types["regie"]), width=120, color=False)
    assert "\x1b[" not in text
    lines = text.splitlines()
    assert lines[0].strip() == "Ontwikkelscan · A. Jansen"
    assert lines[1] == "Regiegemeente"
    assert "│ Alfa                          │ 3,0 ± 0,0 │  4,0 │     -1,0 │ ██████████░░░░░┃░░░░  │ ontwikkelpunt │" in lines
    # Bèta: keyed 4, 3 -> 3,5 ± 0,5, gap +0,5 on the threshold and inside 0 .. 1: a borderline strength
    assert "│ Bèta                          │ 3,5 ± 0,5 │  3,0 │     +0,5 │ ██████████┃▒▒▒▒░░░░░  │ sterk punt    │" in lines
    assert "│                               │           │      │          │                       │ (grensgeval)  │" in lines
    assert "│ Gamma                         │         – │  4,0 │        – │ ····················  │ te weinig     │" in lines
    assert "│ Situatiegebonden competenties │           │      │          │                       │               │" in lines
    narrow = render_rich(score(bank, sheet, bank.types["regie"]), width=80, color=False)
    assert "Alfa                        3,0 ± 0,0   4,0      -1,0  █████░░░┃░  ontwikkelpunt" in narrow.splitlines()
    assert max(len(line) for line in narrow.splitlines()) <= 80


def test_core_first_marks_the_end_of_the_core_section() -> None:
    from ontwikkelscan.models import Competency
    from ontwikkelscan.render.common.view import core_first

    def comp(cid: str, kind: str) -> Competency:
        return Competency(cid, cid, kind, "d")  # type: ignore[arg-type]

    rows = [comp("s1", "situational"), comp("c1", "core"), comp("s2", "situational"), comp("c2", "core")]
    assert [(c.id, last) for c, last in core_first(rows, lambda c: c)] == [
        ("c1", False), ("c2", True), ("s1", False), ("s2", False)]
    assert [last for _, last in core_first(rows[1::2], lambda c: c)] == [False, False]  # no line after the last row


def test_a_command_for_copying_is_never_split_over_two_lines() -> None:
    """At 80 columns the resume hint broke inside its ARGS='...' and failed when pasted (issue 20)."""
    from ontwikkelscan.render.common.console import whole, wrap

    command = "make scan ARGS='--resume scans/ontwikkelscan-2026-12-02-jan-de-vries.yaml --bank mijn-bank'"
    assert wrap(f"Gepauzeerd na 4 van de 92 vragen. Verder gaan: {whole(command)}", 80) == (
        f"Gepauzeerd na 4 van de 92 vragen. Verder gaan:\n{command}")
    # Where it fits, it stays on the line it is on; plain words still wrap.
    assert wrap(f"Verder gaan: {whole('make scan')} en dan nog wat woorden", 24) == (
        "Verder gaan: make scan\nen dan nog wat woorden")
