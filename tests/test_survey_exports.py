"""Survey-tool exports of the shipped bank, imported with no edit: the scores equal those of the same
answers given as answer files (issue 13)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.files.inputs import Notice, iter_csv
from ontwikkelscan.models import AnswerSheet, Bank
from tests import surveyexports as se

BANK = load_bank(None)
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
    # the three person questions are unknown codes: the coach fills them in
    assert '  "G00Q01": null  # onbekend' in text
    fixed = text.replace('"G00Q01": null', '"G00Q01": respondent').replace('"G00Q03": null', '"G00Q03": null')
    mapping.write_text(fixed, encoding="utf-8")
    code, out, err = invoke("report", str(path), "--columns", str(mapping), "-f", "json", "--type", "regie")
    assert code == 0
    assert [name for name, _ in scores(out)] == [p.name for p in PEOPLE]


def bank_fixture() -> Bank:
    return BANK
