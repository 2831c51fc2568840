"""The HTML report in a real headless Chromium: four A4 pages at most, nothing wider than the page, a screenshot.

These tests need a Chromium-family browser (Debian: chromium-headless-shell or chromium);
.ci/run installs one. Without it they are skipped, with the reason in the test summary.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from ontwikkelscan.cli.pdf import find_browser, html_to_pdf
from ontwikkelscan.models import Report
from ontwikkelscan.render.common.page import CSP
from ontwikkelscan.render.report.htmlout import render_html

from .test_report_html import hostile_report, shipped

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="geen Chromium-browser gevonden (chromium-headless-shell, chromium, Chrome of Edge); "
    "installeer er een (Debian: apt-get install chromium-headless-shell) om de afdruk te testen")
A4 = (594.96, 841.92)  # points
PRINT_WIDTH_PX = 688  # 210 mm minus 2 x 14 mm margin, at 96 px per inch
MEASURE = """<script>
const width = document.documentElement.clientWidth, wide = [];
for (const e of document.querySelectorAll("body *")) {
  const box = e.getBoundingClientRect();
  if (box.right > width + 0.5 || box.left < -0.5) wide.push(e.tagName + "." + e.getAttribute("class"));
}
document.body.setAttribute("data-wide", wide.join(" "));
document.body.setAttribute("data-scroll", document.documentElement.scrollWidth + "/" + width);
</script>"""


def chromium(*args: str, tmp_path: Path) -> str:
    assert BROWSER is not None
    done = subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={tmp_path / 'profiel'}", *args],
                          capture_output=True, timeout=120, check=True)
    return done.stdout.decode("utf-8")


def pages(pdf: bytes) -> list[tuple[float, float]]:
    """The size of every page of a PDF as Chromium writes it (one /MediaBox per page object)."""
    count = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    boxes = [tuple(float(v) for v in box.split()[2:4])
             for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)]
    assert len(boxes) >= count > 0
    return [(round(w, 2), round(h, 2)) for w, h in boxes[:count]]


@pytest.mark.parametrize("name", ["jansen", "bakker", "de-vries"])
def test_one_scan_prints_on_at_most_four_a4_pages(name: str, tmp_path: Path) -> None:
    report = shipped(name)
    pdf = html_to_pdf(render_html(report), BROWSER)
    (tmp_path / f"{name}.pdf").write_bytes(pdf)
    sizes = pages(pdf)
    # Four pages at most, also for a weak scan: with its context's higher targets bakker has 12
    # development and attention points ("Wat nu" is set in two columns for that).
    if name == "bakker":
        assert len(report.summary.development) >= 12
    assert 2 <= len(sizes) <= 4, len(sizes)
    assert set(sizes) == {A4}


def long_words(report: Report) -> Report:
    """A bank whose editor wrote one very long word in a name, a tip and a statement."""
    word = "Gemeentesecretarisontwikkelingsgesprekvoorbereidingsformulier" * 2
    first = report.results[0]
    competency = first.competency._replace(name=word, tips=(word, *first.competency.tips))
    return report._replace(results=(first._replace(competency=competency), *report.results[1:]))


@pytest.mark.parametrize("name", ["jansen", "bakker", "lange woorden"])
def test_no_element_is_wider_than_the_printed_page(name: str, tmp_path: Path) -> None:
    report = long_words(shipped("bakker")) if name == "lange woorden" else shipped(name)
    # Only this test copy gets a script (and loses the CSP that would block it): the report itself has none.
    document = render_html(report).replace(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n', "")
    test_copy = tmp_path / "meten.html"
    test_copy.write_text(document.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = chromium(f"--window-size={PRINT_WIDTH_PX},1100", "--hide-scrollbars", "--dump-dom", test_copy.as_uri(), tmp_path=tmp_path)
    wide = re.search(r'data-wide="([^"]*)"', dom)
    scroll = re.search(r'data-scroll="(\d+)/(\d+)"', dom)
    assert wide and scroll, "the measuring script did not run"
    assert wide.group(1) == ""
    assert scroll.group(1) == scroll.group(2) == str(PRINT_WIDTH_PX)


def test_a_screenshot_is_taken(tmp_path: Path) -> None:
    page = tmp_path / "jansen.html"
    page.write_text(render_html(shipped()), encoding="utf-8")
    shot = tmp_path / "jansen.png"
    chromium("--window-size=794,1123", "--hide-scrollbars", f"--screenshot={shot}", page.as_uri(), tmp_path=tmp_path)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000  # a page with a chart, not a blank one


def test_hostile_texts_do_not_become_elements_in_the_browser(make_bank, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "vijandig.html"
    page.write_text(render_html(hostile_report(make_bank, tmp_path)), encoding="utf-8")
    dom = chromium("--dump-dom", page.as_uri(), tmp_path=tmp_path)
    assert "<img" not in dom and "<script" not in dom and "<a " not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
