"""The feedback report on A4 portrait (docs/formats.md section 8, issue 18): printed by a real headless Chromium and read
back with pdftotext, every column and every word of every label is there, whole; in the browser no element is
wider than the printed page.

Needs a Chromium-family browser and pdftotext (Debian: chromium-headless-shell, poppler-utils; .ci/run
installs both). Without them these tests skip, with the reason in the test summary.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from types import MappingProxyType

import pytest

from ontwikkelscan.analysis.feedback import FeedbackReport, feedback
from ontwikkelscan.cli.pdf import html_to_pdf
from ontwikkelscan.files.comments import attach_comments
from ontwikkelscan.models import AnswerSheet, Round
from ontwikkelscan.render.common.page import CSP
from ontwikkelscan.render.feedback.htmlout import render_feedback_html
from tests.conftest import bank_outside_a_test

from .test_browser import A4, BROWSER, MEASURE, PRINT_WIDTH_PX, chromium, pages

PDFTOTEXT = shutil.which("pdftotext")
pytestmark = [
    pytest.mark.skipif(BROWSER is None, reason="geen Chromium-browser gevonden (chromium-headless-shell, chromium, "
                       "Chrome of Edge); installeer er een (Debian: apt-get install chromium-headless-shell)"),
    pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext ontbreekt; installeer het (Debian: apt-get install "
                       "poppler-utils) om de afdruk terug te lezen"),
]
BANK = bank_outside_a_test()
ROUND = Round("2027-03-jansen", MappingProxyType({"name": "A. Jansen", "municipality": "Voorbeeldrecht"}), "regie",
              contexts=("ambtelijke-fusie",))
LONG = "Gemeentesecretarisontwikkelingsgesprekvoorbereidingsformulier" * 2


def sheet(rater: str, source: str, level: int, spread: int = 0) -> AnswerSheet:
    """Every statement at `level` (reverse keyed ones turned around), the first competency at 5 for the self
    and the second at 1: a blind spot and a hidden strength. `spread` moves this rater up or down."""
    first, second = BANK.competencies[0].id, BANK.competencies[1].id
    answers = {}
    for q in BANK.questions:
        value = level + spread
        if rater == "self":
            value = 5 if q.competency == first else 1 if q.competency == second else level
        value = max(1, min(5, value))
        answers[q.id] = 6 - value if q.reverse else value
    return AnswerSheet(source, MappingProxyType(answers), rater=rater, round=ROUND.id,
                       contexts=ROUND.contexts)


def report() -> FeedbackReport:
    """All six groups: burgemeester 1, directie, medewerkers and OR 3 each, wethouders 3 and partners 2 (the
    residue: partners is too small, so the smallest shown group joins them), and comments above the floor."""
    groups = {"burgemeester": 1, "wethouders": 3, "directie": 3, "medewerkers": 3, "ondernemingsraad": 3,
              "partners": 2}
    sheets = [sheet("self", "self.yaml", 3)]
    for group, n in groups.items():
        sheets += [sheet(group, f"{group}-{i}.yaml", 3, spread=(-2, 0, 2)[i % 3]) for i in range(n)]
    texts = ["Rust in het college.", f"Een heel lang woord: {LONG}.", "<b>Luisteren</b> [bold]naar[/bold] het OR."]
    sheets[3:6] = [attach_comments(s, {"blijven": t}, BANK) for s, t in zip(sheets[3:6], texts, strict=True)]
    return feedback(BANK, ROUND, sheets, BANK.types["regie"], [BANK.contexts["ambtelijke-fusie"]])


def test_the_printed_report_keeps_every_column_and_word(tmp_path: Path) -> None:
    result = report()
    pdf = html_to_pdf(render_feedback_html(result), BROWSER)
    (tmp_path / "feedback.pdf").write_bytes(pdf)
    assert set(pages(pdf)) == {A4}
    assert PDFTOTEXT is not None
    text = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(tmp_path / "feedback.pdf"), "-"], capture_output=True,
                          check=True, timeout=60).stdout.decode("utf-8")
    start = text.index("Per competentie")  # the tables come after the summary, before statements and comments
    ends = [i for i in (text.find("Grootste verschillen", start), text.find("Opmerkingen", start)) if i > 0]
    tables = text[start:min(ends)]
    words = set(re.findall(r"[\w/().−-]+", tables))
    labels = ["Signaal", "Anderen", "t.o.v.", "doel", "blinde", "vlek", "verborgen", "sterkte", "overige",
              "beoordelaars", "weinig", "eensgezind", "Competentie", "Zelf", "SD",
              *(w for group in BANK.raters.groups.values() for w in group.name.split())]  # type: ignore[union-attr]
    assert [w for w in labels if w not in words] == []
    assert "blinde vlek" in " ".join(tables.split()) and "verborgen sterkte" in " ".join(tables.split())
    for row in result.rows:  # every competency name, each word whole (a compound may break after / or -)
        for word in row.competency.name.split():
            assert word in words or all(part in words for part in re.split(r"(?<=[/-])", word) if part), word
    # the residue column: one value per competency, read back from the page
    assert tables.count("(5)") >= len(result.rows)
    assert "<b>Luisteren</b> [bold]naar[/bold] het OR." in " ".join(text.split())


def test_no_element_of_the_feedback_report_is_wider_than_the_printed_page(tmp_path: Path) -> None:
    document = render_feedback_html(report()).replace(
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n', "")
    test_copy = tmp_path / "meten.html"
    test_copy.write_text(document.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = chromium(f"--window-size={PRINT_WIDTH_PX},1100", "--hide-scrollbars", "--dump-dom", test_copy.as_uri(),
                   tmp_path=tmp_path)
    wide = re.search(r'data-wide="([^"]*)"', dom)
    scroll = re.search(r'data-scroll="(\d+)/(\d+)"', dom)
    assert wide and scroll, "the measuring script did not run"
    assert (wide.group(1), scroll.group(1)) == ("", str(PRINT_WIDTH_PX))
