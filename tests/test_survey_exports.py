"""Survey-tool exports of the shipped bank, imported with no edit: the scores equal those of the same
answers given as answer files (issue 13)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.files.inputs import Notice, iter_csv
from ontwikkelscan.models import AnswerSheet, Bank
from tests import surveyexports as se
from tests.conftest import bank_outside_a_test

BANK = bank_outside_a_test()  # the shipped bank, without touching the user's cache
PEOPLE = se.people(BANK, 4)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def scores(stdout: str) -> list[tuple[str, list[tuple[str, float | None, str]]]]:
    reports = json.loads(stdout)
    reports = reports if isinstance(reports, list) else [reports]
    return [(r["respondent"]["name"], [(c["id"], c["score"], c["status"]) for c in r["competencies"]])
            for r in reports]


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, list[tuple[str, float | None, str]]]]:
    folder = tmp_path_factory.mktemp("yaml")
    files = [str(se.answer_yaml(folder / f"{i}.yaml", BANK, p)) for i, p in enumerate(PEOPLE)]
    code, out, err = invoke("report", *files, "-f", "json")
    assert (code, err) == (0, "")
    return scores(out)


Build = Callable[[Path], list[str]]
EXPORTS: dict[str, Build] = {
    "ms-forms.xlsx": lambda d: [str(se.ms_forms_xlsx(d / "Zelfscan.xlsx", BANK, PEOPLE))],
    "google-forms.csv": lambda d: [str(se.google_forms_csv(d / "Zelfscan (antwoorden).csv", BANK, PEOPLE))],
    "limesurvey-full.csv": lambda d: [str(se.limesurvey_csv(d / "results-survey1.csv", BANK, PEOPLE, codes=False))],
    "qualtrics-labels.csv": lambda d: [str(se.qualtrics_csv(d / "Zelfscan.csv", BANK, PEOPLE))],
    "qualtrics-recode.csv": lambda d: [str(se.qualtrics_csv(d / "Zelfscan.csv", BANK, PEOPLE, recode=True)),
                                       "--columns", str(_write(d / "k.yaml", "values:\n  '6': null\n"))],
    "limesurvey-codes.csv": lambda d: [str(se.limesurvey_csv(d / "results-survey2.csv", BANK, PEOPLE, codes=True)),
                                       "--columns", str(_write(d / "k.yaml", se.limesurvey_mapping(BANK)))],
}


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("tool", list(EXPORTS))
def test_an_export_scores_exactly_as_the_answer_files(tool: str, tmp_path: Path, expected: object) -> None:
    args = EXPORTS[tool](tmp_path)
    code, out, err = invoke("report", *args, "-f", "json")
    assert (code, err) == (0, "")
    assert scores(out) == expected


@pytest.mark.parametrize("tool", list(EXPORTS))
def test_import_then_report_scores_the_same(tool: str, tmp_path: Path, expected: object) -> None:
    args = EXPORTS[tool](tmp_path)
    code, _, err = invoke("import-csv", *args, "--out", str(tmp_path / "scans"))
    assert code == 0
    assert err.splitlines()[-1] == f"{args[0]}: 4 geïmporteerd in {tmp_path / 'scans'}"
    code, out, err = invoke("report", str(tmp_path / "scans"), "-f", "json")
    assert code == 0
    assert sorted(scores(out)) == sorted(expected)  # type: ignore[arg-type]


def test_qualtrics_three_header_rows_name_and_response_id(tmp_path: Path) -> None:
    path = se.qualtrics_csv(tmp_path / "q.csv", BANK, PEOPLE[:1])
    items = list(iter_csv(path, BANK))
    assert [x for _, x in items if isinstance(x, Notice)] == []
    [(row, sheet)] = items
    assert isinstance(sheet, AnswerSheet)
    assert (row, sheet.respondent["name"], sheet.response_id, sheet.date) == (4, "Anna de Vries", "R_1xYz1Ab",
                                                                              "2026-11-07")


def test_limesurvey_codes_without_a_mapping_are_refused_with_the_way_out(tmp_path: Path) -> None:
    path = se.limesurvey_csv(tmp_path / "results.csv", BANK, PEOPLE, codes=True)
    code, out, err = invoke("report", str(path), "-f", "json")
    assert code == 1
    assert err == (f"{path}:1: rij 1: geen enkele kolom is een vraag van de vragenbank (geen vraag-id, geen "
                   f"vraagtekst); maak een koppeling met `ontwikkelscan import-csv {path} --write-columns "
                   "KOPPELING.yaml` en geef die met --columns\n")


def test_write_columns_guesses_a_code_export_in_bank_order(tmp_path: Path, expected: object) -> None:
    path = se.limesurvey_csv(tmp_path / "results.csv", BANK, PEOPLE, codes=True)
    mapping = tmp_path / "koppeling.yaml"
    code, _, err = invoke("import-csv", str(path), "--write-columns", str(mapping))
    assert code == 0
    text = mapping.read_text(encoding="utf-8")
    assert '  "id": response_id' in text
    assert '  "submitdate": date' in text
    assert '  "G01Q01[SQ001]": bps-1  # gok: de volgorde van de vragenbank; Ik stem de timing' in text
    assert '  "A6": null  # weet ik niet? anders een getal' in text
    assert '  "A1": 1' in text
    # the person questions are codes too: the names and the type question are guessed (issue 21)
    assert '  "G00Q01": respondent  # gok: namen' in text
    assert '  "G00Q03": municipality_type  # gok: de codes van de type-vraag' in text
    code, out, err = invoke("report", str(path), "--columns", str(mapping), "-f", "json")
    assert code == 0
    assert scores(out) == expected


def bank_fixture() -> Bank:
    return BANK


def test_reimport_of_a_grown_export_adds_only_the_new_rows(tmp_path: Path) -> None:
    out = tmp_path / "scans"
    first = se.qualtrics_csv(tmp_path / "week1.csv", BANK, PEOPLE[:2])
    assert invoke("import-csv", str(first), "--out", str(out))[0] == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["anna-de-vries-idr-1xyz1ab-bab469.yaml", "bram-jansen-idr-2xyz2ab-d0b554.yaml"]
    grown = se.qualtrics_csv(tmp_path / "week2.csv", BANK, PEOPLE[:3])
    code, _, err = invoke("import-csv", str(grown), "--out", str(out))
    assert code == 0
    assert err.splitlines()[-1] == f"{grown}: 1 geïmporteerd in {out}, 2 overgeslagen (2 al geïmporteerd)"
    assert set(names) < {p.name for p in out.iterdir()} and len(list(out.iterdir())) == 3


def test_a_changed_response_is_refused_until_update(tmp_path: Path) -> None:
    out = tmp_path / "scans"
    first = se.qualtrics_csv(tmp_path / "a.csv", BANK, PEOPLE[:2])
    invoke("import-csv", str(first), "--out", str(out))
    changed = [PEOPLE[0]._replace(answers={**PEOPLE[0].answers, "bps-1": 1 if PEOPLE[0].answers["bps-1"] != 1 else 2}),
               PEOPLE[1]]
    second = se.qualtrics_csv(tmp_path / "b.csv", BANK, changed)
    code, _, err = invoke("import-csv", str(second), "--out", str(out))
    target = next(out.glob("anna-de-vries-*.yaml"))
    assert code == 1
    assert err.splitlines()[-2:] == [
        f"waarschuwing: {second}:4: gewijzigd sinds de vorige import ({target}); niet overschreven, gebruik --update om "
        "het bij te werken",
        f"{second}: 0 geïmporteerd in {out}, 1 overgeslagen (1 al geïmporteerd), 1 geweigerd (1 gewijzigd, gebruik "
        "--update)"]
    code, _, err = invoke("import-csv", str(second), "--out", str(out), "--update")
    assert code == 0
    assert err.splitlines()[-1] == f"{second}: 0 geïmporteerd in {out}, 1 bijgewerkt, 1 overgeslagen (1 al geïmporteerd)"
    assert f"bps-1: {changed[0].answers['bps-1']}\n" in target.read_text(encoding="utf-8")


def test_without_response_ids_the_same_row_is_recognised_by_person_date_and_answers(tmp_path: Path) -> None:
    out = tmp_path / "scans"
    export = se.google_forms_csv(tmp_path / "g.csv", BANK, PEOPLE[:2])
    invoke("import-csv", str(export), "--out", str(out))
    code, _, err = invoke("import-csv", str(export), "--out", str(out))
    assert (code, err.splitlines()[-1]) == (0, f"{export}: 0 geïmporteerd in {out}, 2 overgeslagen (2 al "
                                               "geïmporteerd)")


def test_an_export_next_to_its_imported_files_counts_each_person_once(tmp_path: Path) -> None:
    (tmp_path / "scans").mkdir()
    export = se.google_forms_csv(tmp_path / "scans" / "voor.csv", BANK, PEOPLE[:3])
    invoke("import-csv", str(export), "--out", str(tmp_path / "scans"))
    code, out, err = invoke("cohort", str(tmp_path / "scans"), "-f", "json")
    assert code == 0
    assert {c["n"] for c in json.loads(out)["competencies"]} == {3}
    doubles = [line for line in err.splitlines() if "dubbel" in line]
    assert len(doubles) == 1
    assert doubles[0].startswith("waarschuwing: 3 antwoord(en) dubbel, één keer geteld (zelfde antwoord-id, of "
                                 f"dezelfde persoon met dezelfde antwoorden): {export}:2 is {tmp_path / 'scans'}/anna-de-vries-2026-11-07-")


def test_unfinished_and_preview_rows_are_skipped_and_counted(tmp_path: Path) -> None:
    path = se.qualtrics_csv(tmp_path / "q.csv", BANK, PEOPLE[:3])
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    lines[4] = lines[4].replace(",True,", ",False,", 1)
    lines[5] = lines[5].replace(",IP Address,", ",Survey Preview,", 1)
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    code, _, err = invoke("import-csv", str(path), "--out", str(tmp_path / "scans"))
    assert code == 0
    assert err.splitlines() == [
        f"waarschuwing: {path}: 1 rij(en) overgeslagen: niet afgerond (rij 5)",
        f"waarschuwing: {path}: 1 rij(en) overgeslagen: testantwoord (preview) (rij 6)",
        f"{path}: 1 geïmporteerd in {tmp_path / 'scans'}, 2 overgeslagen (1 niet afgerond, 1 testantwoord (preview))"]


def test_xlsx_sheet_option_and_an_unknown_sheet(tmp_path: Path) -> None:
    import openpyxl

    path = se.ms_forms_xlsx(tmp_path / "f.xlsx", BANK, PEOPLE[:1])
    book = openpyxl.load_workbook(path)
    book.create_sheet("Leeg", 0)
    book.save(path)
    code, out, err = invoke("report", str(path), "-f", "json", "--sheet", "Sheet1")
    assert (code, json.loads(out)["respondent"]["name"]) == (0, "Anna de Vries")
    code, _, err = invoke("report", str(path), "--sheet", "Blad9")
    assert (code, err) == (1, f"{path}: geen werkblad `Blad9`; dit bestand heeft: Leeg, Sheet1\n")


def test_a_folder_includes_csv_and_xlsx_exports(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    se.ms_forms_xlsx(tmp_path / "in" / "forms.xlsx", BANK, PEOPLE[:1])
    se.google_forms_csv(tmp_path / "in" / "google.csv", BANK, PEOPLE[1:2])
    (tmp_path / "in" / "~$forms.xlsx").write_bytes(b"lock")  # Excel's lock file while the workbook is open
    code, out, _ = invoke("report", str(tmp_path / "in"), "-f", "json")
    assert code == 0
    assert [r["respondent"]["name"] for r in json.loads(out)] == ["Anna de Vries", "Bram Jansen"]


def test_windows_1252_export_is_read_with_one_warning(tmp_path: Path) -> None:
    path = se.google_forms_csv(tmp_path / "g.csv", BANK, PEOPLE[2:3])
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    code, out, err = invoke("report", str(path), "-f", "json")
    assert code == 0
    assert json.loads(out)["respondent"]["name"] == "Carla Öztürk"
    assert err == (f"waarschuwing: {path}: geen UTF-8; gelezen als Windows-1252 (ANSI). Controleer letters als é "
                   "en ë, of sla het bestand op als 'CSV UTF-8'\n")


def test_allow_partial_exits_0_when_at_least_one_input_was_scored(tmp_path: Path) -> None:
    good = se.answer_yaml(tmp_path / "goed.yaml", BANK, PEOPLE[0])
    bad = _write(tmp_path / "fout.yaml", "answers: [1]\n")
    assert invoke("report", str(good), str(bad), "-f", "json")[0] == 1
    code, out, err = invoke("report", str(good), str(bad), "-f", "json", "--allow-partial")
    assert (code, err) == (0, f"{bad}:1:10: answers: verwacht blok met sleutels, gevonden lijst\n")
    assert json.loads(out)["respondent"]["name"] == "Anna de Vries"
    assert invoke("report", str(bad), "--allow-partial")[0] == 1  # nothing scored
    more = [str(se.answer_yaml(tmp_path / f"{i}.yaml", BANK, p)) for i, p in enumerate(PEOPLE[1:])]
    assert invoke("cohort", *more, str(bad), "-f", "json")[0] == 1
    assert invoke("cohort", *more, str(bad), "-f", "json", "--allow-partial")[0] == 0


def test_compare_two_exports_matched_by_respondent(tmp_path: Path) -> None:
    before = se.ms_forms_xlsx(tmp_path / "voor.xlsx", BANK, PEOPLE[:3])
    later = [p._replace(answers={q: (None if v is None else min(5, v + 1)) for q, v in p.answers.items()})
             for p in PEOPLE[1:4]]
    after = se.google_forms_csv(tmp_path / "na.csv", BANK, later)
    code, out, err = invoke("compare", str(before), str(after), "-f", "json")
    assert code == 0
    document = json.loads(out)
    assert document["schema"] == "ontwikkelscan/compare-set@1"
    assert [c["new"]["respondent"]["name"] for c in document["comparisons"]] == ["Bram Jansen", "Carla Öztürk"]
    assert [p["name"] for p in document["only_old"]] == ["Anna de Vries"]
    assert [p["name"] for p in document["only_new"]] == ["Dirk van den Berg"]
    assert err.splitlines() == ["waarschuwing: 1 respondent(en) alleen in de oude scans: Anna de Vries",
                                "waarschuwing: 1 respondent(en) alleen in de nieuwe scans: Dirk van den Berg"]
    code, out, _ = invoke("compare", str(before), str(after), "-f", "csv")
    rows = out.splitlines()
    assert rows[0].startswith("respondent,municipality,source_old,source_new,date_old,date_new,competency,")
    assert len(rows) == 1 + 4 * len(BANK.competencies)
    code, out, _ = invoke("compare", str(before), str(after))
    assert out.startswith("2 respondent(en) in beide groepen\n")
    assert out.rstrip().endswith(f"Alleen in de nieuwe scans (1): Dirk van den Berg ({after}:4)")


def test_two_exports_in_one_folder_do_not_collide_on_their_response_ids(tmp_path: Path) -> None:
    out = tmp_path / "scans"
    first = se.ms_forms_xlsx(tmp_path / "groep1.xlsx", BANK, PEOPLE[:2])
    second = se.ms_forms_xlsx(tmp_path / "groep2.xlsx", BANK, PEOPLE[2:4])  # IDs 1 and 2 again
    assert invoke("import-csv", str(first), "--out", str(out))[0] == 0
    code, _, err = invoke("import-csv", str(second), "--out", str(out))
    assert (code, err.splitlines()[-1]) == (0, f"{second}: 2 geïmporteerd in {out}")
    assert sorted(p.name for p in out.iterdir()) == ["anna-de-vries-id1.yaml", "bram-jansen-id2.yaml",
                                                     "carla-ozturk-id1.yaml", "dirk-van-den-berg-id2.yaml"]


def test_excel_unicode_text_saved_as_txt_is_read_when_named(tmp_path: Path, expected: object) -> None:
    csv_path = se.google_forms_csv(tmp_path / "g.csv", BANK, PEOPLE)
    import csv as csvmodule
    import io

    rows = list(csvmodule.reader(io.StringIO(csv_path.read_text(encoding="utf-8"), newline="")))
    text = "\r\n".join("\t".join(row) for row in rows) + "\r\n"
    path = tmp_path / "Zelfscan.txt"
    path.write_bytes(text.encode("utf-16"))  # with its byte-order mark, as Excel writes it
    code, out, err = invoke("report", str(path), "-f", "json")
    assert (code, err) == (0, "")
    assert scores(out) == expected


def test_limesurvey_responses_without_submitdate_are_not_finished(tmp_path: Path) -> None:
    path = se.limesurvey_csv(tmp_path / "results.csv", BANK, PEOPLE[:3], codes=False)
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    cells = lines[2].split('","')
    cells[1] = ""  # Date submitted
    lines[2] = '","'.join(cells)
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    code, out, err = invoke("report", str(path), "-f", "json")
    assert code == 0
    assert [r["respondent"]["name"] for r in json.loads(out)] == ["Anna de Vries", "Carla Öztürk"]
    assert err == f"waarschuwing: {path}: 1 rij(en) overgeslagen: niet afgerond (rij 3)\n"


def test_us_dates_are_read_month_first_for_the_whole_column(tmp_path: Path) -> None:
    ids = [q.id for q in BANK.questions]
    rows = ["Completion time,Name," + ",".join(ids)]
    rows += [f"{date},Persoon {i},{','.join('3' for _ in ids)}" for i, date in enumerate(["11/7/2026 9:00", "11/28/2026 9:00"])]
    path = _write(tmp_path / "us.csv", "\n".join(rows) + "\n")
    sheets = [x for _, x in iter_csv(path, BANK)]
    assert [x.date for x in sheets if isinstance(x, AnswerSheet)] == ["2026-11-07", "2026-11-28"]
    assert not [x for x in sheets if not isinstance(x, AnswerSheet)]


def test_a_response_that_cannot_be_written_is_counted_as_an_error(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from ontwikkelscan.files import fsio

    real = fsio.write_private

    def full_for_bram(path: Path, text: str) -> None:
        if path.name.startswith("bram-"):
            raise fsio.file_problem(str(path), "kan het bestand niet schrijven (schijf vol)")
        real(path, text)

    monkeypatch.setattr(fsio, "write_private", full_for_bram)
    out = tmp_path / "scans"
    export = se.qualtrics_csv(tmp_path / "week1.csv", BANK, PEOPLE[:3])
    code, _, err = invoke("import-csv", str(export), "--out", str(out))
    bram = out / "bram-jansen-idr-2xyz2ab-d0b554.yaml"
    assert code == 1
    assert err.splitlines()[-2:] == [f"{bram}: kan het bestand niet schrijven (schijf vol)",
                                     f"{export}: 2 geïmporteerd in {out}, 1 geweigerd (1 met fouten)"]
    assert len(list(out.iterdir())) == 2
