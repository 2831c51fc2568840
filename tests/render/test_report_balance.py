"""The relative view and the role balance in the human reports: exact Dutch text, widths."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from ontwikkelscan.analysis.scoring import score
from ontwikkelscan.models import AnswerSheet, RoleResult
from ontwikkelscan.render.report.balance import relative_lines, role_reading
from ontwikkelscan.render.report.markdown import render_markdown
from ontwikkelscan.render.report.terminal import render_rich
from ontwikkelscan.render.report.text import render_text

from ..contextkit import context_bank

BANK = context_bank()


def roles(organisatie: float | None, bestuur: float | None, samenleving: float | None) -> tuple[RoleResult, ...]:
    return (RoleResult("organisatie", "Leider van de organisatie", organisatie, 4, 4),
            RoleResult("bestuur", "Adviseur van het bestuur", bestuur, 3, 3),
            RoleResult("samenleving", "Verbinder met de samenleving", samenleving, 3, 3))


def test_community_crowding_out_the_organisation_gets_the_warning_of_source_001() -> None:
    assert role_reading(roles(3.2, 3.9, 4.4)) == (
        "Uit balans: als verbinder met de samenleving scoort u 4,4, als leider van de organisatie 3,2 "
        "(verschil 1,2). Hiervoor waarschuwt de praktijk: veel aandacht voor de rol als verbinder in de "
        "samenleving kan ten koste gaan van de eigen organisatie. Zorg dat ook uw medewerkers de verbindende rol "
        "leren pakken, zodat de interne sturing niet blijft liggen.")


@pytest.mark.parametrize(
    ("scores", "start", "advice"),
    [
        ((3.4, 4.0, 3.8), "als adviseur van het bestuur scoort u 4,0, als leider van de organisatie 3,4 (verschil 0,6)",
         "Let op de sturing van uw eigen organisatie"),
        ((4.0, 3.5, 3.9), "als leider van de organisatie scoort u 4,0, als adviseur van het bestuur 3,5 (verschil 0,5)",
         "Het adviseurschap van college en raad blijft achter"),
        ((4.2, 4.0, 3.0), "als leider van de organisatie scoort u 4,2, als verbinder met de samenleving 3,0 "
                          "(verschil 1,2)", "De verbinding met de samenleving blijft achter"),
    ],
)
def test_the_lagging_role_gets_its_advice(scores: tuple[float, float, float], start: str, advice: str) -> None:
    reading = role_reading(roles(*scores))
    assert reading is not None and reading.startswith(f"Uit balans: {start}. {advice}")


def test_within_half_a_point_is_balanced_and_missing_roles_are_named() -> None:
    assert role_reading(roles(3.6, 4.0, 3.8)) == "In balans: uw rollen liggen binnen een half punt van elkaar (3,6 tot 4,0)."
    assert role_reading(roles(3.6, None, 3.8)) == (
        "In balans: uw rollen liggen binnen een half punt van elkaar (3,6 tot 3,8). (adviseur van het bestuur: te "
        "weinig antwoorden voor een score.)")
    assert role_reading(roles(3.6, None, None)) is None
    assert role_reading(()) is None


def test_the_half_point_boundary_uses_the_tolerance() -> None:
    assert role_reading(roles(3.5, 3.5, 4.0))[:10] == "Uit balans"  # type: ignore[index]
    assert role_reading(roles(3.5, 3.5, 3.5 + 0.5 - 2e-9))[:9] == "In balans"  # type: ignore[index]


def sheet(answers: dict[str, int]) -> AnswerSheet:
    return AnswerSheet("t.yaml", MappingProxyType(answers), respondent=MappingProxyType({"name": "A. Jansen"}))


def test_relative_lines_name_the_strongest_and_weakest_against_the_own_mean() -> None:
    report = score(BANK, sheet({q.id: 4 for q in BANK.questions}), BANK.types["regie"], ())
    # alpha 3,6, beta 3,33, gamma 4,0: mean 3,64
    assert relative_lines(report) == [("Uw eigen gemiddelde: ", "3,6, over alle competenties met een score"),
                                      ("Relatief het sterkst: ", "Gamma (+0,4)"),
                                      ("Relatief het minst sterk: ", "Bèta (-0,3)")]  # Alfa, -0,04, shows as 0,0: on the mean
    empty = score(BANK, sheet({}), BANK.types["regie"], ())
    assert relative_lines(empty) == []


def test_plain_text_and_terminal_show_both_within_their_width() -> None:
    answers = {q.id: 4 for q in BANK.questions} | {"a-4": 1, "b-3": 5, "g-2": 1}  # samenleving low
    report = score(BANK, sheet(answers), BANK.types["regie"], BANK.contexts.values())
    text = render_text(report)
    assert text.startswith("Ontwikkelscan · A. Jansen\nRegiegemeente · context: Ambtelijke fusie, Onrustige bestuurlijke periode\n")
    assert ("Rolbalans\n"
            "  Rol                           Score  Beantwoord\n"
            "  ────────────────────────────  ─────  ──────────\n"
            "  Leider van de organisatie       4,0  4 van 4\n"
            "  Adviseur van het bestuur        3,7  5 van 5\n"
            "  Verbinder met de samenleving    1,0  3 van 3\n"
            "  Uit balans: als leider van de organisatie scoort u 4,0, als verbinder met de\n"
            "  samenleving 1,0 (verschil 3,0).") in text
    assert max(map(len, text.splitlines())) <= 80
    for width in (80, 100):
        terminal = render_rich(report, width=width, color=False)
        assert max(map(len, terminal.splitlines())) <= width
        assert "Relatief beeld (uw eigen sterke en zwakke kanten)" in terminal and "Rolbalans" in terminal
        assert "Uit balans: als leider van de organisatie scoort u 4,0" in terminal
    assert "\n\nUit balans: als leider van de organisatie scoort u 4,0" in render_markdown(report)
