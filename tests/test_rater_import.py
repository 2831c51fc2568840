"""Rater surveys of the four tools, imported into a round with no edit (issue 19 items 1, 3, 4): observer
texts as headings, one survey for all groups, and nothing that identifies a rater in any written file."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.files.answers import read_answers
from ontwikkelscan.files.survey.values import rater_group
from tests import raterexports as rx
from tests.conftest import bank_outside_a_test

BANK = bank_outside_a_test()  # the shipped bank: its observer texts are what raters read
ALL = [("burgemeester", "Burgemeester"), *[("wethouders", "Wethouder")] * 3, *[("medewerkers", "medewerkers")] * 4,
       ("ondernemingsraad", "Ondernemingsraad"), ("ondernemingsraad", "ondernemingsraad."),
       ("directie", "Directie en management")]
PEOPLE = rx.raters(BANK, ALL)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "120"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def round_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    code, _, _ = run("feedback", "start", "--name", "A. Jansen", "--type", "regie", "--id", "2027-voorjaar-jansen",
                     "--out", "ronde")
    assert code == 0
    return tmp_path / "ronde"


@pytest.fixture
def texts(round_folder: Path) -> rx.Texts:
    code, guide, _ = run("feedback", "forms", "ronde", "--format", "guide")
    assert code == 0
    texts = rx.guide_texts(guide, BANK)
    observed = [q.id for q in BANK.questions if q.observer and not q.contexts]
    assert [qid for _, rows in texts.matrices for qid, _ in rows] == observed
    assert (texts.group_question, len(texts.groups), len(texts.scale)) == ("Ik ben", 6, 6)
    return texts


def expected_comments(person: rx.Rater) -> dict[str, str]:
    return {cid: text for cid, text in zip(("blijven", "anders"), person.comments, strict=True) if text}


def written(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in ("ronde.yaml", "README.md"))


@pytest.mark.parametrize("tool", list(rx.BUILDERS))
def test_one_survey_for_all_groups_fills_the_round_and_nothing_points_at_a_rater(tool: str, round_folder: Path,
                                                                               tmp_path: Path, texts: rx.Texts) -> None:
    export = rx.BUILDERS[tool](tmp_path / f"export-{tool}", texts, PEOPLE)
    code, out, err = run("import-csv", str(export), "--round", "ronde")
    assert code == 0, err
    assert err.endswith(f"{export}: {len(PEOPLE)} geïmporteerd in ronde (Burgemeester 1, Wethouders 3, Directie en "
                        "management 1, Medewerkers 4, Ondernemingsraad 2)\n")
    assert err.count("persoonsgegevens niet overgenomen") == 1
    files = written(round_folder)
    answers = [f for f in files if f.suffix == ".yaml"]
    assert [f.name for f in files if f.suffix != ".yaml"] == ["ronde.sleutel"]
    assert len(answers) == len(PEOPLE)
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    sheets = {p.name: read_answers(p, BANK) for p in answers}
    assert sorted(repr((s.rater, sorted(s.answers.items()), dict(s.comments))) for s in sheets.values()) == sorted(
        repr((p.group, sorted(p.answers.items()), expected_comments(p))) for p in PEOPLE)
    assert sum(bool(s.comments) for s in sheets.values()) == sum(bool(expected_comments(p)) for p in PEOPLE) > 5
    # only the burgemeester (anonymous: false) keeps a name; no anonymous file holds anything of a person
    mayor = next(p for p in PEOPLE if p.group == "burgemeester")
    for name, sheet in sheets.items():
        text = (round_folder / name).read_text(encoding="utf-8")
        if sheet.rater == "burgemeester":
            continue
        assert re.fullmatch(r"[0-9a-f]{16}\.yaml", name)
        assert "respondent" not in text and "date:" not in text
        for person in PEOPLE:
            for value in person.identifying():
                assert value not in text, (tool, name, value)
    assert all(value not in (round_folder / "ronde.sleutel").read_text() for p in PEOPLE for value in p.identifying())
    assert mayor.rid not in "".join(p.read_text(encoding="utf-8") for p in answers)
    assert run("feedback", "release", "ronde")[0] == 0  # a report shows a release (docs/formats.md section 6.2)
    code, out, _ = run("feedback", "report", "ronde", "--format", "json")
    assert json.loads(out)["raters"] == {"self": 0, "burgemeester": 1, "wethouders": 3, "medewerkers": 4,
                                         "overige": 3}


@pytest.mark.parametrize("tool", list(rx.BUILDERS))
def test_a_reimport_recognises_its_rows(tool: str, round_folder: Path, tmp_path: Path, texts: rx.Texts) -> None:
    export = rx.BUILDERS[tool](tmp_path / f"export-{tool}", texts, PEOPLE[:6])
    assert run("import-csv", str(export), "--round", "ronde")[0] == 0
    before = {p.name: p.read_text(encoding="utf-8") for p in written(round_folder)}
    grown = rx.BUILDERS[tool](tmp_path / f"grown-{tool}", texts, PEOPLE)
    code, _, err = run("import-csv", str(grown), "--round", "ronde")
    assert (code, err.splitlines()[-1]) == (0, f"{grown}: {len(PEOPLE) - 6} geïmporteerd in ronde "
                                               "(Directie en management 1, Medewerkers 2, Ondernemingsraad 2), 6 overgeslagen (6 al geïmporteerd)")
    after = {p.name: p.read_text(encoding="utf-8") for p in written(round_folder)}
    assert {k: after[k] for k in before} == before and len(after) == len(PEOPLE) + 1


def test_the_warning_names_the_identifying_columns_it_left_out(round_folder: Path, tmp_path: Path,
                                                               texts: rx.Texts) -> None:
    export = rx.forms_xlsx(tmp_path / "Feedback.xlsx", texts, PEOPLE)
    code, _, err = run("import-csv", str(export), "--round", "ronde")
    assert code == 0
    assert err.splitlines()[0] == (f"waarschuwing: {export}: 5 kolom(men) met persoonsgegevens niet overgenomen "
                                   "(anonieme beoordelaars): B (Begintijd), C (Tijd van voltooien), D (E-mail), "
                                   "E (Naam), F (Tijdstip van laatste wijziging)")
    export = rx.qualtrics_csv(tmp_path / "Feedback.csv", texts, PEOPLE)
    code, _, err = run("import-csv", str(export), "--round", "ronde")
    assert err.splitlines()[0] == (f"waarschuwing: {export}: 10 kolom(men) met persoonsgegevens niet overgenomen "
                                   "(anonieme beoordelaars): A (Start Date), B (End Date), D (IP Address), "
                                   "H (Recorded Date), J (Recipient Last Name), K (Recipient First Name), "
                                   "L (Recipient Email), M (External Data Reference), N (Location Latitude), "
                                   "O (Location Longitude)")


def test_a_survey_per_group_with_rater(round_folder: Path, tmp_path: Path, texts: rx.Texts) -> None:
    people = [p for p in PEOPLE if p.group == "medewerkers"]
    export = rx.google_csv(tmp_path / "Medewerkers (antwoorden).csv", texts, people, group=False)
    code, _, err = run("import-csv", str(export), "--round", "ronde", "--rater", "medewerkers")
    assert (code, err.splitlines()[-1]) == (0, f"{export}: 4 geïmporteerd in ronde")
    assert {read_answers(p, BANK).rater for p in written(round_folder) if p.suffix == ".yaml"} == {"medewerkers"}


def test_without_a_group_column_the_group_is_asked_for(round_folder: Path, tmp_path: Path, texts: rx.Texts) -> None:
    export = rx.forms_xlsx(tmp_path / "Feedback.xlsx", texts, PEOPLE[:2], group=False)
    code, _, err = run("import-csv", str(export), "--round", "ronde")
    assert (code, err.splitlines()[-1]) == (2, f"fout: {export}: geen kolom met de groep van de beoordelaars (een "
                                               "vraag `Ik ben` met de groepen als keuzes); geef --rater GROEP als "
                                               "deze enquête voor één groep is")
    assert written(round_folder) == []


def test_a_group_that_cannot_be_mapped_names_the_row_the_value_and_the_names(round_folder: Path,
                                                                             tmp_path: Path, texts: rx.Texts) -> None:
    people = [PEOPLE[1], PEOPLE[2]._replace(group_answer="Raadslid"), PEOPLE[3]._replace(group_answer="")]
    export = rx.forms_xlsx(tmp_path / "Feedback.xlsx", texts, people)
    code, _, err = run("import-csv", str(export), "--round", "ronde")
    allowed = "Burgemeester, Wethouders, Directie en management, Medewerkers, Ondernemingsraad, Externe partners"
    assert code == 1
    assert f"{export}:3:7: rij 3, kolom G (Ik ben): `Raadslid` is geen beoordelaarsgroep van de vragenbank; " \
           f"toegestaan: {allowed}" in err
    assert f"{export}:4:7: rij 4, kolom G (Ik ben): geen groep ingevuld; toegestaan: {allowed}" in err
    assert err.splitlines()[-1] == f"{export}: 1 geïmporteerd in ronde (Wethouders 1), 2 geweigerd (2 met fouten)"


def test_a_row_of_another_group_than_rater_is_refused(round_folder: Path, tmp_path: Path, texts: rx.Texts) -> None:
    export = rx.forms_xlsx(tmp_path / "Feedback.xlsx", texts, PEOPLE[1:3] + PEOPLE[4:5])
    code, _, err = run("import-csv", str(export), "--round", "ronde", "--rater", "wethouders")
    assert code == 1
    assert f"{export}:4: rij 4: deze rij is van de groep Medewerkers, niet van Wethouders (--rater wethouders); " \
           "laat --rater weg om elke rij in zijn eigen groep te zetten" in err


@pytest.mark.parametrize(("text", "group"), [
    ("Burgemeester", "burgemeester"), ("wethouder", "wethouders"), ("De wethouders", "wethouders"),
    ("WETHOUDERS.", "wethouders"), ("Medewerker (staf, secretariaat)", "medewerkers"), ("directie", "directie"),
    ("Directie en management", "directie"), ("ondernemingsraad", "ondernemingsraad"), ("externe partner", "partners"),
    ("partners", "partners"), ("Lid van de ondernemingsraad", "ondernemingsraad"), ("raadslid", None),
    ("self", None), ("", None), ("management", None), ("medewerker directie", None)])
def test_rater_group_names(text: str, group: str | None) -> None:
    assert rater_group(text, BANK) == group


def test_a_code_export_of_a_rater_survey_gets_a_mapping_over_the_observer_statements(round_folder: Path,
                                                                                     tmp_path: Path,
                                                                                     texts: rx.Texts) -> None:
    people = [p for p in PEOPLE if p.group == "medewerkers"]
    export = rx.limesurvey_codes_csv(tmp_path / "results-survey4.csv", texts, people)
    code, _, err = run("import-csv", str(export), "--round", "ronde", "--rater", "medewerkers",
                       "--write-columns", "koppeling.yaml")
    assert (code, err) == (0, f"Geschreven: koppeling.yaml ({8 + sum(len(r) for _, r in texts.matrices)} "
                              f"kolommen). Controleer hem en importeer met: ontwikkelscan import-csv {export} "
                              "--columns koppeling.yaml --round ronde --rater medewerkers\n")
    mapping = Path("koppeling.yaml").read_text(encoding="utf-8")
    first = texts.matrices[0][1][0]
    assert f'  "G01Q01[SQ001]": {first[0]}  # gok: de volgorde van de vragenbank; {first[1][:60]}' in mapping
    code, _, err = run("import-csv", str(export), "--round", "ronde", "--rater", "medewerkers",
                       "--columns", "koppeling.yaml")
    assert (code, err.splitlines()[-1]) == (0, f"{export}: 4 geïmporteerd in ronde")
    got = sorted(dict(read_answers(p, BANK).answers).items().__repr__() for p in written(round_folder)
                 if p.suffix == ".yaml")
    assert got == sorted(p.answers.items().__repr__() for p in people)


@pytest.mark.parametrize(("header", "group"), [
    ("Ik ben", True), ("Ik ben:", True), ("ik ben: burgemeester / wethouder / ...", True), ("Ik ben...", True),
    ("Tot welke groep behoort u?", True), ("Wat is uw rol?", True), ("Uw groep", True), ("Groep", True),
    ("Ik ben tevreden over de samenwerking", False), ("Opmerkingen", False),
    ("In welke rol werkt u het meest samen met de secretaris, en hoe vaak spreekt u hem of haar?", False)])
def test_group_questions(header: str, group: bool) -> None:
    from ontwikkelscan.files.survey.columns import is_group_question

    assert is_group_question(header) is group


def test_comment_columns_by_id_or_text_and_their_errors(round_folder: Path, tmp_path: Path) -> None:
    first, second = [q for q in BANK.questions if q.observer and not q.contexts][:2]
    export = tmp_path / "export.csv"
    long = "x" * 2001
    export.write_text(f'Ik ben,{first.observer},{second.id},blijven,"Wat wilt u meer of anders doen?"\n'
                      'Wethouders,vaak,3,"Helder, zoals altijd.",\n'
                      'Medewerkers,,,,"Alleen een opmerking"\n'
                      f'Medewerkers,soms,2,{long},\n', encoding="utf-8")
    code, _, err = run("import-csv", str(export), "--round", "ronde")
    assert code == 1
    assert f"{export}:4:4: rij 4, kolom D (blijven): opmerking bij `blijven` is 2001 tekens lang; hoogstens 2000 " \
           "tekens: maak haar korter" in err
    assert err.splitlines()[-1] == (f"{export}: 2 geïmporteerd in ronde (Wethouders 1, Medewerkers 1), 1 geweigerd "
                                    "(1 met fouten)")
    sheets = sorted((read_answers(p, BANK) for p in written(round_folder) if p.suffix == ".yaml"), key=lambda s: s.rater)
    assert [(s.rater, dict(s.answers), dict(s.comments)) for s in sheets] == [
        ("medewerkers", {first.id: None, second.id: None}, {"anders": "Alleen een opmerking"}),
        ("wethouders", {first.id: 4, second.id: 3}, {"blijven": "Helder, zoals altijd."})]


def test_a_mapping_may_name_an_open_question(round_folder: Path, tmp_path: Path) -> None:
    first = next(q for q in BANK.questions if q.observer and not q.contexts)
    export = tmp_path / "results.csv"
    export.write_text("id,G01Q01[SQ001],G15Q01\n1,A4,Meer lopen\n", encoding="utf-8")
    Path("k.yaml").write_text(f'columns:\n  "G01Q01[SQ001]": {first.id}\n  G15Q01: anders\n'
                              "values:\n  A4: 4\n", encoding="utf-8")
    code, _, err = run("import-csv", str(export), "--round", "ronde", "--rater", "medewerkers", "--columns", "k.yaml")
    assert (code, err.splitlines()[-1]) == (0, f"{export}: 1 geïmporteerd in ronde")
    [sheet] = [read_answers(p, BANK) for p in written(round_folder) if p.suffix == ".yaml"]
    assert (dict(sheet.answers), dict(sheet.comments)) == ({first.id: 4}, {"anders": "Meer lopen"})


def test_the_codes_of_the_group_question_in_a_mapping(round_folder: Path, tmp_path: Path) -> None:
    first = next(q for q in BANK.questions if q.observer and not q.contexts)
    export = tmp_path / "results.csv"
    export.write_text("id,G00Q01,G01Q01[SQ001]\n1,A2,A4\n2,A4,A3\n3,A9,A1\n", encoding="utf-8")
    Path("k.yaml").write_text(f'columns:\n  G00Q01: rater\n  "G01Q01[SQ001]": {first.id}\n'
                              "values:\n  A1: 1\n  A3: 3\n  A4: 4\n  G00Q01:\n    A2: wethouders\n    A4: medewerkers\n",
                              encoding="utf-8")
    code, _, err = run("import-csv", str(export), "--round", "ronde", "--columns", "k.yaml")
    assert code == 1
    assert f"{export}:4:2: rij 4, kolom B (G00Q01): `A9` is geen beoordelaarsgroep van de vragenbank; toegestaan: " \
           "Burgemeester, Wethouders, Directie en management, Medewerkers, Ondernemingsraad, Externe partners; een " \
           "code? exporteer met de teksten van de keuzes, of vertaal de codes in de koppeling (--columns, values: per " \
           "kolom, bijv. `A1: burgemeester`)" in err
    assert err.splitlines()[-1] == (f"{export}: 2 geïmporteerd in ronde (Wethouders 1, Medewerkers 1), 1 geweigerd "
                                    "(1 met fouten)")
