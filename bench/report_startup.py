"""Start-up of `ontwikkelscan report` on one file against the bare import floor of typer+rich+yaml.

Runs each command N times in fresh processes, interleaved so that machine noise hits both
alike, and prints the medians and their ratio (goal, issue 2: within 1.15x of the floor).
Output goes to /dev/null, as in a script; on a terminal the report also loads Rich's console.

    .venv/bin/python bench/report_startup.py [N]
"""

from __future__ import annotations

import sys
from pathlib import Path

from floor import compare_to_floor

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "jansen.yaml")
CASES = {
    "report (table, piped)": [sys.executable, "-m", "ontwikkelscan", "report", EXAMPLE],
    "report --format json": [sys.executable, "-m", "ontwikkelscan", "report", EXAMPLE, "--format", "json"],
}


def main(runs: int) -> None:
    compare_to_floor(CASES, runs)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
