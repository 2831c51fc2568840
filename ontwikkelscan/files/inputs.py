"""Expand the INPUTS of a batch command into answer sheets: YAML files, folders, CSV and .xlsx files.

`iter_sheets` yields `(source, sheet)` for every respondent, `(source, InputError)` for
every file (or table row) that fails, and `(source, Notice)` for a warning about a table
(unknown columns, missing questions, skipped rows), in the order the inputs were given,
lazily, so that a caller can stop at the first error (--fail-fast).

Tables (CSV, .xlsx; survey-tool exports as downloaded) are read by files/survey/: one row
per respondent; a row's source is `FILE:ROW`, e.g. `scans.csv:3`, numbered as a
spreadsheet shows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import InputError, file_problem
from ..models import AnswerSheet, Bank
from .answers import read_answers
from .survey.notice import Notice

if TYPE_CHECKING:
    from .survey.mapping import ColumnMap

YAML_SUFFIXES = (".yaml", ".yml")
TABLE_SUFFIXES = (".csv", ".xlsx", ".tsv")  # also in folders
TEXT_TABLES = (".txt", ".zip")  # when named: Excel's "Unicode text" (UTF-16, tab-separated) is saved as .txt;
# Google Forms downloads its responses as Naam.csv.zip (survey/zipped.py)

Item = tuple[str, AnswerSheet | InputError | Notice]
__all__ = ["Notice", "Reading", "column_name", "expand", "iter_csv", "iter_sheets", "parse_csv", "sheets"]


class Reading(NamedTuple):
    """How to read tables: the `--columns` mapping and the `--sheet` of an .xlsx file."""

    mapping: ColumnMap | None = None
    sheet: str | None = None
    asked: frozenset[str] | None = None  # the questions the respondents were asked (observers: fewer); None: all
    observer: bool = False  # raters of a feedback round: observer texts and a group column are recognised


NO_OPTIONS = Reading()


def column_name(index: int) -> str:
    """0 -> 'A', 26 -> 'AA' (see survey.columns; imported only when a table is read)."""
    from .survey.columns import column_name as name

    return name(index)


def iter_sheets(inputs: Iterable[Path], bank: Bank, reading: Reading = NO_OPTIONS) -> Iterator[Item]:
    """Every respondent of every input, in input order; a bad file or row yields its InputError."""
    return sheets(expand(inputs), bank, reading)


def sheets(entries: Iterable[Path | InputError], bank: Bank, reading: Reading = NO_OPTIONS) -> Iterator[Item]:
    """The sheets of already expanded inputs (see `expand`), so a caller can count the files first."""
    for path in entries:
        if isinstance(path, InputError):
            yield path.problems[0].file, path
        elif path.suffix.lower() in (*TABLE_SUFFIXES, *TEXT_TABLES):
            label = str(path)
            for row, item in iter_csv(path, bank, label, reading):
                yield (f"{label}:{row}" if row else label), item
        else:
            label = str(path)
            try:
                yield label, read_answers(path, bank, label)
            except InputError as exc:
                yield label, exc


def expand(inputs: Iterable[Path]) -> Iterator[Path | InputError]:
    """Files as given; a folder becomes its *.yaml, *.yml, *.csv, *.xlsx and *.csv.zip (Google Forms' download)
    files (recursively, sorted, hidden ones and Excel's lock files `~$...` left out). Symbolic links to
    folders are followed, each folder once (a link back up ends there); a link to nothing is named, so
    that the reader reports it."""
    for path in inputs:
        try:
            is_dir = path.is_dir()
        except OSError:  # a folder on the way that we may not enter: the reader says so for this file
            is_dir = False
        if is_dir:
            found = sorted(p for p in _walk(path) if _is_answer_file(p))
            if not found:
                yield file_problem(str(path), "deze map bevat geen antwoordbestanden (*.yaml, *.yml, *.csv of *.xlsx)")
            yield from found
        else:
            yield path  # a missing or unreadable file is reported when it is read


def _walk(root: Path) -> Iterator[Path]:
    """Every not hidden file below root. Unlike Python 3.11's rglob this follows symbolic links to
    folders; a folder reached twice (a loop, or two links to one folder) is read the first time only."""
    import os

    seen: set[tuple[int, int]] = set()
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            info = folder.stat()
            entries = list(os.scandir(folder))
        except OSError:  # a folder we may not enter is left out, as rglob did
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                folders.append(folder / entry.name)
            else:
                yield folder / entry.name


def _is_answer_file(path: Path) -> bool:
    # ronde.yaml describes a feedback round (docs/formats.md section 6); it is no answer file
    table = path.suffix.lower() in (*YAML_SUFFIXES, *TABLE_SUFFIXES) or path.name.lower().endswith(".csv.zip")
    return (table and not path.name.startswith("~$") and path.name != "ronde.yaml"
            and (path.is_file() or path.is_symlink()))


# --------------------------------------------------------------------------- tables


def iter_csv(path: Path, bank: Bank, label: str | None = None,
             reading: Reading = NO_OPTIONS) -> Iterator[tuple[int, AnswerSheet | InputError | Notice]]:
    """(row, sheet) per filled row of a CSV or .xlsx file; (row, InputError) per bad row; (0, InputError) for
    a bad file; (0, Notice) for a warning about the file."""
    from .survey.rows import table_sheets
    from .survey.tables import read_table

    name = label or str(path)
    try:
        table = read_table(path, name, reading.sheet)
    except InputError as exc:
        yield 0, exc
        return
    yield from table_sheets(table, name, bank, reading.mapping, reading.asked, observer=reading.observer)


def parse_csv(text: str, file: str, bank: Bank,
              mapping: ColumnMap | None = None) -> Iterator[tuple[int, AnswerSheet | InputError | Notice]]:
    """Parse CSV text (the delimiter is chosen on the first line: comma, semicolon or tab)."""
    from .survey.rows import table_sheets
    from .survey.tables import parse_text_table

    try:
        table = parse_text_table(text, [], file)
    except InputError as exc:
        yield 0, exc
        return
    yield from table_sheets(table, file, bank, mapping)
