"""The long-format CSV report, the excel-nl dialect and formula-injection neutralising."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.render.common.csvout import Dialect, excel_number, render_rows, safe_text
from ontwikkelscan.render.common.csvwords import HEADERS, dutch_header
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


def test_the_long_report_in_both_dialects_byte_for_byte(bank_dir: Path, write: Write) -> None:
    """Standard: English names and codes, full precision. excel-nl: Dutch names and words, two decimals
    (R2 alpha's relative 2 - (2 + 13/3) / 2 = -1.1666666666666665 is -1,17; docs/formats.md section 9)."""
    r1, r2 = write("r1.yaml", R1), write("r2.yaml", R2)
    code, out, err = run_csv(str(r1), str(r2), "--bank", str(bank_dir))
    assert (code, err) == (0, "")
    assert out == (
        "source,respondent,municipality,municipality_type,contexts,date,bank_version,competency,name,kind,score,"
        "answered,items,target,gap,relative,status\r\n"
        f"{r1},R. Een,Gemeente A,regie,,2026-01-10,t1,alpha,Alfa,core,4.0,4,4,4.0,0.0,0.0,on_target\r\n"
        f"{r1},R. Een,Gemeente A,regie,,2026-01-10,t1,beta,Bèta,core,3.0,3,3,3.0,0.0,-1.0,on_target\r\n"
        f"{r1},R. Een,Gemeente A,regie,,2026-01-10,t1,gamma,Gamma,situational,5.0,2,3,4.0,1.0,1.0,strength\r\n"
        f"{r2},R. Twee,Gemeente B,regie,,2025-06-01,t1,alpha,Alfa,core,2.0,4,4,4.0,-2.0,-1.1666666666666665,"
        "development\r\n"
        f"{r2},R. Twee,Gemeente B,regie,,2025-06-01,t1,beta,Bèta,core,4.333333333333333,3,3,3.0,1.333333333333333,"
        "1.1666666666666665,strength\r\n"
        f"{r2},R. Twee,Gemeente B,regie,,2025-06-01,t1,gamma,Gamma,situational,,1,3,4.0,,,insufficient_data\r\n")
    code, out, err = run_csv(str(r1), str(r2), "--csv-dialect", "excel-nl", "--bank", str(bank_dir))
    assert (code, err) == (0, "")
    assert out == (
        "\ufeffbron;respondent;gemeente;type gemeente;contexten;datum;versie vragenbank;competentie;naam;soort;score;"
        "beantwoord;vragen;doel;verschil;relatief;status\r\n"
        f"{r1};R. Een;Gemeente A;regie;;2026-01-10;t1;alpha;Alfa;kern;4,00;4;4;4,00;0,00;0,00;op niveau\r\n"
        f"{r1};R. Een;Gemeente A;regie;;2026-01-10;t1;beta;Bèta;kern;3,00;3;3;3,00;0,00;-1,00;op niveau\r\n"
        f"{r1};R. Een;Gemeente A;regie;;2026-01-10;t1;gamma;Gamma;situatie;5,00;2;3;4,00;1,00;1,00;sterk punt\r\n"
        f"{r2};R. Twee;Gemeente B;regie;;2025-06-01;t1;alpha;Alfa;kern;2,00;4;4;4,00;-2,00;-1,17;ontwikkelpunt\r\n"
        f"{r2};R. Twee;Gemeente B;regie;;2025-06-01;t1;beta;Bèta;kern;4,33;3;3;3,00;1,33;1,17;sterk punt\r\n"
        f"{r2};R. Twee;Gemeente B;regie;;2025-06-01;t1;gamma;Gamma;situatie;;1;3;4,00;;;te weinig antwoorden\r\n")


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
    row = (None, 3, -0.25, "-3", -0.3999999999999999, True, False)
    text = render_rows(("a", "b", "c", "d", "e", "f", "g"), [row], Dialect.excel_nl)
    assert text == "\ufeffa;b;c;d;e;f;g\r\n;3;-0,25;'-3;-0,40;ja;nee\r\n"
    text = render_rows(("a", "b", "c", "d", "e", "f", "g"), [row], Dialect.standard)
    assert text == "a,b,c,d,e,f,g\r\n,3,-0.25,'-3,-0.3999999999999999,true,false\r\n"
    # no statistic is infinite (an undefined one is empty), but should one be, it is written, not a crash
    assert render_rows(("x",), [(float("inf"),)], Dialect.excel_nl) == "\ufeffx\r\ninf\r\n"


@pytest.mark.parametrize(("value", "text"), [
    (-0.3999999999999999, "-0,40"), (0.0, "0,00"), (-0.0, "0,00"), (-0.004, "0,00"), (-0.001, "0,00"),
    (-1e-300, "0,00"), (-0.005, "-0,01"), (0.005, "0,01"), (0.125, "0,13"), (-0.125, "-0,13"), (2.675, "2,68"),
    (1.005, "1,01"), (4.0, "4,00"), (13 / 3, "4,33"), (-2 / 3, "-0,67"), (1e16, "10000000000000000,00"),
    (1e-7, "0,00"), (123.456, "123,46"),
])
def test_excel_numbers_round_half_away_from_zero_on_the_written_number(value: float, text: str) -> None:
    assert excel_number(value) == text


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_an_excel_number_has_two_decimals_and_reads_back_within_half_a_cent(value: float) -> None:
    text = excel_number(value)
    assert re.fullmatch(r"-?\d+,\d{2}", text)
    assert text != "-0,00"
    # within 0.005 of the number as the standard dialect writes it (repr: the same float when read back)
    assert abs(Decimal(text.replace(",", ".")) - Decimal(repr(value))) <= Decimal("0.005")
    assert abs(float(text.replace(",", ".")) - value) <= 0.005 + abs(value) * 1e-15


def test_dutch_headers_come_from_one_table() -> None:
    assert [dutch_header(name) for name in ("gap", "score_old", "source_new", "samenwerken_status", "burgemeester_n",
                                             "others_sd", "on_target", "with_target", "sam-1", "medewerkers", "x_y")] == [
        "verschil", "score toen", "bron nu", "samenwerken status", "burgemeester aantal", "anderen standaardafwijking",
        "op niveau", "met doel", "sam-1", "medewerkers", "x_y"]
    # every fixed column of every CSV has its Dutch name, so no English name slips through into excel-nl
    from ontwikkelscan.render.bank.items import CSV_COLUMNS as ITEMS
    from ontwikkelscan.render.cohort.csvout import CSV_COLUMNS as COHORT
    from ontwikkelscan.render.compare.csvout import CSV_COLUMNS as COMPARE
    from ontwikkelscan.render.report.csvout import WIDE_HEAD

    untranslated = [name for name in (*REPORT_COLUMNS, *WIDE_HEAD, *COHORT, *COMPARE, *ITEMS)
                    if name not in HEADERS and dutch_header(name) == name]
    assert untranslated == []

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
            if dialect is Dialect.standard:
                assert x2 == ("" if x is None else repr(x))
                assert x is None or float(x2) == x
            else:
                assert x2 == ("" if x is None else excel_number(x))


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
    lines = out.split("\r\n")
    assert lines[0].split(";")[7:11] == ["aandeel op doel", "alpha score", "alpha relatief", "alpha status"]
    assert lines[1].split(";")[7:] == ["0,50", "2,00", "-1,17", "ontwikkelpunt", "4,33", "1,17", "sterk punt", "", "",
                                       "te weinig antwoorden"]
