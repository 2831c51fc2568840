"""compare OLD NEW: numbers recomputed from docs/formats.md (see test_cohort.py for the scores of R1 and R2)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.analysis.compare import direction

from .batchdata import R1, R2, R3

Write = Callable[[str, str], Path]


def run(*args: str) -> object:
    return CliRunner().invoke(app, list(args), terminal_width=120)


def same_person(text: str) -> str:
    return text.replace("R. Twee", "R. Een").replace("Gemeente B", "Gemeente A")


def test_direction_uses_the_tolerance() -> None:
    assert [direction(x) for x in (None, 1e-12, -1e-12, 0.01, -0.01)] == [None, "same", "same", "up", "down"]


def test_compare_json(bank_dir: Path, write: Write) -> None:
    old, new = write("oud.yaml", same_person(R2)), write("nieuw.yaml", R1)
    result = CliRunner().invoke(app, ["compare", str(old), str(new), "-f", "json", "--bank", str(bank_dir)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["schema"] == "ontwikkelscan/compare@1"
    assert (data["old"]["date"], data["new"]["date"]) == ("2025-06-01", "2026-01-10")
    # old fit: alpha gap -2, beta +4/3, gamma no score -> 1 of 2; new: alpha 0, beta 0, gamma +1 -> 3 of 3
    assert (data["old"]["fit"], data["new"]["fit"]) == (0.5, 1.0)
    alpha, beta, gamma = data["competencies"]
    assert alpha == {"id": "alpha", "name": "Alfa", "kind": "core", "score_old": 2.0, "score_new": 4.0,
                     "change": 2.0, "direction": "up", "target_old": 4.0, "target_new": 4.0,
                     "status_old": "development", "status_new": "on_target"}
    assert (beta["score_old"], beta["score_new"], beta["direction"]) == (pytest.approx(13 / 3), 3.0, "down")
    assert beta["change"] == pytest.approx(3 - 13 / 3)
    assert (beta["status_old"], beta["status_new"]) == ("strength", "on_target")
    assert (gamma["score_old"], gamma["change"], gamma["direction"], gamma["status_old"]) == (
        None, None, None, "insufficient_data")
    assert data["warnings"] == []


def test_compare_csv_in_both_dialects_byte_for_byte(bank_dir: Path, write: Write) -> None:
    """Beta 13/3 -> 3: change -4/3 (full precision for scripts, -1,33 in excel-nl); directions in words there."""
    old, new = write("oud.yaml", same_person(R2)), write("nieuw.yaml", R1)

    def csv_of(dialect: str) -> str:
        result = CliRunner().invoke(app, ["compare", str(old), str(new), "-f", "csv", "--csv-dialect", dialect,
                                          "--bank", str(bank_dir)])
        assert (result.exit_code, result.stderr) == (0, "")
        return result.stdout_bytes.decode("utf-8")

    assert csv_of("standard") == (
        "respondent,municipality,source_old,source_new,date_old,date_new,competency,name,kind,score_old,score_new,"
        "change,direction,target_old,target_new,status_old,status_new\r\n"
        f"R. Een,Gemeente A,{old},{new},2025-06-01,2026-01-10,alpha,Alfa,core,2.0,4.0,2.0,up,4.0,4.0,development,"
        "on_target\r\n"
        f"R. Een,Gemeente A,{old},{new},2025-06-01,2026-01-10,beta,Bèta,core,4.333333333333333,3.0,"
        "-1.333333333333333,down,3.0,3.0,strength,on_target\r\n"
        f"R. Een,Gemeente A,{old},{new},2025-06-01,2026-01-10,gamma,Gamma,situational,,5.0,,,4.0,4.0,"
        "insufficient_data,strength\r\n")
    assert csv_of("excel-nl") == (
        "\ufeffrespondent;gemeente;bron toen;bron nu;datum toen;datum nu;competentie;naam;soort;score toen;score nu;"
        "verandering;richting;doel toen;doel nu;status toen;status nu\r\n"
        f"R. Een;Gemeente A;{old};{new};2025-06-01;2026-01-10;alpha;Alfa;kern;2,00;4,00;2,00;omhoog;4,00;4,00;"
        "ontwikkelpunt;op niveau\r\n"
        f"R. Een;Gemeente A;{old};{new};2025-06-01;2026-01-10;beta;Bèta;kern;4,33;3,00;-1,33;omlaag;3,00;3,00;"
        "sterk punt;op niveau\r\n"
        f"R. Een;Gemeente A;{old};{new};2025-06-01;2026-01-10;gamma;Gamma;situatie;;5,00;;;4,00;4,00;"
        "te weinig antwoorden;sterk punt\r\n")


def test_compare_table_marks(bank_dir: Path, write: Write) -> None:
    old, new = write("oud.yaml", same_person(R2)), write("nieuw.yaml", R1)
    result = run("compare", str(old), str(new), "--bank", str(bank_dir))
    assert result.exit_code == 0, result.stderr
    # Piped: 80 columns, the narrow layout (status then above now, the mark beside the change).
    lines = result.stdout.splitlines()
    rows = {cells[0]: cells[1:] + re.split(r"\s{2,}", lines[i + 1].strip())
            for i, line in enumerate(lines) if len(cells := re.split(r"\s{2,}", line.strip())) == 5}
    assert rows["Alfa"] == ["2,0", "4,0", "+2,0 ↑", "ontwikkelpunt", "→ op niveau"]
    assert rows["Bèta"] == ["4,3", "3,0", "-1,3 ↓", "sterk punt", "→ op niveau"]
    assert rows["Gamma"] == ["–", "5,0", "– –", "te weinig", "antwoorden"]
    assert "Passend bij het profiel: toen 50%, nu 100%. 1 omhoog (↑), 1 omlaag (↓), 0 gelijk (=)." in " ".join(
        result.stdout.split())
    assert max(len(line) for line in lines) <= 80


def test_same_file_is_all_equal(bank_dir: Path, write: Write) -> None:
    path = write("r3.yaml", R3)
    result = run("compare", str(path), str(path), "-f", "json", "--bank", str(bank_dir))
    assert [c["direction"] for c in json.loads(result.stdout)["competencies"]] == ["same", "same", "same"]
    assert (result.exit_code, result.stderr) == (0, f"waarschuwing: {path} en {path} zijn hetzelfde bestand; de "
                                                    "vergelijking kan geen verandering laten zien. Bedoelde u een "
                                                    "andere scan?\n")


def test_a_copy_or_the_same_folder_warns_too(bank_dir: Path, write: Write, tmp_path: Path) -> None:
    path, copy = write("a/r3.yaml", R3), write("b/r3.yaml", R3)
    result = run("compare", str(path), str(copy), "-f", "json", "--bank", str(bank_dir))
    assert result.stderr.startswith(f"waarschuwing: {path} en {copy} hebben dezelfde inhoud; ")
    result = run("compare", str(tmp_path / "a"), str(tmp_path / "a") + "/", "-f", "json", "--bank", str(bank_dir))
    assert result.stderr.startswith(f"waarschuwing: {tmp_path / 'a'} en {tmp_path / 'a'} zijn dezelfde map; ")
    edited = write("c/r3.yaml", R3.replace("a-1: 4", "a-1: 3") if "a-1: 4" in R3 else R3 + "\n# anders\n")
    result = run("compare", str(path), str(edited), "-f", "json", "--bank", str(bank_dir))
    assert "waarschuwing" not in result.stderr


def test_warnings_for_other_respondent_bank_and_order(bank_dir: Path, write: Write) -> None:
    bank_a = '\nbank: {version: "t0", sha256: "' + "0" * 64 + '"}\n'
    old = write("oud.yaml", R1 + bank_a)
    new = write("nieuw.yaml", R2 + bank_a.replace("t0", "t1").replace("0" * 64, "1" * 64))
    result = run("compare", str(old), str(new), "--bank", str(bank_dir))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"waarschuwing: {old} is gemaakt met vragenbank t0; u scoort met t1",
        f"waarschuwing: {new}: de vragenbank t1 is gewijzigd sinds deze scan (andere sha256)",
        "waarschuwing: de scans komen uit verschillende vragenbanken (t0 en t1); scores zijn niet zonder meer "
        "vergelijkbaar",
        "waarschuwing: de scans hebben verschillende respondenten: R. Een en R. Twee",
        "waarschuwing: de scans hebben verschillende gemeenten: Gemeente A en Gemeente B",
        "waarschuwing: de nieuwe scan (2025-06-01) is ouder dan de oude (2026-01-10); zijn ze omgewisseld?",
    ]


def test_different_types_warn(bank_dir: Path, write: Write) -> None:
    old, new = write("oud.yaml", R3), write("nieuw.yaml", R1.replace("R. Een", "X"))
    result = run("compare", str(old), str(new), "-f", "json", "--bank", str(bank_dir))
    assert result.stderr == ("waarschuwing: de scans gebruiken verschillende doelprofielen (Beheergemeente en "
                             "Regiegemeente); status en verschil hangen daarvan af\n")
    forced = run("compare", str(old), str(new), "-f", "json", "--type", "regie", "--bank", str(bank_dir))
    assert forced.stderr == ""


def test_bad_file_exit_1_and_csv_with_two_rows(bank_dir: Path, write: Write) -> None:
    good, bad = write("r1.yaml", R1), write("bad.yaml", "answers: [1]\n")
    result = run("compare", str(bad), str(good), "--bank", str(bank_dir))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"{bad}:1:10: answers: verwacht blok met sleutels, gevonden lijst\n"
    two = write("twee.csv", "a-1,a-2\n1,2\n3,4\n")
    result = run("compare", str(two), str(good), "--type", "regie", "--bank", str(bank_dir))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (f"fout: geen respondent staat in allebei ({two}: 2, {good}: 1 gescoord); "
                                              "scans worden gekoppeld op de naam van de respondent")


def test_same_version_other_sha_warns(bank_dir: Path, write: Write) -> None:
    old = write("oud.yaml", R1 + 'bank: {version: "t1", sha256: "' + "0" * 64 + '"}\n')
    new = write("nieuw.yaml", R1 + 'bank: {version: "t1", sha256: "' + "1" * 64 + '"}\n')
    result = run("compare", str(old), str(new), "-f", "json", "--bank", str(bank_dir))
    assert result.stderr.splitlines()[-1] == ("waarschuwing: de vragenbank t1 is tussen de scans gewijzigd "
                                              "(andere sha256)")
