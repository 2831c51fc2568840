"""A Microsoft Forms .xlsx against the same rows as CSV: `ontwikkelscan import-csv` on each.

Usage: .venv/bin/python bench/xlsx.py [--rows 5000] [--runs 5]

The script writes N responses (the shipped bank, seeded answers) as Microsoft Forms' .xlsx
(tests/surveyexports.py) and the very same cells as a CSV file, then runs the installed
command `import-csv FILE --out NEW_FOLDER` on each, interleaved, and compares the medians of
the wall-clock times (goal, issue 22: the .xlsx within 1.3x of the CSV). The CSV is the floor:
the same rows, the same answer files written; only the reader differs.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

from floor import Figure, interleaved, print_figures

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXE = str(Path(sys.executable).with_name("ontwikkelscan"))
GOAL = 1.3


def make_exports(folder: Path, rows: int) -> tuple[Path, Path]:
    import openpyxl

    from ontwikkelscan.files.bank import load_bank
    from tests import surveyexports as se

    bank = load_bank(None)
    xlsx = se.ms_forms_xlsx(folder / "forms.xlsx", bank, se.people(bank, rows))
    book = openpyxl.load_workbook(xlsx, read_only=True)
    with open(folder / "forms.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for values in book.worksheets[0].iter_rows(values_only=True):
            writer.writerow(["" if v is None else v.isoformat(sep=" ") if hasattr(v, "isoformat") else v
                             for v in values])
    book.close()
    return xlsx, folder / "forms.csv"


def figures(rows: int = 5000, runs: int = 5) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="ontwikkelscan-bench-") as tmp:
        folder = Path(tmp)
        xlsx, table = make_exports(folder, rows)
        count = iter(range(10**6))

        def importing(path: Path) -> list[str]:
            return [EXE, "import-csv", str(path), "--out", str(folder / f"out-{next(count)}")]

        # a fresh --out folder for every run: each run writes all N answer files
        medians = interleaved({"csv": lambda: importing(table), "xlsx": lambda: importing(xlsx)}, runs)
    return [Figure(f"import-csv of {rows} rows: .xlsx / the same rows as CSV", medians["xlsx"], "CSV",
                   medians["csv"], GOAL)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print_figures(figures(args.rows, args.runs))


if __name__ == "__main__":
    main()
