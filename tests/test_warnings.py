"""Warnings per kind (issue 21): a warning that many files or rows give is said once, with the count and
the first examples; --verbose says every one; one reads as it always did; on a terminal they wrap."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.errors import Warned
from ontwikkelscan.render.common import console
from ontwikkelscan.render.common.perkind import lines
from tests import surveyexports as se
from tests.conftest import bank_outside_a_test

from .batchdata import R1, R2, R3

BANK = bank_outside_a_test()
KIND = "{n} bestanden met iets"
HINT = "(gebruik --verbose om ze alle {} te zien)"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def test_one_of_a_kind_reads_as_itself() -> None:
    assert lines([Warned("a.yaml: iets", KIND, "a.yaml"), "een losse waarschuwing"]) == [
        "a.yaml: iets", "een losse waarschuwing"]


def test_many_of_a_kind_are_one_line_with_the_count_and_three_examples() -> None:
    many = [Warned(f"{i}.yaml: iets", KIND, f"{i}.yaml") for i in range(5)]
    assert lines([*many, "daarna"]) == [f"5 bestanden met iets: 0.yaml; 1.yaml; 2.yaml en nog 2 {HINT.format(5)}",
                                        "daarna"]
    assert lines(many[:3]) == [f"3 bestanden met iets: 0.yaml; 1.yaml; 2.yaml {HINT.format(3)}"]
    assert lines(many, verbose=True) == [f"{i}.yaml: iets" for i in range(5)]


def test_the_examples_can_stand_inside_the_sentence_and_kinds_keep_their_first_place() -> None:
    said = [Warned("a.csv: 2 kolommen niet gebruikt", "{examples}: 2 kolommen niet gebruikt", "a.csv"),
            Warned("x", "ander soort"), Warned("b.csv: 2 kolommen niet gebruikt", "{examples}: 2 kolommen niet gebruikt",
                                                "b.csv")]
    assert lines(said) == [f"a.csv; b.csv: 2 kolommen niet gebruikt {HINT.format(2)}", "x"]


def test_the_same_text_many_times_is_said_once_with_the_count() -> None:
    assert lines(["hetzelfde"] * 4 + ["anders"]) == ["hetzelfde (4 keer; gebruik --verbose om ze alle 4 te zien)",
                                                     "anders"]
    assert lines([Warned("x", "{n} keer x")] * 2) == [f"2 keer x {HINT.format(2)}"]


def test_collected_says_them_at_the_end_and_a_block_inside_joins_the_outer(capsys: pytest.CaptureFixture[str]) -> None:
    with console.collected():
        console.warn(Warned("a: iets", KIND, "a"))
        with console.collected(verbose=True):  # the outer block decides
            console.warn(Warned("b: iets", KIND, "b"))
        assert capsys.readouterr().err == ""
    assert capsys.readouterr().err == f"waarschuwing: 2 bestanden met iets: a; b {HINT.format(2)}\n"


def test_ctrl_c_drops_the_held_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(KeyboardInterrupt), console.collected():
        console.warn("iets")
        raise KeyboardInterrupt
    assert capsys.readouterr().err == ""
    console.warn("daarna weer meteen")
    assert capsys.readouterr().err == "waarschuwing: daarna weer meteen\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_warning_wraps_to_the_terminal_like_every_message(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setenv("COLUMNS", "60")
    console.warn("de scans komen uit verschillende vragenbanken (2026.11 en 2027.01); scores zijn niet zonder meer "
                 "vergelijkbaar")
    assert screen.getvalue().splitlines() == [
        "waarschuwing: de scans komen uit verschillende vragenbanken",
        "(2026.11 en 2027.01); scores zijn niet zonder meer",
        "vergelijkbaar"]


def _limesurvey(tmp_path: Path, count: int) -> tuple[Path, Path]:
    """A LimeSurvey code export of `count` rows and a mapping that leaves out the code A6 (weet ik niet)."""
    export = se.limesurvey_csv(tmp_path / "export.csv", BANK, se.people(BANK, count), codes=True)
    mapping = tmp_path / "koppeling.yaml"
    mapping.write_text(se.limesurvey_mapping(BANK).replace("  A6: null\n", ""), encoding="utf-8")
    return export, mapping


def test_seventy_rows_with_one_unmapped_code_say_it_once(tmp_path: Path) -> None:
    export, mapping = _limesurvey(tmp_path, 70)
    code, _, err = invoke("import-csv", str(export), "--columns", str(mapping), "--out", str(tmp_path / "scans"))
    assert code == 1
    said = err.splitlines()
    assert len(said) == 3
    assert re.fullmatch(rf"{re.escape(str(export))}:2:\d+: rij 2, kolom \w+ \(G\d\dQ01\[SQ\d+\]\): `A6` is geen "
                        r"antwoord; .*; vul `A6` aan onder `values:` in de koppeling", said[0])
    assert re.fullmatch(rf"{re.escape(str(export))}:\d+:\d+: rij \d+, kolom \w+ \(G\d\dQ01\[SQ\d+\]\): nog \d+ "
                        r"cel\(len\) met `A6`, dat hier geen antwoord is \(kolom .*; rij .*\); vul `A6` aan onder "
                        r"`values:` in uw koppeling .*", said[1])
    assert said[2] == f"{export}: 0 geïmporteerd in {tmp_path / 'scans'}, 70 geweigerd (70 met fouten)"


def test_seventy_changed_rows_are_one_warning_and_verbose_shows_all(tmp_path: Path) -> None:
    persons = se.people(BANK, 70)
    out = tmp_path / "scans"
    assert invoke("import-csv", str(se.qualtrics_csv(tmp_path / "a.csv", BANK, persons)), "--out", str(out))[0] == 0
    changed = [p._replace(answers={**p.answers, "bps-1": 1 if p.answers["bps-1"] != 1 else 2}) for p in persons]
    second = se.qualtrics_csv(tmp_path / "b.csv", BANK, changed)
    code, _, err = invoke("import-csv", str(second), "--out", str(out))
    assert code == 1
    said = err.splitlines()
    assert len(said) == 2
    assert re.fullmatch(rf"waarschuwing: 70 rijen gewijzigd sinds de vorige import, niet overschreven \(gebruik --update "
                        rf"om ze bij te werken\): {re.escape(str(second))}:4 \(.*\.yaml\); {re.escape(str(second))}:5 "
                        rf"\(.*\.yaml\); {re.escape(str(second))}:6 \(.*\.yaml\) en nog 67 "
                        rf"{re.escape(HINT.format(70))}", said[0])
    assert said[1] == f"{second}: 0 geïmporteerd in {out}, 70 geweigerd (70 gewijzigd, gebruik --update)"
    code, _, err = invoke("import-csv", str(second), "--out", str(out), "--verbose")
    assert [line.split(": ")[1] for line in err.splitlines()[:-1]] == [f"{second}:{row}" for row in range(4, 74)]


def test_compare_of_two_groups_says_a_warning_of_every_pair_once(tmp_path: Path, bank_dir: Path) -> None:
    for side, version in (("voor", "t0"), ("na", "t9")):
        for i, text in enumerate((R1, R2, R3.replace("municipality_type", 'respondent: {name: "R. Drie"}\n'
                                                                          "municipality_type"))):
            folder = tmp_path / side
            folder.mkdir(exist_ok=True)
            (folder / f"{i}.yaml").write_text(text + f'bank: {{version: "{version}"}}\n', encoding="utf-8")
    code, _, err = invoke("compare", str(tmp_path / "voor"), str(tmp_path / "na"), "--format", "json",
                          "--bank", str(bank_dir))
    assert code == 0
    na = tmp_path / "na"
    assert err.splitlines()[-1] == (
        f"waarschuwing: 3 paren scans komen uit verschillende vragenbanken; scores zijn niet zonder meer "
        f"vergelijkbaar: {na / '0.yaml'}; {na / '1.yaml'}; {na / '2.yaml'} {HINT.format(3)}")
    code, _, err = invoke("compare", str(tmp_path / "voor"), str(tmp_path / "na"), "--format", "json", "--verbose",
                          "--bank", str(bank_dir))
    assert err.splitlines()[-3:] == [f"waarschuwing: {na / f'{i}.yaml'}: de scans komen uit verschillende vragenbanken "
                                     "(t0 en t9); scores zijn niet zonder meer vergelijkbaar" for i in range(3)]
