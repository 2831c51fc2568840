"""Timing against a floor measured in the same run, shared by the benchmarks in bench/.

Each case runs N times in fresh processes, interleaved with its floor, so that machine noise
(this machine is shared) hits both alike; the medians and their ratio are reported as one
`Figure` per case: ratio, goal, and both absolute times. `make bench` (bench/all.py) prints
the figures of every benchmark. Not a test: timings vary.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from typing import NamedTuple

FLOOR = [sys.executable, "-c", "import typer, rich, yaml"]
GOAL = 1.15


class Figure(NamedTuple):
    name: str  # what is measured
    seconds: float  # its median (or best) time
    floor: str  # what it is compared with
    floor_seconds: float  # the floor's time, from the same run
    goal: float  # the ratio to stay at or under

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor_seconds

    def line(self) -> str:
        mark = "ok " if self.ratio <= self.goal else "TOO SLOW"
        return (f"{self.ratio:5.2f}x  goal <= {self.goal:.2f}x  {mark:8}  {self.name}: {_ms(self.seconds)} "
                f"against {self.floor} {_ms(self.floor_seconds)}")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def print_figures(figures: list[Figure]) -> None:
    for figure in figures:
        print(figure.line(), flush=True)


def timed(command: list[str], env: Mapping[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - start


def interleaved(cases: Mapping[str, Callable[[], list[str]]], runs: int,
                env: Mapping[str, str] | None = None) -> dict[str, float]:
    """The median wall-clock time of each command (made afresh for every run), runs interleaved."""
    for make in cases.values():
        timed(make(), env)  # warm the file cache and the .pyc files
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, make in cases.items():
            samples[name].append(timed(make(), env))
    return {name: statistics.median(values) for name, values in samples.items()}


def compare_to_floor(cases: Mapping[str, list[str]], runs: int, env: Mapping[str, str] | None = None,
                     goals: Mapping[str, float] | None = None) -> list[Figure]:
    """Start-up cases against `import typer, rich, yaml` (goal GOAL unless `goals` names another)."""
    commands: dict[str, list[str]] = {"floor": FLOOR, **cases}
    medians = interleaved({name: (lambda c=command: c) for name, command in commands.items()}, runs, env)
    return [Figure(name, medians[name], "import typer, rich, yaml", medians["floor"], (goals or {}).get(name, GOAL))
            for name in cases]
