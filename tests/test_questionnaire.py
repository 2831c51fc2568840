"""The real questionary prompts, fed keys through a prompt_toolkit pipe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from ontwikkelscan.models import Bank, MunicipalityType, Question, Scale
from ontwikkelscan.scan.questionnaire import TerminalAsker, first_sentence, item_choices, welcome_text
from ontwikkelscan.scan.flow import Item, Move

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
    (DOWN + DOWN + ENTER, 3),
    ("5" + UP + ENTER, 4),
    ("0" + ENTER, Move.SKIP),
    ("v" + ENTER, Move.BACK),
    ("p" + ENTER, Move.PAUSE),
    (ENTER, 1),
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


def test_municipality_type_from_the_list(bank: Bank, pipe: PipeInput) -> None:
    pipe.send_text(DOWN + ENTER)
    assert asker(bank, pipe).municipality_type(tuple(bank.types.values())) == "beheer"


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
        "Pauzeren kan altijd: kies \"pauzeren\" of druk op Ctrl-C. Later gaat u verder waar u was."
    )
    assert "ongeveer 5 minuten" in welcome_text(3)


def test_first_sentence_is_one_line() -> None:
    text = "Een regiegemeente voert weinig zelf uit. Zij stuurt op partners."
    assert first_sentence(text, 80) == "Een regiegemeente voert weinig zelf uit."
    assert first_sentence(text, 30) == "Een regiegemeente voert …"
    assert first_sentence(MunicipalityType("x", "X", {}).description, 10) == ""


def test_name_and_municipality_on_plain_terminal_lines(bank: Bank, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    typed = iter([" Ans de Vries ", ""])
    prompts: list[str] = []

    def fake_input(prompt: str) -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr("builtins.input", fake_input)
    plain = TerminalAsker(bank.scale)
    plain.welcome(10)
    assert plain.respondent() == ("Ans de Vries", "")
    assert prompts == ["› Uw naam (Enter = overslaan): ", "› Uw gemeente (Enter = overslaan): "]
    assert capsys.readouterr().out == welcome_text(10) + "\n" + (
        "\nNaam en gemeente zijn niet nodig; ze komen alleen in uw antwoordbestand en rapport.\n")


def test_ctrl_d_in_the_name_line_is_an_eof(bank: Bank, monkeypatch: pytest.MonkeyPatch) -> None:
    def eof(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", eof)
    with pytest.raises(EOFError):
        TerminalAsker(bank.scale).respondent()


def test_colours_unless_no_color(bank: Bank, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    TerminalAsker(bank.scale).welcome(3)
    title, rest = welcome_text(3).split("\n", 1)
    assert capsys.readouterr().out == f"\033[1m{title}\033[0m\n{rest}\n"
