"""`import-csv --write-columns`: a `--columns` file for an export, every column with its best guess.

Read back with `--columns` as written, it changes nothing: every column the import recognises
keeps its target (also the metadata it uses: status, finished, e-mail, names), every code the
import cannot read on its own is listed with its value, the type question's codes per column
(so that its `1`/`AO01` and a scale's `1`/`AO01` live side by side). Guesses are marked `gok`:
- a questionnaire built in bank order and exported with codes only: the matrix rows (or the
  unknown columns) line up one to one with the missing statements, of all of them or of those
  asked without a context (`ontwikkelscan template`: 89 of the shipped bank's 97);
- an answer code ending in a number within the scale (`A4`, `AO04`) is that number; others null;
- a type code ending in n is the n-th type of the bank.
Written with the mapping given (`--columns`), it writes that mapping back for this export.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from ...models import Bank
from ..commandline import command
from .columns import COMMENT, IGNORE, TARGETS, Matched, match_columns
from .mapping import Code, ColumnMap
from .tables import Table
from .values import Cells, municipality_type

_MATRIX_CODE = re.compile(r".+\[.+\]|Q\d+_\d+", re.IGNORECASE)  # LimeSurvey `G01Q01[SQ001]`, Qualtrics `Q14_6`
_NUMBER = re.compile(r"(\d+)$")
_TYPE_CODE = re.compile(r"[A-Za-z]{0,3}\d{1,3}")


def write_mapping(table: Table, bank: Bank, file: str, mapping: ColumnMap | None = None, *,
                  observer: bool = False) -> str:
    """`observer`: a rater survey, asked only the statements with an observer text (docs/formats.md section 6)."""
    matched = match_columns(table.headers, bank, mapping.columns if mapping else None, observer=observer)
    if observer:  # the guide's survey: the observer statements of the bank, those of contexts only when chosen
        matched = matched._replace(missing=[q for q in matched.missing if bank.question_index[q].observer
                                            and not bank.question_index[q].contexts])
    guesses = _order_guesses(matched, bank)
    kind = _type_guess(table, matched, bank, set(guesses))
    about = _person_guesses(table, matched, {*guesses, kind})
    if kind is not None:
        about[kind] = "municipality_type"
    if about:  # a codes-only export's questions about the person (type, name, municipality): guessed roles
        matched = matched._replace(columns=[c._replace(role=about[c.position]) if c.position in about else c
                                            for c in matched.columns])
    lines = [f"# Kolommen van {file} voor vragenbank {bank.version}, gemaakt door ontwikkelscan import-csv "
             "--write-columns.",
             f"# Controleer elke regel. Rechts: een vraag-id, {', '.join(TARGETS)}, of null (kolom niet",
             "# gebruiken). status en finished laten testantwoorden en niet afgeronde antwoorden overslaan: zet ze",
             "# niet op null. Onder values: antwoordcodes; per kolom (een kolomkop met eronder zijn codes) gaan ze",
             "# voor. Daarna:",
             f"#   {command('import-csv', file, '--columns', 'DIT-BESTAND', '--out', 'scans/')}",
             "columns:"]
    keys: dict[int, str] = {}
    for column in matched.columns:
        key = table.headers[column.position][0] or column.header
        if not key or key in keys.values():
            continue  # an empty header is never used; a header twice: its first column holds the line
        keys[column.position] = key
        if column.role and column.role != IGNORE:
            target = column.role.removeprefix(COMMENT)
            note = _ABOUT_NOTES[column.role] if column.position in about else ""
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
        lines.append(f"  {_key(key)}: {target}" + (f"  # {note}" if note else ""))
    questions = [c.position for c in matched.columns if (c.question or c.position in guesses) and c.position in keys]
    codes = _codes(table, questions, bank, mapping.values if mapping else {})
    own = _own_codes(table, matched, keys, bank, mapping)
    lines.append("values:" + ("" if codes or own else " {}"))
    lines += [_line(code, value, "  ", "weet ik niet? anders een getal") for code, value in codes.items()]
    for position, column_codes in own.items():
        lines.append(f"  {_key(keys[position])}:  # alleen voor deze kolom; een type-code op n: gok, het n-de type")
        lines += [_line(code, value, "    ", "welk type?") for code, value in column_codes.items()]
    return "\n".join(lines) + "\n"


def _key(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


def _line(code: str, value: Code, indent: str, unknown: str) -> str:
    return f"{indent}{_key(code)}: {'null' if value is None else value}" + ("" if value is not None else f"  # {unknown}")


def _order_guesses(matched: Matched, bank: Bank) -> dict[int, str]:
    """Unknown columns that line up one to one with the bank's unmatched statements (all of them, or those
    asked without a context): the rows of matrices first, else all unknown columns."""
    general = [qid for qid in matched.missing if not bank.question_index[qid].contexts]
    for candidates in ([c for c in matched.unknown if _MATRIX_CODE.fullmatch(c.header)], matched.unknown):
        for missing in (matched.missing, general):
            if missing and len(candidates) == len(missing):
                return {c.position: qid for c, qid in zip(candidates, missing, strict=True)}
    return {}


def _type_guess(table: Table, matched: Matched, bank: Bank, guessed: set[int]) -> int | None:
    """The one unknown column whose cells are codes, no more of them than the bank has types (AO01-AO03)."""
    if any(c.role == "municipality_type" for c in matched.columns):
        return None
    found = []
    for column in matched.unknown:
        if column.position in guessed:
            continue
        texts = {row[column.position].strip() for _, row in table.rows if column.position < len(row)} - {""}
        if texts and len(texts) <= len(bank.types) and all(_TYPE_CODE.fullmatch(t) for t in texts):
            found.append(column.position)
    return found[0] if len(found) == 1 else None


_ABOUT_NOTES = {"municipality_type": "gok: de codes van de type-vraag", "respondent": "gok: namen",
                "municipality": "gok: gemeenten"}
_NAME = re.compile(r"[^\W\d_]+(?:[ '’.-]+[^\W\d_]+)+")  # two words or more, letters only


def _person_guesses(table: Table, matched: Matched, taken: set[int | None]) -> dict[int, str]:
    """In a codes-only export the name and municipality questions are unknown columns of free text: a column
    of names (letters, two words or more, all different) is `respondent`, one of `Gemeente ...` `municipality`;
    only when the export has no such column yet and one column fits."""
    have = {c.role for c in matched.columns}
    found: dict[str, list[int]] = {"respondent": [], "municipality": []}
    for column in matched.unknown:
        if column.position in taken:
            continue
        texts = [row[column.position].strip() for _, row in table.rows if column.position < len(row)]
        texts = [t for t in texts if t]
        if len(texts) < 2 or not all(_NAME.fullmatch(t) for t in texts):
            continue
        if all(t.casefold().startswith("gemeente ") for t in texts):
            found["municipality"].append(column.position)
        elif len(set(texts)) == len(texts):
            found["respondent"].append(column.position)
    return {positions[0]: role for role, positions in found.items() if len(positions) == 1 and role not in have}


def _codes(table: Table, indexes: list[int], bank: Bank, given: Mapping[str, int | None]) -> dict[str, int | None]:
    """Every cell text of the statement columns that the import cannot read without a mapping."""
    plain = Cells(bank)
    found: dict[str, int | None] = {}
    for _, row in table.rows:
        for i in indexes:
            text = row[i].strip() if i < len(row) else ""
            if text and text not in found and isinstance(plain.value(text), str):
                found[text] = given[text] if text in given else _scale_guess(text, bank)
    return dict(sorted(found.items()))


def _scale_guess(text: str, bank: Bank) -> int | None:
    number = _NUMBER.search(text)
    value = int(number.group(1)) if number else None
    return value if value is not None and bank.scale.min <= value <= bank.scale.max else None


def _own_codes(table: Table, matched: Matched, keys: dict[int, str], bank: Bank,
               mapping: ColumnMap | None) -> dict[int, dict[str, Code]]:
    """Per column: the type question's codes (texts that name no type), and the codes given per column."""
    out: dict[int, dict[str, Code]] = {}
    for column in matched.columns:
        if column.position not in keys:
            continue
        given = dict(mapping.codes_for(table.headers[column.position]) or {}) if mapping else {}
        if column.role == "municipality_type":
            types = list(bank.types)
            for _, row in table.rows:
                text = row[column.position].strip() if column.position < len(row) else ""
                if text and text not in given and municipality_type(text, bank) is None:
                    number = _NUMBER.search(text)
                    n = int(number.group(1)) if number else 0
                    given[text] = (mapping.types.get(text) if mapping else None) or (
                        types[n - 1] if 1 <= n <= len(types) else None)
        if given:
            out[column.position] = dict(sorted(given.items()))
    return out
