"""Every terminal table keeps its numbers whole (issue 21): at 80 and 100 columns, in plain text and in
colour, no cell is cut with "…"; the cohort and compare tables at any width from 60 to 140, where a
table that does not fit stacks its rows."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontwikkelscan.analysis.cohort import Cohort, CohortBuilder
from ontwikkelscan.analysis.compare import CompareSet, compare_groups
from ontwikkelscan.analysis.scoring import score
from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.models import AnswerSheet, Report
from ontwikkelscan.render.cohort.terminal import _numbers
from ontwikkelscan.render.common.view import nl
from ontwikkelscan.render.formats import Options, render

BANK = load_bank(None)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
NAMES = ("Anna-Maria van den Heuvel-Brinkhorst", "Geertruida Schimmelpenninck van der Oye", "Bram Jansen")


def _report(i: int, name: str, date: str, seed: int) -> Report:
    rng = random.Random(seed)
    answers = {q.id: (None if rng.random() < 0.05 else rng.randint(1, 5)) for q in BANK.questions}
    mtype = list(BANK.types)[i % len(BANK.types)]
    sheet = AnswerSheet(source=f"{i}.yaml", answers=answers, respondent={"name": name, "municipality": f"Gemeente {i}"},
                        date=date, municipality_type=mtype)
    return score(BANK, sheet, BANK.types[mtype])


REPORTS = [_report(i, NAMES[i % 3], "2025-03-01", i) for i in range(6)]


def cohort(copies: int) -> Cohort:
    """A group of 6 × `copies` scans: counts of four digits from 167 copies on."""
    builder = CohortBuilder(BANK)
    for _ in range(copies):
        for report in REPORTS:
            builder.add(report)
    return builder.build()


def pairs() -> CompareSet:
    later = [_report(i, NAMES[i % 3], "2026-04-01", 100 + i) for i in range(3)]
    return compare_groups(REPORTS[:3], later)


def plain(text: str) -> str:
    return ANSI.sub("", text)


def whole(value: str, text: str) -> bool:
    """Every number of a cell stands whole in the text ("1137 van 1200" may wrap after "van")."""
    return all(re.search(rf"(?<![\d,]){re.escape(part)}(?![\d,])", text) for part in value.split() if part != "van")


def numbers_of_the_cohort(data: Cohort) -> Iterable[str]:
    for s in data.competencies:
        yield from _numbers(s)


def numbers_of_the_pairs(data: CompareSet) -> Iterable[str]:
    for comparison in data.comparisons:
        for c in comparison.changes:
            yield from (nl(c.old.score), nl(c.new.score), nl(c.change, signed=True))


def check(kind: str, data: object, numbers: Iterable[str], width: int, color: bool = False) -> None:
    text = plain(render(kind, "table", data, Options(width, color, terminal=True)))
    assert "…" not in text
    assert max(len(line) for line in text.splitlines()) <= width
    missing = [value for value in numbers if not whole(value, text)]
    assert not missing, missing


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("copies", [2, 200])
def test_the_cohort_table_keeps_every_number_whole(width: int, color: bool, copies: int) -> None:
    data = cohort(copies)
    check("cohort", data, numbers_of_the_cohort(data), width, color)


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("color", [False, True])
def test_the_compare_table_keeps_every_number_whole(width: int, color: bool) -> None:
    data = pairs()
    check("compare", data, numbers_of_the_pairs(data), width, color)


@settings(max_examples=40)
@given(width=st.integers(60, 140), copies=st.integers(1, 400))
def test_the_cohort_table_at_any_width(width: int, copies: int) -> None:
    data = cohort(copies)
    check("cohort", data, numbers_of_the_cohort(data), width)


@settings(max_examples=25)
@given(width=st.integers(60, 140))
def test_the_compare_table_at_any_width(width: int) -> None:
    data = pairs()
    check("compare", data, numbers_of_the_pairs(data), width)


def test_a_cohort_too_wide_for_the_screen_stacks_its_rows() -> None:
    text = plain(render("cohort", "table", cohort(200), Options(60, False, terminal=True)))
    block = text.split("\n\n")[1].splitlines()
    assert block[:4] == ["KERNCOMPETENTIES", "Bestuurlijke en politieke sensitiviteit",
                         block[2], block[3]]
    assert block[2].startswith("  n 1200 · gem. ") and "onder doel" in text


def test_a_large_group_at_80_columns_wraps_the_below_target_count() -> None:
    text = plain(render("cohort", "table", cohort(200), Options(80, False, terminal=True)))
    assert re.search(r"\d{3,4} van\n", text) and "━" in text  # still a table


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("kind", ["report", "competencies", "profiles"])
def test_the_other_tables_cut_nothing(kind: str, width: int) -> None:
    data: object = [REPORTS[0]] if kind == "report" else BANK
    text = plain(render(kind, "table", data, Options(width, False, terminal=True)))
    assert "…" not in text
    if kind == "report":
        assert all(whole(nl(r.score), text) for r in REPORTS[0].results if r.score is not None)


@settings(max_examples=25)
@given(width=st.integers(60, 140))
def test_the_report_table_at_any_width(width: int) -> None:
    text = plain(render("report", "table", [REPORTS[0]], Options(width, False, terminal=True)))
    assert "…" not in text and max(len(line) for line in text.splitlines()) <= width
    assert all(whole(nl(r.score), text) for r in REPORTS[0].results if r.score is not None)


def test_a_report_too_wide_for_the_screen_stacks_its_competencies() -> None:
    text = plain(render("report", "table", [REPORTS[0]], Options(64, False, terminal=True)))
    start = text.index("KERNCOMPETENTIES")
    assert text[start:].splitlines()[1:4] == ["Bestuurlijke en politieke sensitiviteit",
                                              "  score 3,6 ± 0,2 · doel 4,2 · verschil -0,6 ·",
                                              "  status ontwikkelpunt (grensgeval)"]
