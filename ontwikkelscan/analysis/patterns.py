"""The answer-pattern check: patterns that make a respondent's scores hard to read (docs/scan.md).

Two rules, in the terms of docs/formats.md sections 1-3 (answers are values on the bank's scale; null,
"weet ik niet / n.v.t.", is left out):

1. same answer: at least MIN_ANSWERS values, and one value makes up SAME_SHARE (90%) or more
   of them; every competency then gets about the same score, and the differences say little.
2. contradiction: within one competency, every answered item has the same end of the scale
   (all min, or all max), and among them are an item that is not reverse-keyed and one that
   is; the keyed scores of those two are then as far apart as the scale allows. (A single
   plain and reverse pair at one end, among other answers, is not enough: the bank's items
   describe different behaviours, and honest answers do that now and then.)

Each rule that holds gives one Dutch note for the report (`Report.notes`). Pure: no I/O.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from ..models import Bank

SAME_SHARE = 0.9
MIN_ANSWERS = 10


def same_answer(answers: Mapping[str, int | None]) -> tuple[int, int, int] | None:
    """(value, how often, of how many) when one value makes up SAME_SHARE or more of the answers."""
    values = [v for v in answers.values() if v is not None]
    if len(values) < MIN_ANSWERS:
        return None
    value, count = Counter(values).most_common(1)[0]
    return (value, count, len(values)) if count >= SAME_SHARE * len(values) else None


def contradictions(bank: Bank, answers: Mapping[str, int | None]) -> list[str]:
    """The ids of the competencies (bank order) whose answered items are all at one end of the scale,
    with at least one plain and one reverse-keyed item among them."""
    ends = {bank.scale.min, bank.scale.max}
    get = answers.get
    found = []
    for competency in bank.competencies:
        items = bank.items.get(competency.id, ())
        values = {get(q.id) for q in items}
        values.discard(None)
        # (the values first: for nearly every sheet that already rules the competency out)
        if len(values) == 1 and values <= ends and {q.reverse for q in items if get(q.id) is not None} == {True, False}:
            found.append(competency.id)
    return found


def pattern_notes(bank: Bank, answers: Mapping[str, int | None]) -> tuple[str, ...]:
    """The Dutch notes for the report: one per rule that holds, in rule order."""
    notes = []
    same = same_answer(answers)
    if same is not None:
        value, count, total = same
        notes.append(f"Bij {count} van de {total} beantwoorde stellingen is hetzelfde antwoord gegeven "
                     f"(\"{bank.scale.label(value)}\"). Daardoor zeggen de verschillen tussen de competenties "
                     "weinig; lees de scores met voorzichtigheid.")
    found = contradictions(bank, answers)
    if found:
        notes.append(f"Bij {dutch_list([bank.competency(cid).name for cid in found])} kregen alle stellingen "
                     "hetzelfde uiterste antwoord, ook de omgekeerd gestelde. Die antwoorden spreken elkaar "
                     "tegen; de score is daar minder zeker.")
    return tuple(notes)


def dutch_list(names: list[str]) -> str:
    """['A'] -> 'A'; ['A', 'B', 'C'] -> 'A, B en C'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"
