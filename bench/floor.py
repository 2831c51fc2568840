"""Timing against the import floor, shared by the start-up benchmarks.

Each case runs N times in fresh processes, interleaved with the floor (`import typer, rich,
yaml`) so that machine noise hits both alike; the medians and their ratio to the floor of the
same run are printed. Not a test: timings vary.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Mapping

FLOOR = [sys.executable, "-c", "import typer, rich, yaml"]
GOAL = 1.15


def timed(command: list[str], env: Mapping[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - start


def compare_to_floor(cases: Mapping[str, list[str]], runs: int, env: Mapping[str, str] | None = None) -> None:
    for command in [FLOOR, *cases.values()]:
        timed(command, env)  # warm the file cache and the .pyc files
    samples: dict[str, list[float]] = {"floor": [], **{name: [] for name in cases}}
    for _ in range(runs):
        samples["floor"].append(timed(FLOOR, env))
        for name, command in cases.items():
            samples[name].append(timed(command, env))
    floor = statistics.median(samples["floor"])
    width = max(32, *(len(name) for name in cases)) + 4
    print(f"runs: {runs} each, medians")
    print(f"{'floor: import typer, rich, yaml':{width}} {floor * 1000:6.1f} ms")
    for name in cases:
        median = statistics.median(samples[name])
        print(f"{name:{width}} {median * 1000:6.1f} ms  {median / floor:.2f}x  (goal {GOAL}x)")
