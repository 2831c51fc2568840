"""Time to the first prompt of `ontwikkelscan scan`, against importing the same libraries.

The scan runs on a pseudo-terminal (it refuses to run without one); the clock stops when
the name prompt is on screen. The baseline is a bare `python -c "import typer, rich, yaml,
questionary"` on the same interpreter, timed in the same run, so that machine speed and a
cold disk cancel out. Goal (issue 22): ratio <= 0.35. Not a test: timings vary.

    .venv/bin/python bench/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from floor import Figure, print_figures

ROOT = Path(__file__).resolve().parents[1]
FIRST_PROMPT = b"Uw naam"
BASELINE = "import typer, rich, yaml, questionary"
GOAL = 0.35


def on_pty(argv: list[str], until: bytes | None, cwd: str, timeout: float = 20.0) -> float:
    """Seconds from spawn until `until` shows on the terminal (or, with None, until the process ends)."""
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "LINES": "40", "TERM": "xterm-256color"}
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env)
    os.close(slave)
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the other end closed: the process is gone
                    chunk = b""
                if until is not None and until in (seen := seen + chunk):
                    return time.perf_counter() - start
                if not chunk and until is None:
                    break
            if until is None and process.poll() is not None:
                break
        if until is not None:
            raise RuntimeError(f"no prompt within {timeout} s; screen so far: {seen[-400:]!r}")
        process.wait()
        return time.perf_counter() - start
    finally:
        if process.poll() is None:
            process.kill()  # the scan we started, by its own handle
            process.wait()
        os.close(master)


def figures(runs: int = 15) -> list[Figure]:
    python = sys.executable
    scan = [str(Path(python).with_name("ontwikkelscan")), "scan", "--out", "bench.yaml", "--type", "regie"]
    baseline, first_prompt = [], []
    with tempfile.TemporaryDirectory() as cwd:
        on_pty(scan, FIRST_PROMPT, cwd)  # warm the disk cache and byte-code once
        for _ in range(runs):  # interleaved, so that a slow moment hits both
            baseline.append(on_pty([python, "-c", BASELINE], None, cwd))
            first_prompt.append(on_pty(scan, FIRST_PROMPT, cwd))
    return [Figure("scan: first prompt on screen", statistics.median(first_prompt), f"`{BASELINE}`",
                   statistics.median(baseline), GOAL)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    print_figures(figures(parser.parse_args().runs))


if __name__ == "__main__":
    main()
