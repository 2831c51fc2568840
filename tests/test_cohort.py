"""Cohort statistics, recomputed by hand from docs/formats.md section 3 for three respondents (tests/batchdata.py).

alpha (items a-1, a-2 reverse, a-3 weight 2, a-4): R1 (4+4+2*4+4)/5 = 4; R2 (2+2+2*2+2)/5 = 2; R3 3.
  mean 3, sample sd sqrt((1+1+0)/2) = 1; gaps: R1 4-4 = 0, R2 2-4 = -2, R3 (beheer) 3-3 = 0.
beta (b-3 reverse): R1 3; R2 (4+4+5)/3 = 13/3; R3 (2+2+2)/3 = 2.
  mean 28/9; deviations -1/9, 11/9, -10/9; sd sqrt((1+121+100)/81/2) = sqrt(111)/9;
  gaps: R1 3-3 = 0, R2 13/3-3 = 4/3, R3 (beheer target 4) 2-4 = -2.
gamma: R1 (5+5)/2 = 5; R2 one of three answered: no score; R3 3 but beheer has no target.
  n 2, mean 4, sd sqrt(2); only R1 has a target: gap 1.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.analysis.cohort import Cohort, CohortBuilder
from ontwikkelscan.analysis.scoring import score
from ontwikkelscan.analysis.stats import sample_sd
from ontwikkelscan.cli import app
from ontwikkelscan.files.inputs import iter_sheets
from ontwikkelscan.models import AnswerSheet, Bank, Report

from .batchdata import R1, R2, R3

Write = Callable[[str, str], Path]
ZERO = {"development": 0, "attention": 0, "on_target": 0, "strength": 0, "not_required": 0, "insufficient_data": 0,
        "not_asked": 0}


@pytest.fixture
def scans(write: Write) -> list[Path]:
    return [write("groep/r1.yaml", R1), write("groep/r2.yaml", R2), write("groep/r3.yaml", R3)]


def test_sample_sd() -> None:
    assert sample_sd([]) is None
    assert sample_sd([4.0]) is None
    assert sample_sd([2.0, 4.0]) == pytest.approx(math.sqrt(2))
    assert sample_sd([1.0, 2.0, 3.0, 4.0]) == pytest.approx(math.sqrt(5 / 3))


def summarize_cohort(bank: Bank, reports: list[Report]) -> Cohort:
    builder = CohortBuilder(bank)
    for report in reports:
        builder.add(report)
    return builder.build()


def test_cohort_numbers(bank: Bank, scans: list[Path]) -> None:
    sheets = [s for _, s in iter_sheets(scans, bank)]
    reports = [score(bank, s, bank.types[s.municipality_type]) for s in sheets if isinstance(s, AnswerSheet)]
    cohort = summarize_cohort(bank, reports)
    assert (cohort.respondents, cohort.types) == (3, {"regie": 2, "beheer": 1})
    alpha, beta, gamma = cohort.competencies
    assert (alpha.n, alpha.mean, alpha.sd, alpha.min, alpha.max) == (3, 3.0, 1.0, 2.0, 4.0)
    assert (alpha.with_target, alpha.below_target, alpha.targets) == (3, 1, {"regie": 4, "beheer": 3})
    assert alpha.statuses == {**ZERO, "on_target": 2, "development": 1}
    assert beta.n == 3
    assert beta.mean == pytest.approx(28 / 9)
    assert beta.sd == pytest.approx(math.sqrt(111) / 9)
    assert (beta.min, beta.max) == (2.0, pytest.approx(13 / 3))
    assert (beta.with_target, beta.below_target, beta.targets) == (3, 1, {"regie": 3, "beheer": 4})
    assert beta.statuses == {**ZERO, "on_target": 1, "strength": 1, "development": 1}
    assert (gamma.n, gamma.mean, gamma.min, gamma.max) == (2, 4.0, 3.0, 5.0)
    assert gamma.sd == pytest.approx(math.sqrt(2))
    assert (gamma.with_target, gamma.below_target, gamma.targets) == (1, 0, {"regie": 4})
    assert gamma.statuses == {**ZERO, "strength": 1, "insufficient_data": 1, "not_required": 1}


def test_type_option_puts_everyone_on_one_profile(bank_dir: Path, scans: list[Path]) -> None:
    result = CliRunner().invoke(app, ["cohort", *map(str, scans), "--type", "beheer", "-f", "json",
                                      "--bank", str(bank_dir)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["municipality_types"] == {"beheer": 3}
    beta = data["competencies"][1]
    # beheer target for beta is 4: gaps -1, 1/3, -2
    assert (beta["targets"], beta["with_target"], beta["below_target"]) == ({"beheer": 4}, 3, 2)


def test_cohort_json_cli(bank_dir: Path, scans: list[Path]) -> None:
    result = CliRunner().invoke(app, ["cohort", str(scans[0].parent), "-f", "json", "--bank", str(bank_dir)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["schema"], data["respondents"], data["sd"]) == ("ontwikkelscan/cohort@1", 3, "sample (n-1)")
    assert data["competencies"][0] == {
        "id": "alpha", "name": "Alfa", "kind": "core", "n": 3, "mean": 3.0, "sd": 1.0, "min": 2.0, "max": 4.0,
        "targets": {"regie": 4.0, "beheer": 3.0}, "with_target": 3, "below_target": 1,
        "statuses": {**ZERO, "on_target": 2, "development": 1},
    }


def test_cohort_csv_in_both_dialects_byte_for_byte(bank_dir: Path, scans: list[Path]) -> None:
    """Beta: scores 3, 13/3 and 2, mean 28/9, sample sd sqrt(((1/9)^2 + (11/9)^2 + (10/9)^2) / 2); gamma's target
    is regie's 4 (beheer sets none). Standard keeps full precision and codes; excel-nl has two decimals and
    Dutch names (docs/formats.md section 9)."""
    def csv_of(dialect: str) -> str:
        result = CliRunner().invoke(app, ["cohort", *map(str, scans), "-f", "csv", "--csv-dialect", dialect,
                                          "--bank", str(bank_dir)])
        assert (result.exit_code, result.stderr) == (0, "")
        return result.stdout_bytes.decode("utf-8")

    assert math.sqrt(((1 / 9) ** 2 + (11 / 9) ** 2 + (10 / 9) ** 2) / 2) == pytest.approx(1.1706281947614152)
    assert csv_of("standard") == (
        "competency,name,kind,n,mean,sd,min,max,target,with_target,below_target,"
        "development,attention,on_target,strength,not_required,insufficient_data,not_asked\r\n"
        "alpha,Alfa,core,3,3.0,1.0,2.0,4.0,,3,1,1,0,2,0,0,0,0\r\n"
        "beta,Bèta,core,3,3.1111111111111107,1.1706281947614152,2.0,4.333333333333333,,3,1,1,0,1,1,0,0,0\r\n"
        "gamma,Gamma,situational,2,4.0,1.4142135623730951,3.0,5.0,4.0,1,0,0,0,0,1,1,1,0\r\n")
    assert csv_of("excel-nl") == (
        "\ufeffcompetentie;naam;soort;aantal;gemiddelde;standaardafwijking;laagste;hoogste;doel;met doel;onder doel;"
        "ontwikkelpunt;aandachtspunt;op niveau;sterk punt;niet vereist;te weinig antwoorden;niet gevraagd\r\n"
        "alpha;Alfa;kern;3;3,00;1,00;2,00;4,00;;3;1;1;0;2;0;0;0;0\r\n"
        "beta;Bèta;kern;3;3,11;1,17;2,00;4,33;;3;1;1;0;1;1;0;0;0\r\n"
        "gamma;Gamma;situatie;2;4,00;1,41;3,00;5,00;4,00;1;0;0;0;0;1;1;1;0\r\n")


def test_cohort_table_is_dutch(bank_dir: Path, scans: list[Path]) -> None:
    result = CliRunner().invoke(app, ["cohort", *map(str, scans), "--bank", str(bank_dir)], terminal_width=120)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Ontwikkelscan · groep van 3 respondenten" in out
    assert "standaardafwijking van de steekproef (n − 1)" in out
    # Piped: 80 columns, the narrow layout: numbers first, the status spread in a second table.
    alpha = [line for line in out.splitlines() if line.startswith("Alfa")]
    assert [re.split(r"\s{2,}", line.strip()) for line in alpha] == [
        ["Alfa", "3", "3,0", "1,0", "2,0", "4,0", "3,0–4,0*", "1 van 3"],
        ["Alfa", "ontwikkelpunt 1, op niveau 2"]]
    assert "Verdeling over de statussen" in out and max(len(line) for line in out.splitlines()) <= 80
    beta = next(line for line in out.splitlines() if "Bèta" in line)
    assert "3,1" in beta and "4,3" in beta  # mean 28/9, max 13/3


def test_small_cohort_is_refused_with_exit_2(bank_dir: Path, scans: list[Path]) -> None:
    result = CliRunner().invoke(app, ["cohort", *map(str, scans[:2]), "--bank", str(bank_dir)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == ("fout: een groep van 2 respondent(en) is te klein: met minder dan 3 zijn personen "
                             "herkenbaar; gebruik --allow-small als dat hier geen bezwaar is\n")
    allowed = CliRunner().invoke(app, ["cohort", *map(str, scans[:2]), "--allow-small", "-f", "json",
                                       "--bank", str(bank_dir)])
    assert allowed.exit_code == 0
    assert json.loads(allowed.stdout)["respondents"] == 2


def test_bad_files_in_a_cohort_are_reported_and_exit_1(bank_dir: Path, scans: list[Path], write: Write) -> None:
    bad = write("groep/slecht.yaml", "answers: {a-1: 8}\n")
    result = CliRunner().invoke(app, ["cohort", *map(str, scans), str(bad), "-f", "json", "--bank", str(bank_dir)])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["respondents"] == 3
    assert result.stderr.startswith(f"{bad}:1:16: answers.a-1: antwoord 8 valt buiten de schaal")
