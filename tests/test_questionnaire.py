"""The real questionary prompts, fed keys through a prompt_toolkit pipe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from ontwikkelscan.models import AnswerSheet, Bank, MunicipalityType, Question, Scale
from ontwikkelscan.render.common.console import wrap
from ontwikkelscan.scan.flow import Item, Move
from ontwikkelscan.scan.questionnaire import TerminalAsker, item_choices
from ontwikkelscan.scan.wording import described, first_sentence, welcome_text
from ontwikkelscan.scan.resume import Unfinished

DOWN, UP, ENTER, CTRL_C = "\x1b[B", "\x1b[A", "\r", "\x03"
QUESTION = Question("a-1", "alpha", "Ik doe A1.")


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input:
        yield pipe_input


def asker(bank: Bank, pipe: PipeInput) -> TerminalAsker:
    return TerminalAsker(bank.scale, input=pipe, output=DummyOutput())


def item(number: int = 2, answered: bool = False, previous: int | None = None) -> Item:
    return Item(QUESTION, number, 10, answered, previous, can_go_back=number > 1, can_skip=True)


@pytest.mark.parametrize(("keys", "reply"), [
    ("4" + ENTER, 4),
    (DOWN + DOWN + ENTER, 2),
    ("5" + UP + ENTER, 4),
    ("0" + ENTER, Move.SKIP),
    ("v" + ENTER, Move.BACK),
    ("p" + ENTER, Move.PAUSE),
    (ENTER + ENTER + "3" + ENTER, 3),  # a bare Enter on a new question records nothing
    (DOWN + ENTER, 1),  # the first arrow points at the first choice
    (UP + ENTER, Move.PAUSE),  # ... or, going up, at the last
])
def test_item_keys(bank: Bank, pipe: PipeInput, keys: str, reply: object) -> None:
    pipe.send_text(keys)
    assert asker(bank, pipe).item(item()) == reply


@pytest.mark.parametrize(("previous", "reply"), [(4, 4), (None, Move.SKIP)])
def test_enter_keeps_the_earlier_reply(bank: Bank, pipe: PipeInput, previous: int | None, reply: object) -> None:
    pipe.send_text(ENTER)
    assert asker(bank, pipe).item(item(answered=True, previous=previous)) == reply


def test_ctrl_c_in_an_item_is_a_keyboard_interrupt(bank: Bank, pipe: PipeInput) -> None:
    pipe.send_text("3" + CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        asker(bank, pipe).item(item())


def test_the_first_question_has_no_back_choice(bank: Bank) -> None:
    titles = [(c.shortcut_key, c.title) for c in item_choices(bank.scale, item(number=1))]
    assert titles == [("1", "nooit"), ("2", "soms"), ("3", "regelmatig"), ("4", "vaak"), ("5", "altijd"),
                      ("0", "weet ik niet / n.v.t."), ("p", "pauzeren")]
    assert [c.title for c in item_choices(bank.scale, item(number=2))][-2:] == ["← vorige vraag", "pauzeren"]


def test_a_scale_without_digits_or_skip_gets_letters() -> None:
    scale = Scale(0, 10, {0: "nul", 10: "tien"})
    choices = item_choices(scale, Item(QUESTION, 1, 1, False, None, can_go_back=False, can_skip=False))
    assert [c.title for c in choices] == ["nul", *map(str, range(1, 10)), "tien", "pauzeren"]
    assert [c.value for c in choices][-1] == "pause"


def test_respondent_is_optional(bank: Bank, pipe: PipeInput) -> None:
    pipe.send_text(" Ans de Vries " + ENTER + ENTER)
    assert asker(bank, pipe).respondent() == ("Ans de Vries", "")


def test_ctrl_c_in_the_name_prompt(bank: Bank, pipe: PipeInput) -> None:
    pipe.send_text(CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        asker(bank, pipe).respondent()


@pytest.mark.parametrize(("keys", "type_id"), [(DOWN + DOWN + ENTER, "beheer"), (ENTER + "1" + ENTER, "regie"),
                                               ("3" + UP + ENTER, "beheer")])
def test_municipality_type_from_the_list(bank: Bank, pipe: PipeInput, keys: str, type_id: str) -> None:
    pipe.send_text(keys)
    assert asker(bank, pipe).municipality_type(tuple(bank.types.values())) == type_id


def test_keys_typed_ahead_reach_the_next_questions(bank: Bank, pipe: PipeInput) -> None:
    pipe.send_text("4" + ENTER + "2" + ENTER + "v" + ENTER)
    terminal = asker(bank, pipe)
    assert [terminal.item(item()), terminal.item(item()), terminal.item(item())] == [4, 2, Move.BACK]


def test_offer_to_resume_is_one_enter(bank: Bank, pipe: PipeInput) -> None:
    sheet = AnswerSheet(source="", answers={}, respondent={"name": "Ans"}, date="2026-11-28")
    waiting = Unfinished(Path("scans/a.yaml"), sheet, 3, 84)
    pipe.send_text(ENTER + DOWN + ENTER)
    terminal = asker(bank, pipe)
    assert [terminal.offer_resume(waiting), terminal.offer_resume(waiting)] == [True, False]
    assert waiting.describe() == "Ans, begonnen op 28 november 2026, 3 van de 84 vragen beantwoord"


@pytest.mark.parametrize(("keys", "answer"), [(ENTER, False), (DOWN + ENTER, True)])
def test_overwrite_defaults_to_no(bank: Bank, pipe: PipeInput, keys: str, answer: bool) -> None:
    pipe.send_text(keys)
    assert asker(bank, pipe).confirm_overwrite(Path("x.yaml")) is answer


def test_welcome_text() -> None:
    assert welcome_text(84) == (
        "Ontwikkelscan voor gemeentesecretarissen\n\n"
        "U krijgt 84 korte stellingen over uw werk; dat duurt ongeveer 15 minuten.\n"
        "Er zijn geen goede of foute antwoorden: kies wat het vaakst klopt in uw huidige functie.\n"
        "Uw antwoorden blijven op deze computer; elk antwoord wordt meteen bewaard.\n"
        "Pauzeren kan altijd: kies \"pauzeren\" of druk op Ctrl-C. Later gaat u verder waar u was "
        "(met dezelfde opdracht)."
    )
    assert "ongeveer 5 minuten" in welcome_text(3)


def test_welcome_wraps_at_80_columns() -> None:
    assert wrap(welcome_text(84), 80).split("\n")[3:] == [
        "Er zijn geen goede of foute antwoorden: kies wat het vaakst klopt in uw huidige",
        "functie.",
        "Uw antwoorden blijven op deze computer; elk antwoord wordt meteen bewaard.",
        "Pauzeren kan altijd: kies \"pauzeren\" of druk op Ctrl-C. Later gaat u verder",
        "waar u was (met dezelfde opdracht).",
    ]


def test_a_long_path_is_never_broken() -> None:
    path = "scans/ontwikkelscan-2026-11-28-ans-de-vries-van-der-heijden-tot-oud-beijerland.yaml"
    assert wrap(f"Uw antwoorden staan in {path}\n  {path}", 60) == f"Uw antwoorden staan in\n{path}\n  {path}"


def test_first_sentence() -> None:
    assert first_sentence("Een regiegemeente voert weinig zelf uit. Zij stuurt op partners.") == (
        "Een regiegemeente voert weinig zelf uit.")
    assert first_sentence(MunicipalityType("x", "X", {}).description) == ""


def test_descriptions_are_wrapped_not_cut() -> None:
    text = "Een regiegemeente voert veel taken niet zelf uit, maar laat ze uitvoeren door partners."
    assert described([("Regiegemeente", text), ("Beheergemeente", "")], 60) == (
        "  1) Regiegemeente: Een regiegemeente voert veel taken niet\n"
        "     zelf uit, maar laat ze uitvoeren door partners.\n"
        "  2) Beheergemeente")


def test_ctrl_d_in_the_name_is_an_eof(bank: Bank, pipe: PipeInput) -> None:
    pipe.send_text("\x04")
    with pytest.raises(EOFError):
        asker(bank, pipe).respondent()


def test_colours_unless_no_color(bank: Bank, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("COLUMNS", "100")
    TerminalAsker(bank.scale).welcome(3)
    title, rest = welcome_text(3).split("\n", 1)
    assert capsys.readouterr().out == f"\033[1m{title}\033[0m\n{wrap(rest, 100)}\n"


def test_the_answer_pattern_check_defaults_to_the_report(bank: Bank, pipe: PipeInput) -> None:
    pipe.send_text(ENTER + DOWN + ENTER)
    terminal = asker(bank, pipe)
    assert [terminal.review_patterns(["Let op."]), terminal.review_patterns(["Let op."])] == [False, True]
