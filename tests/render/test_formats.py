"""The registry of output formats (render/formats.py): one line per format, used by every command."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.render import formats
from tests.conftest import BankMaker
from tests.test_cli_consult import ROWS, write_csv

KINDS = ["report", "cohort", "compare", "items", "competencies", "profiles", "bank", "feedback", "status"]


def test_every_kind_has_a_table_and_every_target_is_a_function() -> None:
    # forms: no report, no table; plan: a document to edit, Markdown first
    assert sorted({f.kind for f in formats.FORMATS}) == sorted([*KINDS, "forms", "plan"])
    for f in formats.FORMATS:
        module, function = f.target.split(":")
        assert callable(getattr(importlib.import_module(f"ontwikkelscan.render.{module}"), function)), f
    assert all("table" in formats.formats(kind) for kind in KINDS)


def test_help_and_choices_come_from_the_registry() -> None:
    assert list(formats.formats("cohort")) == ["table", "json", "csv", "md", "html"]
    assert formats.help_text("compare") == ("table: tabel in het Nederlands; json: voor verdere verwerking; csv: één "
                                            "rij per respondent en competentie; md: Markdown om te delen; html: HTML "
                                            "met spinnenweb van toen, nu en het doel.")
    assert [k for k in KINDS if any(f.csv for f in formats.formats(k).values())] == ["report", "cohort", "compare",
                                                                                   "items", "feedback"]
    with pytest.raises(KeyError):
        formats.formats("onbekend")


def test_a_registered_format_is_rendered_by_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    line = formats.Format("bank", "upper", "bankinfo:render_bank", "hoofdletters")
    monkeypatch.setattr(formats, "FORMATS", (*formats.FORMATS, line))
    assert list(formats.formats("bank")) == ["table", "upper"]
    assert formats.help_text("bank") == "table: overzicht als tekst; upper: hoofdletters."


def test_the_registry_imports_no_renderer() -> None:
    code = ("import sys, ontwikkelscan.render.formats; "
            "print(sorted(m for m in sys.modules if m.startswith(('ontwikkelscan.render.', 'rich', 'json', 'csv'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['ontwikkelscan.render.formats']"


# the command that shows each report kind
COMMAND = {"report": ["report"], "cohort": ["cohort"], "compare": ["compare"], "items": ["items"],
           "competencies": ["competencies"], "profiles": ["profiles"], "bank": ["bank"],
           "feedback": ["feedback", "report"], "forms": ["feedback", "forms"], "status": ["feedback", "status"]}


@pytest.mark.parametrize("kind", sorted({f.kind for f in formats.FORMATS}))
def test_every_command_offers_its_registered_formats_and_the_dialect_with_csv(kind: str) -> None:
    result = CliRunner().invoke(app, [*COMMAND.get(kind, [kind]), "--help"], env={"NO_COLOR": "1", "COLUMNS": "250"})
    assert result.exit_code == 0
    assert f"<{'|'.join(formats.formats(kind))}>" in result.stdout
    offers_csv = any(f.csv for f in formats.formats(kind).values())
    assert ("--csv-dialect" in result.stdout) == offers_csv


def test_items_csv_in_the_excel_nl_dialect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_bank: BankMaker) -> None:
    monkeypatch.chdir(tmp_path)
    make_bank()
    result = CliRunner().invoke(app, ["items", str(write_csv("s.csv", ROWS)), "--bank", "bank", "-f", "csv",
                                      "--csv-dialect", "excel-nl"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == ("\ufeffcompetentie;alfa competentie;volledig beantwoord;zwakke competentie;vraag;omgekeerd;"
                        "beantwoord;gemiddelde;standaardafwijking;aandeel n.v.t.;item-totaalcorrelatie;"
                        "alfa zonder vraag;zwakke vraag;"  # then the columns of issue 21
                        "alfa ondergrens;alfa bovengrens;competentie onstabiel;contexten;gevraagd;volledig;"
                        "alfa met vraag;waarschijnlijk omgekeerd;signaal;vraag onstabiel;in alfa")
    assert lines[1].split(";")[4:8] == ["a-1", "nee", "4", "3,00"]
    beta = next(line for line in lines if line.split(";")[4] == "b-1").split(";")
    assert beta[7] == "3,25"  # decimal comma
