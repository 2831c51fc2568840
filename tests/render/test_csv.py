"""The long-format CSV report, the excel-nl dialect and formula-injection neutralising."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.render.common.csvout import Dialect, render_rows, safe_text
from ontwikkelscan.render.report.csvout import REPORT_COLUMNS

from ..batchdata import R1, R2

Write = Callable[[str, str], Path]


def run_csv(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["report", "-f", "csv", *args])
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr


def test_long_format_read_back_by_the_csv_module(bank_dir: Path, write: Write) -> None:
    r1, r2 = write("r1.yaml", R1), write("r2.yaml", R2)
    code, out, err = run_csv(str(r1), str(r2), "--bank", str(bank_dir))
    assert (code, err) == (0, "")
    assert out.startswith(",".join(REPORT_COLUMNS) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert len(rows) == 6
    assert rows[0] == {"source": str(r1), "respondent": "R. Een", "municipality": "Gemeente A",
                       "municipality_type": "regie", "contexts": "", "date": "2026-01-10", "bank_version": "t1",
                       "competency": "alpha", "name": "Alfa", "kind": "core", "score": "4.0", "answered": "4",
                       "items": "4", "target": "4.0", "gap": "0.0", "relative": rows[0]["relative"],
                       "status": "on_target"}
    assert sum(float(row["relative"]) for row in rows[:3]) == pytest.approx(0.0, abs=1e-12)
    # R2 alpha: (2 + 2 + 2*2 + 2) / 5 = 2, gap -2; beta 13/3; gamma one of three answered
    assert [rows[3][k] for k in ("score", "gap", "status")] == ["2.0", "-2.0", "development"]
    assert float(rows[4]["score"]) == 13 / 3
    assert [rows[5][k] for k in ("score", "target", "gap", "status", "answered")] == [
        "", "4.0", "", "insufficient_data", "1"]


def test_excel_nl_dialect(bank_dir: Path, write: Write) -> None:
    r2 = write("r2.yaml", R2)
    code, out, _ = run_csv(str(r2), "--csv-dialect", "excel-nl", "--bank", str(bank_dir))
    assert code == 0
    assert out.startswith("\ufeffsource;respondent;municipality;")
    lines = out.split("\r\n")
    assert lines[1] == (f"{r2};R. Twee;Gemeente B;regie;;2025-06-01;t1;alpha;Alfa;kern;2,0;4;4;4,0;-2,0;"
                        "-1,1666666666666665;ontwikkelpunt")  # relative: 2 - (2 + 13/3) / 2
    assert lines[2].split(";")[10] == "4,333333333333333"
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"), newline=""), delimiter=";"))
    assert len(rows) == 4 and {len(r) for r in rows} == {len(REPORT_COLUMNS)}


def test_formula_injection_is_neutralised_numbers_are_not(bank_dir: Path, write: Write) -> None:
    evil = R2.replace('"R. Twee"', '"=HYPERLINK(\\"http://x\\")"').replace('"Gemeente B"', '"@SUM(A1)"')
    path = write("evil.yaml", evil)
    code, out, _ = run_csv(str(path), "--bank", str(bank_dir))
    row = next(csv.DictReader(io.StringIO(out, newline="")))
    assert (row["respondent"], row["municipality"]) == ("'=HYPERLINK(\"http://x\")", "'@SUM(A1)")
    assert row["gap"] == "-2.0"


def test_safe_text() -> None:
    cases = ["=1+1", "+31 6", "-x", "@a", "\tx", "\rx", "a=b", "", "Jan"]
    assert [safe_text(c) for c in cases] == ["'=1+1", "'+31 6", "'-x", "'@a", "'\tx", "'\rx", "a=b", "", "Jan"]


def test_render_rows_numbers_and_empty() -> None:
    text = render_rows(("a", "b", "c", "d"), [(None, 3, -0.25, "-3")], Dialect.excel_nl)
    assert text == "\ufeffa;b;c;d\r\n;3;-0,25;'-3\r\n"


@given(st.lists(st.tuples(st.text(max_size=12), st.floats(allow_nan=False, allow_infinity=False) | st.none()),
                max_size=5))
def test_round_trip_through_an_independent_reader(rows: list[tuple[str, float | None]]) -> None:
    for dialect in Dialect:
        text = render_rows(("t", "x"), rows, dialect).lstrip("\ufeff")
        read = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if dialect is Dialect.excel_nl else ","))
        assert read[0] == ["t", "x"]
        assert len(read) == len(rows) + 1
        for (t, x), (t2, x2) in zip(rows, read[1:], strict=True):
            assert t2 == safe_text(t)
            assert x2 == ("" if x is None else repr(x).replace(".", "," if dialect is Dialect.excel_nl else "."))
            if x is not None:
                assert float(x2.replace(",", ".")) == x


def test_wide_shape_one_row_per_respondent(bank_dir: Path, write: Write) -> None:
    r2 = write("r2.yaml", R2)
    again = write("r2-again.yaml", R2.replace("R. Twee", "R. Twee bis"))
    code, out, _ = run_csv(str(r2), str(again), "--csv-shape", "wide", "--bank", str(bank_dir))
    assert code == 0
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == ["source", "respondent", "municipality", "municipality_type", "contexts", "date",
                       "bank_version", "fit", "alpha_score", "alpha_relative", "alpha_status", "beta_score",
                       "beta_relative", "beta_status", "gamma_score", "gamma_relative", "gamma_status"]
    assert len(rows) == 3 and rows[1][2:] == rows[2][2:]
    # relative: alpha 2 against the mean of alpha 2 and beta 13/3; gamma has no score
    assert rows[1][:11] == [str(r2), "R. Twee", "Gemeente B", "regie", "", "2025-06-01", "t1", rows[1][7], "2.0",
                            "-1.1666666666666665", "development"]
    assert rows[1][14:] == ["", "", "insufficient_data"]
    code, out, _ = run_csv(str(r2), "--csv-shape", "wide", "--csv-dialect", "excel-nl", "--bank", str(bank_dir))
    assert out.split("\r\n")[1].split(";")[8:11] == ["2,0", "-1,1666666666666665", "ontwikkelpunt"]
