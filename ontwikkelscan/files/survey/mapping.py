"""The `--columns` file: column header or code -> question id or field, answer code -> value.

    columns:            # column header or code -> question id, or respondent | municipality |
      "G01Q01[SQ001]": bps-1      #   municipality_type | date | response_id; null: not used
      submitdate: date
    values:             # answer code -> scale value, or null for "weet ik niet"
      A1: 1
      A6: null

`write_mapping` writes such a file for an export, with every column and its best guess.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from ...errors import InputError
from ...models import Bank
from .columns import FIELDS, IGNORE, Matched, match_columns
from .tables import Table
from .values import Cells


class ColumnMap(NamedTuple):
    columns: Mapping[str, str | None]
    values: Mapping[str, int | None]  # answer codes
    types: Mapping[str, str] = {}  # codes of the municipality-type question -> type id


def read_mapping(path: Path, bank: Bank) -> ColumnMap:
    """The mapping file, checked against the bank; InputError naming the line of each bad entry."""
    from ..yamlio import load_file

    doc = load_file(path)
    problems = list(doc.problems)
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise InputError([doc.problem((), "verwacht `columns:` en `values:`")])
    for key in data:
        if key not in ("columns", "values"):
            problems.append(doc.problem((key,), f"onbekende sleutel `{key}`; toegestaan: columns, values", at_key=True))
    columns: dict[str, str | None] = {}
    allowed = f"een vraag-id van vragenbank {bank.version}, {', '.join(FIELDS)}, of null (niet gebruiken)"
    for key, value in _section(doc, data, "columns", problems).items():
        target = None if value is None or value == IGNORE else str(value)
        if target is not None and target not in bank.question_index and target not in FIELDS:
            from ..schemacheck import did_you_mean

            hint = did_you_mean(target, [*bank.question_index, *FIELDS])
            problems.append(doc.problem(("columns", key), f"`{target}` is geen kolom-doel{hint}; toegestaan: {allowed}"))
        columns[str(key)] = target
    values: dict[str, int | None] = {}
    types: dict[str, str] = {}
    scale = bank.scale
    for key, value in _section(doc, data, "values", problems).items():
        if isinstance(value, str) and value in bank.types:
            types[str(key)] = value
            continue
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or not scale.min <= value <= scale.max):
            problems.append(doc.problem(("values", key), f"`{value}` is geen antwoord; toegestaan: een geheel getal "
                                        f"van {scale.min} tot en met {scale.max}, null (weet ik niet) of een type "
                                        f"gemeente ({', '.join(bank.types)})"))
        values[str(key)] = value
    if problems:
        raise InputError(problems)
    return ColumnMap(columns, values, types)


def _section(doc: Any, data: dict[str, Any], name: str, problems: list[Any]) -> dict[Any, Any]:
    section = data.get(name)
    if section is None:
        return {}
    if not isinstance(section, dict):
        problems.append(doc.problem((name,), f"`{name}` moet een lijst `sleutel: waarde` zijn"))
        return {}
    return section


def write_mapping(table: Table, bank: Bank, file: str, mapping: ColumnMap | None = None, *,
                  observer: bool = False) -> str:
    """A `--columns` file for this export: every column with its best guess, unknown codes in `values`.
    `observer`: a rater survey, asked only the statements with an observer text (SPEC section 6)."""
    import json

    matched = match_columns(table.headers, bank, mapping.columns if mapping else None, observer=observer)
    if observer:  # the guide's survey: the observer statements of the bank, those of contexts only when chosen
        matched = matched._replace(missing=[q for q in matched.missing if bank.question_index[q].observer
                                            and not bank.question_index[q].contexts])
    guesses = _order_guesses(matched)
    lines = [f"# Kolommen van {file} voor vragenbank {bank.version}, gemaakt door ontwikkelscan import-csv "
             "--write-columns.",
             "# Controleer elke regel. Rechts: een vraag-id, respondent, municipality, municipality_type, date,",
             "# response_id, rater (de groep van een beoordelaar), of null (kolom niet gebruiken). Daarna:",
             f"#   ontwikkelscan import-csv {file} --columns DIT-BESTAND --out scans/",
             "columns:"]
    for column in matched.columns:
        key = table.headers[column.position][0] or column.header
        if column.role and column.role != IGNORE:
            target, note = column.role, ""
        elif column.position in guesses:
            target, note = guesses[column.position], "gok: de volgorde van de vragenbank"
        else:
            target, note = "null", "metadata, niet gebruikt" if column.role == IGNORE else "onbekend"
        if column.question or column.position in guesses:
            question = bank.question_index[target]
            text = question.observer or question.text if observer else question.text
            note = "; ".join(n for n in (note, text[:60]) if n)
        if len(table.headers[column.position]) > 1 and column.header != key:
            note = "; ".join(n for n in (note, column.header[:60]) if n)
        lines.append(f"  {json.dumps(key, ensure_ascii=False)}: {target}" + (f"  # {note}" if note else ""))
    codes = _unknown_codes(table, matched, bank, set(guesses), mapping)
    lines.append("values:" + ("" if codes else " {}"))
    for code, guess in codes.items():
        lines.append(f"  {json.dumps(code, ensure_ascii=False)}: {'null' if guess is None else guess}"
                     + ("" if guess is not None else "  # weet ik niet? anders een getal"))
    return "\n".join(lines) + "\n"


_MATRIX_CODE = re.compile(r".+\[.+\]|Q\d+_\d+", re.IGNORECASE)  # LimeSurvey `G01Q01[SQ001]`, Qualtrics `Q14_6`


def _order_guesses(matched: Matched) -> dict[int, str]:
    """Unknown columns that line up with the bank's unmatched questions one to one: a questionnaire built
    in bank order, exported with codes only. The rows of matrices first, else all unknown columns."""
    for candidates in ([c for c in matched.unknown if _MATRIX_CODE.fullmatch(c.header)], matched.unknown):
        if matched.missing and len(candidates) == len(matched.missing):
            return {c.position: qid for c, qid in zip(candidates, matched.missing, strict=True)}
    return {}


def _unknown_codes(table: Table, matched: Matched, bank: Bank, guessed: set[int],
                   mapping: ColumnMap | None) -> dict[str, int | None]:
    cells = Cells(bank, mapping.values if mapping else None)
    indexes = [c.position for c in matched.columns if c.question or c.position in guessed]
    found: dict[str, int | None] = {}
    for _, row in table.rows:
        for i in indexes:
            text = row[i].strip() if i < len(row) else ""
            if text and text not in found and isinstance(cells.value(text), str):
                number = re.search(r"(\d+)$", text)
                value = int(number.group(1)) if number else None
                found[text] = value if value is not None and bank.scale.min <= value <= bank.scale.max else None
    return dict(sorted(found.items()))
