"""A feedback round folder (docs/formats.md section 6): ronde.yaml and the answer files anywhere below it."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from types import MappingProxyType

from ..errors import InputError, Problem, file_problem
from ..models import ROUND_SCHEMA, AnswerSheet, Bank, Round
from . import schemas
from .answers import read_answers, unknown_context, unknown_type
from .inputs import YAML_SUFFIXES, expand
from .schemacheck import check
from .yamlio import load_file

ROUND_FILE = "ronde.yaml"


def read_round(folder: Path, bank: Bank) -> Round:
    """ronde.yaml of a round folder, checked against its schema and the bank."""
    path = folder / ROUND_FILE
    if not path.is_file():
        raise file_problem(str(path), "geen ronde.yaml: is dit een rondemap? Maak er een met "
                                      "`ontwikkelscan feedback start`")
    doc = load_file(path)
    problems: list[Problem] = list(doc.problems)
    if not isinstance(doc.data, dict):
        raise InputError([*problems, doc.problem((), f"dit is geen ronde.yaml: verwacht `schema: {ROUND_SCHEMA}`, "
                                                     "`id:`, `subject:` en `municipality_type:`")])
    problems.extend(check(doc, schemas.ROUND))
    data = doc.data
    mtype = data.get("municipality_type")
    if isinstance(mtype, str) and mtype not in bank.types:
        problems.append(doc.problem(("municipality_type",), unknown_type(mtype, bank)))
    contexts = data.get("contexts") or []
    for i, context in enumerate(contexts if isinstance(contexts, list) else []):
        if isinstance(context, str) and context not in bank.contexts:
            problems.append(doc.problem(("contexts", i), unknown_context(context, bank)))
    if bank.raters is None:
        problems.append(doc.problem((), f"de vragenbank {bank.version} heeft geen beoordelaarsgroepen (`raters:` in "
                                        "questions.yaml); een feedbackronde kan er niet mee"))
    if problems:
        raise InputError(problems)
    subject = data["subject"]
    info = data.get("bank") or {}
    return Round(data["id"], MappingProxyType({k: str(v) for k, v in subject.items() if v}), str(mtype), str(path),
                 tuple(contexts), info.get("version"), info.get("sha256"))


def round_sheets(folder: Path, round_: Round, bank: Bank) -> tuple[list[AnswerSheet], list[str]]:
    """The round's answer sheets and the warnings about what was skipped or left out.

    InputError (with every problem) for a broken answer file, a rater the bank does not
    know, or more than one self file: a report without them would mislead.
    """
    sheets: list[AnswerSheet] = []
    warnings: list[str] = []
    problems: list[Problem] = []
    groups = bank.raters.groups if bank.raters else {}
    for path in expand([folder]):
        if isinstance(path, InputError):
            continue  # a folder with only ronde.yaml: no answers yet
        if path.name == ROUND_FILE and path.parent == folder or path.suffix.lower() not in YAML_SUFFIXES:
            continue  # an export kept in the round folder is imported with import-csv --round, not read here
        try:
            sheet = read_answers(path, bank, str(path))
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if sheet.round != round_.id:
            where = f"ronde `{sheet.round}`" if sheet.round else "geen ronde (`round:` ontbreekt)"
            warnings.append(f"{path}: overgeslagen: hoort bij {where}, niet bij `{round_.id}`")
            continue
        if sheet.rater != "self" and groups[sheet.rater].anonymous and sheet.respondent:
            # never repeat the name: the warning itself may end up in a shared log
            warnings.append(f"{path}: een anoniem antwoord met een naam (`respondent:`); de naam wordt nooit getoond")
            sheet = sheet._replace(respondent=MappingProxyType({}))
        sheets.append(sheet)
    selfs = [s.source for s in sheets if s.rater == "self"]
    if len(selfs) > 1:
        problems.append(Problem(selfs[1], None, None, "rater", f"een tweede zelfscan in de ronde (ook {selfs[0]}); "
                                "een ronde heeft één zelfscan: verwijder of verplaats er één"))
    if problems:
        raise InputError(problems)
    return sheets, warnings


def stamp(sheet: AnswerSheet, round_: Round, bank: Bank, rater: str) -> AnswerSheet:
    """An imported answer (a survey tool's row) made a round's answer: its round, rater and type; for an
    anonymous group without name or date, so that nothing in the file points at the rater."""
    groups = bank.raters.groups if bank.raters else {}
    sheet = sheet._replace(round=round_.id, rater=rater,
                           municipality_type=sheet.municipality_type or round_.municipality_type)
    if rater != "self" and groups[rater].anonymous:
        sheet = sheet._replace(respondent=MappingProxyType({}), date=None)
    return sheet


def unused_name(folder: Path) -> Path:
    """A random file name in the round folder: nothing in it says who answered, or when."""
    import secrets

    while (path := folder / f"{secrets.token_hex(4)}.yaml").exists():
        continue
    return path


def round_id(name: str, date: str) -> str:
    """A kebab-case round id from the subject's name and a date: `2027-03-jansen`."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    last = plain.split()[-1] if plain.split() else ""
    surname = "-".join(w for w in re.split(r"[^a-z0-9]+", last) if w) or "ronde"
    return f"{date[:7]}-{surname}"


def dump_round(round_: Round, bank: Bank) -> str:
    """ronde.yaml as `feedback start` writes it."""
    from .answers import _quote as quote

    lines = [f"schema: {ROUND_SCHEMA}", f"id: {round_.id}", "subject:"]
    lines += [f"  {key}: {quote(value)}" for key, value in round_.subject.items()]
    lines.append(f"municipality_type: {round_.municipality_type}")
    lines.append(f"contexts: [{', '.join(round_.contexts)}]")
    lines += ["bank:", f"  version: {quote(bank.version)}", f"  sha256: {bank.sha256}"]
    return "\n".join(lines) + "\n"
