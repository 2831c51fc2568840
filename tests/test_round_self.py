"""The self-scan joins its round (feedback start --self, feedback add-self), and the round's contexts apply
to every scan of the round: the welcome counts what is asked. The open questions at the end of a scan."""

from __future__ import annotations

import stat
from pathlib import Path
from types import MappingProxyType

import pytest
import yaml
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.files.answers import dump_answers
from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.models import AnswerSheet
from ontwikkelscan.scan import session
from tests import roundkit
from tests.contextkit import CONTEXT_COMPETENCIES, CONTEXT_QUESTIONS
from tests.roundkit import invoke
from tests.test_cli_scan import FakeAsker

ALL = ["a-1", "a-2", "a-3", "a-4", "b-1", "b-2", "b-3", "g-1", "g-2", "g-3", "b-4", "g-4"]


def run(*args: str) -> tuple[int, str, str]:
    return invoke(*args, "--bank", "bank")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bank").mkdir()
    Path("bank/competencies.yaml").write_text(CONTEXT_COMPETENCIES, encoding="utf-8")
    Path("bank/questions.yaml").write_text(
        roundkit.with_observers(CONTEXT_QUESTIONS, roundkit.GROUPS.format(floor=3)), encoding="utf-8")


def start(*extra: str) -> tuple[int, str, str]:
    return run("feedback", "start", "--name", "A. Jansen", "--type", "regie", "--context", "fusie",
               "--id", "2027-voorjaar-jansen", "--out", "ronde", *extra)


def self_scan(path: str = "scan.yaml", *, name: str = "a.  JÁNSEN", skip: tuple[str, ...] = (),
              version: str | None = None) -> Path:
    bank = load_bank(Path("bank"))
    sheet = AnswerSheet(path, MappingProxyType({q: 4 for q in ALL if q not in skip}),
                        respondent=MappingProxyType({"name": name}), date="2027-03-01", municipality_type="beheer",
                        comments=MappingProxyType({"blijven": "Rust."}))
    text = dump_answers(sheet, bank)
    if version is not None:
        text = text.replace('version: "t1"', f'version: "{version}"')
    Path(path).write_text(text, encoding="utf-8")
    return Path(path)


def test_add_self_copies_a_finished_self_scan_into_the_round() -> None:
    assert start()[0] == 0
    original = self_scan().read_text(encoding="utf-8")
    code, out, err = run("feedback", "add-self", "ronde", "scan.yaml")
    assert (code, out, err) == (0, "", "Zelfscan scan.yaml opgenomen in de ronde: ronde/zelfscan.yaml\n")
    copy = Path("ronde/zelfscan.yaml")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    data = yaml.safe_load(copy.read_text(encoding="utf-8"))
    assert (data["rater"], data["round"], data["municipality_type"], data["contexts"]) == \
        ("self", "2027-voorjaar-jansen", "regie", ["fusie"])
    assert data["answers"] == {q: 4 for q in ALL} and data["comments"] == {"blijven": "Rust."}
    assert data["respondent"] == {"name": "a.  JÁNSEN"} and str(data["date"]) == "2027-03-01"
    assert Path("scan.yaml").read_text(encoding="utf-8") == original  # the scan itself stays as it was
    code, _, err = run("feedback", "add-self", "ronde", "scan.yaml")
    assert (code, err) == (1, "fout: de ronde heeft al een zelfscan: ronde/zelfscan.yaml; een ronde heeft er "
                              "één: verwijder of verplaats die eerst\n")


def test_start_with_self_makes_the_round_with_the_scan_in_it() -> None:
    self_scan()
    code, _, err = start("--self", "scan.yaml")
    assert (code, err.splitlines()) == (0, [
        "Ronde 2027-voorjaar-jansen gemaakt in ronde: ronde.yaml en README.md (lees die eerst).",
        "Zelfscan scan.yaml opgenomen in de ronde: ronde/zelfscan.yaml"])
    assert yaml.safe_load(Path("ronde/zelfscan.yaml").read_text(encoding="utf-8"))["round"] == "2027-voorjaar-jansen"


@pytest.mark.parametrize(("kwargs", "reason"), [
    ({"name": "B. de Vries"}, "scan.yaml is de scan van B. de Vries, niet van A. Jansen (de secretaris van ronde "
                              "2027-voorjaar-jansen); een ronde neemt alleen de eigen scan van haar secretaris op"),
    ({"version": "t0"}, "scan.yaml is gemaakt met vragenbank t0; de ronde gebruikt vragenbank t1. Een scan van een "
                        "andere bankversie telt niet mee: maak de zelfscan opnieuw met `ontwikkelscan scan --round "
                        "ronde --rater self`"),
    ({"skip": ("b-4", "g-4")}, "scan.yaml is niet af: 2 van de 12 stellingen van de ronde zijn niet beantwoord "
                               "(b-4, g-4). Maak de scan eerst af: `ontwikkelscan scan --resume scan.yaml --context "
                               "fusie`"),
])
def test_another_person_bank_version_or_an_unfinished_scan_is_refused(kwargs: dict, reason: str) -> None:
    self_scan(**kwargs)
    assert start("--self", "scan.yaml")[:3:2] == (1, f"fout: {reason}\n")
    assert not Path("ronde").exists()  # refused before anything was made
    assert start()[0] == 0
    assert run("feedback", "add-self", "ronde", "scan.yaml")[:3:2] == (1, f"fout: {reason}\n")
    assert sorted(p.name for p in Path("ronde").iterdir()) == ["README.md", "ronde.yaml"]


def test_a_rater_file_is_not_a_self_scan() -> None:
    start()
    Path("w.yaml").write_text(self_scan().read_text(encoding="utf-8").replace('rater: "self"',
                                                                              'rater: "wethouders"'), encoding="utf-8")
    assert run("feedback", "add-self", "ronde", "w.yaml")[:3:2] == (
        1, "fout: w.yaml is geen zelfscan maar een antwoord van `wethouders`; alleen de eigen scan van de "
           "secretaris kan zo meedoen\n")


class Rater(FakeAsker):
    def item(self, item):  # type: ignore[no-untyped-def]
        self.path = next(p for p in Path("ronde").glob("*.yaml") if p.name != "ronde.yaml")
        return super().item(item)


def scan_round(monkeypatch: pytest.MonkeyPatch, rater: str, asker: FakeAsker) -> tuple[int, str]:
    monkeypatch.setattr(session, "is_terminal", lambda: True)
    monkeypatch.setattr(session, "make_asker", lambda scale: asker)
    result = CliRunner().invoke(app, ["scan", "--round", "ronde", "--rater", rater, "--order", "bank",
                                      "--bank", "bank"], env={"NO_COLOR": "1"})
    return result.exit_code, result.stderr


def test_a_rater_in_a_round_with_a_context_is_counted_and_asked_its_statements(
        monkeypatch: pytest.MonkeyPatch) -> None:
    start()
    asker = Rater(None, [4, 2, 4, 3, 3, 3, 2, 2, 3, 4, 4], type_id=None)
    asker.comments = ["Luistert goed.\nEn vat samen.", ""]
    code, err = scan_round(monkeypatch, "medewerkers", asker)
    assert code == 0, err
    assert asker.said[0].startswith("Feedback over A. Jansen\n\nU krijgt 11 korte uitspraken")
    assert [qid for _, qid, _ in asker.asked] == [q for q in ALL if q != "a-4"]  # a-4: no observer text
    notice = ("Tot slot 2 open vragen. Wat u schrijft, komt letterlijk in het rapport, op één lijst met de "
              "opmerkingen van andere anonieme beoordelaars, zonder groep, en alleen als minstens 3 van hen iets "
              "schreven. Schrijf niets waaraan u te herkennen bent: geen namen, geen functie, geen voorval dat "
              "alleen u kent. Enter slaat een vraag over.")
    assert notice in asker.said
    assert asker.commented == [(1, 2, "Wat moet zij blijven doen?"), (2, 2, "Wat kan zij anders doen?")]
    data = yaml.safe_load(asker.path.read_text(encoding="utf-8"))
    assert data["contexts"] == ["fusie"] and data["comments"] == {"blijven": "Luistert goed.\nEn vat samen."}


def test_the_self_scan_in_a_round_counts_the_rounds_context_and_asks_the_self_wording(
        monkeypatch: pytest.MonkeyPatch) -> None:
    start()
    asker = Rater(None, [4, 2, 3, 5, 1, 4, 2, 3, 5, 4, 3, 2], type_id=None)
    asker.comments = ["", "Meer delegeren."]
    code, err = scan_round(monkeypatch, "self", asker)
    assert code == 0, err
    assert asker.welcomed == 12 and len(asker.asked) == 12
    assert "Tot slot 2 open vragen. Wat u schrijft, komt letterlijk in het rapport, onder uw eigen naam. Enter " \
           "slaat een vraag over." in asker.said
    assert [q for _, _, q in asker.commented] == ["Wat wilt u blijven doen?", "Wat wilt u anders doen?"]
    assert yaml.safe_load(asker.path.read_text(encoding="utf-8"))["comments"] == {"anders": "Meer delegeren."}


def test_an_open_answer_is_typed_line_by_line_and_enter_skips() -> None:
    from ontwikkelscan.scan.comments import FIRST, MORE, ask_comment

    def scripted(*lines: str):  # type: ignore[no-untyped-def]
        given = list(lines)
        prompts: list[str] = []

        def line(prompt: str) -> str:
            prompts.append(prompt)
            return given.pop(0)
        return line, prompts

    shown: list[tuple[str, str]] = []
    line, prompts = scripted("")
    assert ask_comment(line, lambda t, s: shown.append((t, s)), "Wat blijven?", 1, 2) == ""
    assert prompts == [FIRST] and shown == [("\nOpen vraag 1 van 2", "dim"), ("  Wat blijven?", "bold")]
    line, prompts = scripted("Eerste regel.", "Tweede regel.", "")
    assert ask_comment(line, lambda t, s: None, "Wat blijven?", 1, 2) == "Eerste regel.\nTweede regel."
    assert prompts == [FIRST, MORE, MORE]
    shown.clear()
    line, prompts = scripted("x" * 2001, "", "Korter.", "")
    assert ask_comment(line, lambda t, s: shown.append((t, s)), "Wat?", 2, 2) == "Korter."
    assert ("Uw antwoord is 2001 tekens; hoogstens 2000. Schrijf het iets korter.", "") in shown


def test_the_forms_carry_the_open_questions_and_the_notice() -> None:
    start()
    code, md, _ = run("feedback", "forms", "ronde", "--rater", "wethouders", "--format", "md")
    assert code == 0
    part = md[md.index("## Open vragen"):]
    assert part.splitlines()[:9] == [
        "## Open vragen", "",
        "Tot slot 2 open vragen. Wat u schrijft, komt letterlijk in het rapport, op één lijst met de opmerkingen "
        "van andere anonieme beoordelaars, zonder groep, en alleen als minstens 3 van hen iets schreven. Schrijf "
        "niets waaraan u te herkennen bent: geen namen, geen functie, geen voorval dat alleen u kent. Leeg laten "
        "mag.", "", "| Wat moet zij blijven doen? `blijven` |", "|:--|", "| &nbsp; |", "| &nbsp; |", "| &nbsp; |"]
    code, own, _ = run("feedback", "forms", "ronde", "--rater", "burgemeester", "--format", "yaml")
    assert "# Onderaan staan 2 open vragen. Wat u schrijft, komt letterlijk in het rapport,\n" \
           "# onder de naam van uw groep (Burgemeester): A. Jansen kan zien dat het van u\n" \
           "# komt. Leeg laten mag.\n" in own
    assert own.endswith('comments:  # open vragen: schrijf tussen de aanhalingstekens; leeg laten mag\n'
                        '  # Wat moet zij blijven doen?\n  blijven: ""\n  # Wat kan zij anders doen?\n  anders: ""\n')
