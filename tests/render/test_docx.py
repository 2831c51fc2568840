"""Word documents of the report and the plan: opened again with python-docx and checked against
the JSON report; printed with LibreOffice where it is installed."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from ontwikkelscan.render.plan.docxout import plan_docx
from ontwikkelscan.render.report.docxout import render_docx
from ontwikkelscan.render.common.view import status_words
from ontwikkelscan.render.report.jsonout import report_dict

from .test_report_html import shipped

STATUS_WORDS = {"development": "ontwikkelpunt", "attention": "aandachtspunt", "on_target": "op niveau",
                "strength": "sterk punt", "not_required": "niet vereist", "insufficient_data": "te weinig antwoorden"}


def dutch(value: float | None, signed: bool = False) -> str:
    """An independent Dutch number: one decimal, half away from zero, no signed zero."""
    if value is None:
        return "–"
    text = f"{int(abs(value) * 10 + 0.5 + 1e-9) / 10:.1f}".replace(".", ",")
    if text == "0,0":
        return text
    return ("-" if value < 0 else "+" if signed else "") + text


@pytest.mark.parametrize("name", ["jansen", "bakker", "de-vries"])
def test_the_report_document_against_the_json(name: str) -> None:
    report = shipped(name)
    data = report_dict(report)
    raw = render_docx(report)
    doc = Document(io.BytesIO(raw))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    order = ["Samenvatting", "Scores per competentie", "Wat nu", "Hoe de scores tot stand komen",
             "Hoe dit rapport is berekend"]
    assert [h for h in headings if h in order] == order  # summary first, details last
    assert headings[0] == f"Ontwikkelscan · {data['respondent']['name']}"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"Vingerafdruk van de vragenbank (sha256): {data['bank']['sha256']}" in text
    # The score table: one row per competency with score, margin, target, gap and the status in words.
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Competentie")
    assert [c.text for c in table.rows[0].cells] == ["Competentie", "Score", "Marge", "Doel", "Verschil", "Status"]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    for competency in data["competencies"]:
        status = STATUS_WORDS[competency["status"]] + (" (grensgeval)" if competency["borderline"] else "")
        margin = "–" if competency["margin"] is None else f"± {dutch(competency['margin'])}"
        assert rows[competency["name"]] == [competency["name"], dutch(competency["score"]), margin,
                                            dutch(competency["target"]), dutch(competency["gap"], True), status]
    # The chart: a native bar chart whose numbers are the JSON's, the margins as error bars.
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        chart = package.read("word/charts/chart1.xml").decode("utf-8")
        book = load_workbook(io.BytesIO(package.read("word/embeddings/Microsoft_Excel_Worksheet1.xlsx")))
    ordered = [c for c in data["competencies"] if c["kind"] == "core"] + \
        [c for c in data["competencies"] if c["kind"] == "situational"]
    caches = re.findall(r"<c:numCache>(.*?)</c:numCache>", chart)
    assert len(caches) == 2 and "<c:barDir val=\"bar\"/>" in chart
    scores = dict(re.findall(r'<c:pt idx="(\d+)"><c:v>([^<]+)</c:v>', caches[0]))
    assert {int(i): float(v) for i, v in scores.items()} == {
        i: c["score"] for i, c in enumerate(ordered) if c["score"] is not None}
    plus = re.search(r"<c:plus><c:numLit>(.*?)</c:numLit></c:plus>", chart)
    assert plus is not None
    margins = [float(v) for v in re.findall(r"<c:v>([^<]+)</c:v>", plus.group(1))]
    assert margins == [c["margin"] or 0.0 for c in ordered]
    sheet = book["Blad1"]
    assert [cell.value for cell in sheet["A"]][1:] == [c["name"] for c in ordered]
    assert [cell.value for cell in sheet["C"]][1:] == [c["target"] for c in ordered]


def test_the_plan_document_has_cells_to_fill_in_and_dutch_dates() -> None:
    report = shipped("jansen")  # scanned on 2026-11-20
    doc = Document(io.BytesIO(plan_docx(report)))
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        cell.text for t in doc.tables for row in t.rows for cell in row.cells)
    assert "rond 20 februari 2027" in text and "rond 20 mei 2027" in text and "2027-02-20" not in text
    assert "Gemaakt op basis van de scan van 20 november 2026." in text
    goals = [t for t in doc.tables if t.rows[0].cells[0].text.startswith("Mijn doel")]
    actions = [t for t in doc.tables if [c.text for c in t.rows[0].cells] == ["Wat ik ga doen", "Met wie", "Klaar op"]]
    appointments = [t for t in doc.tables if [c.text for c in t.rows[0].cells] == ["Afspraak", "Met wie", "Datum"]]
    points = [p.text for p in doc.paragraphs if p.style.name == "Heading 2" and re.match(r"\d\. ", p.text)]
    assert len(goals) == len(actions) == len(points) >= 2 and len(appointments) == 1
    assert all(len(t.rows) == 2 and t.rows[1].cells[0].text == "" for t in goals)  # an empty cell to write in
    for table in actions:  # her own actions: every cell empty, to fill in
        assert len(table.rows) == 4 and all(cell.text == "" for row in table.rows[1:] for cell in row.cells)
    rows = [[c.text for c in row.cells] for row in appointments[0].rows[1:]]
    assert [r[0].split(" (")[0] for r in rows] == ["Tussentijds gesprek rond 20 februari 2027",
                                                  "Vervolgscan rond 20 mei 2027", "", ""]
    assert all(r[1:] == ["", ""] for r in rows)
    worst = [next(r.competency.name for r in report.results if r.competency.id == c)
             for c in report.summary.development[:3]]
    by_name = {r.competency.name: r for r in report.results}
    named = [p.split(". ", 1)[1].split(" (", 1) for p in points]  # "1. Visie (ontwikkelpunt)"
    assert [name for name, _ in named] == worst
    assert all(status == status_words(by_name[name]) + ")" for name, status in named)  # the status, once


LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed (Debian: libreoffice-writer-nogui)")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed (Debian: poppler-utils)")
def test_libreoffice_prints_both_documents(tmp_path: Path) -> None:
    report = shipped("bakker")
    (tmp_path / "rapport.docx").write_bytes(render_docx(report))
    (tmp_path / "plan.docx").write_bytes(plan_docx(report))
    assert LIBREOFFICE is not None
    done = subprocess.run([LIBREOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profiel'}",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "rapport.docx"),
                           str(tmp_path / "plan.docx")], capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    printed = subprocess.run(["pdftotext", "-layout", str(tmp_path / "rapport.pdf"), "-"], capture_output=True,
                             text=True, check=True).stdout
    first = report.results[0]
    assert "Samenvatting" in printed and "Scores per competentie" in printed
    assert re.search(rf"{re.escape(first.competency.name.split()[0])}.*{dutch(first.score)}", printed)
    assert "Blad1" not in printed  # the chart is drawn, not its data as text
    plan = subprocess.run(["pdftotext", str(tmp_path / "plan.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Wat ik ga doen" in plan and "Klaar op" in plan
