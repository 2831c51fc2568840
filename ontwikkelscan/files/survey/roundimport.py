"""Rows of a survey export as answers of a round's raters (docs/formats.md section 6, issue 19).

Per row: its group (the `--rater` of a survey per group, or the row's answer to the group
question of one survey for all groups), the round and type stamped on, the name and date
left out for an anonymous group, and the tool's response id replaced by an opaque one
(keys.py), so that a re-import finds the file it wrote and nothing in it points back.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import InputError, Problem, UsageError
from ...models import AnswerSheet, Bank, Round
from ..rounds import stamp
from .keys import ALL_GROUPS, opaque_id, round_key


class RoundImport:
    def __init__(self, folder: Path, round_: Round, bank: Bank, rater: str | None, export: Path) -> None:
        self.folder, self.round, self.bank, self.rater, self.export = folder, round_, bank, rater, export
        self._key: bytes | None = None
        self.anonymous = 0  # rows of anonymous groups taken
        self.taken: dict[str, int] = {}  # group -> new files written (the caller counts them)

    def prepare(self, sheet: AnswerSheet) -> AnswerSheet:
        """The sheet as a round's answer; InputError when its group is not the survey's, UsageError when the
        export names no group and --rater is missing."""
        group = self.rater or sheet.rater
        if group == "self" and self.rater is None:  # no group column in the export
            raise UsageError(f"{self.export}: geen kolom met de groep van de beoordelaars (een vraag `Ik ben` met de "
                             "groepen als keuzes); geef --rater GROEP als deze enquête voor één groep is")
        if self.rater is not None and sheet.rater not in ("self", self.rater):
            file, _, row = sheet.source.rpartition(":")
            names = self.bank.raters.groups if self.bank.raters else {}
            raise InputError([Problem(file, int(row) if row.isdigit() else None, None, f"rij {row}",
                                      f"deze rij is van de groep {names[sheet.rater].name}, niet van "
                                      f"{names[self.rater].name} (--rater {self.rater}); laat --rater weg om "
                                      "elke rij in zijn eigen groep te zetten")])
        stamped = stamp(sheet._replace(rater=group), self.round, self.bank, group)
        groups = self.bank.raters.groups if self.bank.raters else {}
        if group != "self" and groups[group].anonymous:
            self.anonymous += 1
        if self._key is None:
            self._key = round_key(self.folder)
        return stamped._replace(response_id=opaque_id(self._key, stamped, self.rater or ALL_GROUPS))

    def per_group(self) -> str:
        """'Burgemeester 1, Wethouders 3' for one survey for all groups, so that the coach sees where the rows
        went; "" for a survey per group (--rater) or when nothing new came in."""
        groups = self.bank.raters.groups if self.bank.raters else {}
        if self.rater is not None:
            return ""
        return ", ".join(f"{group.name} {self.taken[gid]}" for gid, group in groups.items() if gid in self.taken)
