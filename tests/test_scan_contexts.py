"""The scan with contexts (docs/formats.md section 7): --context adds its questions, the file records the choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BankMaker
from tests.contextkit import CONTEXT_COMPETENCIES, CONTEXT_QUESTIONS
from tests.test_cli_scan import FakeAsker, load, scan, terminal  # noqa: F401  (terminal: a fixture)

BASE = ["a-1", "a-2", "a-3", "a-4", "b-1", "b-2", "b-3", "g-1", "g-2", "g-3"]
SCRIPT = [4, 2, 3, 5, 1, 4, 2, 3, 5, 4, 3, 2]  # varied: no answer pattern to review


@pytest.fixture
def bank(make_bank: BankMaker) -> Path:
    return make_bank(competencies=CONTEXT_COMPETENCIES, questions=CONTEXT_QUESTIONS)


@pytest.mark.usefixtures("terminal")
def test_a_context_adds_its_questions_and_is_recorded(monkeypatch: pytest.MonkeyPatch, bank: Path,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    asker = FakeAsker(out, SCRIPT[:11])
    code, _, stderr = scan(monkeypatch, asker, "--bank", str(bank), "--out", str(out), "--order", "bank",
                           "--type", "regie", "--context", "onrust")
    assert code == 0, stderr
    assert asker.welcomed == 11
    assert [qid for _, qid, _ in asker.asked] == [*BASE, "g-4"]  # g-4 belongs to fusie and onrust; b-4 to fusie
    assert load(out)["contexts"] == ["onrust"]


@pytest.mark.usefixtures("terminal")
def test_without_a_context_the_context_questions_are_not_asked(monkeypatch: pytest.MonkeyPatch, bank: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "b.yaml"
    asker = FakeAsker(out, SCRIPT[:10])
    code, _, stderr = scan(monkeypatch, asker, "--bank", str(bank), "--out", str(out), "--order", "bank",
                           "--type", "regie")
    assert code == 0, stderr
    assert [qid for _, qid, _ in asker.asked] == BASE
    data = load(out)
    assert data["contexts"] == [] and set(data["answers"]) == set(BASE)


@pytest.mark.usefixtures("terminal")
def test_resume_with_a_context_asks_its_questions_too(monkeypatch: pytest.MonkeyPatch, bank: Path,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    answers = ", ".join(f"{q}: {v}" for q, v in zip(BASE, SCRIPT, strict=False))
    path.write_text(f"municipality_type: regie\ncontexts: []\nanswers: {{{answers}}}\n", encoding="utf-8")
    asker = FakeAsker(path, [3, 4])
    code, _, stderr = scan(monkeypatch, asker, "--bank", str(bank), "--resume", str(path), "--context", "fusie")
    assert code == 0, stderr
    assert sorted(qid for _, qid, _ in asker.asked) == ["b-4", "g-4"]
    assert load(path)["contexts"] == ["fusie"]


class ContextAsker(FakeAsker):
    def __init__(self, *args: object, choose: tuple[str, ...] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.choose, self.offered_contexts = choose, None

    def contexts(self, contexts: object) -> tuple[str, ...]:
        self.offered_contexts = [c.id for c in contexts]  # type: ignore[attr-defined]
        return self.choose


@pytest.mark.usefixtures("terminal")
def test_the_contexts_are_asked_after_the_type(monkeypatch: pytest.MonkeyPatch, bank: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.yaml"
    asker = ContextAsker(out, SCRIPT, type_id="beheer", choose=("fusie",))
    code, _, stderr = scan(monkeypatch, asker, "--bank", str(bank), "--out", str(out), "--order", "bank")
    assert code == 0, stderr
    assert asker.offered_contexts == ["fusie", "onrust"]
    assert [qid for _, qid, _ in asker.asked] == [*BASE, "b-4", "g-4"]  # bank order: both at the end
    assert load(out)["contexts"] == ["fusie"]
    # with --type the type is not asked, and neither are the contexts (--context is the way)
    out2 = tmp_path / "e.yaml"
    asker = ContextAsker(out2, SCRIPT[:10], choose=("fusie",))
    code, _, _ = scan(monkeypatch, asker, "--bank", str(bank), "--out", str(out2), "--order", "bank", "--type", "regie")
    assert code == 0 and asker.offered_contexts is None and load(out2)["contexts"] == []


def test_the_terminal_asks_one_context_at_a_time_until_none() -> None:
    from ontwikkelscan.files.bank import load_bank
    from ontwikkelscan.scan.questionnaire import TerminalAsker

    contexts = tuple(load_bank(None).contexts.values())
    asker = TerminalAsker.__new__(TerminalAsker)
    picks = iter([contexts[1].id, contexts[1].id, "-"])
    offered: list[list[tuple[str, str]]] = []
    intros: list[str] = []

    def choose_one(intro: str, message: str, options: list[tuple[str, str, str]], *, intro_last: bool) -> str:
        assert intro_last
        offered.append([(oid, name) for oid, name, _ in options])
        intros.append(intro)
        return next(picks)

    asker.choose_one = choose_one  # type: ignore[method-assign]
    assert asker.contexts(contexts) == (contexts[1].id,)
    # Every round offers every context under the same number; the chosen one is marked, never dropped.
    first = [(c.id, c.name) for c in contexts] + [("-", "Geen")]
    later = [(c.id, c.name + (" (gekozen)" if c is contexts[1] else "")) for c in contexts] + [("-", "Geen (verder)")]
    assert offered == [first, later, later]
    explanation = ("Een context kleurt het doelprofiel in: een doel gaat dan omhoog, nooit omlaag. Past een van "
                   "deze situaties nu bij uw gemeente? Geen is ook een goed antwoord.")
    assert intros == [explanation] + [f"{explanation}\nGekozen: {contexts[1].name}. Nog een context?"] * 2


def test_one_enter_twice_on_the_same_digit_chooses_that_context_once() -> None:
    """At 80x24 a secretary typed "1 Enter" twice: the menu renumbered and the second context was added too."""
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from ontwikkelscan.files.bank import load_bank
    from ontwikkelscan.scan.questionnaire import TerminalAsker

    bank = load_bank(None)
    contexts = tuple(bank.contexts.values())
    with create_pipe_input() as pipe:
        pipe.send_text("1\r1\r" + f"{len(contexts) + 1}\r")
        assert TerminalAsker(bank.scale, input=pipe, output=DummyOutput()).contexts(contexts) == (contexts[0].id,)
