"""Imported responses as answer files, safe to run again on a grown export.

A response gets a stable file name: from the tool's response id when there is one
(`jan-de-vries-id12.yaml`), else from the respondent, the date and the answers
(`jan-de-vries-2026-11-07-3f9a1c2b.yaml`). Importing again finds the file it wrote before:
the same answers are skipped; changed answers are refused unless `update`, which rewrites
the file. New responses get new files.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Literal, NamedTuple

from ...models import AnswerSheet, Bank
from ..fsio import Writes, slug

Kind = Literal["new", "same", "updated", "changed"]


class Outcome(NamedTuple):
    kind: Kind
    path: Path


def id_key(response_id: str) -> str:
    """A response id as a file-name part; a hash is added when the plain form loses information
    (case, odd characters), so that two ids never share a file."""
    plain = re.sub(r"[^a-z0-9]+", "-", response_id.casefold()).strip("-")[:40]
    if plain == response_id:
        return plain
    return f"{plain}-{hashlib.sha256(response_id.encode()).hexdigest()[:6]}".lstrip("-")


def content_key(sheet: AnswerSheet) -> str:
    parts = [sheet.respondent.get("name", ""), sheet.respondent.get("municipality", ""), sheet.date or "",
             sheet.municipality_type or "", *(f"{k}={v}" for k, v in sorted(sheet.answers.items()))]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:8]


def file_for(folder: Path, sheet: AnswerSheet) -> Path:
    """Where this response lives: the same name for the same response, import after import."""
    name = slug(sheet.respondent.get("name", ""))
    if sheet.round and sheet.response_id and not name:  # an anonymous rater: the opaque id alone
        return folder / f"{id_key(sheet.response_id)}.yaml"
    name = name or "antwoord"
    if sheet.response_id:
        # with the name: two exports in one folder (two forms, two groups) both have a response 1
        return folder / f"{name}-id{id_key(sheet.response_id)}.yaml"
    return folder / f"{name}-{sheet.date or 'zonder-datum'}-{content_key(sheet)}.yaml"


def same(a: AnswerSheet, b: AnswerSheet) -> bool:
    return (dict(a.answers) == dict(b.answers) and dict(a.respondent) == dict(b.respondent) and a.date == b.date
            and a.municipality_type == b.municipality_type and a.rater == b.rater
            and dict(a.comments) == dict(b.comments))


def store(folder: Path, sheet: AnswerSheet, bank: Bank, writes: Writes, *, update: bool = False) -> Outcome:
    """Write the response unless the folder already holds it; InputError when an earlier file is unreadable.
    The file is written on the threads of `writes`: its failures come from `writes.close()`, tagged with
    (the outcome, the sheet)."""
    from ..answers import dump_answers, read_answers

    path = file_for(folder, sheet)
    writes.wait(path)  # the same response twice in one export: the first is on disk before we compare
    if path.exists():
        if same(read_answers(path, bank), sheet):
            return Outcome("same", path)
        if not update:
            return Outcome("changed", path)
        outcome = Outcome("updated", path)
    else:
        outcome = Outcome("new", path)
    writes.write(path, dump_answers(sheet, bank), (outcome, sheet))
    return outcome
