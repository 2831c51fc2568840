"""`report --format md|html|pdf` through the CLI: where each document goes, under which name, and the errors."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.cli.documents import file_name, is_folder

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100", **(env or {})})
    return result.exit_code, result.stdout, result.stderr


def test_html_for_a_folder_of_scans_is_one_private_file_each(tmp_path: Path) -> None:
    out = tmp_path / "rapporten"
    code, stdout, stderr = run("report", str(EXAMPLES), "--format", "html", "-o", str(out))
    assert (code, stdout, stderr) == (0, "", f"Geschreven: 3 bestanden in {out}\n")
    assert sorted(p.name for p in out.iterdir()) == ["bakker.html", "de-vries.html", "jansen.html"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    assert "A. Jansen" in (out / "jansen.html").read_text(encoding="utf-8")
    # A second run writes the same names again (stable), not jansen-2.html.
    assert run("report", str(EXAMPLES), "--format", "html", "-o", str(out))[0] == 0
    assert len(list(out.iterdir())) == 3


def test_one_scan_goes_to_stdout_or_to_the_named_file(tmp_path: Path) -> None:
    code, stdout, stderr = run("report", str(EXAMPLES / "jansen.yaml"), "--format", "html")
    assert (code, stderr) == (0, "") and stdout.startswith("<!DOCTYPE html>") and stdout.endswith("</html>\n")
    target = tmp_path / "jansen-rapport.html"
    code, stdout, stderr = run("report", str(EXAMPLES / "jansen.yaml"), "--format", "html", "-o", str(target))
    assert (code, stdout, stderr) == (0, "", f"Geschreven: {target}\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_several_scans_need_a_folder(tmp_path: Path) -> None:
    code, stdout, stderr = run("report", str(EXAMPLES), "--format", "html")
    assert (code, stdout) == (2, "")
    assert stderr == ("fout: meer dan één scan, en een HTML-rapport is één document per scan; geef --output een "
                      "map, bijvoorbeeld --output rapporten/\n")
    target = tmp_path / "alles.html"
    code, _, stderr = run("report", str(EXAMPLES), "--format", "html", "-o", str(target))
    assert code == 2 and f"geef --output een map in plaats van het bestand {target}" in stderr
    assert not target.exists()


def test_pdf_without_a_browser_says_how_to_print_the_html(tmp_path: Path) -> None:
    code, stdout, stderr = run("report", str(EXAMPLES / "jansen.yaml"), "--format", "pdf", "-o",
                               str(tmp_path / "j.pdf"), env={"ONTWIKKELSCAN_BROWSER": str(tmp_path / "geen")})
    assert (code, stdout) == (1, "")
    assert stderr.startswith("fout: geen Chromium, Chrome of Edge gevonden om een PDF te maken. Maak het rapport "
                             "als HTML (--format html -o rapport.html), open het in een browser en kies Afdrukken")
    assert not (tmp_path / "j.pdf").exists()


def test_markdown_of_several_scans_is_one_document() -> None:
    code, stdout, stderr = run("report", str(EXAMPLES), "--format", "md")
    assert (code, stderr) == (0, "")
    assert [line for line in stdout.splitlines() if line.startswith("# ")] == [
        "# Ontwikkelscan · P. Bakker", "# Ontwikkelscan · M. de Vries", "# Ontwikkelscan · A. Jansen"]
    assert stdout.count("\n---\n") == 2


@pytest.mark.parametrize(("source", "expected"), [
    ("scans/jansen.yaml", "jansen.html"),
    ("C:\\scans\\Jansen 2026.YML", "Jansen-2026.html"),
    ("enquete.csv:3", "enquete-3.html"),
    ('"><img src=x onerror=alert(1)>.yaml', "img-src-x-onerror-alert-1.html"),
    ("..", "scan.html"),
])
def test_file_names_are_safe_and_stable(source: str, expected: str) -> None:
    assert file_name(source, "html", set()) == expected


def test_twin_names_get_a_number() -> None:
    taken: set[str] = set()
    assert [file_name(s, "pdf", taken) for s in ("a/jansen.yaml", "b/jansen.yaml", "b/JANSEN.yml")] == [
        "jansen.pdf", "jansen-2.pdf", "JANSEN-3.pdf"]


def test_a_name_without_extension_is_a_folder(tmp_path: Path) -> None:
    assert [is_folder(p) for p in (None, Path("-"), Path("rapporten"), Path("r.html"), tmp_path)] == [
        False, False, True, False, True]


def test_word_documents_need_an_output_and_are_private_files(tmp_path: Path) -> None:
    from docx import Document

    code, out, err = run("report", str(EXAMPLES / "jansen.yaml"), "--format", "docx")
    assert (code, out) == (2, "")
    assert err == "fout: een Word-document (docx) is een bestand: geef --output rapport.docx (of een map bij meer scans)\n"
    code, _, err = run("report", str(EXAMPLES), "--format", "docx", "-o", str(tmp_path / "word"))
    assert (code, err) == (0, f"Geschreven: 3 bestanden in {tmp_path / 'word'}\n")
    assert sorted(p.name for p in (tmp_path / "word").iterdir()) == ["bakker.docx", "de-vries.docx", "jansen.docx"]
    for path in (tmp_path / "word").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert Document(str(path)).paragraphs[0].text.startswith("Ontwikkelscan · ")
    plan = tmp_path / "plan.docx"
    code, _, err = run("plan", str(EXAMPLES / "jansen.yaml"), "--format", "docx", "-o", str(plan))
    assert (code, err) == (0, f"Geschreven: {plan}\n")
    assert Document(str(plan)).paragraphs[0].text == "Persoonlijk ontwikkelplan (concept) · A. Jansen"
    code, _, err = run("plan", str(EXAMPLES / "jansen.yaml"), "--format", "docx")
    assert code == 2 and "geef --output mijn-plan.docx" in err
