"""template: a blank answer file that is valid, and scores at once when filled in."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

from typer.testing import CliRunner

from ontwikkelscan.files.answers import read_answers
from ontwikkelscan.cli import app
from ontwikkelscan.models import Bank


def test_template_lists_every_question_with_comments(bank_dir: Path, bank: Bank) -> None:
    result = CliRunner().invoke(app, ["template", "--type", "regie", "--bank", str(bank_dir)])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert re.findall(r"^  ([a-z]-\d): null$", out, re.M) == [q.id for q in bank.questions]
    assert ("  # Ik doe A2.\n"
            "  #   (1 = nooit, 2 = soms, 3 = regelmatig, 4 = vaak, 5 = altijd, null = weet ik niet / n.v.t.)\n"
            "  a-2: null\n") in out
    assert "\nmunicipality_type: regie\n" in out
    assert f"  sha256: {bank.sha256}\n" in out


def test_blank_template_is_valid_and_has_no_score(tmp_path: Path, bank_dir: Path, bank: Bank) -> None:
    path = tmp_path / "leeg.yaml"
    result = CliRunner().invoke(app, ["template", "-o", str(path), "--bank", str(bank_dir)])
    assert result.exit_code == 0
    assert result.stderr == f"Geschreven: {path}\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    sheet = read_answers(path, bank)
    assert dict(sheet.answers) == {q.id: None for q in bank.questions}
    assert sheet.municipality_type is None
    assert "# municipality_type: regie | beheer   (of geef --type bij report)" in path.read_text()


def test_a_filled_copy_scores_at_once(tmp_path: Path, bank_dir: Path) -> None:
    path = tmp_path / "jansen.yaml"
    CliRunner().invoke(app, ["template", "--type", "beheer", "-o", str(path), "--bank", str(bank_dir)])
    text = path.read_text()
    text = re.sub(r"^(  [ab]-\d): null$", r"\1: 4", text, flags=re.M)  # gamma left blank
    text = text.replace('# respondent: {name: "...", municipality: "..."}', 'respondent: {name: "J. Jansen"}')
    path.write_text(text)
    result = CliRunner().invoke(app, ["report", str(path), "-f", "json", "--bank", str(bank_dir)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    # alpha: 4, reverse a-2 -> 2, weight 2 on a-3: (4 + 2 + 8 + 4) / 5 = 3.6, gap +0.6; beta: (4 + 4 + 2) / 3, gap -2/3
    scores = [c["score"] for c in data["competencies"]]
    assert scores[0] == 3.6
    assert abs(scores[1] - 10 / 3) < 1e-12
    assert scores[2] is None
    assert (data["respondent"]["name"], data["municipality_type"]) == ("J. Jansen", "beheer")
    assert [c["status"] for c in data["competencies"]] == ["strength", "development", "insufficient_data"]


def test_template_never_overwrites(tmp_path: Path, bank_dir: Path) -> None:
    path = tmp_path / "ingevuld.yaml"
    path.write_text("answers: {a-1: 4}\n")
    result = CliRunner().invoke(app, ["template", "-o", str(path), "--bank", str(bank_dir)])
    assert result.exit_code == 1
    assert result.stderr == (f"fout: {path} bestaat al; kies een andere naam (een ingevuld bestand overschrijven "
                             "we niet)\n")
    assert path.read_text() == "answers: {a-1: 4}\n"


def test_unknown_type_is_exit_2(bank_dir: Path) -> None:
    result = CliRunner().invoke(app, ["template", "--type", "groot", "--bank", str(bank_dir)])
    assert result.exit_code == 2
    assert "onbekend type `groot`; kies uit: regie, beheer" in result.stderr
