"""The summary that every human format of the self-report opens with (docs/reports.md): Dutch
agreement, the priorities, and numbers without a signed zero."""

from __future__ import annotations

import re
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontwikkelscan.analysis.scoring import score
from ontwikkelscan.models import AnswerSheet, Bank
from ontwikkelscan.render.common.dates import dutch_date
from ontwikkelscan.render.report.htmlout import render_html
from ontwikkelscan.render.report.markdown import render_markdown
from ontwikkelscan.render.report.summary import fit_sentence, picture, priority_sentence
from ontwikkelscan.render.report.terminal import render_rich
from ontwikkelscan.render.report.text import render_text

from ..conftest import bank_outside_a_test, fixture_bank

SHIPPED = bank_outside_a_test()
FIXTURE = fixture_bank()


def report(bank: Bank, answers: dict[str, int | None], mtype: str = "regie"):  # type: ignore[no-untyped-def]
    return score(bank, AnswerSheet("t.yaml", MappingProxyType(answers)), bank.types[mtype])


# alpha: a-1, a-2 (reverse), a-3 (weight 2), a-4; beta: b-1, b-2, b-3 (reverse); gamma: g-1..g-3
# regie targets: alpha 4, beta 3, gamma 4
@pytest.mark.parametrize(("answers", "sentence"), [
    ({"a-1": 4, "a-2": 2, "a-3": 4, "a-4": 4, "b-1": 1, "b-2": 1, "b-3": 5, "g-1": 1, "g-2": 1},
     "1 van de 3 competenties met een doel zit op of boven het doel (33%)."),
    ({"a-1": 4, "a-2": 2, "a-3": 4, "a-4": 4, "b-1": 3, "b-2": 3, "b-3": 3, "g-1": 1, "g-2": 1},
     "2 van de 3 competenties met een doel zitten op of boven het doel (67%)."),
    ({"a-1": 1, "a-2": 5, "a-3": 1, "a-4": 1, "b-1": 1, "b-2": 1, "b-3": 5, "g-1": 1, "g-2": 1},
     "Geen van de 3 competenties met een doel zit op of boven het doel (0%)."),
    ({"a-1": 5, "a-2": 1, "a-3": 5, "a-4": 5, "b-1": 5, "b-2": 5, "b-3": 1, "g-1": 5, "g-2": 5},
     "Alle 3 competenties met een doel zitten op of boven het doel (100%)."),
    ({}, "Geen competentie heeft zowel een doel als een score."),
])
def test_the_fit_sentence_agrees_in_number(answers: dict[str, int | None], sentence: str) -> None:
    assert fit_sentence(report(FIXTURE, answers)) == sentence


def test_priorities_leave_out_borderline_points_while_clear_ones_exist() -> None:
    # alpha all 1: 1,0 ± 0 (gap -3, clear); beta 2 and 3: 2,5 ± 0,5 (gap -0,5, borderline); gamma 3, 3: -1 (clear)
    found = report(FIXTURE, {"a-1": 1, "a-2": 5, "a-3": 1, "a-4": 1, "b-1": 2, "b-2": 3, "g-1": 3, "g-2": 3})
    assert found.summary.development == ("alpha", "gamma", "beta")
    assert [r.borderline for r in found.results] == [False, True, False]
    assert found.summary.priorities == ("alpha", "gamma")
    assert priority_sentence(found) == ("Om mee te beginnen: Alfa (-3,0) en Gamma (-1,0). Daarna volgt nog 1 punt, "
                                        "een grensgeval.")


def test_only_borderline_points_are_named_as_such() -> None:
    # alpha 4, 4, 4 (a-3 weight 2) and 2: 3,6 ± 0,4, gap -0,4: borderline; beta and gamma on target
    found = report(FIXTURE, {"a-1": 4, "a-2": 2, "a-3": 4, "a-4": 2, "b-1": 3, "b-2": 3, "g-1": 4, "g-2": 4})
    assert (found.summary.development, found.summary.priorities) == (("alpha",), ("alpha",))
    assert priority_sentence(found) == ("Uw enige ontwikkel- of aandachtspunt is een grensgeval: de marge laat niet "
                                        "zien aan welke kant van de grens u zit. Het verschil: Alfa (-0,4).")


def test_no_points_names_the_strengths() -> None:
    found = report(FIXTURE, {"a-1": 5, "a-2": 1, "a-3": 5, "a-4": 5, "b-1": 5, "b-2": 5, "g-1": 5, "g-2": 5})
    assert priority_sentence(found) == ("U heeft geen ontwikkel- of aandachtspunten. Uw sterkste punten: Beta (+2,0), "
                                        "Alfa (+1,0) en Gamma (+1,0).".replace("Beta", "Bèta"))


def test_two_or_three_sentences() -> None:
    assert len(picture(report(FIXTURE, {"a-1": 3, "a-3": 2}))) == 3
    assert len(picture(report(FIXTURE, {}))) == 2  # no score: no relative view


def test_dutch_dates() -> None:
    assert [dutch_date("2027-03-01"), dutch_date("2026-11-28"), dutch_date("2026-W48-7")] == [
        "1 maart 2027", "28 november 2026", "2026-W48-7"]


SIGNED_ZERO = re.compile(r"(?<![\d,])[-+−]0,0(?!\d)")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=len(SHIPPED.questions),
                max_size=len(SHIPPED.questions)), st.sampled_from(sorted(SHIPPED.types)))
def test_no_signed_zero_and_targets_with_one_decimal_in_any_format(values: list[int | None], mtype: str) -> None:
    scanned = report(SHIPPED, {q.id: v for q, v in zip(SHIPPED.questions, values)}, mtype)
    texts = {"text": render_text(scanned), "terminal": render_rich(scanned, width=80, color=False),
             "md": render_markdown(scanned), "html": render_html(scanned)}
    for name, text in texts.items():
        assert not SIGNED_ZERO.search(text), (name, SIGNED_ZERO.search(text))
        for r in scanned.results:  # every target shows as a score does: "4,0", never "4"
            if r.target is not None and name in ("text", "md"):
                assert re.search(rf"\b{r.target:.1f}\b".replace(".", ","), text), (name, r.target)
