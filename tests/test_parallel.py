"""Batches in worker processes (files/parallel.py): the same bytes on stdout and stderr as one
process, in input order, --fail-fast, Ctrl-C (exit 130) with no worker left, no temp files."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.cli import progress
from ontwikkelscan.files import parallel

from .batchdata import R1

Write = Callable[[str, str], Path]
FILES = parallel.PARALLEL_FROM + 40  # enough for the workers


@pytest.fixture
def folder(write: Write) -> Path:
    """Many answer files in two folders, with bad files, an unreadable one and the same response twice."""
    rng = random.Random(22)
    for i in range(FILES):
        answers = ", ".join(f"{q}: {rng.choice(['1', '2', '3', '4', '5', 'null'])}"
                            for q in ("a-1", "a-2", "a-3", "a-4", "b-1", "b-2", "b-3", "g-1", "g-2", "g-3"))
        text = R1.replace("R. Een", f"R. {i}").replace(R1.splitlines()[-1], f"answers: {{{answers}}}")
        text += '\nbank: {version: "t0"}\n' if i % 10 == 3 else ""  # a warning of one kind in many files
        write(f"scans/{'sub/' if i % 7 == 0 else ''}{i:04d}.yaml", text)
    write("scans/0031-bad.yaml", "schema: ontwikkelscan/answers@1\nanswers:\n  a-1: 6\n  zz-9: 1\n")
    write("scans/0090-broken.yaml", "answers: {a-1: [\n")
    copy = (folder_path := write("scans/0005.yaml", "x").parent) / "0005-copy.yaml"
    write("scans/0005.yaml", R1)
    copy.write_text(R1, encoding="utf-8")
    return folder_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", [
    ["report", "--format", "jsonl"], ["report", "--format", "csv", "--csv-shape", "wide"], ["report"],
    ["cohort", "--format", "json"], ["items", "--format", "csv"], ["report", "--fail-fast", "--format", "jsonl"],
    ["report", "--format", "jsonl", "--verbose"],
])
def test_workers_give_the_same_bytes_as_one_process(bank_dir: Path, folder: Path, command: list[str]) -> None:
    args = [*command[:1], str(folder), *command[1:], "--bank", str(bank_dir)]
    alone = run(*args, "--jobs", "1")
    assert alone[0] == 1 and alone[1]  # the bad files fail the run; the good ones are reported
    said = alone[2].count("gemaakt met vragenbank t0")  # one warning per kind, or every one with --verbose
    assert said == (len(range(3, FILES, 10)) if "--verbose" in command else 1)
    assert run(*args, "--jobs", "2") == alone
    assert run(*args, "-j", "3") == alone
    assert multiprocessing.active_children() == []


def test_compare_of_two_folders_in_workers(bank_dir: Path, folder: Path) -> None:
    args = ["compare", str(folder), str(folder / "sub"), "--format", "json", "--bank", str(bank_dir),
            "--allow-partial"]
    assert run(*args, "--jobs", "2") == run(*args, "--jobs", "1")


def test_the_workers_read_and_the_errors_come_in_input_order(bank_dir: Path, folder: Path) -> None:
    code, out, err = run("report", str(folder), "-f", "jsonl", "--bank", str(bank_dir), "-j", "2")
    errors = [line.split(":")[0] for line in err.splitlines() if line.startswith(str(folder))]
    assert errors == sorted(errors) and any("0031-bad" in e for e in errors) and any("0090" in e for e in errors)
    assert out.count("\n") == FILES  # FILES named, one copy counted once; the two bad ones left out


def test_fail_fast_stops_the_workers_at_the_first_error(bank_dir: Path, folder: Path) -> None:
    code, out, err = run("report", str(folder), "-f", "jsonl", "--fail-fast", "--bank", str(bank_dir), "-j", "2")
    assert code == 1 and "0031-bad" in err and "0090" not in err
    assert multiprocessing.active_children() == []


def test_ctrl_c_in_the_middle_ends_every_worker(bank_dir: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    advance = progress.Progress.advance

    def interrupted(self: progress.Progress) -> None:
        advance(self)
        if self.done == 50:
            raise KeyboardInterrupt

    monkeypatch.setattr(progress.Progress, "advance", interrupted)
    code, out, err = run("report", str(folder), "-f", "jsonl", "--bank", str(bank_dir), "-j", "2")
    assert (code, out, err.strip().splitlines()[-1]) == (130, "", "Onderbroken.")
    assert multiprocessing.active_children() == []


def test_below_the_threshold_nothing_is_started(bank_dir: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool for a few files")

    monkeypatch.setattr(parallel, "_in_workers", no_pool)
    assert run("report", str(folder / "sub"), "-f", "jsonl", "--bank", str(bank_dir), "-j", "2")[0] == 0


def test_the_default_is_the_cores_this_process_may_use() -> None:
    assert parallel.available_cores() == len(os.sched_getaffinity(0))


def test_a_real_ctrl_c_leaves_no_process_and_no_temp_file(bank_dir: Path, folder: Path, tmp_path: Path) -> None:
    """SIGINT to the whole process group, as a terminal sends it: exit 130, and the group is empty after."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    exe = Path(sys.executable).with_name("ontwikkelscan")
    many = [str(folder)] * 2000  # 280,000 files: long enough to be interrupted in the middle
    child = subprocess.Popen([str(exe), "report", *many, "-f", "jsonl", "--bank", str(bank_dir), "-j", "2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                             env={**os.environ, "TMPDIR": str(temp)})
    time.sleep(1.5)
    os.killpg(child.pid, signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130, err
    assert err.decode().strip().splitlines()[-1] == "Onderbroken."
    with pytest.raises(ProcessLookupError):  # nothing of the group is left
        os.killpg(child.pid, 0)
    assert list(temp.iterdir()) == []
    assert tempfile.gettempdir()  # (the run itself was told to use `temp`)


def test_jobs_below_one_is_a_wrong_option(bank_dir: Path, folder: Path) -> None:
    code, out, err = run("report", str(folder), "--jobs", "0", "--bank", str(bank_dir))
    assert (code, out) == (2, "")
    assert err == "fout: ongeldige waarde voor --jobs: `0` processen kan niet; geef 1 of meer\nHulp: ontwikkelscan report --help\n"


def test_every_field_of_a_sheet_survives_the_trip_from_a_worker() -> None:
    from types import MappingProxyType

    from ontwikkelscan.models import AnswerSheet

    sheet = AnswerSheet("a.yaml", MappingProxyType({"a-1": 3, "a-2": None}), MappingProxyType({"name": "Ans"}),
                        "2026-11-28", "regie", contexts=("fusie",), response_id="7")
    views = [field for field in sheet if isinstance(field, MappingProxyType)]
    assert len(views) >= 2  # answers, respondent (and any mapping added since)
    source, back = parallel._unpack(pickle.loads(pickle.dumps(parallel._pack(("a.yaml", sheet)))))
    assert (source, back) == ("a.yaml", sheet)
    assert all(isinstance(b, MappingProxyType) for a, b in zip(sheet, back, strict=True) if isinstance(a, MappingProxyType))
