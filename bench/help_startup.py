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
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FLOOR = [sys.executable, "-c", "import typer, rich, yaml"]
EXE = str(Path(sys.executable).with_name("ontwikkelscan"))
GOAL = 1.15
ENV = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENV)
    return time.perf_counter() - start


def main(runs: int, every: bool) -> None:
    from ontwikkelscan.cli import command_names

    # as `make` installs it: byte-compiled (with PYTHONDONTWRITEBYTECODE set, every run would compile again)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "ontwikkelscan")], check=True)
    commands = command_names() if every else ["report", "cohort", "scan"]
    cases = {"ontwikkelscan --help": [EXE, "--help"],
             **{f"ontwikkelscan {c} --help": [EXE, c, "--help"] for c in commands}}
    for command in [FLOOR, *cases.values()]:
        timed(command)  # warm the file cache and the .pyc files
    samples: dict[str, list[float]] = {"floor": [], **{name: [] for name in cases}}
    for _ in range(runs):
        samples["floor"].append(timed(FLOOR))
        for name, command in cases.items():
            samples[name].append(timed(command))
    floor = statistics.median(samples["floor"])
    print(f"runs: {runs} each, medians")
    print(f"{'floor: import typer, rich, yaml':36} {floor * 1000:6.1f} ms")
    for name in cases:
        median = statistics.median(samples[name])
        print(f"{name:36} {median * 1000:6.1f} ms  {median / floor:.2f}x  (goal {GOAL}x)")


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    main(int(numbers[0]) if numbers else 15, "--all" in sys.argv)
