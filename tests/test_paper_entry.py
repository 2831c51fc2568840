"""Keying in a paper form (issue 19 item 6): one key per statement, corrections before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontwikkelscan.analysis.feedback import asked
from ontwikkelscan.render.feedback.forms import Form
from ontwikkelscan.render.feedback.paper import sections
from ontwikkelscan.scan.paper import Entry, correct, line, run_entry

from .roundkit import ROUND, rater_bank
from .test_cli_feedback import run, start

BANK = rater_bank()
FORM = Form(ROUND, BANK, "medewerkers", asked(BANK, BANK.questions, (), observer=True))
STATEMENTS = [s for section in sections(FORM) for s in section.statements]


def keyed(keys: str) -> tuple[Entry, list[str]]:
    entry, shown = Entry(STATEMENTS, BANK.scale), []
    stream = iter(keys)
    run_entry(entry, lambda: next(stream), shown.append, lambda q: q.observer or q.text)
    return entry, shown


def test_one_key_per_statement_in_the_order_of_the_printed_form() -> None:
    # 9 observer statements: a digit, 0 = weet niet, Enter = leeg, v = back, x = not a key
    entry, shown = keyed("4 2x0\r" + "v5" + "3415\r")
    assert [q.id for _, q in STATEMENTS] == ["a-1", "a-2", "a-3", "b-1", "b-2", "b-3", "g-1", "g-2", "g-3"]
    assert entry.answers() == {"a-1": 4, "a-2": 2, "a-3": None, "b-1": 5, "b-2": 3, "b-3": 4, "g-1": 1,
                               "g-2": 5, "g-3": None}
    assert shown[0] == "  1  4 vaak             Doet A-1."
    assert "     (2: typ 1-5, 0 = weet niet, Enter = leeg, v = terug)" in shown  # the space
    assert any(s.startswith("  3  – weet niet") for s in shown) and any(s.startswith("  4  · leeg") for s in shown)
    assert any(s.startswith("  4  terug: typ opnieuw") for s in shown)


def test_every_statement_gets_exactly_its_key() -> None:
    entry, _ = keyed("123450\r12")
    assert entry.answers() == {"a-1": 1, "a-2": 2, "a-3": 3, "b-1": 4, "b-2": 5, "b-3": None, "g-1": None,
                               "g-2": 1, "g-3": 2}
    assert entry.overview() == ["  1-9   1 2 3 4 5 - . 1 2"]


def test_a_wrong_digit_is_corrected_before_the_file_is_written() -> None:
    entry, _ = keyed("444444444")
    replies, keys, shown = iter(["12", "3", ""]), iter("v2"), []
    correct(entry, lambda: next(keys), lambda prompt: next(replies), shown.append, lambda q: q.text)
    assert entry.answers()["a-3"] == 2 and sum(v == 4 for v in entry.answers().values()) == 8
    assert "Geen nummer van dit formulier: 12 (1-9)." in shown


def test_ctrl_c_writes_nothing() -> None:
    with pytest.raises(KeyboardInterrupt):
        keyed("44\x03")


def test_a_long_statement_keeps_to_one_screen_line() -> None:
    assert line("x" * 100, 80) == "x" * 78 + "…" and line("kort", 80) == "kort"


def test_without_a_terminal_the_command_says_what_to_do_instead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from .roundkit import write_rater_bank

    monkeypatch.chdir(tmp_path)
    write_rater_bank(tmp_path / "bank")
    start()
    code, out, err = run("feedback", "enter", "ronde", "--rater", "medewerkers", "--bank", "bank")
    assert (code, out) == (2, "")
    assert ("feedback enter leest toetsen in een terminal; zonder terminal: vul een antwoordbestand in "
            "(ontwikkelscan feedback forms ronde --rater medewerkers --format yaml)") in err
    assert sorted(p.name for p in Path("ronde").iterdir()) == ["README.md", "ronde.yaml"]
