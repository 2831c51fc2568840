"""`cohort` and `compare` in a real terminal of 80 and 100 columns, driven through tmux as a person would
(issue 21): every number of the tables stands whole on the screen, nothing is cut with "…", and the
warnings wrap between words to the terminal's width. Skipped where tmux is not installed; CI installs it."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ontwikkelscan.analysis.batch import Batch
from ontwikkelscan.analysis.cohort import CohortBuilder
from ontwikkelscan.files.answers import dump_answers
from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.models import AnswerSheet
from ontwikkelscan.render.cohort.terminal import _numbers

BIN = str(Path(sys.executable).with_name("ontwikkelscan"))
BANK = load_bank(None)
NAMES = ("Anna-Maria van den Heuvel-Brinkhorst", "Bram Jansen", "Carla Öztürk-Vermeulen", "Dirk-Jan van der Westhuizen",
         "Eva Bakker", "Frits Smit", "Geertruida Schimmelpenninck van der Oye", "Henk de Boer", "Ilse Wijnberg",
         "Joost van Oldenbarnevelt", "Karin Hoogeveen", "Lodewijk Tjeenk Willink")

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed: the tables in a real "
                                "terminal are not tested here (apt-get install tmux; CI installs it)")


def scans(folder: Path) -> None:
    """12 people with long names, 2 or 3 scans each (a year apart, the profile changing for some)."""
    rng = random.Random(21)
    for i, name in enumerate(NAMES):
        for s in range(2 + i % 2):
            answers = {q.id: (None if rng.random() < 0.05 else rng.randint(1, 5)) for q in BANK.questions}
            sheet = AnswerSheet(source="", answers=answers, respondent={"name": name, "municipality": f"Gemeente {i}"},
                                date=f"{2024 + s}-03-1{s}", municipality_type=list(BANK.types)[(i + s * (i % 3)) % 3])
            side = folder / ("voor" if s == 0 else "na" if s == 1 else "later")
            side.mkdir(parents=True, exist_ok=True)
            (side / f"{i:02d}.yaml").write_text(dump_answers(sheet, BANK), encoding="utf-8")


def screen(width: int, command: str, cwd: Path) -> list[str]:
    """What a terminal `width` columns wide shows after `command`, wrapped lines of tmux joined again (-J),
    so that a line longer than the screen would show as one."""
    socket = f"os-tables-{os.getpid()}-{width}"
    env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "NO_COLOR", "COLUMNS", "LINES")}
    tmux = ["tmux", "-L", socket]
    subprocess.run([*tmux, "new-session", "-d", "-x", str(width), "-y", "50", "-c", str(cwd), "bash --norc --noprofile"],
                   check=True, env=env)
    try:
        subprocess.run([*tmux, "send-keys", f"clear; {command}; echo KLAAR-$?", "Enter"], check=True)
        for _ in range(600):  # until the command is done (a loaded machine: up to a minute), never timed
            shown = subprocess.run([*tmux, "capture-pane", "-p", "-J", "-S", "-"], capture_output=True, text=True,
                                   check=True).stdout
            if "KLAAR-" in shown.replace("echo KLAAR-$?", ""):
                return shown.splitlines()
            time.sleep(0.1)
        raise AssertionError(shown)
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="tt") as short:
        scans(Path(short))
        yield Path(short)


@pytest.mark.parametrize("width", [80, 100])
def test_the_cohort_table_on_a_real_terminal(folder: Path, width: int) -> None:
    lines = screen(width, f"{BIN} cohort voor na later", folder)
    text = "\n".join(lines)
    assert "…" not in text and max(map(len, lines)) <= width
    builder = CohortBuilder(BANK)
    for report in Batch([folder / "voor", folder / "na", folder / "later"], BANK).reports(None):
        builder.add(report)
    cells = [value for s in builder.build().competencies for value in _numbers(s)]
    assert "groep van 30 respondenten" in text
    assert all(value in text for value in cells), [value for value in cells if value not in text]


@pytest.mark.parametrize("width", [80, 100])
def test_compare_of_two_groups_on_a_real_terminal(folder: Path, width: int) -> None:
    lines = screen(width, f"{BIN} compare voor na", folder)
    text = "\n".join(lines)
    assert "…" not in text and max(map(len, lines)) <= width
    assert "12 respondent(en) in beide groepen" in text
    warning = next(i for i, line in enumerate(lines) if "paren scans gebruiken verschillende doelprofielen" in line)
    said = " ".join(lines[warning:warning + 4])
    assert "(gebruik --verbose om ze alle " in said  # the summary, wrapped between words over its lines
    assert all(len(line) <= width - 1 for line in lines[warning:warning + 3])
