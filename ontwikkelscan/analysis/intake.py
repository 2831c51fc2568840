"""Counting raters, not files (docs/formats.md section 6.1): empty files and double files of a round.

Pure: the answer sheets come in read. A file with no answered question and no comment is
*empty*: listed, never counted. Two files of one rater group with the same answers and
comments (a file saved twice, `Feedback (1).yaml`), or with the same `response_id` (an
export imported twice), are one rater: the first (in path order) counts, the other is a
double, with a warning naming both.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from ..errors import Warned
from ..models import AnswerSheet
from .people import answers_key


class Counted(NamedTuple):
    raters: tuple[AnswerSheet, ...]  # one sheet per rater, self included, in the order given
    empty: tuple[AnswerSheet, ...]
    doubles: tuple[tuple[AnswerSheet, AnswerSheet], ...]  # (the one counted, the one left out)

    def warnings(self) -> list[Warned]:
        """One per file left out; said once per kind by the command (render/common/perkind.py)."""
        said = [Warned(f"{sheet.source}: leeg (geen enkele vraag beantwoord); telt niet mee als beoordelaar",
                       "{examples}: leeg (geen enkele vraag beantwoord); tellen niet mee als beoordelaar", sheet.source)
                for sheet in self.empty]
        for kept, double in self.doubles:
            why = "dezelfde response_id" if kept.response_id is not None and kept.response_id == double.response_id \
                else "dezelfde groep, antwoorden en opmerkingen"
            said.append(Warned(f"{double.source}: hetzelfde antwoord als {kept.source} ({why}); telt als één beoordelaar",
                               f"{{n}} bestanden met hetzelfde antwoord als een eerder bestand ({why}); elk telt als "
                               "één beoordelaar", f"{double.source} is {kept.source}"))
        return said


def comments_of(sheet: AnswerSheet) -> Mapping[str, str]:
    """The open comments of a sheet (docs/formats.md section 6.3); none for a sheet of a bank without them."""
    found: Mapping[str, str] = getattr(sheet, "comments", None) or {}
    return found


def is_empty(sheet: AnswerSheet) -> bool:
    return all(v is None for v in sheet.answers.values()) and not any(comments_of(sheet).values())


def identity(sheet: AnswerSheet) -> str:
    """Who a rater is across releases: the group, the answers and the comments. A changed file is another
    rater (the old one left, a new one came), so a release check never takes a changed file for the same."""
    answers = answers_key(sheet)  # "weet ik niet" and not answered are the same, as for every batch command
    comments = sorted((k, v) for k, v in comments_of(sheet).items() if v)
    text = repr((sheet.rater, answers, comments))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def count(sheets: Sequence[AnswerSheet]) -> Counted:
    """The raters among `sheets` (one round's files, in path order) by the two rules of docs/formats.md section 6.1."""
    raters: list[AnswerSheet] = []
    empty: list[AnswerSheet] = []
    doubles: list[tuple[AnswerSheet, AnswerSheet]] = []
    by_content: dict[str, AnswerSheet] = {}
    by_response: dict[tuple[str, str], AnswerSheet] = {}
    for sheet in sheets:
        if is_empty(sheet):
            empty.append(sheet)
            continue
        key = identity(sheet)
        response = (sheet.rater, sheet.response_id) if sheet.response_id is not None else None
        first = by_content.get(key) or (by_response.get(response) if response else None)
        if first is not None:
            doubles.append((first, sheet))
            continue
        by_content[key] = sheet
        if response:
            by_response[response] = sheet
        raters.append(sheet)
    return Counted(tuple(raters), tuple(empty), tuple(doubles))
