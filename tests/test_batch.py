"""The batch loop of the core (analysis/batch.py), and how the batch commands use it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.analysis.batch import Batch
from ontwikkelscan.cli import app
from ontwikkelscan.errors import InputError, Warned
from ontwikkelscan.models import Bank
from ontwikkelscan.render.common.perkind import lines

from .batchdata import R1, R2, R3

Write = Callable[[str, str], Path]
OLD_BANK = '\nbank: {version: "t0", sha256: "' + "0" * 64 + '"}\n'
BAD = "schema: ontwikkelscan/answers@1\nanswers:\n  a-1: 6\n"


@pytest.fixture
def folder(write: Write) -> Path:
    write("scans/a.yaml", R1)
    write("scans/b-bad.yaml", BAD)
    write("scans/c.yaml", R2)
    write("scans/e.yaml", R3)
    return Path(write("scans/a.yaml", R1)).parent


def test_errors_are_collected_per_file_and_the_good_ones_read(bank: Bank, folder: Path, write: Write) -> None:
    table = write("d.csv", "respondent,municipality_type,a-1\nX,regie,9\nY,beheer,3\n")
    seen: list[InputError] = []
    files: list[int] = []
    run = Batch([folder, table], bank, on_error=seen.append, on_file=lambda: files.append(1))
    names = [sheet.source for sheet in run.sheets()]
    assert names == [str(folder / "a.yaml"), str(folder / "c.yaml"), str(folder / "e.yaml"), f"{table}:3"]
    assert [(e.problems[0].file, e.problems[0].line) for e in run.errors] == [(str(folder / "b-bad.yaml"), 3), (str(table), 2)]
    assert seen == run.errors
    assert (run.total, len(files), run.read, run.failed) == (5, 5, 4, 2)


def test_fail_fast_stops_at_the_first_bad_file(bank: Bank, folder: Path) -> None:
    files: list[int] = []
    run = Batch([folder], bank, fail_fast=True, on_file=lambda: files.append(1))
    assert [s.source for s in run.sheets()] == [str(folder / "a.yaml")]
    assert (run.failed, len(files)) == (1, 1)


def test_reports_score_each_sheet_with_its_type(bank: Bank, write: Write) -> None:
    a, b = write("a.yaml", R1), write("b.yaml", R3)
    assert [r.municipality_type.id for r in Batch([a, b], bank).reports(None)] == ["regie", "beheer"]
    assert [r.municipality_type.id for r in Batch([a, b], bank).reports(bank.types["beheer"])] == ["beheer"] * 2


def test_another_bank_is_warned_once_and_counted(bank: Bank, write: Write) -> None:
    paths = [write(f"oud/{i}.yaml", R1.replace("g-3: null", f"g-3: {i + 1}") + OLD_BANK) for i in range(3)]
    warnings: list[str | Warned] = []
    assert len(list(Batch([paths[0].parent], bank, on_warning=warnings.append).sheets())) == 3
    assert lines(warnings) == [f"3 bestanden zijn gemaakt met vragenbank t0; u scoort met t1: {'; '.join(map(str, paths))} "
                               "(gebruik --verbose om ze alle 3 te zien)",
                               f"1 perso(o)n(en) op één dag meer dan eens, met verschillende antwoorden: R. Een op "
                               f"2026-01-10 3 keer ({', '.join(map(str, paths))}); elke scan telt mee; laat er één over "
                               "als het om dezelfde scan gaat"]
    assert lines(warnings, verbose=True)[:3] == [f"{path} is gemaakt met vragenbank t0; u scoort met t1" for path in paths]


def test_items_warns_about_another_bank_like_report(bank_dir: Path, write: Write) -> None:
    paths = [write(f"oud/{i}.yaml", R1.replace("R. Een", f"R. {i}") + OLD_BANK) for i in range(2)]
    result = CliRunner().invoke(app, ["items", str(paths[0].parent), "--bank", str(bank_dir)])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[:1] == [
        f"waarschuwing: 2 bestanden zijn gemaakt met vragenbank t0; u scoort met t1: {paths[0]}; {paths[1]} "
        "(gebruik --verbose om ze alle 2 te zien)"]


def test_items_fail_fast(bank_dir: Path, folder: Path) -> None:
    result = CliRunner().invoke(app, ["items", str(folder), "--fail-fast", "--bank", str(bank_dir)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"{folder / 'b-bad.yaml'}:3:8: answers.a-1: antwoord 6 valt buiten de schaal")


@pytest.mark.parametrize("command", ["report", "cohort", "items"])
def test_ctrl_c_during_a_batch_exits_130(command: str, bank_dir: Path, folder: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from ontwikkelscan.files import inputs

    real = inputs.read_answers
    calls: list[Path] = []

    def interrupted(path: Path, *args: object) -> object:
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl-C while the second file is read
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(inputs, "read_answers", interrupted)
    out = folder.parent / "uit.txt"
    small = ["--allow-small"] if command == "cohort" else []
    result = CliRunner().invoke(app, [command, str(folder), "--bank", str(bank_dir), "-o", str(out), *small])
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "\nOnderbroken.\n")
    assert len(calls) == 2 and not out.exists()


@pytest.mark.parametrize("command", ["competencies", "profiles", "bank", "template", "schema"])
def test_ctrl_c_in_any_command_is_exit_130_through_the_one_boundary(command: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    module = importlib.import_module(f"ontwikkelscan.cli.commands.{command}")

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(module, "load", interrupted)
    args = [command, "--bank", "ergens"]
    result = CliRunner().invoke(app, args)
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "\nOnderbroken.\n")
