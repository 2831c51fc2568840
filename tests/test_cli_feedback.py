"""`ontwikkelscan feedback start|forms|report` as a user runs them: files, exact output, exit codes."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app

from .roundkit import invoke, write_rater_bank

ANSWERS = ("a-1", "a-2", "a-3", "b-1", "b-2", "b-3", "g-1", "g-2", "g-3")


run = invoke  # (other test modules import it from here)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_rater_bank(tmp_path / "bank")


def start() -> None:
    code, out, err = run("feedback", "start", "--name", "A. Jansen", "--municipality", "Voorbeeldrecht",
                         "--type", "regie", "--id", "2027-voorjaar-jansen", "--out", "ronde", "--bank", "bank")
    assert (code, out, err) == (0, "", "Ronde 2027-voorjaar-jansen gemaakt in ronde: ronde.yaml en README.md "
                                        "(lees die eerst).\n")


def fill(name: str, rater: str, values: tuple[int | None, ...], unobservable: int | None = None) -> None:
    """Answer as a rater would: the form from `feedback forms`, numbers typed in. `unobservable` answers a-4,
    which has no observer text: never scored for others, it only tells apart two raters who gave the same
    answers (docs/formats.md section 6.1 counts two files with the same answers as one rater)."""
    code, _, _ = run("feedback", "forms", "ronde", "--rater", rater, "--format", "yaml", "-o", f"ronde/{name}.yaml",
                     "--bank", "bank")
    assert code == 0
    path = Path(f"ronde/{name}.yaml")
    text = path.read_text(encoding="utf-8")
    ids = ANSWERS if rater != "self" else ("a-1", "a-2", "a-3", "a-4", *ANSWERS[3:])
    for qid, value in zip(ids, values, strict=True):
        text = text.replace(f"  {qid}: null", f"  {qid}: {'null' if value is None else value}")
    if unobservable is not None:
        text = text.replace("\nanswers:\n", f"\nanswers:\n  a-4: {unobservable}\n")
    path.write_text(text, encoding="utf-8")


def release() -> None:
    """Make the next release, as the coach does before a report (docs/formats.md section 6.2)."""
    code, _, err = run("feedback", "release", "ronde", "--bank", "bank")
    assert code == 0, err


def test_start_writes_a_private_round_and_a_guide() -> None:
    start()
    assert Path("ronde/ronde.yaml").read_text(encoding="utf-8").splitlines()[:7] == [
        "schema: ontwikkelscan/round@1", "id: 2027-voorjaar-jansen", "subject:", '  name: "A. Jansen"',
        '  municipality: "Voorbeeldrecht"', "municipality_type: regie", "contexts: []"]
    guide = Path("ronde/README.md").read_text(encoding="utf-8")
    assert guide.startswith("# Feedbackronde 2027-voorjaar-jansen: A. Jansen (Voorbeeldrecht)\n")
    assert "| Burgemeester | de burgemeester | met naam, ook als er één antwoordt |" in guide
    assert "| Medewerkers | medewerkers die direct met u werken (bijvoorbeeld uw staf en het secretariaat) | " \
           "anoniem, vanaf 3 antwoorden |" in guide
    assert "minder dan 3 mensen uit anonieme groepen geantwoord, dan ziet u van hen geen enkel getal" in guide
    # the secretary receives a released report; the coach, not she, keeps the raw answers
    assert "## 5. Wie bewaart de antwoorden\n\nUw coach (of een vertrouwd derde), niet u." in guide
    assert "    ontwikkelscan feedback release ronde\n" in guide and "## 6. Wat u ontvangt" in guide
    for name in ("ronde.yaml", "README.md"):
        assert stat.S_IMODE(Path("ronde", name).stat().st_mode) == 0o600
    code, _, err = run("feedback", "start", "--name", "B", "--type", "regie", "--out", "ronde", "--bank", "bank")
    assert (code, err) == (1, "fout: ronde/ronde.yaml bestaat al; kies een andere map (een ronde overschrijven we "
                               "niet)\n")


def test_a_round_end_to_end_in_table_json_and_md() -> None:
    start()
    fill("zelf", "self", (5, 1, 5, 4, 4, 4, 2, 3, 3, 3))
    fill("b7q2", "burgemeester", (4, 2, 4, 4, 4, 2, 4, 4, 4))
    fill("x1", "medewerkers", (4, 2, 4, 3, 3, 3, 2, 2, 3))
    fill("x2", "medewerkers", (3, 3, 3, 4, 4, 2, 3, 3, 3))
    fill("x3", "medewerkers", (2, 4, 2, None, None, None, 2, 2, 2))
    release()
    code, out, err = run("feedback", "report", "ronde", "--bank", "bank")
    assert (code, err) == (0, "")
    assert out == """\
Feedbackronde 2027-voorjaar-jansen: A. Jansen, Voorbeeldrecht (Regiegemeente)

Beantwoord: zelf 1, Burgemeester 1, Medewerkers 3.
Anonimiteit: geen getal komt van minder dan 3 beoordelaars uit anonieme groepen;
- = niet getoond om die reden.
Release 1: dit rapport rekent met de antwoorden die in release 1 zijn
vrijgegeven.

Samenvatting
  Blinde vlekken (u ziet meer dan de anderen): Alfa (zelf − anderen +1,6); niet
    te bepalen: te weinig beoordelaars bij Bèta
  Verborgen sterktes (de anderen zien meer dan u): geen bij de andere
    competenties; niet te bepalen: te weinig beoordelaars bij Bèta
  Ontwikkelpunten volgens de anderen: Gamma (anderen 2,8, doel 4,0, verschil
    -1,2); Alfa (anderen 3,3, doel 4,0, verschil -0,8); niet te bepalen: te
    weinig beoordelaars bij Bèta

Competentie  Doel  Zelf  Anderen   Z−A  Status         Signaal
                             (n)        anderen
───────────  ────  ────  ───────  ────  ─────────────  ───────
Alfa          4,0   4,8  3,3 (4)  +1,6  ontwikkelpunt  blinde
                                                       vlek
Bèta          3,0   4,0        -     -  -              -
Gamma         4,0   3,0  2,8 (4)  +0,2  ontwikkelpunt

Anderen: gemiddelde van alle anderen (aantal beoordelaars). Z−A: zelf min
anderen; vanaf +0,5 een blinde vlek, vanaf -0,5 een verborgen sterkte. Status
anderen: hun gemiddelde tegen het doel. Weinig eensgezind: standaardafwijking
van de anderen 1,0 of meer. - = niet getoond om de anonimiteit te beschermen (te
weinig beoordelaars); n.b. = geen score (minder dan de helft van de uitspraken
beantwoord); n.v.t. = niet van toepassing (geen doel voor dit type gemeente, of
niemand samengevoegd). Getallen staan met één decimaal; waar afronden een getal
over een grens zou tillen (het doel, ±0,5 voor een blinde vlek of verborgen
sterkte, 1,0 voor weinig eensgezind), staat er een decimaal meer, zodat getal en
signaal kloppen.

Per groep: gemiddelde (aantal beoordelaars)
  Alfa
    Burgemeester 4,0 (1) · Medewerkers 3,0 (3) · overige beoordelaars n.v.t.
  Bèta
    Burgemeester 4,0 (1) · Medewerkers - · overige beoordelaars -
  Gamma
    Burgemeester 4,0 (1) · Medewerkers 2,4 (3) · overige beoordelaars n.v.t.

Grootste verschillen per uitspraak (zoals beantwoord)
  Alfa
    • “Ik doe A1.” zelf 5, anderen 3,3 (n = 4)
    • “Ik doe A2.” zelf 1, anderen 2,8 (n = 4)
"""
    code, out, err = run("feedback", "report", "ronde", "--bank", "bank", "--format", "json")
    report = json.loads(out)
    assert report["raters"] == {"self": 1, "burgemeester": 1, "medewerkers": 3}
    beta = report["competencies"][1]
    # the third medewerker skipped beta: two medewerkers are too few, with no other anonymous group to pool
    # them with; all others together (burgemeester + 2) would give them away by subtraction: hidden too
    assert {k: beta[k] for k in ("groups", "residue", "others", "self_minus_others", "flag")} == {
        "groups": {"burgemeester": {"score": 4.0, "n": 1}, "medewerkers": None}, "residue": None, "others": None,
        "self_minus_others": None, "flag": None}
    assert beta["hidden_by"] == {"groups.medewerkers": "6.rule2", "residue": "6.rule3", "others": "6.rule4",
                                 "self_minus_others": "6.rule4", "flag": "6.rule4", "agreement": "6.rule4",
                                 "statements.b-1": "6.rule4", "statements.b-2": "6.rule4",
                                 "statements.b-3": "6.rule4"}
    assert (report["schema"], report["release"], report["summary"]["not_determined"]) == (
        "ontwikkelscan/feedback@2", 1, ["beta"])
    code, md, _ = run("feedback", "report", "ronde", "--bank", "bank", "--format", "md")
    assert md.startswith("# Feedbackronde 2027-voorjaar-jansen: A. Jansen, Voorbeeldrecht (Regiegemeente)\n\n"
                         "Beantwoord: zelf 1, Burgemeester 1, Medewerkers 3.  \n")
    assert md.index("## Samenvatting") < md.index("## Per competentie") < md.index("## Per groep")


def test_forms_for_survey_tools_and_paper() -> None:
    start()
    code, out, _ = run("feedback", "forms", "ronde", "--rater", "medewerkers", "--format", "csv", "--bank", "bank")
    assert (code, out) == (0, "a-1,a-2,a-3,b-1,b-2,b-3,g-1,g-2,g-3\n")  # a-4 has no observer text
    code, out, _ = run("feedback", "forms", "ronde", "--rater", "self", "--format", "csv", "--bank", "bank")
    assert out == "a-1,a-2,a-3,a-4,b-1,b-2,b-3,g-1,g-2,g-3\n"
    code, out, _ = run("feedback", "forms", "ronde", "--rater", "wethouders", "--bank", "bank")
    assert out.splitlines()[:8] == [
        "# Feedback over A. Jansen, Voorbeeldrecht", "", "Groep: **Wethouders**", "",
        "Uw antwoorden zijn anoniem: ze worden alleen getoond samen met die van minstens 3 beoordelaars uit "
        "anonieme groepen, nooit los en nooit met uw naam. Vul dus nergens uw naam in.", "",
        "Geef bij elke uitspraak aan hoe vaak u dit gedrag ziet. 1 = nooit, 2 = soms, 3 = regelmatig, 4 = vaak, "
        "5 = altijd. Weet u het niet: kruis 'weet niet' aan (weet ik niet / n.v.t.).", ""]
    # grouped by competency, numbered as the printed form and `feedback enter` count, no ids to understand
    assert "| | **Alfa** | | | | | | |\n| 1 | Doet A-1. | ☐ | ☐ | ☐ | ☐ | ☐ | ☐ |" in out
    assert "`a-1`" not in out
    code, out, _ = run("feedback", "forms", "ronde", "--rater", "burgemeester", "--format", "yaml", "--bank", "bank")
    assert out.splitlines()[:3] == [
        "# Feedback over A. Jansen (ronde 2027-voorjaar-jansen).",
        "# Let op: de groep Burgemeester wordt met naam getoond, ook als u de enige bent.",
        "# A. Jansen kan uw antwoorden dus herkennen."]
    assert "respondent" not in out and "rater: \"burgemeester\"\nround: 2027-voorjaar-jansen\n" in out


@pytest.mark.parametrize(("args", "message"), [
    (("--format", "yaml"), "fout: een antwoordbestand is voor één groep: geef --rater (burgemeester, wethouders, "
                           "directie, medewerkers, ondernemingsraad of self)\n"),
    (("--rater", "raad"), None),
])
def test_forms_usage_errors(args: tuple[str, ...], message: str | None) -> None:
    start()
    code, out, err = run("feedback", "forms", "ronde", *args, "--bank", "bank")
    assert (code, out) == (2, "")
    if message:
        assert err == message
    else:
        assert "onbekende beoordelaar `raad`; kies uit: self, burgemeester" in err


def test_a_second_self_file_stops_the_release_and_a_copy_is_one_self() -> None:
    start()
    fill("a", "self", (5, 1, 5, 4, 4, 4, 2, 3, 3, 3))
    fill("b", "self", (5, 1, 5, 4, 4, 4, 2, 3, 3, 4))
    code, out, err = run("feedback", "release", "ronde", "--bank", "bank")
    assert (code, out) == (1, "")
    assert err == ("ronde/b.yaml: rater: een tweede zelfscan in de ronde (ook ronde/a.yaml); een ronde heeft één "
                   "zelfscan: verwijder of verplaats er één\n")
    Path("ronde/b.yaml").write_bytes(Path("ronde/a.yaml").read_bytes())  # a copy: one self, with a warning
    code, out, err = run("feedback", "release", "ronde", "--bank", "bank")
    assert code == 0
    assert err == ("waarschuwing: ronde/b.yaml: hetzelfde antwoord als ronde/a.yaml (dezelfde groep, antwoorden en "
                   "opmerkingen); telt als één beoordelaar\n")


def test_a_bank_without_rater_groups_cannot_hold_a_round(tmp_path: Path) -> None:
    from .conftest import COMPETENCIES, QUESTIONS

    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "competencies.yaml").write_text(COMPETENCIES, encoding="utf-8")
    (tmp_path / "plain" / "questions.yaml").write_text(QUESTIONS, encoding="utf-8")
    code, _, err = run("feedback", "start", "--name", "A", "--type", "regie", "--out", "r", "--bank", "plain")
    assert (code, err) == (2, "fout: de vragenbank t1 heeft geen beoordelaarsgroepen (`raters:` in questions.yaml); "
                              "een feedbackronde kan er niet mee\n")


def test_cohort_and_items_count_self_scans_unless_a_rater_is_asked() -> None:
    start()
    fill("zelf", "self", (5, 1, 5, 4, 4, 4, 2, 3, 3, 3))
    for i, values in enumerate(((4, 2, 4, 3, 3, 3, 2, 2, 3), (3, 3, 3, 4, 4, 2, 3, 3, 3), (2, 4, 2, 3, 3, 3, 2, 2, 2))):
        fill(f"m{i}", "medewerkers", values)
    code, out, err = run("cohort", "ronde", "--bank", "bank", "--allow-small", "--format", "json")
    assert (code, err) == (0, "waarschuwing: 3 antwoordbestand(en) van andere beoordelaars overgeslagen: dit telt alleen "
                              "zelfscans; kies een groep met --rater\n")
    assert json.loads(out)["respondents"] == 1
    release()
    code, out, err = run("cohort", "ronde", "--bank", "bank", "--rater", "medewerkers", "--format", "json")
    assert code == 0 and "1 antwoordbestand(en) van andere beoordelaars overgeslagen" in err
    cohort = json.loads(out)
    alpha = cohort["competencies"][0]
    # observers are scored over a-1, a-2 (reverse), a-3 (weight 2): (4+4+8)/4, (3+3+6)/4, (2+2+4)/4
    assert (cohort["respondents"], alpha["n"], alpha["mean"]) == (3, 3, 3.0)
    code, out, err = run("items", "ronde", "--bank", "bank", "--rater", "medewerkers", "--format", "json")
    assert code == 0
    items = json.loads(out)
    assert [i["id"] for c in items["competencies"] for i in c["items"]] == list(ANSWERS)
    code, _, err = run("items", "ronde", "--bank", "bank", "--rater", "raad")
    assert code == 2 and "onbekende beoordelaar `raad`; kies uit: self, burgemeester" in err


OTHERS_LEFT_OUT = ("waarschuwing: {n} antwoordbestand(en) van andere beoordelaars overgeslagen: dit telt alleen "
                   "zelfscans; de antwoorden van anderen ziet u met `ontwikkelscan feedback report MAP` (de map van de "
                   "ronde)\n")
NOT_A_SELF_SCAN = ("ronde/{name}.yaml: dit is geen zelfscan maar een antwoordbestand van een andere beoordelaar (groep "
                   "`medewerkers`); de antwoorden van anderen ziet u met `ontwikkelscan feedback report MAP` (de map "
                   "van de ronde)\n")


def test_report_compare_and_plan_take_only_the_secretarys_own_scan() -> None:
    start()
    fill("zelf", "self", (5, 1, 5, 4, 4, 4, 2, 3, 3, 3))
    fill("m0", "medewerkers", (4, 2, 4, 3, 3, 3, 2, 2, 3))
    fill("m1", "medewerkers", (3, 3, 3, 4, 4, 2, 3, 3, 3))
    code, out, err = run("report", "ronde", "--bank", "bank", "--format", "json")
    assert (code, err) == (0, OTHERS_LEFT_OUT.format(n=2))
    report = json.loads(out)
    assert (report["source"], [c["score"] for c in report["competencies"]]) == ("ronde/zelf.yaml", [4.8, 4.0, 3.0])
    # named on the command line, an observer's file is an error; the self scan next to it is still reported
    code, out, err = run("report", "ronde/m0.yaml", "ronde/zelf.yaml", "--bank", "bank", "--format", "json")
    assert (code, err) == (1, NOT_A_SELF_SCAN.format(name="m0"))
    assert json.loads(out)["source"] == "ronde/zelf.yaml"
    code, out, err = run("plan", "ronde/m1.yaml", "--bank", "bank")
    assert (code, out, err) == (1, "", NOT_A_SELF_SCAN.format(name="m1"))
    code, out, err = run("compare", "ronde/zelf.yaml", "ronde/m0.yaml", "--bank", "bank")
    assert (code, out, err) == (1, "", NOT_A_SELF_SCAN.format(name="m0"))
    # two folders: one warning for both sides
    Path("voor").mkdir()
    Path("voor/zelf.yaml").write_text(Path("ronde/zelf.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run("compare", "voor", "ronde", "--bank", "bank", "--format", "json")
    assert (code, err) == (0, OTHERS_LEFT_OUT.format(n=2))
    assert [c["change"] for c in json.loads(out)["competencies"]] == [0.0, 0.0, 0.0]


def test_scan_in_a_round_as_a_medewerker(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from ontwikkelscan.scan import session

    from .test_cli_scan import FakeAsker

    start()

    class Observer(FakeAsker):
        def item(self, item):  # type: ignore[no-untyped-def]
            self.path = next(p for p in Path("ronde").glob("*.yaml") if p.name != "ronde.yaml")
            return super().item(item)

    asker = Observer(None, [4, 2, 4, 3, 3, 3, 2, 2, 3], type_id=None)
    monkeypatch.setattr(session, "is_terminal", lambda: True)
    monkeypatch.setattr(session, "make_asker", lambda scale: asker)
    result = CliRunner().invoke(app, ["scan", "--round", "ronde", "--rater", "medewerkers", "--order", "bank",
                                      "--bank", "bank"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    assert asker.welcomed is None and asker.said[:2] == [
        "Feedback over A. Jansen\n\nU krijgt 9 korte uitspraken over wat u A. Jansen ziet doen. Kies bij elke "
        "uitspraak wat het vaakst klopt; weet u het niet, kies dan 'weet ik niet'. Uw naam wordt niet gevraagd.\n"
        "Pauzeren kan altijd: druk op Ctrl-C.",
        "\nOver: A. Jansen\nUw antwoorden zijn anoniem: ze worden alleen getoond samen met die van minstens 3 "
        "beoordelaars uit anonieme groepen, nooit los en nooit met uw naam. Vul dus nergens uw naam in."]
    assert [qid for _, qid, _ in asker.asked] == list(ANSWERS)  # a-4 has no observer text: not asked
    path = asker.path
    assert path is not None and re.fullmatch(r"[0-9a-f]{8}\.yaml", path.name)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[:4] == ["schema: ontwikkelscan/answers@1", "municipality_type: regie",
                                     'rater: "medewerkers"', "round: 2027-voorjaar-jansen"]
    assert "respondent" not in text and "date" not in text
    assert result.stdout == ""  # no scores for the observer
    assert result.stderr == f"\nDank u wel. Uw antwoorden zijn bewaard in {path}\n"
    release()
    code, out, _ = run("feedback", "report", "ronde", "--bank", "bank", "--format", "json")
    assert json.loads(out)["raters"] == {"self": 0, "overige": 1}


def test_scan_round_options_belong_together() -> None:
    start()
    code, _, err = run("scan", "--round", "ronde", "--bank", "bank")
    assert (code, err) == (2, "fout: --round en --rater horen bij elkaar: ontwikkelscan scan --round RONDEMAP "
                              "--rater GROEP\n")


def test_a_survey_export_comes_into_the_round() -> None:
    import re

    start()
    _, header, _ = run("feedback", "forms", "ronde", "--rater", "medewerkers", "--format", "csv", "--bank", "bank")
    rows = ["4,2,4,3,3,3,2,2,3", "3,3,3,4,4,2,3,3,3", "2,4,2,3,3,3,2,2,2"]
    Path("export.csv").write_text("respondent," + header + "".join(f"Piet {i},{r}\n" for i, r in enumerate(rows)),
                                  encoding="utf-8")
    code, _, err = run("import-csv", "export.csv", "--round", "ronde", "--rater", "medewerkers", "--bank", "bank")
    assert (code, err) == (0, "waarschuwing: export.csv: 1 kolom(men) met persoonsgegevens niet overgenomen "
                              "(anonieme beoordelaars): A (respondent)\nexport.csv: 3 geïmporteerd in ronde\n")
    files = sorted(p for p in Path("ronde").glob("*.yaml") if p.name != "ronde.yaml")
    assert len(files) == 3 and all(re.fullmatch(r"[0-9a-f]{16}\.yaml", p.name) for p in files)
    assert all("Piet" not in p.read_text(encoding="utf-8") for p in files)
    release()
    code, out, _ = run("feedback", "report", "ronde", "--bank", "bank", "--format", "json")
    report = json.loads(out)
    assert report["raters"] == {"self": 0, "medewerkers": 3}
    assert report["competencies"][0]["groups"]["medewerkers"] == {"score": 3.0, "n": 3}


def test_the_html_report_is_self_contained_and_escapes_what_it_is_given() -> None:
    import re

    code, _, _ = run("feedback", "start", "--name", "<script>alert(1)</script> Jansen", "--type", "regie",
                     "--id", "2027-voorjaar-jansen", "--out", "ronde", "--bank", "bank")
    assert code == 0
    fill("zelf", "self", (5, 1, 5, 4, 4, 4, 2, 3, 3, 3))
    for i in range(3):
        fill(f"m{i}", "medewerkers", (4, 2, 4, 3, 3, 3, 2, 2, 1 + i))
    release()
    code, html, err = run("feedback", "report", "ronde", "--bank", "bank", "--format", "html")
    assert (code, err) == (0, "")
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; Jansen" in html
    assert all(ref.startswith(("#", "data:")) for ref in re.findall(r'(?:src|href)="([^"]*)"', html))
    assert "Content-Security-Policy" in html
    assert html.index("Beantwoord: zelf 1, Medewerkers 3.") < html.index("<table")
    assert '<title id="feedback-radar-title">Zelf, anderen en doel per competentie</title>' in html
    assert "Alfa: zelf 4,8, anderen 4,0, doel 4" in html
    code, _, err = run("feedback", "report", "ronde", "--bank", "bank", "--format", "pdf")
    assert (code, err) == (2, "fout: een PDF hoort niet op het scherm; geef --output feedback.pdf\n")


def test_plan_on_a_round_puts_blind_spots_first() -> None:
    start()
    fill("zelf", "self", (5, 1, 5, 4, 4, 4, 2, 3, 3, 3))  # self: alpha 4.8 (strength), beta 4.0, gamma 3.0
    fill("b7q2", "burgemeester", (4, 2, 4, 4, 4, 2, 4, 4, 4))
    for i, values in enumerate(((4, 2, 4, 3, 3, 3, 2, 2, 3), (3, 3, 3, 4, 4, 2, 3, 3, 3), (2, 4, 2, 3, 3, 3, 2, 2, 2))):
        fill(f"m{i}", "medewerkers", values)
    release()
    code, out, err = run("plan", "ronde", "--bank", "bank")
    assert (code, err) == (0, "")
    # blind spots first, largest first: alpha (self 4.8 against others 3.25, a strength in the self scan)
    # and beta (4.0 against 3.5); then gamma, below target for the others
    assert [line for line in out.splitlines() if line.startswith("### ")] == [
        "### 1. Alfa: sterk punt", "### 2. Bèta: sterk punt", "### 3. Gamma: ontwikkelpunt"]
    assert "> Dit plan gebruikt ook de feedback van anderen (ronde 2027-voorjaar-jansen): eerst de blinde " \
           "vlekken" in out
    # each blind spot names the others' score next to her own (issue 20); gamma has no flag
    assert "Blinde vlek: ik zie mezelf hier hoger dan de anderen mij zien (ikzelf op 4,8, de anderen op 3,3)." in out
    assert "Blinde vlek: ik zie mezelf hier hoger dan de anderen mij zien (ikzelf op 4,0, de anderen op 3,5)." in out
    assert out.count("Blinde vlek:") == 2 and "Zo zien de anderen het: ikzelf op 3,0, de anderen op" in out


def test_an_observer_pauses_and_resumes_with_the_round_welcome(monkeypatch: pytest.MonkeyPatch) -> None:
    from ontwikkelscan.scan import session
    from ontwikkelscan.scan.flow import Move

    from .test_cli_scan import FakeAsker

    start()

    class Observer(FakeAsker):
        def item(self, item):  # type: ignore[no-untyped-def]
            self.path = next(p for p in Path("ronde").glob("*.yaml") if p.name != "ronde.yaml")
            return super().item(item)

    monkeypatch.setattr(session, "is_terminal", lambda: True)
    first = Observer(None, [4, 3, Move.PAUSE], type_id=None)
    monkeypatch.setattr(session, "make_asker", lambda scale: first)
    result = CliRunner().invoke(app, ["scan", "--round", "ronde", "--rater", "burgemeester", "--order", "bank",
                                      "--bank", "bank"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    assert first.item_prompt == "Hoe vaak ziet u dit?"  # type: ignore[attr-defined]
    assert first.said[1] == ("\nOver: A. Jansen\nLet op: de groep Burgemeester wordt met naam getoond, ook als u de "
                             "enige bent. A. Jansen kan uw antwoorden dus herkennen.")
    path = first.path
    assert path is not None
    again = Observer(path, [Move.PAUSE], type_id=None)
    monkeypatch.setattr(session, "make_asker", lambda scale: again)
    result = CliRunner().invoke(app, ["scan", "--resume", str(path), "--bank", "bank"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    assert again.welcomed is None and again.said[0].startswith("Feedback over A. Jansen\n\nU krijgt 9 korte")
    assert again.asked == [(3, "a-3", -1)]  # the observer questions, where it stopped


def test_the_spec_example_through_the_cli_status_line_and_csv() -> None:
    start()
    fill("zelf", "self", (4, 2, 4, 4, 4, 4, 2, 4, 4, 4))
    fill("b", "burgemeester", (3, 3, 3, 3, 3, 3, 3, 3, 3))
    for i, v in enumerate((4, 4, 4, 5, 5)):
        fill(f"d{i}", "directie", (v, 6 - v, v, v, v, 6 - v, v, v, v), unobservable=i + 1)
    for i, v in enumerate((2, 3, 3, 4)):
        fill(f"m{i}", "medewerkers", (v, 6 - v, v, v, v, 6 - v, v, v, v), unobservable=i + 1)
    for i, v in enumerate((2, 3)):
        fill(f"o{i}", "ondernemingsraad", (v, 6 - v, v, v, v, 6 - v, v, v, v))
    release()
    code, out, err = run("feedback", "report", "ronde", "--bank", "bank")
    assert (code, err) == (0, "")
    assert out.splitlines()[2:7] == [
        "Beantwoord: zelf 1, Burgemeester 1, Directie en management 5, Medewerkers 4,",
        "overige beoordelaars 2.",
        "Te klein om apart te tonen (minder dan 3): Ondernemingsraad; hun antwoorden",
        "tellen mee bij 'overige beoordelaars' en 'anderen' zodra dat kan zonder iemand",
        "herkenbaar te maken.",
    ]
    assert "    Burgemeester 3,0 (1) · Directie en management 4,4 (5) · Medewerkers - ·" in out
    code, out, _ = run("feedback", "report", "ronde", "--bank", "bank", "--format", "csv")
    header, alpha = out.splitlines()[:2]
    assert header == ("round,competency,name,kind,target,self,self_status,others,others_n,others_sd,others_gap,"
                      "others_status,self_minus_others,flag,agreement,burgemeester,burgemeester_n,directie,directie_n,"
                      "medewerkers,medewerkers_n,ondernemingsraad,ondernemingsraad_n,residue,residue_n")
    assert alpha == ("2027-voorjaar-jansen,alpha,Alfa,core,4.0,4.0,on_target,3.5,12,1.0,-0.5,development,0.5,"
                     "blind_spot,low,3.0,1,4.4,5,,,,,2.8333333333333335,6")
    code, out, _ = run("feedback", "report", "ronde", "--bank", "bank", "--format", "csv", "--csv-dialect", "excel-nl")
    header, alpha = out.splitlines()[:2]
    assert header == ("\ufeffronde;competentie;naam;soort;doel;zelf;zelf status;anderen;anderen aantal;"
                      "anderen standaardafwijking;anderen verschil;anderen status;zelf min anderen;signaal;eensgezindheid;"
                      "burgemeester;burgemeester aantal;directie;directie aantal;medewerkers;medewerkers aantal;"
                      "ondernemingsraad;ondernemingsraad aantal;overige beoordelaars;overige beoordelaars aantal")
    assert alpha == ("2027-voorjaar-jansen;alpha;Alfa;kern;4,00;4,00;op niveau;3,50;12;1,00;-0,50;ontwikkelpunt;0,50;"
                     "blinde vlek;weinig eensgezind;3,00;1;4,40;5;;;;;2,83;6")


def test_the_self_scan_of_a_round(monkeypatch: pytest.MonkeyPatch) -> None:
    from ontwikkelscan.scan import session

    from .test_cli_scan import FakeAsker

    start()

    class Secretary(FakeAsker):
        def item(self, item):  # type: ignore[no-untyped-def]
            self.path = next(p for p in Path("ronde").glob("*.yaml") if p.name != "ronde.yaml")
            return super().item(item)

    asker = Secretary(None, [5, 1, 5, 4, 4, 4, 2, 3, 3, 3], type_id=None)
    monkeypatch.setattr(session, "is_terminal", lambda: True)
    monkeypatch.setattr(session, "make_asker", lambda scale: asker)
    result = CliRunner().invoke(app, ["scan", "--round", "ronde", "--rater", "self", "--order", "bank",
                                      "--bank", "bank"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    assert asker.welcomed == 10  # all statements, a-4 too, in the first person
    assert asker.said[0] == ("\nOver: A. Jansen\nDit is de zelfscan van A. Jansen; die wordt met naam getoond, "
                             "naast het beeld van de anderen.")
    assert "Alfa" in result.stdout  # the secretary sees the own report
    release()
    code, out, _ = run("feedback", "report", "ronde", "--bank", "bank", "--format", "json")
    assert json.loads(out)["competencies"][0]["self"] == {"score": 4.8, "status": "strength"}


def test_the_guide_quotes_a_folder_with_a_space_so_a_pasted_command_runs() -> None:
    import shlex

    code, _, _ = run("feedback", "start", "--name", "A. Jansen", "--type", "regie", "--out", "ronde Jansen",
                     "--bank", "bank")
    assert code == 0
    guide = Path("ronde Jansen/README.md").read_text(encoding="utf-8")
    commands = [line.strip() for line in guide.splitlines() if line.startswith("    ontwikkelscan ")]
    assert commands[0] == "ontwikkelscan scan --round 'ronde Jansen' --rater self"
    assert "ontwikkelscan feedback forms 'ronde Jansen' --rater medewerkers --format yaml -o 'ronde Jansen/m-01.yaml'" \
        in commands
    assert all("'ronde Jansen" in c for c in commands)
    forms = next(c for c in commands if c.endswith("-o medewerkers.md"))
    code, _, _ = run(*shlex.split(forms)[1:], "--bank", "bank")  # pasted into a shell: one argument, not two
    assert code == 0 and Path("medewerkers.md").read_text(encoding="utf-8").startswith("# Feedback over A. Jansen")


def test_the_self_form_has_the_self_texts_and_the_others_the_observer_texts() -> None:
    start()
    for fmt in ("md", "yaml"):
        _, own, _ = run("feedback", "forms", "ronde", "--rater", "self", "--format", fmt, "--bank", "bank")
        _, theirs, _ = run("feedback", "forms", "ronde", "--rater", "medewerkers", "--format", fmt, "--bank", "bank")
        assert ("Ik doe A1." in own, "Doet A-1." in own) == (True, False), fmt
        assert ("Ik doe A1." in theirs, "Doet A-1." in theirs) == (False, True), fmt
        assert "Ik doe A4." in own and "A4" not in theirs.replace("a-4", "")  # a-4 has no observer text
    _, own, _ = run("feedback", "forms", "ronde", "--rater", "self", "--format", "yaml", "--bank", "bank")
    assert "  # Ik doe A1.\n  #   (1 = nooit" in own
    _, theirs, _ = run("feedback", "forms", "ronde", "--rater", "medewerkers", "--format", "yaml", "--bank", "bank")
    assert "  # Doet A-1.\n  #   (1 = nooit" in theirs


def test_a_pooled_comment_list_is_a_block_of_the_release_rule() -> None:
    """docs/formats.md section 6.2: release 2 may not show the pooled comments of 3 and then of 4 anonymous writers,
    even when the numbers allow it (3 new raters): the new comment would be one person's."""
    def comment(name: str, text: str) -> None:
        path = Path(f"ronde/{name}.yaml")
        body = path.read_text(encoding="utf-8")
        assert '  blijven: ""' in body
        path.write_text(body.replace('  blijven: ""', f'  blijven: "{text}"'), encoding="utf-8")

    start()
    for i, values in enumerate(((4, 2, 4, 3, 3, 3, 2, 2, 3), (3, 3, 3, 4, 4, 2, 3, 3, 3), (2, 4, 2, 3, 3, 3, 2, 2, 2))):
        fill(f"m{i}", "medewerkers", values)
        comment(f"m{i}", f"Opmerking {i}.")
    release()
    for i, values in enumerate(((4, 4, 4, 3, 3, 3, 4, 2, 3), (3, 2, 3, 4, 4, 2, 3, 2, 3), (2, 3, 2, 3, 3, 3, 2, 4, 2))):
        fill(f"w{i}", "wethouders", values)
    comment("w0", "Eén nieuwe stem.")
    code, _, err = run("feedback", "release", "ronde", "--bank", "bank")
    assert code == 1 and "comment:blijven" not in err  # the message names groups, not internals
    assert "Wethouders" in err
    comment("w1", "Nog een.")
    comment("w2", "En een derde.")
    release()  # three more writers: the pools differ by the floor
