"""Start-up of `ontwikkelscan report` on one file against the bare import floor of typer+rich+yaml.

Runs each command N times in fresh processes, interleaved so that machine noise hits both
alike, and prints the medians and their ratio (goal, issue 22: at most 0.8x of the floor).
Output goes to /dev/null, as in a script; on a terminal the report also loads Rich's console.

    .venv/bin/python bench/report_startup.py [N]
"""

from __future__ import annotations

import sys
from pathlib import Path

from floor import Figure, compare_to_floor, print_figures

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "jansen.yaml")
EXE = str(Path(sys.executable).with_name("ontwikkelscan"))
GOAL = 0.8
CASES = {
    "report one.yaml (table, piped)": [EXE, "report", EXAMPLE],
    "report one.yaml --format json": [EXE, "report", EXAMPLE, "--format", "json"],
}


def figures(runs: int = 15) -> list[Figure]:
    return compare_to_floor(CASES, runs, goals=dict.fromkeys(CASES, GOAL))


if __name__ == "__main__":
    print_figures(figures(int(sys.argv[1]) if len(sys.argv) > 1 else 15))
