"""Start-up of `--help` (top level and per command) against the bare import floor of typer+rich+yaml.

Each case runs N times in fresh processes, interleaved with the floor so that machine noise
hits both alike; the script prints the medians and their ratio to the floor measured in the
same run (goal, issue 9: within 1.15x). Output goes to /dev/null at a fixed width of 100.
Not a test: timings vary.

    .venv/bin/python bench/help_startup.py [N] [--all]

Without --all it times the top-level help and three commands (report, cohort, scan); with
--all every command.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from floor import Figure, compare_to_floor, print_figures

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EXE = str(Path(sys.executable).with_name("ontwikkelscan"))
ENV = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}


def figures(runs: int = 15, every: bool = False) -> list[Figure]:
    from ontwikkelscan.cli import command_names

    # as `make` installs it: byte-compiled (with PYTHONDONTWRITEBYTECODE set, every run would compile again)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "ontwikkelscan")], check=True)
    commands = command_names() if every else ["report", "cohort", "scan"]
    cases = {"ontwikkelscan --help": [EXE, "--help"],
             **{f"ontwikkelscan {c} --help": [EXE, c, "--help"] for c in commands}}
    return compare_to_floor(cases, runs, ENV)


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    print_figures(figures(int(numbers[0]) if numbers else 15, "--all" in sys.argv))
