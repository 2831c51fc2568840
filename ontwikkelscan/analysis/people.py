"""People, not files (issue 21): the same response read twice counts once.

A response is the same as one read before when it has
1. the same response id of the survey tool, the same rater group and the same name (a tool
   numbers from 1 in every form: an id alone does not make one person), on the same date or
   with a date on one side only; or
2. the same rater group, the same name (or none on both sides) and the same answers
   (answers to the same statements; "weet ik niet" and not answered are the same).
The first one in input order counts; the others are left out with a warning each, said once
per kind for the run (a count and the first examples). What remains can still hold one person twice with other
answers (a scan before and after): `people` counts persons by name, for privacy floors.

Pure and in input order: the batch loop calls `first` in the main process on each sheet as
it comes, whatever read it.
"""

from __future__ import annotations

from ..errors import Warned
from ..models import AnswerSheet
from ..names import name_key


def person(sheet: AnswerSheet) -> str:
    """The respondent's name as a key (names.name_key: case, spaces and the kind of apostrophe do not count;
    '' without a name)."""
    return name_key(sheet.respondent.get("name"))


def answers_key(sheet: AnswerSheet) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((qid, value) for qid, value in sheet.answers.items() if value is not None))


class Distinct:
    """Which sheets count, and what to say about the ones that do not."""

    def __init__(self) -> None:
        self.by_id: dict[tuple[str, str, str], list[AnswerSheet]] = {}
        self.by_answers: dict[tuple[str, str, tuple[tuple[str, int], ...]], AnswerSheet] = {}
        self.doubles: list[tuple[AnswerSheet, AnswerSheet]] = []  # (left out, the one that counts)
        self.names: dict[tuple[str, str], list[AnswerSheet]] = {}  # (rater, person) -> the sheets that count
        self.unnamed = 0

    def first(self, sheet: AnswerSheet) -> bool:
        """True when the sheet counts; False for a response read before (kept for the warning)."""
        name = person(sheet)
        answers = answers_key(sheet)  # (once: a batch of 10,000 files spent a tenth of its scoring time here)
        earlier = self._earlier(sheet, name, answers)
        if earlier is not None:
            self.doubles.append((sheet, earlier))
            return False
        if sheet.response_id:
            self.by_id.setdefault((sheet.rater, sheet.response_id, name), []).append(sheet)
        if answers:
            self.by_answers.setdefault((sheet.rater, name, answers), sheet)
        if name:
            self.names.setdefault((sheet.rater, name), []).append(sheet)
        else:
            self.unnamed += 1
        return True

    def _earlier(self, sheet: AnswerSheet, name: str, answers: tuple[tuple[str, int], ...]) -> AnswerSheet | None:
        if sheet.response_id:
            for seen in self.by_id.get((sheet.rater, sheet.response_id, name), ()):
                if seen.date == sheet.date or seen.date is None or sheet.date is None:
                    return seen
        return self.by_answers.get((sheet.rater, name, answers)) if answers else None

    @property
    def people(self) -> int:
        """Distinct persons among the sheets that count: one per name, and each sheet without a name."""
        return len(self.names) + self.unnamed

    def warnings(self) -> list[Warned]:
        """One warning per response left out or doubtful; the caller says them once per kind (with a count
        and the first examples, render/common/perkind.py)."""
        same = ("{n} antwoord(en) dubbel, één keer geteld (zelfde antwoord-id, of dezelfde persoon met dezelfde "
                "antwoorden)")
        edited = ("{n} antwoord(en) met een antwoord-id dat al eerder kwam, maar andere antwoorden (een gewijzigd antwoord "
                  "in een latere export?): alleen het eerste telt: {examples}; geef alleen de nieuwste export, dan telt "
                  "de laatste versie")
        out = []
        for left, kept in self.doubles:
            if answers_key(left) == answers_key(kept):
                out.append(_one(same, f"{left.source} is {kept.source}"))
            else:
                out.append(_one(edited, f"{left.source} (telt: {kept.source})"))
        twice = ("{n} perso(o)n(en) op één dag meer dan eens, met verschillende antwoorden: {examples}; elke scan telt "
                 "mee; laat er één over als het om dezelfde scan gaat")
        same_day: dict[tuple[str, str, str], list[AnswerSheet]] = {}
        for (rater, name), group in self.names.items():
            for sheet in group:
                if sheet.date:
                    same_day.setdefault((rater, name, sheet.date), []).append(sheet)
        out += [_one(twice, f"{group[0].respondent['name']} op {group[0].date} {len(group)} keer "
                            f"({', '.join(s.source for s in group)})") for group in same_day.values() if len(group) > 1]
        # the kinds in the order they were said before: doubles, edited, same day
        return sorted(out, key=lambda w: [same, edited, twice].index(w.kind))


def _one(kind: str, example: str) -> Warned:
    """A warning of this kind about one example, worded as the kind says it for a count of one."""
    text = kind.replace("{n}", "1")
    return Warned(text.replace("{examples}", example) if "{examples}" in text else f"{text}: {example}", kind, example)
