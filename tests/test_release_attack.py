"""An attacker with every release of a round that grows over days (docs/formats.md section 6.2).

The round grows by random days (new raters, a file saved twice, an empty form); after each day a
release is made when the subtraction rule allows it. Then every pair of shown numbers of one
quantity (a competency, a statement), from any two releases, is subtracted: the rater sets behind
them are recomputed here from the raw answers and the JSON alone (which groups are shown, which
are null), not taken from the implementation. No difference may come from 1 .. F-1 anonymous raters.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelscan.analysis.feedback import feedback
from ontwikkelscan.analysis.intake import count
from ontwikkelscan.analysis.release import blocks, breaches
from ontwikkelscan.models import AnswerSheet
from ontwikkelscan.render.feedback.jsonout import feedback_dict

from .roundkit import ROUND, rater_bank, sheet

BANK = rater_bank(3)
FLOOR = 3
GROUPS = ("burgemeester", "wethouders", "directie", "medewerkers", "ondernemingsraad")
ITEMS = {"alpha": ("a-1", "a-2", "a-3"), "beta": ("b-1", "b-2", "b-3"), "gamma": ("g-1", "g-2", "g-3")}
ANSWER = st.one_of(st.none(), st.integers(1, 5))
RATER = st.tuples(st.sampled_from(GROUPS), st.lists(ANSWER, min_size=9, max_size=9))
DAY = st.lists(st.one_of(RATER, st.just("copy"), st.just("empty")), min_size=1, max_size=4)


def _scored(answers: dict[str, int | None], competency: str) -> bool:
    """Half coverage over the observer questions, recomputed (a-4 has no observer text)."""
    return 2 * sum(answers.get(q) is not None for q in ITEMS[competency]) >= len(ITEMS[competency])


def _sets(report: dict, raters: list[AnswerSheet]) -> list[tuple[str, frozenset[str]]]:  # type: ignore[type-arg]
    """(quantity, anonymous raters) of every number the JSON shows, from the raw answers."""
    anonymous = {g: g != "burgemeester" for g in GROUPS}
    shown = []
    for row in report["competencies"]:
        cid = row["id"]
        with_score = [s for s in raters if s.rater != "self" and _scored(dict(s.answers), cid)]
        anon = [s for s in with_score if anonymous[s.rater]]
        for group, value in row["groups"].items():
            if value is not None:
                shown.append((cid, frozenset(s.source for s in anon if s.rater == group)))
        if row["residue"] is not None:
            pooled = {g for g, v in row["groups"].items() if v is None}
            shown.append((cid, frozenset(s.source for s in anon if s.rater in pooled)))
        if row["others"] is not None:
            shown.append((cid, frozenset(s.source for s in anon)))
        for statement in row["statements"]:
            qid = statement["id"]
            shown.append((qid, frozenset(s.source for s in raters if s.rater != "self" and anonymous[s.rater]
                                         and s.answers.get(qid) is not None)))
    return shown


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DAY, min_size=1, max_size=6))
def test_no_two_releases_can_be_subtracted(days: list) -> None:  # type: ignore[type-arg]
    files: list[AnswerSheet] = [sheet("self", {q: 4 for qs in ITEMS.values() for q in qs}, "self.yaml")]
    released: list[tuple[dict, list[AnswerSheet]]] = []  # type: ignore[type-arg]
    earlier_blocks = []
    for day in days:
        for event in day:
            n = len(files)
            if event == "copy":
                files.append(files[-1]._replace(source=f"copy{n}.yaml"))
            elif event == "empty":
                files.append(sheet("medewerkers", {}, f"empty{n}.yaml"))
            else:
                group, values = event
                ids = [q for qs in ITEMS.values() for q in qs]
                files.append(sheet(group, dict(zip(ids, values, strict=True)), f"r{n}.yaml"))
        raters = list(count(files).raters)
        report = feedback(BANK, ROUND, raters, BANK.types["regie"], release=len(released) + 1)
        now = blocks(report)
        if any(breaches(old, now, FLOOR, i + 1) for i, old in enumerate(earlier_blocks)):
            continue  # refused: the coach waits for more answers
        earlier_blocks.append(now)
        released.append((feedback_dict(report), raters))
    numbers = [(i, quantity, people) for i, (report, raters) in enumerate(released)
               for quantity, people in _sets(report, raters)]
    for (i, q1, a), (j, q2, b) in itertools.combinations(numbers, 2):
        if i != j and q1 == q2:
            assert not 0 < len(a ^ b) < FLOOR, (q1, i + 1, j + 1, sorted(a ^ b))
