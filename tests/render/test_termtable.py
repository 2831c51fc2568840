"""Terminal tables at 80 and 100 columns (issue 12): names wrap between words, never inside one; nothing
is wider than the terminal; a legend under the report table; plain text for pipes stays within 80."""

from __future__ import annotations

import re

import pytest

from ontwikkelscan.analysis.cohort import CohortBuilder
from ontwikkelscan.analysis.compare import compare
from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.render.bank.terminal import render_profiles
from ontwikkelscan.render.cohort.terminal import render_cohort_table
from ontwikkelscan.render.common.termtable import legend, name_width, wrap_words
from ontwikkelscan.render.compare.terminal import render_compare_table
from ontwikkelscan.render.formats import Options
from ontwikkelscan.render.report.terminal import render_rich
from ontwikkelscan.render.report.text import render_text

from .test_report_html import shipped

WORDS = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def pieces() -> set[str]:
    """Every word of every competency name, compounds split after their hyphen or slash."""
    names = [c.name for c in load_bank(None).competencies] + ["Kerncompetenties", "Situatiegebonden competenties",
                                                              "Competentie", "Verandering"]
    return {w for name in names for word in name.split() for w in WORDS.findall(word)}


def broken_words(text: str) -> list[str]:
    """Fragments of a name's word: a token that is the start or the end of a longer word, but no word itself."""
    whole = pieces()
    tokens = set(WORDS.findall(text))
    return sorted(t for t in tokens - whole
                  if any(len(t) < len(w) and (w.startswith(t) or w.endswith(t)) for w in whole) and len(t) > 2)


def tables(width: int) -> dict[str, str]:
    reports = [shipped(name) for name in ("jansen", "bakker", "de-vries")]
    builder = CohortBuilder(reports[0].bank)
    for report in reports:
        builder.add(report)
    options = Options(width=width, color=False, terminal=True)
    report = render_rich(reports[1], width=width, color=False)
    table = report[report.index("Competentie"):report.index("█ score")]  # the table; the prose around it wraps
    return {"report": table,
            "compare": render_compare_table(compare(reports[0], reports[1]), options),
            "cohort": render_cohort_table(builder.build(), options),
            "profiles": render_profiles(reports[0].bank, options).split("\n\n")[0]}  # the table, not the prose


@pytest.mark.parametrize("width", [80, 100, 120])
def test_names_wrap_between_words_and_tables_fit(width: int) -> None:
    for name, text in tables(width).items():
        assert broken_words(text) == [], name
        assert max(len(line.rstrip()) for line in text.splitlines()) <= width, name


def test_the_check_catches_a_word_broken_in_two() -> None:
    assert broken_words("│ Competent │\n│ ie │ Coaching/ontwikkeli │ ngsgerichtheid") == [
        "Competent", "ngsgerichtheid", "ontwikkeli"]


def test_plain_text_for_pipes_wraps_at_80() -> None:
    for name in ("jansen", "bakker", "de-vries"):
        text = render_text(shipped(name))
        assert max(len(line) for line in text.splitlines()) <= 80
        assert broken_words(text[text.index("Competentie"):text.index("█ score")]) == []
        assert "█ score, ▒ marge, ┃ doel" in text


def test_report_has_a_legend_and_a_bar_at_80() -> None:
    text = tables(80)["report"]
    assert "┃ = doel" in text and "█" in text
    assert legend(80, margin=True).splitlines()[0] in render_rich(shipped("bakker"), width=80, color=False)


def test_wrap_and_name_width() -> None:
    assert wrap_words("Complexe organisatie-ontwikkelingsprocessen in dynamische omgeving", 26) == [
        "Complexe organisatie-", "ontwikkelingsprocessen in", "dynamische omgeving"]
    assert wrap_words("Bestuurlijke en politieke sensitiviteit", 24) == ["Bestuurlijke en", "politieke sensitiviteit"]
    assert wrap_words("x" * 30, 12) == ["x" * 12, "x" * 12, "x" * 6]
    # 80 wide, five other columns of 40 together, no edge: 80 - 40 - 10 - 5 = 25
    assert name_width(["kort", "ontwikkelingsgerichtheid lang"], 80, [5, 4, 8, 10, 13], edge=False,
                      pad_edge=False) == 25
    assert name_width(["ontwikkelingsgerichtheid"], 40, [20, 20]) == 24  # never below the longest word
