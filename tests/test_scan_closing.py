"""The end of a scan: the summary on stdout, the full report as HTML beside the answers, one line
that says where (the path quoted for the shell)."""

from __future__ import annotations

import stat
from pathlib import Path
from types import MappingProxyType

import pytest

from ontwikkelscan.analysis.scoring import score
from ontwikkelscan.models import AnswerSheet
from ontwikkelscan.render.report.htmlout import render_html
from ontwikkelscan.render.report.text import render_summary
from ontwikkelscan.scan.closing import close_scan

from .conftest import fixture_bank

BANK = fixture_bank()


def scanned(path: Path):  # type: ignore[no-untyped-def]
    answers = {"a-1": 2, "a-2": 3, "a-3": 2, "a-4": 3, "b-1": 3, "b-2": 4, "g-1": 4, "g-2": 5}
    return score(BANK, AnswerSheet(str(path), MappingProxyType(answers)), BANK.types["regie"])


def test_the_html_goes_beside_the_answers_and_its_path_is_quoted(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    folder = tmp_path / "mijn scans"
    folder.mkdir()
    report = scanned(folder / "de boer.yaml")
    close_scan(report, folder / "de boer.yaml")
    out, err = capsys.readouterr()
    html = folder / "de boer.html"
    assert out == render_summary(report, 80)
    assert err == f"\nHet volledige rapport (tabel, wat nu, uitleg) staat in: '{html}'\n"
    assert html.read_text(encoding="utf-8") == render_html(report)
    assert stat.S_IMODE(html.stat().st_mode) == 0o600


def test_a_round_gets_no_html_and_a_failed_write_only_warns(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    close_scan(scanned(tmp_path / "zelf.yaml"), tmp_path / "zelf.yaml", write_html=False)
    assert not (tmp_path / "zelf.html").exists()
    assert capsys.readouterr().err == ""
    (tmp_path / "geen-map").write_text("", encoding="utf-8")
    answers = tmp_path / "geen-map" / "x.yaml"
    close_scan(scanned(answers), answers)
    out, err = capsys.readouterr()
    assert out.startswith("Ontwikkelscan\nRegiegemeente\n\nSamenvatting\n")
    assert err.startswith(f"waarschuwing: het volledige rapport is niet geschreven: "
                          f"{tmp_path / 'geen-map' / 'x.html'}: kan hier niet schrijven (")
    assert err.endswith("maak het later met `ontwikkelscan report BESTAND --format html -o rapport.html`\n")
