"""`make bench`: every timed benchmark in bench/, one line per figure at the end.

Each line is one figure from one run: its ratio, its goal, then the absolute times of the
case and of its floor, measured interleaved in that same run (bench/floor.py). A ratio is
what to compare between runs and machines; the absolute times only orient (this machine is
shared, so they swing with its load, and both sides swing together).

    .venv/bin/python bench/all.py [--quick]

--quick: fewer runs and a 2,000-file batch (about a minute instead of several).
Not timed here: bank_patterns.py and development_points.py (they report answers, not times)
and imports.py (the readers in-process, CPU time per response; run it by hand).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import batch
import help_startup
import report_startup
import startup
import xlsx
from floor import Figure, print_figures

ROOT = Path(__file__).resolve().parent.parent


def main(quick: bool) -> None:
    # as `make` installs it: byte-compiled (with PYTHONDONTWRITEBYTECODE set, every run would compile again)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "ontwikkelscan")], check=True)
    runs = 7 if quick else 21
    steps = [
        ("start-up of report", lambda: report_startup.figures(runs)),
        ("start-up of scan", lambda: startup.figures(runs)),
        ("start-up of --help", lambda: help_startup.figures(runs)),
        ("the 10k-file batch", lambda: batch.figures(2000 if quick else 10000, 1 if quick else 3)),
        (".xlsx against CSV", lambda: xlsx.figures(5000, 1 if quick else 3)),
    ]
    figures: list[Figure] = []
    for title, step in steps:
        print(f"... {title}", file=sys.stderr, flush=True)
        figures += step()
    print("ratio    goal      verdict   figure: time against its floor (same run)")
    print_figures(figures)


if __name__ == "__main__":
    main("--quick" in sys.argv)
