"""Import speed: reading a survey-tool export against parsing the same answers as YAML files.

Usage: .venv/bin/python bench/imports.py [--sizes 1000] [--repeat 3]

For each size N the script builds, for the shipped bank, N responses (seeded random answers,
a few "weet ik niet") in each tool's layout (tests/surveyexports.py) and the same answers as
N answer files, and times in the same run, best of --repeat, in CPU time:

- floor:   read every answer file and `yaml.load(text, Loader=yaml.CSafeLoader)`, nothing else
           (the floor of bench/batch.py);
- <tool>:  `files.inputs.iter_csv` on the export: decoding, the header matched to the bank's
           questions by text, every cell read, an AnswerSheet per row (what `report EXPORT`
           and `import-csv` do before scoring or writing);
- write:   (Google Forms) `import-csv` in-process into an empty folder: the above plus one
           atomic, fsynced, owner-only answer file per row.

It prints the time per response and the ratio to the floor. Record the results in bench/README.md.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ontwikkelscan.files.bank import load_bank  # noqa: E402
from ontwikkelscan.files.inputs import iter_csv  # noqa: E402
from ontwikkelscan.files.survey.store import store  # noqa: E402
from ontwikkelscan.models import AnswerSheet  # noqa: E402
from tests import surveyexports as se  # noqa: E402

CLOCK = time.process_time


def best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = CLOCK()
        work()
        times.append(CLOCK() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            measure(n, args.repeat, Path(tmp))


def measure(n: int, repeat: int, folder: Path) -> None:
    bank = load_bank(None)
    people = se.people(bank, n)
    yaml_files = [se.answer_yaml(folder / f"{i}.yaml", bank, p) for i, p in enumerate(people)]
    exports = {
        "google-forms.csv": se.google_forms_csv(folder / "g.csv", bank, people),
        "qualtrics.csv": se.qualtrics_csv(folder / "q.csv", bank, people),
        "limesurvey.csv": se.limesurvey_csv(folder / "l.csv", bank, people, codes=False),
        "ms-forms.xlsx": se.ms_forms_xlsx(folder / "f.xlsx", bank, people),
    }

    def floor() -> None:
        for path in yaml_files:
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506 (a C SafeLoader)

    def read(path: Path) -> Callable[[], None]:
        def work() -> None:
            count = sum(isinstance(x, AnswerSheet) for _, x in iter_csv(path, bank))
            assert count == n, count
        return work

    def write() -> None:
        out = Path(tempfile.mkdtemp(dir=folder))
        for _, item in iter_csv(exports["google-forms.csv"], bank):
            if isinstance(item, AnswerSheet):
                store(out, item, bank)

    base = best(repeat, floor)
    print(f"N = {n}: floor (YAML parse) {base / n * 1e6:.0f} µs per response")
    for name, path in exports.items():
        took = best(repeat, read(path))
        print(f"  {name:18} {took / n * 1e6:6.0f} µs per response, ratio {took / base:.2f}")
    took = best(1, write)
    print(f"  {'write (import-csv)':18} {took / n * 1e6:6.0f} µs per response, ratio {took / base:.2f}")


if __name__ == "__main__":
    main()
