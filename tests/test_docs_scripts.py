"""The example scripts in docs/coach.md run under `set -euo pipefail` on real exports and succeed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests import surveyexports as se
from tests.conftest import bank_outside_a_test

DOC = Path(__file__).resolve().parents[1] / "docs" / "coach.md"
BANK = bank_outside_a_test()  # the shipped bank, without touching the user's cache


def scripts() -> dict[str, str]:
    """The ```bash blocks that are whole scripts, by their name (the comment on their second line)."""
    blocks = re.findall(r"```bash\n(#!/usr/bin/env bash\n.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    return {re.match(r"#!/usr/bin/env bash\n# ([\w.-]+):", b).group(1): b for b in blocks}  # type: ignore[union-attr]


def run(script: str, folder: Path) -> subprocess.CompletedProcess[str]:
    path = folder / "script.sh"
    path.write_text(script, encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(["bash", str(path)], cwd=folder, env=env, capture_output=True, text=True, timeout=120,
                          check=False)


def test_the_docs_have_both_scripts_and_they_are_strict() -> None:
    found = scripts()
    assert sorted(found) == ["maandelijks.sh", "voortgang.sh"]
    assert all("\nset -euo pipefail\n" in script for script in found.values())


def test_monthly_script_on_a_growing_export(tmp_path: Path) -> None:
    script = scripts()["maandelijks.sh"]
    people = se.people(BANK, 5)
    se.ms_forms_xlsx(tmp_path / "Zelfscan.xlsx", BANK, people[:4])
    done = run(script, tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert len(list((tmp_path / "scans").glob("*.yaml"))) == 4
    [overview] = tmp_path.glob("overzicht-*.csv")
    assert len(overview.read_text(encoding="utf-8-sig").splitlines()) == 5
    assert len(list(tmp_path.glob("groep-*.json"))) == 1
    # a month later: one more response, and one with an answer out of the scale
    se.ms_forms_xlsx(tmp_path / "Zelfscan.xlsx", BANK, [*people, people[0]._replace(name="X", answers={
        **people[0].answers, "bps-1": 9}, when=people[0].when.replace(day=20))])
    done = run(script, tmp_path)
    assert done.returncode == 0
    assert done.stderr == "Sommige antwoorden zijn fout of gewijzigd; zie fouten.log\n"
    assert len(list((tmp_path / "scans").glob("*.yaml"))) == 5
    log = (tmp_path / "fouten.log").read_text(encoding="utf-8")
    assert "Zelfscan.xlsx: 1 geïmporteerd in scans, 4 overgeslagen (4 al geïmporteerd), 1 geweigerd (1 met fouten)" in log


def test_monthly_script_stops_when_the_export_is_missing(tmp_path: Path) -> None:
    done = run(scripts()["maandelijks.sh"], tmp_path)
    assert done.returncode == 1  # set -e: report on an empty folder fails, nothing is written
    assert not list(tmp_path.glob("overzicht-*.csv"))


@pytest.mark.parametrize("broken", [False, True])
def test_progress_script(tmp_path: Path, broken: bool) -> None:
    people = se.people(BANK, 4)
    se.ms_forms_xlsx(tmp_path / "voor.xlsx", BANK, people[:3])
    se.google_forms_csv(tmp_path / "na.csv", BANK, people[1:])
    if broken:
        (tmp_path / "na.csv").write_text("niets\n", encoding="utf-8")
    done = run(scripts()["voortgang.sh"], tmp_path)
    if broken:
        assert (done.returncode, done.stderr) == (1, "vergelijken mislukt; zie fouten.log\n")
        return
    assert (done.returncode, done.stdout) == (0, "Geschreven: voortgang.csv en voortgang.json\n")
    assert (tmp_path / "voortgang.csv").read_text(encoding="utf-8-sig").count("\n") == 1 + 4 * len(BANK.competencies)
