"""Batch speed: `report --format jsonl` on a folder against one process that only parses the
same files with libyaml's C loader, held to one core.

Usage: .venv/bin/python bench/batch.py [--files 10000] [--runs 3] [--threshold]

The script writes N answer files (the shipped bank, seeded random answers, a few skipped) to
a temporary folder and times, interleaved, the median wall-clock time of fresh processes:

- floor:      `taskset -c 0 python -c "...yaml.load(text, Loader=yaml.CSafeLoader) for each file"`;
- one core:   `taskset -c 0 ontwikkelscan report FOLDER --format jsonl > /dev/null` (goal <= 1.0x);
- two cores:  `taskset -c 0,1 ontwikkelscan report FOLDER --format jsonl` (the default --jobs,
              two worker processes; goal <= 0.6x).

Start-up is included on both sides. With --threshold it times `--jobs 1` against `--jobs 2` on
small folders instead: where the workers start to pay (files/parallel.py PARALLEL_FROM).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from floor import Figure, interleaved, print_figures  # noqa: E402
from ontwikkelscan.files.answers import dump_answers  # noqa: E402
from ontwikkelscan.files.bank import load_bank  # noqa: E402
from ontwikkelscan.models import AnswerSheet, Bank  # noqa: E402

TYPES = ("regie", "ontwikkel", "beheer")


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


FLOOR = ("import pathlib, sys, yaml\n"
         "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
         "    yaml.load(p.read_bytes().decode('utf-8'), Loader=yaml.CSafeLoader)")
EXE = str(Path(sys.executable).with_name("ontwikkelscan"))


def figures(files: int = 10000, runs: int = 3) -> list[Figure]:
    bank = load_bank()
    with tempfile.TemporaryDirectory(prefix="ontwikkelscan-bench-") as tmp:
        folder = Path(tmp)
        generate(folder, files, bank)
        report = [EXE, "report", str(folder), "--format", "jsonl"]
        medians = interleaved({
            "floor": lambda: ["taskset", "-c", "0", sys.executable, "-c", FLOOR, str(folder)],
            "one": lambda: ["taskset", "-c", "0", *report],
            "two": lambda: ["taskset", "-c", "0,1", *report],
        }, runs)
    floor_name = "one libyaml parse process on one core"
    return [Figure(f"report --format jsonl of {files} files, one core", medians["one"], floor_name,
                   medians["floor"], 1.0),
            Figure(f"report --format jsonl of {files} files, two cores", medians["two"], floor_name,
                   medians["floor"], 0.6)]


FORCED = {**os.environ, "ONTWIKKELSCAN_PARALLEL_FROM": "1"}  # the pool starts at any number of files


def threshold(runs: int) -> None:
    bank = load_bank()
    print(f"{'files':>6} {'--jobs 1':>9} {'--jobs 2':>9}  ratio")
    for n in (100, 150, 200, 250, 300, 400, 800):
        with tempfile.TemporaryDirectory(prefix="ontwikkelscan-bench-") as tmp:
            folder = Path(tmp)
            generate(folder, n, bank)
            medians = interleaved({j: (lambda j=j: [EXE, "report", str(folder), "-f", "jsonl", "--jobs", j])
                                   for j in ("1", "2")}, runs, env=FORCED)
            print(f"{n:>6} {medians['1'] * 1000:7.0f}ms {medians['2'] * 1000:7.0f}ms  {medians['2'] / medians['1']:.2f}",
                  flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threshold", action="store_true", help="where --jobs 2 starts to pay")
    args = parser.parse_args()
    if args.threshold:
        threshold(args.runs)
    else:
        print_figures(figures(args.files, args.runs))


if __name__ == "__main__":
    main()
