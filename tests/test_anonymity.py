"""The anonymity rules of docs/formats.md section 6, rule by rule, and an attack by subtraction that must never succeed."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ontwikkelscan.analysis.anonymity import Visibility, visibility
from ontwikkelscan.analysis.feedback import feedback

from .roundkit import ROUND, rater_bank, sheet

ORDER = ("burgemeester", "wethouders", "directie", "medewerkers", "ondernemingsraad", "partners")
ANONYMOUS = {g: g != "burgemeester" for g in ORDER}


@pytest.mark.parametrize(
    ("floor", "counts", "expected"),
    [
        # the example of docs/formats.md section 6: the ondernemingsraad (2) is too small; medewerkers (4), the smallest shown
        # anonymous group, joins it so that the residue (6) cannot be had by subtraction
        (3, {"burgemeester": 1, "directie": 5, "medewerkers": 4, "ondernemingsraad": 2},
         Visibility(("burgemeester", "directie"), ("medewerkers", "ondernemingsraad"), 6, True, True)),
        # rule 1: a non-anonymous group is shown whatever its n; with no anonymous raters, others are shown
        (3, {"burgemeester": 1}, Visibility(("burgemeester",), (), 0, False, True)),
        (3, {"burgemeester": 0}, Visibility(("burgemeester",), (), 0, False, True)),
        # rule 2: an anonymous group from the floor up
        (3, {"wethouders": 3}, Visibility(("wethouders",), (), 0, False, True)),
        (3, {"wethouders": 2}, Visibility((), ("wethouders",), 2, False, False)),
        (2, {"wethouders": 2}, Visibility(("wethouders",), (), 0, False, True)),
        # rule 3: a tie on the smallest shown group: the first in bank order joins
        (3, {"directie": 3, "medewerkers": 3, "ondernemingsraad": 1},
         Visibility(("medewerkers",), ("directie", "ondernemingsraad"), 4, True, True)),
        (3, {"directie": 4, "medewerkers": 3, "ondernemingsraad": 1},
         Visibility(("directie",), ("medewerkers", "ondernemingsraad"), 4, True, True)),
        # rule 3: two small groups that together reach the floor are shown as the residue; nobody joins
        (3, {"directie": 5, "ondernemingsraad": 2, "partners": 1},
         Visibility(("directie",), ("ondernemingsraad", "partners"), 3, True, True)),
        # rule 3: no anonymous group left to join: the residue stays hidden, and so do the others (rule 4)
        (3, {"burgemeester": 1, "medewerkers": 2}, Visibility(("burgemeester",), ("medewerkers",), 2, False, False)),
        # a group without a score for this competency adds nothing, and needs no joiner
        (3, {"directie": 3, "medewerkers": 0}, Visibility(("directie",), ("medewerkers",), 0, False, True)),
        # rule 4 at the floor exactly, and with a non-anonymous burgemeester that does not count
        (3, {"burgemeester": 1, "wethouders": 1, "ondernemingsraad": 1},
         Visibility(("burgemeester",), ("wethouders", "ondernemingsraad"), 2, False, False)),
        (3, {"burgemeester": 1, "wethouders": 1, "ondernemingsraad": 2},
         Visibility(("burgemeester",), ("wethouders", "ondernemingsraad"), 3, True, True)),
        # floor 2: a single rater is never alone
        (2, {"medewerkers": 2, "ondernemingsraad": 1},
         Visibility((), ("medewerkers", "ondernemingsraad"), 3, True, True)),
    ],
)
def test_rules(floor: int, counts: dict[str, int], expected: Visibility) -> None:
    assert visibility(counts, ANONYMOUS, floor, ORDER) == expected


# --------------------------------------------------------------------------- the attack

def _rank(rows: list[list[Fraction]]) -> int:
    """Rank over the rationals (Gaussian elimination, exact)."""
    rows = [r[:] for r in rows]
    rank, columns = 0, len(rows[0]) if rows else 0
    for col in range(columns):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for i in range(len(rows)):
            if i != rank and rows[i][col] != 0:
                factor = rows[i][col] / rows[rank][col]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
    return rank


def _echelon(rows: list[list[Fraction]]) -> list[tuple[int, list[Fraction]]]:
    """A basis of the rows' span as (pivot column, row with 1 at the pivot), for quick membership tests."""
    basis: list[tuple[int, list[Fraction]]] = []
    for row in rows:
        reduced = _reduce(basis, row)
        pivot = next((k for k, x in enumerate(reduced) if x != 0), None)
        if pivot is not None:
            basis.append((pivot, [x / reduced[pivot] for x in reduced]))
    return basis


def _reduce(basis: list[tuple[int, list[Fraction]]], row: list[Fraction]) -> list[Fraction]:
    row = row[:]
    for pivot, base in basis:
        if row[pivot] != 0:
            factor = row[pivot]
            row = [a - factor * b for a, b in zip(row, base, strict=True)]
    return row


def recoverable(shown: list[set[int]], target: set[int], anonymous: list[int]) -> bool:
    """Can the sum over `target`'s anonymous raters be had from the sums of `shown` (known non-anonymous
    raters subtracted)? True when its indicator lies in the rational span of the shown sets' indicators."""
    vectors = [[Fraction(int(r in s)) for r in anonymous] for s in shown]
    wanted = [Fraction(int(r in target)) for r in anonymous]
    if not vectors:
        return False
    return _rank(vectors) == _rank([*vectors, wanted])


GROUPS = ("burgemeester", "wethouders", "directie", "medewerkers", "ondernemingsraad")
VALUES = st.sampled_from([None, 1, 2, 3, 4, 5])  # a skip now and then, whole competencies sometimes
# One rater skips a-3 while three others answer every statement: the shape that gives a rater away when
# statement means are shown next to competency means (see feedback._statements).
SKIPPER = (3, [("medewerkers", {"a-1": 3, "a-2": 2, "a-3": None}),
               *[("medewerkers", {"a-1": v, "a-2": 6 - v, "a-3": v}) for v in (4, 2, 2)]])


@st.composite
def rounds(draw: st.DrawFn) -> tuple[int, list[tuple[str, dict[str, int | None]]]]:
    floor = draw(st.sampled_from([2, 3, 4]))
    raters = []
    for group in GROUPS:
        for _ in range(draw(st.integers(0, 5 if group != "burgemeester" else 2))):
            # a rater may skip a whole competency (alpha needs 2 of a-1..a-3) or single statements
            answers = {q: draw(VALUES) for q in ("a-1", "a-2", "a-3")}
            raters.append((group, answers))
    return floor, raters


BANKS = {floor: rater_bank(floor) for floor in (2, 3, 4)}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds())
@example(SKIPPER)
def test_no_shown_numbers_give_away_fewer_than_floor_anonymous_raters(
        case: tuple[int, list[tuple[str, dict[str, int | None]]]]) -> None:
    floor, raters = case
    bank = BANKS[floor]
    sheets = [sheet(group, answers, f"r{i}.yaml") for i, (group, answers) in enumerate(raters)]
    report = feedback(bank, ROUND, [sheet("self", {"a-1": 3, "a-2": 3, "a-3": 3})] + sheets, bank.types["regie"])
    row = report.rows[0]
    assert row.competency.id == "alpha"
    groups = bank.raters.groups  # type: ignore[union-attr]
    scored = {i for i, s in enumerate(sheets)
              if sum(s.answers.get(q) is not None for q in ("a-1", "a-2", "a-3")) >= 2}
    anonymous = [i for i in scored if groups[sheets[i].rater].anonymous]
    members = {g: {i for i in scored if sheets[i].rater == g} for g in row.groups}
    shown: list[set[int]] = []
    for g, value in row.groups.items():
        if value is not None:
            assert value.n == len(members[g])
            shown.append(members[g])
    hidden = [g for g, value in row.groups.items() if value is None]
    if row.residue is not None:
        residue = set().union(*(members[g] for g in hidden))
        assert row.residue.n == len(residue) >= floor
        shown.append(residue)
    if row.others is not None:
        assert row.others.n == len(scored)
        shown.append(scored)
    targets = [{i} for i in anonymous] + [members[g] for g in hidden if members[g]]
    targets += [set(c) for k in range(2, floor) for c in itertools.combinations(anonymous, k)]
    for target in targets:
        assert not recoverable(shown, target, anonymous), (target, shown)
    # per statement only the others' mean is shown, and only from the floor up (or with no anonymous raters)
    for statement in row.statements:
        answered = [s for s in sheets if s.answers.get(statement.question.id) is not None]
        hidden_raters = sum(groups[s.rater].anonymous for s in answered)
        assert statement.n == len(answered)
        assert hidden_raters == 0 or hidden_raters >= floor


WEIGHTS = {"a-1": (1, 1), "a-2": (-1, 1), "a-3": (1, 2)}  # alpha for observers: (keying sign, weight)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds())
@example(SKIPPER)
def test_statement_means_next_to_competency_means_give_nobody_away(
        case: tuple[int, list[tuple[str, dict[str, int | None]]]]) -> None:
    """The attack on single answers: every anonymous answer is an unknown; a rater's competency score is
    a known combination of them (reverse keying is a sign and a known constant, weights over what that rater
    answered); shown are the group, residue and others' sums and the statements' sums."""
    floor, raters = case
    bank = BANKS[floor]
    sheets = [sheet(group, answers, f"r{i}.yaml") for i, (group, answers) in enumerate(raters)]
    row = feedback(bank, ROUND, sheets, bank.types["regie"]).rows[0]
    groups = bank.raters.groups  # type: ignore[union-attr]
    anonymous = [i for i, s in enumerate(sheets) if groups[s.rater].anonymous]
    unknowns = [(i, q) for i in anonymous for q in WEIGHTS if sheets[i].answers.get(q) is not None]
    column = {u: k for k, u in enumerate(unknowns)}

    def score_of(i: int) -> list[Fraction]:
        answered = [q for q in WEIGHTS if sheets[i].answers.get(q) is not None]
        vector = [Fraction(0)] * len(unknowns)
        if len(answered) >= 2:
            total = sum(WEIGHTS[q][1] for q in answered)
            for q in answered:
                vector[column[(i, q)]] = Fraction(WEIGHTS[q][0] * WEIGHTS[q][1], total)
        return vector

    def summed(members: list[int]) -> list[Fraction]:
        vectors = [score_of(i) for i in members if i in anonymous]
        return [sum(parts, Fraction(0)) for parts in zip(*vectors, strict=True)] if vectors else \
            [Fraction(0)] * len(unknowns)

    members = {g: [i for i, s in enumerate(sheets) if s.rater == g] for g in row.groups}
    shown = [summed(members[g]) for g, value in row.groups.items() if value is not None]
    hidden = [g for g, value in row.groups.items() if value is None]
    if row.residue is not None:
        shown.append(summed([i for g in hidden for i in members[g]]))
    if row.others is not None:
        shown.append(summed(list(range(len(sheets)))))
    for statement in row.statements:
        vector = [Fraction(0)] * len(unknowns)
        for i in anonymous:
            if (i, statement.question.id) in column:
                vector[column[(i, statement.question.id)]] = Fraction(1)
        shown.append(vector)
    if not unknowns or not shown:
        return
    scored = [i for i in anonymous if any(score_of(i))]
    targets = [score_of(i) for i in scored]  # one rater's score
    targets += [[Fraction(int(k == column[u])) for k in range(len(unknowns))] for u in unknowns]  # one answer
    targets += [summed(list(c)) for k in range(2, floor) for c in itertools.combinations(scored, k)]
    targets += [summed(members[g]) for g in hidden if any(summed(members[g]))]
    basis = _echelon(shown)
    for target in targets:
        assert any(_reduce(basis, target)), "a hidden number can be had by subtraction"
