"""The `--columns` file: column header or code -> question id or field, answer code -> value.

    columns:            # column header or code -> question id, a field (TARGETS), an open question's id, or null
      "G01Q01[SQ001]": bps-1
      submitdate: date
      Status: status    # the tool's metadata the import uses (previews, unfinished, e-mail, names)
    values:             # answer code -> scale value, or null for "weet ik niet"
      A1: 1
      A6: null
      G00Q03:           # codes of one column only: they win over the ones above, for that column
        AO01: regie

`mapwrite.write_mapping` writes such a file for an export, with every column and its best guess;
read back, it imports exactly what the export imports without it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ...errors import InputError
from ...models import Bank
from ..comments import comment_questions
from .columns import COMMENT, IGNORE, SUBMIT_DATE, TARGETS, Matched, column_name, header_names, match_columns, norm

Code = int | str | None  # a scale value, a type id (the type question), or None: "weet ik niet" / no type


class ColumnMap(NamedTuple):
    columns: Mapping[str, str | None]
    values: Mapping[str, int | None]  # answer codes
    types: Mapping[str, str] = {}  # codes of the municipality-type question -> type id
    per_column: Mapping[str, Mapping[str, Code]] = {}  # column header -> its own codes

    def codes_for(self, alternatives: tuple[str, ...]) -> Mapping[str, Code] | None:
        """The codes given for the column with these headers (exactly, or ignoring case and punctuation)."""
        for header in alternatives:
            if header in self.per_column:
                return self.per_column[header]
        keys = {norm(h) for h in alternatives if norm(h)}
        return next((codes for header, codes in self.per_column.items() if norm(header) in keys), None)


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
    comments = [c.id for c in comment_questions(bank)]
    open_questions = f"een open vraag ({', '.join(comments)}), " if comments else ""
    allowed = f"een vraag-id van vragenbank {bank.version}, {', '.join(TARGETS)}, {open_questions}of null (niet gebruiken)"
    for key, value in _section(doc, data, "columns", problems).items():
        target = None if value is None or value == IGNORE else str(value)
        if target in comments:
            target = COMMENT + str(target)
        elif target is not None and target not in bank.question_index and target not in TARGETS:
            from ..schemacheck import did_you_mean

            hint = did_you_mean(target, [*bank.question_index, *TARGETS, *comments])
            problems.append(doc.problem(("columns", key), f"`{target}` is geen kolom-doel{hint}; toegestaan: {allowed}"))
        columns[str(key)] = target
    values: dict[str, int | None] = {}
    types: dict[str, str] = {}
    per_column: dict[str, dict[str, Code]] = {}
    for key, value in _section(doc, data, "values", problems).items():
        if isinstance(value, dict):  # the codes of one column
            per_column[str(key)] = {str(code): _code(doc, ("values", key, code), v, bank, problems, column=True)
                                    for code, v in value.items()}
            continue
        checked = _code(doc, ("values", key), value, bank, problems)
        if isinstance(checked, str):
            types[str(key)] = checked
        else:
            values[str(key)] = checked
    if problems:
        raise InputError(problems)
    return ColumnMap(columns, values, types, per_column)


def _code(doc: Any, path: tuple[Any, ...], value: Any, bank: Bank, problems: list[Any], column: bool = False) -> Code:
    """A code's value: a scale value, null, a type id, or for one column also a rater group (the codes of the
    question `Ik ben`); a problem naming the line otherwise."""
    scale = bank.scale
    groups = list(bank.raters.groups) if column and bank.raters else []
    if isinstance(value, str) and (value in bank.types or value in groups) or value is None:
        return value
    if isinstance(value, bool) or not isinstance(value, int) or not scale.min <= value <= scale.max:
        one = " van deze kolom" if column else ""
        kinds = f"een type gemeente ({', '.join(bank.types)})"
        kinds = f", {kinds} of een beoordelaarsgroep ({', '.join(groups)})" if groups else f" of {kinds}"
        problems.append(doc.problem(path, f"`{value}` is geen antwoord{one}; toegestaan: een geheel getal van "
                                    f"{scale.min} tot en met {scale.max}, null (weet ik niet){kinds}"))
    return value  # type: ignore[no-any-return]


def _section(doc: Any, data: dict[str, Any], name: str, problems: list[Any]) -> dict[Any, Any]:
    section = data.get(name)
    if section is None:
        return {}
    if not isinstance(section, dict):
        problems.append(doc.problem((name,), f"`{name}` moet een lijst `sleutel: waarde` zijn"))
        return {}
    return section


_FILTERS = {"status": "testantwoorden (preview) en spam", "finished": "niet afgeronde antwoorden"}


def switched_off(headers: Sequence[tuple[str, ...]], bank: Bank, matched: Matched, observer: bool) -> list[str]:
    """Warnings for the columns the import uses to leave rows out (status, finished, LimeSurvey's submitdate)
    that the mapping sets to null or another target: those rows then count, and nothing else would say so."""
    auto = match_columns(headers, bank, None, observer=observer).columns
    out = []
    for before, now in zip(auto, matched.columns, strict=True):
        submit = before.role == "date" and any(norm(h) in SUBMIT_DATE for h in header_names(headers[now.position]))
        what = _FILTERS.get(before.role) or ("niet verstuurde antwoorden" if submit else None)
        if what and now.role != before.role:
            target = now.role if now.role and now.role != IGNORE else "null"
            out.append(f"kolom {column_name(now.position)} ({now.header}) staat in de koppeling op {target}: {what} "
                       f"worden nu niet overgeslagen maar geteld; zet hem op `{before.role}` als dat niet de bedoeling is")
    return out
