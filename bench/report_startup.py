"""Start-up of `ontwikkelscan report` on one file against the bare import floor of typer+rich+yaml.

Runs each command N times in fresh processes, interleaved so that machine noise hits both
alike, and prints the medians and their ratio (goal, issue 2: within 1.15x of the floor).
Output goes to /dev/null, as in a script; on a terminal the report also loads Rich's console.

    .venv/bin/python bench/report_startup.py [N]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = [sys.executable, "-c", "import typer, rich, yaml"]
EXAMPLE = str(ROOT / "examples" / "jansen.yaml")
CASES = {
    "report (table, piped)": [sys.executable, "-m", "ontwikkelscan", "report", EXAMPLE],
    "report --format json": [sys.executable, "-m", "ontwikkelscan", "report", EXAMPLE, "--format", "json"],
}
GOAL = 1.15


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main(runs: int) -> None:
    for command in [FLOOR, *CASES.values()]:
        timed(command)  # warm the file cache and the .pyc files
    samples: dict[str, list[float]] = {"floor": [], **{name: [] for name in CASES}}
    for _ in range(runs):
        samples["floor"].append(timed(FLOOR))
        for name, command in CASES.items():
            samples[name].append(timed(command))
    floor = statistics.median(samples["floor"])
    print(f"{'floor: import typer, rich, yaml':32} {floor * 1000:6.1f} ms")
    for name in CASES:
        median = statistics.median(samples[name])
        print(f"{name:32} {median * 1000:6.1f} ms  {median / floor:.2f}x  (goal {GOAL}x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
