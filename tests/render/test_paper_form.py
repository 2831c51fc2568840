"""The printed form of a feedback round (issue 19): A4, boxes per scale point, numbers for keying in."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from types import MappingProxyType

import pytest

from ontwikkelscan.analysis.feedback import asked
from ontwikkelscan.cli.pdf import find_browser, html_to_pdf
from ontwikkelscan.models import Round
from ontwikkelscan.render.feedback.forms import Form
from ontwikkelscan.render.feedback.paper import render_form_html, sections

from ..conftest import bank_outside_a_test
from ..roundkit import ROUND, rater_bank
from .test_browser import pages
from .test_report_html import assert_self_contained

BANK = bank_outside_a_test()
FUSION = Round("2027-voorjaar-jansen", MappingProxyType({"name": "A. Jansen", "municipality": "Voorbeeldrecht"}),
               "regie", contexts=("ambtelijke-fusie",))


def form(rater: str | None, bank=BANK, round_: Round = FUSION) -> Form:  # type: ignore[no-untyped-def]
    return Form(round_, bank, rater, asked(bank, bank.questions, round_.contexts, observer=rater != "self"))


def test_the_statements_are_grouped_by_competency_and_numbered_through() -> None:
    medewerkers = form("medewerkers")
    groups = sections(medewerkers)
    assert [s.competency.id for s in groups] == [c.id for c in BANK.competencies]
    numbers = [n for s in groups for n, _ in s.statements]
    assert numbers == list(range(1, len(medewerkers.questions) + 1))
    assert sorted(q.id for s in groups for _, q in s.statements) == sorted(q.id for q in medewerkers.questions)
    # with the fusion context its statements are on the form, under their competency
    assert "bps-7" in [q.id for _, q in groups[0].statements]


def test_the_html_form_is_a_form_a_rater_can_fill_in() -> None:
    medewerkers = form("medewerkers")
    document = render_form_html(medewerkers)
    parsed = assert_self_contained(document)
    text = " ".join("".join(parsed.text).split())
    assert "Feedback over A. Jansen" in text and "Groep: Medewerkers" in text
    assert "nooit los en nooit met uw naam" in text  # the anonymity paragraph of an anonymous group
    first = sections(medewerkers)[0].statements[0][1]
    assert first.observer and first.observer in text and first.text not in text  # the words others read
    statements = len(medewerkers.questions)
    assert document.count('<span class="tick"></span>') == statements * 6  # five scale points and "weet niet"
    assert re.findall(r'<td class="nr">(\d+)</td>', document) == [str(n) for n in range(1, statements + 1)]
    assert not any(q.id in text for q in BANK.questions)  # no ids a rater must understand
    assert "Wat moet deze secretaris vooral blijven doen?" in text  # the comment questions, observer wording
    assert "komt letterlijk in het rapport" in text  # said before anyone writes


def test_the_self_form_uses_the_own_wording_and_a_form_for_all_groups_asks_the_group() -> None:
    own = render_form_html(form("self"))
    statement = sections(form("self"))[0].statements[0][1]
    assert statement.text in own and "met naam getoond" in own and "Wat wilt u vooral blijven doen?" in own
    anyone = render_form_html(form(None))
    assert "<strong>Ik ben:</strong>" in anyone and all(g.name in anyone for g in BANK.raters.groups.values())  # type: ignore[union-attr]


def test_hostile_texts_stay_text() -> None:
    hostile = ROUND._replace(subject=MappingProxyType({"name": "<script>alert(1)</script>"}))
    document = render_form_html(form("medewerkers", rater_bank(), hostile))
    assert "<script>" not in document and "&lt;script&gt;alert(1)&lt;/script&gt;" in document


@pytest.mark.skipif(find_browser() is None or shutil.which("pdftotext") is None,
                    reason="geen Chromium-browser of geen pdftotext (Debian: chromium-headless-shell, poppler-utils)")
@pytest.mark.parametrize("rater", ["medewerkers", "self", None])
def test_the_printed_form_fits_six_a4_pages_and_reads_back(rater: str | None, tmp_path: Path) -> None:
    filled = form(rater)
    pdf = html_to_pdf(render_form_html(filled), find_browser())
    sizes = pages(pdf)
    assert 1 <= len(sizes) <= 6 and set(sizes) == {(594.96, 841.92)}
    (tmp_path / "form.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "form.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split()).replace("- ", "-")  # a compound broken at the end of a line
    for section in sections(filled):
        assert section.competency.name in flat
    last_number, last = sections(filled)[-1].statements[-1]
    assert re.search(rf"\b{last_number}\b", text)
    assert " ".join((last.observer if rater != "self" and last.observer else last.text).split()[:4]) in flat
