"""Expand the INPUTS of a batch command into answer sheets: YAML files, folders and CSV files.

`iter_sheets` yields `(source, sheet)` for every respondent, or `(source, InputError)` for
every file (or CSV row) that fails, in the order the inputs were given, lazily, so that a
caller can stop at the first error (--fail-fast) and never holds more than one file.

CSV import (issue 5): one row per respondent, the question ids as columns, optional
columns `respondent`, `municipality`, `municipality_type` and `date`. A cell holds the
number, the scale label text (any case) or the bank's not-applicable text; an empty cell
is skipped (null). Rows are numbered as a spreadsheet shows them: the header is row 1.
A CSV row's source is `FILE:ROW`, e.g. `scans.csv:3`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import MappingProxyType

from ..errors import InputError, Problem, file_problem
from ..models import AnswerSheet, Bank
from .answers import read_answers, unknown_type
from .yamlio import decode_text, read_bytes

YAML_SUFFIXES = (".yaml", ".yml")
CSV_SUFFIX = ".csv"
META_COLUMNS = ("respondent", "municipality", "municipality_type", "date")
_INTEGER = re.compile(r"[+]?\d+")
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")

Item = tuple[str, AnswerSheet | InputError]


def iter_sheets(inputs: Iterable[Path], bank: Bank) -> Iterator[Item]:
    """Every respondent of every input, in input order; a bad file or row yields its InputError."""
    return sheets(expand(inputs), bank)


def sheets(entries: Iterable[Path | InputError], bank: Bank) -> Iterator[Item]:
    """The sheets of already expanded inputs (see `expand`), so a caller can count the files first."""
    for path in entries:
        if isinstance(path, InputError):
            yield path.problems[0].file, path
        elif path.suffix.lower() == CSV_SUFFIX:
            label = str(path)
            for row, item in iter_csv(path, bank, label):
                yield (f"{label}:{row}" if row else label), item
        else:
            label = str(path)
            try:
                yield label, read_answers(path, bank, label)
            except InputError as exc:
                yield label, exc


def expand(inputs: Iterable[Path]) -> Iterator[Path | InputError]:
    """Files as given; a folder becomes its *.yaml / *.yml files (recursively, sorted, hidden ones left out)."""
    for path in inputs:
        try:
            is_dir = path.is_dir()
        except OSError:  # a folder on the way that we may not enter: the reader says so for this file
            is_dir = False
        if is_dir:
            found = sorted(p for p in path.rglob("*") if _is_answer_file(p, path))
            if not found:
                yield file_problem(str(path), "deze map bevat geen antwoordbestanden (*.yaml of *.yml)")
            yield from found
        else:
            yield path  # a missing or unreadable file is reported when it is read


def _is_answer_file(path: Path, root: Path) -> bool:
    relative = path.relative_to(root).parts
    # ronde.yaml describes a feedback round (SPEC section 6); it is no answer file
    return (path.suffix.lower() in YAML_SUFFIXES and not any(part.startswith(".") for part in relative)
            and path.name != "ronde.yaml" and path.is_file())


# --------------------------------------------------------------------------- CSV import


def iter_csv(path: Path, bank: Bank, label: str | None = None) -> Iterator[tuple[int, AnswerSheet | InputError]]:
    """(row, sheet) per filled row of a CSV file; (row, InputError) per bad row; (0, InputError) for a bad file."""
    name = label or str(path)
    try:
        text = _decode(read_bytes(path, name), name)
    except InputError as exc:
        yield 0, exc
        return
    yield from parse_csv(text, name, bank)


def parse_csv(text: str, file: str, bank: Bank) -> Iterator[tuple[int, AnswerSheet | InputError]]:
    """Parse CSV text (the dialect is sniffed: comma, semicolon or tab); see the module docstring."""
    import csv  # only when a CSV file is given

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield 0, InputError([Problem(file, 1, None, "", f"geen geldige CSV: {exc}")])
        return
    if header is None or not any(cell.strip() for cell in header):
        yield 0, file_problem(file, "het CSV-bestand is leeg; verwacht een kopregel met vraag-id's")
        return
    columns = [cell.strip() for cell in header]
    problems = _check_header(file, columns, bank)
    if problems:
        yield 0, InputError(problems)
        return
    cells = _Cells(bank)
    row = 1
    while True:
        row += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield row, InputError([Problem(file, row, None, f"rij {row}", f"geen geldige CSV: {exc}")])
            return
        if not any(v.strip() for v in values):
            continue  # spreadsheets leave empty rows at the end
        yield row, _row_sheet(file, row, columns, values, cells)


def _decode(raw: bytes, file: str) -> str:
    return decode_text(raw, file, "'CSV UTF-8 (door komma's gescheiden)'")


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def column_name(index: int) -> str:
    """0 -> 'A', 26 -> 'AA': the column as a spreadsheet labels it."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _where(row: int, index: int, column: str) -> str:
    return f"rij {row}, kolom {column_name(index)} ({column})"


def _check_header(file: str, columns: list[str], bank: Bank) -> list[Problem]:
    from .schemacheck import did_you_mean

    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, column in enumerate(columns):
        where = _where(1, i, column or "leeg")
        if not column:
            problems.append(Problem(file, 1, i + 1, where, "kolom zonder naam; geef hem een vraag-id of verwijder hem"))
        elif column in seen:
            problems.append(Problem(file, 1, i + 1, where, f"kolom `{column}` staat er twee keer (ook in kolom "
                                    f"{column_name(seen[column])}); laat er één over"))
        elif column not in bank.question_index and column not in META_COLUMNS:
            hint = did_you_mean(column, [*bank.question_index, *META_COLUMNS])
            problems.append(Problem(file, 1, i + 1, where, f"onbekende kolom `{column}`{hint}; toegestaan: de "
                                    f"vraag-id's van vragenbank {bank.version} en {', '.join(META_COLUMNS)}"))
        seen.setdefault(column, i)
    if not problems and not any(c in bank.question_index for c in columns):
        problems.append(Problem(file, 1, None, "rij 1", "geen enkele kolom is een vraag-id van de vragenbank"))
    return problems


class _Cells:
    """How a cell's text becomes an answer, for one bank's scale."""

    def __init__(self, bank: Bank) -> None:
        scale = bank.scale
        self.bank = bank
        self.low, self.high = scale.min, scale.max
        self.labels = {label.strip().casefold(): value for value, label in scale.labels.items()}
        self.skip = scale.not_applicable.strip().casefold() if scale.not_applicable else None
        labels = ", ".join(f"{v} of \"{lab}\"" for v, lab in sorted(scale.labels.items()))
        skip = f", \"{scale.not_applicable}\"" if scale.not_applicable else ""
        self.allowed = f"toegestaan: {labels}{skip} of leeg (overgeslagen)"

    def value(self, text: str) -> int | None | str:
        """The answer, or a message (str) saying what is wrong."""
        cell = text.strip()
        if not cell:
            return None
        if _INTEGER.fullmatch(cell):
            number = int(cell)
            if self.low <= number <= self.high:
                return number
            return f"antwoord {number} valt buiten de schaal; {self.allowed}"
        key = " ".join(cell.split()).casefold()
        if key in self.labels:
            return self.labels[key]
        if key == self.skip:
            return None
        return f"`{cell}` is geen antwoord; {self.allowed}"


def _row_sheet(file: str, row: int, columns: list[str], values: list[str], cells: _Cells) -> AnswerSheet | InputError:
    bank = cells.bank
    problems: list[Problem] = []
    if len(values) > len(columns):
        problems.append(Problem(file, row, len(columns) + 1, f"rij {row}", f"rij heeft {len(values)} cellen, de "
                                f"kopregel {len(columns)}; staat er een scheidingsteken te veel?"))
    answers: dict[str, int | None] = {}
    meta: dict[str, str] = {}
    # extra cells are reported above; in a short row the missing cells are empty
    for i, (column, text) in enumerate(zip(columns, values, strict=False)):
        if column in META_COLUMNS:
            if text.strip():
                meta[column] = text.strip()
            continue
        value = cells.value(text)
        if isinstance(value, str):
            problems.append(Problem(file, row, i + 1, _where(row, i, column), value))
        else:
            answers[column] = value
    date = meta.get("date")
    if date is not None:
        date = _iso_date(date)
        if date is None:
            i = columns.index("date")
            problems.append(Problem(file, row, i + 1, _where(row, i, "date"), f"`{meta['date']}` is geen datum; "
                                    "schrijf JJJJ-MM-DD (of DD-MM-JJJJ)"))
    mtype = meta.get("municipality_type")
    if mtype is not None and mtype not in bank.types:
        i = columns.index("municipality_type")
        problems.append(Problem(file, row, i + 1, _where(row, i, "municipality_type"),
                                unknown_type(mtype, bank)))
    if problems:
        return InputError(problems)
    respondent = {key: meta[col] for key, col in (("name", "respondent"), ("municipality", "municipality"))
                  if col in meta}
    return AnswerSheet(source=f"{file}:{row}", answers=MappingProxyType(answers),
                       respondent=MappingProxyType(respondent), date=date, municipality_type=mtype)


def _iso_date(text: str) -> str | None:
    """'2026-11-28' or the Dutch '28-11-2026' -> '2026-11-28'; None when it is no date."""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    match = _DUTCH_DATE.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    return None
