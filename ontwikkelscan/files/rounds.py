"""A feedback round folder (docs/formats.md section 6): ronde.yaml and the answer files anywhere below it."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from ..errors import InputError, Problem, file_problem
from ..models import ROUND_SCHEMA, AnswerSheet, Bank, Round
from . import schemas
from .answers import parse_answers, unknown_context, unknown_type
from .inputs import YAML_SUFFIXES
from .schemacheck import check
from .yamlio import load_file

ROUND_FILE = "ronde.yaml"
README = "README.md"  # written by `feedback start` for the secretary


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
    from .releases import parse_releases

    releases = parse_releases(doc, data.get("releases") or [])
    return Round(data["id"], MappingProxyType({k: str(v) for k, v in subject.items() if v}), str(mtype), str(path),
                 tuple(contexts), info.get("version"), info.get("sha256"), releases)


class Loaded(NamedTuple):
    """An answer file of the round that loads: its path below the round folder (with `/`) and its bytes' sha256."""

    path: str
    sha256: str
    sheet: AnswerSheet


class Folder(NamedTuple):
    """What a round folder holds now (docs/formats.md section 6.1, 6.2), for `feedback status` and `feedback release`."""

    loaded: tuple[Loaded, ...]  # the round's answer files that load, in path order
    failed: tuple[tuple[str, InputError], ...]  # path -> why it does not load
    not_read: tuple[str, ...]  # files that are no answer file (`m-05.yaml.txt`, an export): never read
    warnings: tuple[tuple[str, str], ...]  # path -> a file of another round, a name in an anonymous answer


def read_folder(folder: Path, round_: Round, bank: Bank) -> Folder:
    """Every file below the round folder: loaded, failing (with the reason) or not read. Raises nothing for
    a bad answer file: status lists it, release refuses it, a report of a release never reads it."""
    import hashlib

    from .survey.keys import KEY_FILE
    from .yamlio import parse, read_bytes

    loaded: list[Loaded] = []
    failed: list[tuple[str, InputError]] = []
    not_read: list[str] = []
    warnings: list[tuple[str, str]] = []
    groups = bank.raters.groups if bank.raters else {}
    for path in _files(folder):
        relative = path.relative_to(folder).as_posix()
        if relative in (ROUND_FILE, README, KEY_FILE):
            continue
        if path.suffix.lower() not in YAML_SUFFIXES:
            not_read.append(relative)  # an export kept here is imported with import-csv --round, not read
            continue
        try:
            raw = read_bytes(path, str(path))
            sheet = parse_answers(parse(raw, str(path)), bank)
        except InputError as exc:
            failed.append((relative, exc))
            continue
        if sheet.round != round_.id:
            where = f"ronde `{sheet.round}`" if sheet.round else "geen ronde (`round:` ontbreekt)"
            warnings.append((relative, f"{path}: overgeslagen: hoort bij {where}, niet bij `{round_.id}`"))
            continue
        if sheet.rater != "self" and groups[sheet.rater].anonymous and sheet.respondent:
            # never repeat the name: the warning itself may end up in a shared log
            warnings.append((relative, f"{path}: een anoniem antwoord met een naam (`respondent:`); de naam wordt "
                                       "nooit getoond"))
            sheet = sheet._replace(respondent=MappingProxyType({}))
        loaded.append(Loaded(relative, hashlib.sha256(raw).hexdigest(), sheet))
    return Folder(tuple(loaded), tuple(failed), tuple(not_read), tuple(warnings))


def _files(folder: Path) -> list[Path]:
    """The files below `folder` in path order; hidden ones (a `.ronde.yaml.tmp` of a write) and Excel's lock
    files left out."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("~$")
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


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
    version, sha256 = (round_.bank_version, round_.bank_sha256) if round_.bank_sha256 else (bank.version, bank.sha256)
    lines += ["bank:", f"  version: {quote(version or '')}", f"  sha256: {sha256}"]
    if round_.releases:
        from .releases import dump_releases

        lines += dump_releases(round_.releases)
    return "\n".join(lines) + "\n"
