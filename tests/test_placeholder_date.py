"""Answer files imported before LimeSurvey's 1980-01-01 was left out (issue 21 item 4): the date reads as no date,
with a warning that says how to fix the file; the re-imported export is the same response, not a changed one."""

from __future__ import annotations

import json
from pathlib import Path

from tests import exportstyles as es
from tests import surveyexports as se
from tests.conftest import bank_outside_a_test

BANK = bank_outside_a_test()
PEOPLE = se.people(BANK, 2)
FIX = ("datum 1980-01-01 gelezen als geen datum (de plaatsvervanger van LimeSurvey in een enquête zonder "
       "datumstempels); verwijder de regel `date: 1980-01-01` of zet er de echte datum")


def old_import(tmp_path: Path) -> tuple[Path, Path]:
    """The export of a survey without date stamps, and the files an earlier import wrote of it (with the date)."""
    export = es.limesurvey(tmp_path / "results-survey5.csv", BANK, PEOPLE, datestamps=False)
    scans = tmp_path / "scans"
    assert es.invoke("import-csv", str(export), "--out", str(scans))[0] == 0
    for path in scans.iterdir():
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\nmunicipality_type:", "\ndate: 1980-01-01\nmunicipality_type:", 1),
                        encoding="utf-8")
    return export, scans


def test_an_old_file_with_1980_has_no_date_and_says_how_to_fix_it(tmp_path: Path) -> None:
    _, scans = old_import(tmp_path)
    one = scans / "anna-de-vries-id1.yaml"
    code, out, err = es.invoke("report", str(one), "-f", "json")
    assert (code, err) == (0, f"waarschuwing: {one}: {FIX}\n")
    assert json.loads(out)["date"] is None
    code, out, err = es.invoke("report", str(scans), "-f", "jsonl")
    assert code == 0
    assert [r["date"] for r in map(json.loads, out.splitlines())] == [None, None]
    files = "; ".join(str(scans / n) for n in ("anna-de-vries-id1.yaml", "bram-jansen-id2.yaml"))
    assert err == ("waarschuwing: 2 bestanden met datum 1980-01-01, gelezen als geen datum (de plaatsvervanger van "
                   "LimeSurvey in een enquête zonder datumstempels); verwijder in die bestanden de regel "
                   f"`date: 1980-01-01` of zet er de echte datum: {files} (gebruik --verbose om ze alle 2 te zien)\n")


def test_the_same_export_imported_again_is_already_imported(tmp_path: Path) -> None:
    export, scans = old_import(tmp_path)
    code, _, err = es.invoke("import-csv", str(export), "--out", str(scans))
    assert (code, err.splitlines()[-1]) == (0, f"{export}: 0 geïmporteerd in {scans}, 2 overgeslagen (2 al geïmporteerd)")
