"""report on many inputs, --fail-fast, and import-csv: exit codes, stdout versus stderr."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.files.answers import read_answers
from ontwikkelscan.cli import app
from ontwikkelscan.models import Bank

from .batchdata import R1, R2, R3

Write = Callable[[str, str], Path]
RANGE = "toegestaan: een geheel getal van 1 tot en met 5, of null (overgeslagen)"


def invoke(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def batch(write: Write) -> dict[str, Path]:
    return {
        "r1": write("scans/a-r1.yaml", R1),
        "bad": write("scans/b-bad.yaml", "schema: ontwikkelscan/answers@1\nanswers:\n  a-1: 6\n  zz-9: 1\n"),
        "r2": write("scans/c-r2.yml", R2),
        "broken": write("scans/d-broken.yaml", "answers: {a-1: [\n"),
        "r3": write("scans/sub/e-r3.yaml", R3),
    }


def test_a_folder_with_bad_files_reports_the_good_ones_and_exits_1(bank_dir: Path, batch: dict[str, Path]) -> None:
    result = invoke("report", str(batch["r1"].parent), "-f", "jsonl", "--bank", str(bank_dir))
    assert result.exit_code == 1
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in reports] == [str(batch[k]) for k in ("r1", "r2", "r3")]
    assert [r["competencies"][0]["score"] for r in reports] == [4.0, 2.0, 3.0]
    assert result.stderr.splitlines() == [
        f"{batch['bad']}:3:8: answers.a-1: antwoord 6 valt buiten de schaal; {RANGE}",
        f"{batch['bad']}:4:3: answers.zz-9: onbekende vraag-id `zz-9`; deze vragenbank (t1) kent die vraag niet",
        f"{batch['broken']}:1:16: geen geldige YAML: de `[` op deze regel wordt niet gesloten: het bestand houdt "
        "eerder op; sluit af met `]`",
        "    1 | answers: {a-1: [",
        "      |                ^",
    ]
    assert "Traceback" not in result.stderr


def test_fail_fast_stops_at_the_first_bad_file(bank_dir: Path, batch: dict[str, Path]) -> None:
    result = invoke("report", str(batch["r1"]), str(batch["broken"]), str(batch["r2"]), "-f", "jsonl",
                    "--fail-fast", "--bank", str(bank_dir))
    assert result.exit_code == 1
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(batch["r1"])]
    assert result.stderr.count("\n") == 3  # the one error, its line and the caret under it


def test_input_order_is_kept_across_files_folders_and_csv(bank_dir: Path, batch: dict[str, Path],
                                                         write: Write) -> None:
    table = write("extra.csv", "respondent;a-1;a-2;a-3;a-4\nCSV Een;vaak;soms;4;4\nCSV Twee;1;5;1;\n")
    result = invoke("report", str(batch["r3"]), str(table), str(batch["r1"]), "-f", "jsonl",
                    "--type", "regie", "--bank", str(bank_dir))
    assert result.exit_code == 0, result.stderr
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in reports] == [str(batch["r3"]), f"{table}:2", f"{table}:3", str(batch["r1"])]
    assert [r["respondent"]["name"] for r in reports[1:3]] == ["CSV Een", "CSV Twee"]
    # CSV Een: 4, reverse soms(2) -> 4, 4 (weight 2), 4: 4.0; CSV Twee: 1, 5 -> 1, 1 (weight 2): 1.0
    assert [r["competencies"][0]["score"] for r in reports] == [3.0, 4.0, 1.0, 4.0]
    assert {r["municipality_type"] for r in reports} == {"regie"}


def test_json_of_many_is_a_list_and_table_is_plain_text(bank_dir: Path, batch: dict[str, Path]) -> None:
    result = invoke("report", str(batch["r1"]), str(batch["r2"]), "-f", "json", "--bank", str(bank_dir))
    assert [r["respondent"]["name"] for r in json.loads(result.stdout)] == ["R. Een", "R. Twee"]
    table = invoke("report", str(batch["r1"]), str(batch["r2"]), "--bank", str(bank_dir))
    assert table.stdout.count("Samenvatting") == 2
    assert "\x1b[" not in table.stdout


def test_only_bad_files_print_nothing_on_stdout(bank_dir: Path, batch: dict[str, Path], tmp_path: Path) -> None:
    result = invoke("report", str(batch["bad"]), str(tmp_path / "weg.yaml"), "--bank", str(bank_dir))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines()[-1] == f"{tmp_path / 'weg.yaml'}: bestand niet gevonden"


def test_a_file_without_type_stops_with_exit_2(bank_dir: Path, write: Write) -> None:
    path = write("zonder.yaml", "answers: {a-1: 1}\n")
    result = invoke("report", str(path), "--bank", str(bank_dir))
    assert result.exit_code == 2
    assert result.stderr == f"fout: {path}: geen type gemeente in het bestand; geef --type (regie | beheer)\n"


@pytest.mark.parametrize("args", [["report"], ["report", "x.yaml", "--format", "xml"],
                                  ["report", "x.yaml", "--csv-dialect", "fr"], ["cohort"], ["compare", "a.yaml"],
                                  ["import-csv", "x.csv"]])
def test_wrong_use_is_exit_2(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_output_file_is_private(bank_dir: Path, batch: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "uit" / "alles.csv"
    result = invoke("report", str(batch["r1"]), "-f", "csv", "-o", str(out), "--bank", str(bank_dir))
    assert result.exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8").count("\n") == 4


def test_import_csv_writes_one_private_file_per_row(bank_dir: Path, bank: Bank, write: Write,
                                                    tmp_path: Path) -> None:
    source = write("enquete.csv", "respondent,municipality,municipality_type,date,a-1,a-2,b-1\n"
                                  "Jan de Vriés,Gemeente X,regie,28-11-2026,4,Vaak,\n"
                                  ",,,,1,2,3\n"
                                  "Piet,,,,7,,\n")
    out = tmp_path / "scans"
    result = invoke("import-csv", str(source), "--out", str(out), "--bank", str(bank_dir))
    assert result.exit_code == 1
    jan_file, anonymous = "jan-de-vries-2026-11-28-33079a2b.yaml", "antwoord-zonder-datum-dea0513f.yaml"
    assert sorted(p.name for p in out.iterdir()) == [anonymous, jan_file]
    assert result.stderr.splitlines() == [  # errors as they come, warnings before the summary line
        f"{source}:4:5: rij 4, kolom E (a-1): antwoord 7 valt buiten de schaal; toegestaan: 1 of \"nooit\", "
        "2 of \"soms\", 3 of \"regelmatig\", 4 of \"vaak\", 5 of \"altijd\", \"weet ik niet / n.v.t.\" of leeg "
        "(overgeslagen)",
        f"waarschuwing: {source}: 7 vraag/vragen van de vragenbank staan niet in het bestand (tellen als niet "
        "beantwoord): a-3, a-4, b-2, b-3, g-1, g-2, g-3",
        f"{source}: 2 geïmporteerd in {out}, 1 geweigerd (1 met fouten)",
    ]
    jan = read_answers(out / jan_file, bank)
    assert dict(jan.answers) == {"a-1": 4, "a-2": 4, "b-1": None}
    assert (jan.respondent["name"], jan.date, jan.municipality_type) == ("Jan de Vriés", "2026-11-28", "regie")
    assert stat.S_IMODE((out / anonymous).stat().st_mode) == 0o600
    again = invoke("import-csv", str(source), "--out", str(out), "--bank", str(bank_dir), "--allow-partial")
    assert again.exit_code == 0
    assert again.stderr.splitlines()[-1] == (f"{source}: 0 geïmporteerd in {out}, 2 overgeslagen (2 al "
                                             "geïmporteerd), 1 geweigerd (1 met fouten)")


def test_imported_files_score_like_the_csv(bank_dir: Path, write: Write, tmp_path: Path) -> None:
    source = write("e.csv", "respondent,municipality_type,a-1,a-2,a-3,a-4,b-1,b-2\nA,regie,1,2,3,4,5,altijd\n")
    invoke("import-csv", str(source), "--out", str(tmp_path / "o"), "--bank", str(bank_dir))
    direct = invoke("report", str(source), "-f", "json", "--bank", str(bank_dir))
    imported = invoke("report", str(tmp_path / "o"), "-f", "json", "--bank", str(bank_dir))
    assert json.loads(direct.stdout)["competencies"] == json.loads(imported.stdout)["competencies"]


def test_progress_bar_only_on_a_terminal_and_only_after_the_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from ontwikkelscan.cli import progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with progress.Progress(10) as bar:
        bar.advance()
    assert (bar.enabled, bar._bar) == (False, None)

    monkeypatch.setattr(sys, "stderr", Tty())
    with progress.Progress(10) as quick:
        quick.advance()  # well within DELAY: no bar
    assert (quick.enabled, quick._bar) == (True, None)

    monkeypatch.setattr(progress, "DELAY", 0.0)
    with progress.Progress(10) as slow:
        slow.advance()
        assert slow._bar is not None
    assert slow.done == 1


def test_a_batch_from_another_bank_warns_once_per_bank(bank_dir: Path, write: Write) -> None:
    old = '\nbank: {version: "t0", sha256: "' + "0" * 64 + '"}\n'
    paths = [write(f"oud/{i}.yaml", R1.replace("g-3: null", f"g-3: {i + 1}") + old) for i in range(3)]
    result = invoke("report", str(paths[0].parent), "-f", "jsonl", "--bank", str(bank_dir))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"waarschuwing: 3 bestanden zijn gemaakt met vragenbank t0; u scoort met t1: {'; '.join(map(str, paths))} "
        "(gebruik --verbose om ze alle 3 te zien)",
        f"waarschuwing: 1 perso(o)n(en) op één dag meer dan eens, met verschillende antwoorden: R. Een op 2026-01-10 "
        f"3 keer ({', '.join(map(str, paths))}); elke scan telt mee; laat er één over als het om dezelfde scan gaat",
    ]


def test_hostile_files_are_reported_not_crashed_on(bank_dir: Path, batch: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "vijandig"
    folder.mkdir()
    (folder / "alias.yaml").write_text("a: &a [*a]\n")
    (folder / "diep.yaml").write_text("a: " + "[" * 200 + "]" * 200 + "\n")
    (folder / "binair.yaml").write_bytes(bytes(range(256)))
    (folder / "leeg.yaml").write_text("")
    (folder / "map.yaml").mkdir()
    result = invoke("report", str(folder), str(batch["r1"]), "-f", "jsonl", "--bank", str(bank_dir))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr.splitlines() == [
        f"{folder / 'alias.yaml'}:1:4: a[0][0]…: te diep genest (meer dan 50 niveaus; verwijst een alias naar "
        "zichzelf?); is dit wel een ontwikkelscan-bestand?",
        f"{folder / 'binair.yaml'}:2:118: geen geldige UTF-8-tekst; sla het bestand op als UTF-8 (in een teksteditor: "
        "Opslaan als, codering UTF-8)",
        f"{folder / 'diep.yaml'}:1:54: a[0][0]…: te diep genest (meer dan 50 niveaus; verwijst een alias naar "
        "zichzelf?); is dit wel een ontwikkelscan-bestand?",
        f"{folder / 'leeg.yaml'}:1:1: dit is geen antwoordbestand: verwacht een blok met minstens `answers:`",
    ]


def test_an_error_during_the_progress_bar_gets_its_own_line_above_it(bank_dir: Path, write: Write,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import re
    import sys

    from ontwikkelscan.cli import progress
    from ontwikkelscan.files.bank import load_bank

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    good = [write(f"map/{i}.yaml", R1.replace("g-3: null", f"g-3: {i + 1}")) for i in range(3)]
    bad = write("map/1b.yaml", "answers:\n  a-1: 9\n")
    screen = Tty()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setenv("COLUMNS", "80")
    with progress.batch([good[0].parent], load_bank(bank_dir)) as run:
        sheets = list(run.sheets())
    assert len(sheets) == 3
    message = (f"{bad}:2:8: answers.a-1: antwoord 9 valt buiten de schaal; toegestaan: een geheel getal "
               "van 1 tot en met 5, of null (overgeslagen)")
    text = screen.getvalue()
    lines = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text).replace("\r", "\n").split("\n")
    assert message in lines  # a line of its own: not glued to the bar
    assert any(line.startswith("Bestanden") for line in lines)  # the bar was showing
    assert text.index(message) > text.index("Bestanden")  # it came while the bar was on screen
