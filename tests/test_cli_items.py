"""`items` on answer files of the shipped bank (issue 21): the warning under 10 complete cases, the keying
flag, the interval, and the fields added to JSON and CSV, through the real CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.analysis.itemstats import analyse
from ontwikkelscan.cli import app
from tests.conftest import bank_outside_a_test
from tests.itemsim import simulate, write

SHIPPED = bank_outside_a_test()
runner = CliRunner()


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ONTWIKKELSCAN_BANK", raising=False)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


# 40 scans; few chose a context (15%), so the context statements have fewer than 10 complete cases
SHEETS = simulate(SHIPPED, 40, seed=2, mirrored={"sam-2"}, context_share=0.15)
ANALYSIS = analyse(SHIPPED, SHEETS)


def test_items_warns_per_statement_under_10_complete_cases_and_flags_the_keying_error() -> None:
    write(Path("scans"), SHEETS, SHIPPED)
    code, out, err = run("items", "scans")
    few = [i for c in ANALYSIS.competencies for i in c.items if not i.in_alpha]
    assert all(i.complete < 10 for i in few) and len(few) == 8
    assert code == 0
    assert err == ("waarschuwing: minder dan 10 volledige antwoorden bij "
                   + ", ".join(f"{i.id} ({i.complete})" for i in few)
                   + ": alfa en r(it) daar zijn onstabiel (gemarkeerd met *)\n")
    assert all(len(line) <= 79 for line in out.splitlines())  # a pipe: 80 columns
    sam2 = next(line for line in out.splitlines() if line.startswith("  sam-2 "))
    assert sam2.endswith("  ⚠ omgekeerd?")
    bps7 = next(line for line in out.splitlines() if line.startswith("  bps-7 "))
    assert re.search(r"  -?\d,\d\d\*  ", bps7)  # its r(it), marked unstable
    assert "\nSamenwerken (samenwerken): alfa " in out and "(95%-BI " in out
    item = next(i for c in ANALYSIS.competencies for i in c.items if i.id == "bps-7")
    assert (f"  bps-7: alleen bij context ambtelijke-fusie; {item.asked} gevraagd, n = {item.complete} volledig"
            in out)


def test_items_json_and_csv_carry_the_new_fields_beside_the_old() -> None:
    write(Path("scans"), SHEETS, SHIPPED)
    code, out, _ = run("items", "scans", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "ontwikkelscan/items@1" and data["thresholds"]["keying"] == -0.2
    sam = next(c for c in data["competencies"] if c["id"] == "samenwerken")
    ours = next(c for c in ANALYSIS.competencies if c.id == "samenwerken")
    assert set(sam) == {"id", "name", "complete", "alpha", "weak", "items", "alpha_ci", "alpha_items", "unstable"}
    assert (sam["alpha"], sam["alpha_ci"], sam["alpha_items"], sam["complete"]) == (
        ours.alpha, list(ours.alpha_ci or ()), 6, 40)
    sam2, sam7 = sam["items"][1], sam["items"][6]
    assert set(sam2) == {"id", "reverse", "answered", "mean", "sd", "na_rate", "item_total", "alpha_if_deleted", "weak",
                         "contexts", "asked", "complete", "alpha_with", "keying", "signal", "unstable", "in_alpha"}
    assert (sam2["id"], sam2["keying"], sam2["weak"], sam2["signal"], sam2["in_alpha"]) == ("sam-2", True, True, "keying",
                                                                                         True)
    assert (sam7["id"], sam7["contexts"], sam7["in_alpha"], sam7["unstable"]) == (
        "sam-7", ["maatschappelijke-opgave"], False, True)
    code, out, _ = run("items", "scans", "--format", "csv")
    header, *rows = out.splitlines()
    assert header.endswith(",contexts,asked,complete,alpha_with,keying,signal,unstable_item,in_alpha")
    assert len(rows) == len(SHIPPED.questions)


def test_items_csv_excel_nl_says_the_signal_in_dutch() -> None:
    write(Path("scans"), SHEETS, SHIPPED)
    code, out, _ = run("items", "scans", "--format", "csv", "--csv-dialect", "excel-nl")
    header, *rows = out.lstrip("\ufeff").splitlines()
    columns = header.split(";")
    cells = {row.split(";")[columns.index("vraag")]: dict(zip(columns, row.split(";"), strict=True)) for row in rows}
    assert code == 0
    assert (cells["sam-2"]["signaal"], cells["sam-2"]["waarschijnlijk omgekeerd"], cells["sam-2"]["in alfa"]) == (
        "omgekeerd?", "ja", "ja")
    assert (cells["sam-7"]["contexten"], cells["sam-7"]["in alfa"]) == ("maatschappelijke-opgave", "nee")
