"""Batch speed: `report --format jsonl` against only parsing the same files with libyaml's C loader.

Usage: .venv/bin/python bench/batch.py [--sizes 1000 10000] [--repeat 3] [--subprocess]

For each size N the script writes N answer files (the shipped bank, seeded random answers,
a few skipped) to a temporary folder and times, in the same run, best of --repeat:

- floor:  read every file and `yaml.load(text, Loader=yaml.CSafeLoader)`, nothing else;
- report: what `ontwikkelscan report FOLDER --format jsonl` does, in-process through the very
          functions the command calls (`analysis.batch.Batch` and the registry's jsonl renderer), stdout left out;
- cli:    (with --subprocess) the installed command itself, start-up included, output to /dev/null
          (its CPU time, from getrusage of the children).

It prints the time per file and the ratio report/floor; the goal is <= 1.3 and a ratio
that does not grow with N (linear time). Record the results in bench/README.md.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ontwikkelscan.analysis.batch import Batch  # noqa: E402
from ontwikkelscan.files.answers import dump_answers  # noqa: E402
from ontwikkelscan.files.bank import load_bank  # noqa: E402
from ontwikkelscan.models import AnswerSheet, Bank  # noqa: E402
from ontwikkelscan.render.formats import render  # noqa: E402

TYPES = ("regie", "ontwikkel", "beheer")
# CPU time of this process: both sides are CPU-bound here (the files sit in the page cache),
# and CPU time does not count the moments other programs on the machine had the processor.
CLOCK = time.process_time


def generate(folder: Path, n: int, bank: Bank, seed: int = 5) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        answers = {q.id: (None if rng.random() < 0.05 else rng.randint(bank.scale.min, bank.scale.max))
                   for q in bank.questions}
        sheet = AnswerSheet(source="", answers=answers, respondent={"name": f"Respondent {i}",
                                                                    "municipality": f"Gemeente {i % 97}"},
                            date="2026-11-28", municipality_type=rng.choice([t for t in TYPES if t in bank.types]))
        path = folder / f"scan-{i:05d}.yaml"
        path.write_text(dump_answers(sheet, bank), encoding="utf-8")
        paths.append(path)
    return paths


def floor(paths: list[Path]) -> None:
    for path in paths:
        yaml.load(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)


def report(folder: Path, bank: Bank) -> None:
    run = Batch([folder], bank)
    render("report", "jsonl", run.reports(None))
    assert not run.failed


def cli(folder: Path) -> None:
    exe = ROOT / ".venv" / "bin" / "ontwikkelscan"
    with open(os.devnull, "w") as sink:
        subprocess.run([str(exe), "report", str(folder), "--format", "jsonl"], check=True, stdout=sink)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(fn: Callable[[], None], clock: Callable[[], float] = CLOCK) -> float:
    gc.collect()
    start = clock()
    fn()
    return clock() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--subprocess", action="store_true", help="also time the installed command")
    args = parser.parse_args()
    bank = load_bank()
    print(f"Python {sys.version.split()[0]}, PyYAML {yaml.__version__} (CSafeLoader), "
          f"bank {bank.version} with {len(bank.questions)} questions")
    print(f"{'files':>7} {'floor s':>9} {'report s':>9} {'ratio':>6} {'µs/file floor':>14} {'µs/file report':>15}"
          + ("  cli s  cli/floor" if args.subprocess else ""))
    with tempfile.TemporaryDirectory(prefix="ontwikkelscan-bench-") as tmp:
        for n in args.sizes:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            paths = generate(folder, n, bank)
            floor(paths)  # warm the page cache
            # Interleaved, best of --repeat: other load on the machine hits all sides alike.
            runs: dict[str, list[float]] = {"floor": [], "report": [], "cli": []}
            for _ in range(args.repeat):
                runs["floor"].append(timed(lambda: floor(paths)))  # noqa: B023 (called at once)
                runs["report"].append(timed(lambda: report(folder, bank)))  # noqa: B023
                if args.subprocess:
                    runs["cli"].append(timed(lambda: cli(folder), children_cpu))  # noqa: B023
            t_floor, t_report = min(runs["floor"]), min(runs["report"])
            line = (f"{n:>7} {t_floor:>9.3f} {t_report:>9.3f} {t_report / t_floor:>6.2f} "
                    f"{t_floor / n * 1e6:>14.0f} {t_report / n * 1e6:>15.0f}")
            if args.subprocess:
                t_cli = min(runs["cli"])
                line += f"  {t_cli:>5.2f}  {t_cli / t_floor:>9.2f}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
