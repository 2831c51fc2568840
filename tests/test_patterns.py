"""The answer-pattern check (analysis/patterns.py, rules in docs/scan.md), rule by rule with exact tables."""

from __future__ import annotations

import json
from types import MappingProxyType

import pytest

from ontwikkelscan.analysis.patterns import contradictions, dutch_list, pattern_notes, same_answer
from ontwikkelscan.analysis.scoring import score
from ontwikkelscan.models import AnswerSheet, Bank
from ontwikkelscan.render.report.jsonout import report_dict
from ontwikkelscan.render.report.text import render_text

IDS = ["a-1", "a-2", "a-3", "a-4", "b-1", "b-2", "b-3", "g-1", "g-2", "g-3"]


def answers(*values: int | None) -> dict[str, int | None]:
    return dict(zip(IDS, values, strict=False))


@pytest.mark.parametrize(("values", "expected"), [
    ((3, 3, 3, 3, 3, 3, 3, 3, 3, 3), (3, 10, 10)),
    ((3, 3, 3, 3, 3, 3, 3, 3, 3, 4), (3, 9, 10)),  # exactly 90%
    ((3, 3, 3, 3, 3, 3, 3, 3, 4, 4), None),  # 80%
    ((3, 3, 3, 3, 3, 3, 3, 3, 3, None), None),  # 9 values: too few to say
    ((5, 5, 5, 5, 5, 5, 5, 5, 5, 5, None), (5, 10, 10)),
    ((None,) * 10, None),
])
def test_same_answer(values: tuple[int | None, ...], expected: tuple[int, int, int] | None) -> None:
    given = {f"q-{i}": v for i, v in enumerate(values)}
    assert same_answer(given) == expected


@pytest.mark.parametrize(("values", "expected"), [
    # alpha: a-1 plain, a-2 reverse, a-3 plain, a-4 plain; beta: b-1, b-2 plain, b-3 reverse; gamma: plain only
    ((5, 5, 5, 5, 3, 3, 3, 5, 5, 5), ["alpha"]),
    ((1, 1, None, 1, 1, 1, 1, 1, 1, 1), ["alpha", "beta"]),
    ((5, 5, 5, 4, 3, 3, 3, 3, 3, 3), []),  # one answer of alpha is not at the end
    ((5, 1, 5, 5, 5, 5, 1, 3, 3, 3), []),  # opposite ends: consistent answers to reverse items
    ((5, None, 5, 5, 5, 5, None, 5, 5, 5), []),  # no reverse item answered: nothing contradicts
    ((3, 3, 3, 3, 3, 3, 3, 3, 3, 3), []),  # the middle is no end
])
def test_contradictions(bank: Bank, values: tuple[int | None, ...], expected: list[str]) -> None:
    assert contradictions(bank, answers(*values)) == expected


SAME = ('Bij 10 van de 10 beantwoorde stellingen is hetzelfde antwoord gegeven ("altijd"). Daardoor zeggen de '
        "verschillen tussen de competenties weinig; lees de scores met voorzichtigheid.")
BOTH = ("Bij Alfa en Bèta kregen alle stellingen hetzelfde uiterste antwoord, ook de omgekeerd gestelde. Die "
        "antwoorden spreken elkaar tegen; de score is daar minder zeker.")


def test_notes_in_rule_order(bank: Bank) -> None:
    assert pattern_notes(bank, answers(*[5] * 10)) == (SAME, BOTH)
    assert pattern_notes(bank, answers(2, 3, 4, 2, 3, 4, 2, 3, 4, 2)) == ()


def test_dutch_list() -> None:
    assert [dutch_list(["A"]), dutch_list(["A", "B"]), dutch_list(["A", "B", "C"])] == ["A", "A en B", "A, B en C"]


def test_every_report_carries_the_notes(bank: Bank) -> None:
    sheet = AnswerSheet(source="x.yaml", answers=MappingProxyType(answers(*[5] * 10)), municipality_type="regie")
    report = score(bank, sheet, bank.types["regie"])
    assert report.notes == (SAME, BOTH)
    assert report_dict(report)["notes"] == [SAME, BOTH]
    text = render_text(report)
    assert (  # right under the summary, before the table: what to know before reading the scores
        "\nLet op\n"
        "  • Bij 10 van de 10 beantwoorde stellingen is hetzelfde antwoord gegeven\n"
        "    (\"altijd\"). Daardoor zeggen de verschillen tussen de competenties weinig;\n"
        "    lees de scores met voorzichtigheid.\n"
        "  • Bij Alfa en Bèta kregen alle stellingen hetzelfde uiterste antwoord, ook de\n"
        "    omgekeerd gestelde. Die antwoorden spreken elkaar tegen; de score is daar\n"
        "    minder zeker.\n\nCompetentie") in text
    plain = score(bank, sheet._replace(answers=MappingProxyType(answers(2, 3, 4, 2))), bank.types["regie"])
    assert "notes" not in report_dict(plain)
    assert "hetzelfde antwoord" not in render_text(plain)  # only the note on missing scores
    json.dumps(report_dict(report))


def test_the_terminal_table_shows_the_notes_wrapped(bank: Bank) -> None:
    from ontwikkelscan.render.report.terminal import render_rich

    sheet = AnswerSheet(source="x.yaml", answers=MappingProxyType(answers(*[5] * 10)), municipality_type="regie")
    text = render_rich(score(bank, sheet, bank.types["regie"]), width=80, color=False)
    assert [line.rstrip() for line in text.split("\nLet op\n")[1].splitlines()][:7] == [
        "  • Bij 10 van de 10 beantwoorde stellingen is hetzelfde antwoord gegeven",
        "    (\"altijd\"). Daardoor zeggen de verschillen tussen de competenties weinig;",
        "    lees de scores met voorzichtigheid.",
        "  • Bij Alfa en Bèta kregen alle stellingen hetzelfde uiterste antwoord, ook de",
        "    omgekeerd gestelde. Die antwoorden spreken elkaar tegen; de score is daar",
        "    minder zeker.",
        "",
    ]
