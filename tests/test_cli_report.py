"""`report`, `competencies`, `profiles` through the real CLI: exit codes, streams, exact output."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan import __version__
from ontwikkelscan.cli import app, command_names
from ontwikkelscan.files.answers import read_answers
from ontwikkelscan.files.bank import load_bank

Write = Callable[[str, str], Path]
ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def answers(write: Write) -> Path:
    return write("jansen.yaml", """\
        schema: ontwikkelscan/answers@1
        respondent: {name: "A. Jansen", municipality: "Gemeente Proef"}
        date: 2026-11-28
        municipality_type: regie
        answers:
          a-1: 3
          a-2: 3
          a-3: 3
          a-4: 3
          b-1: 4
          b-2: 3
          b-3: 3
          g-1: 5
          g-2: 5
          g-3: null
        """)


def test_json_report_is_spec_section_4(bank_dir: Path, answers: Path) -> None:
    code, out, err = run("report", str(answers), "--bank", str(bank_dir), "--format", "json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    mean = (3.0 + 10 / 3 + 5.0) / 3  # docs/formats.md section 3 rule 8: the unweighted mean of the competency scores
    assert report == {
        "schema": "ontwikkelscan/report@1",
        "source": str(answers),
        "respondent": {"name": "A. Jansen", "municipality": "Gemeente Proef"},
        "date": "2026-11-28",
        "municipality_type": "regie",
        "contexts": [],
        "bank": {"version": "t1", "sha256": report["bank"]["sha256"]},
        "competencies": [
            {"id": "alpha", "name": "Alfa", "kind": "core", "score": 3.0, "margin": 0.0, "answered": 4, "items": 4,
             "target": 4.0, "gap": -1.0, "relative": 3.0 - mean, "status": "development", "borderline": False},
            # keyed 4, 3, 3: the sd over √3 is exactly 1/3, and 1/3 ± 1/3 spans the threshold 0,5
            {"id": "beta", "name": "Bèta", "kind": "core", "score": 10 / 3, "margin": pytest.approx(1 / 3),
             "answered": 3, "items": 3, "target": 3.0, "gap": 10 / 3 - 3, "relative": 10 / 3 - mean,
             "status": "on_target", "borderline": True},
            {"id": "gamma", "name": "Gamma", "kind": "situational", "score": 5.0, "margin": 0.0, "answered": 2,
             "items": 3, "target": 4.0, "gap": 1.0, "relative": 5.0 - mean, "status": "strength", "borderline": False},
        ],
        "roles": [],
        "summary": {"fit": 2 / 3, "development": ["alpha"], "strengths": ["gamma"], "priorities": ["alpha"]},
    }
    import hashlib

    raw = (bank_dir / "competencies.yaml").read_bytes() + (bank_dir / "questions.yaml").read_bytes()
    assert report["bank"]["sha256"] == hashlib.sha256(raw).hexdigest()


def test_every_report_has_a_date_null_without_one(bank_dir: Path, answers: Path, write: Write) -> None:
    """docs/formats.md section 4: `date` in every object of json and jsonl, null when the file has none."""
    undated = write("zonder-datum.yaml", "municipality_type: regie\nanswers: {a-1: 3}\n")
    code, out, err = run("report", str(answers), str(undated), "--bank", str(bank_dir), "--format", "jsonl")
    assert (code, err) == (0, "")
    assert [json.loads(line)["date"] for line in out.splitlines()] == ["2026-11-28", None]
    code, out, _ = run("report", str(answers), str(undated), "--bank", str(bank_dir), "--format", "json")
    assert [r["date"] for r in json.loads(out)] == ["2026-11-28", None]


def test_type_option_wins_over_the_file(bank_dir: Path, answers: Path) -> None:
    code, out, _ = run("report", str(answers), "--bank", str(bank_dir), "--format", "json", "--type", "beheer")
    report = json.loads(out)
    assert code == 0
    assert report["municipality_type"] == "beheer"
    assert [c["status"] for c in report["competencies"]] == ["on_target", "development", "not_required"]


def test_plain_table_when_piped(bank_dir: Path, answers: Path) -> None:
    """Plain text wraps at 80 columns; the kind of competency is a heading; a legend under the table."""
    code, out, err = run("report", str(answers), "--bank", str(bank_dir))
    assert (code, err) == (0, "")
    sha = hashlib.sha256((bank_dir / "competencies.yaml").read_bytes() + (bank_dir / "questions.yaml").read_bytes())
    assert out == (
        "Ontwikkelscan · A. Jansen · Gemeente Proef\n"
        "Regiegemeente · scan van 28 november 2026\n"
        "\n"
        "Samenvatting\n"
        "  2 van de 3 competenties met een doel zitten op of boven het doel (67%).\n"
        "  Naast uw eigen gemiddelde (3,8) bent u het sterkst in Gamma (+1,2); het minst\n"
        "  sterk in Alfa (-0,8) en Bèta (-0,4).\n"
        "  Om mee te beginnen: Alfa (-1,0).\n"
        "\n"
        "Competentie      Score  Doel  Verschil  ┃ = doel    Status\n"
        "───────────  ─────────  ────  ────────  ──────────  ─────────────\n"
        "Kerncompetenties\n"
        "Alfa         3,0 ± 0,0   4,0      -1,0  █████░░░┃░  ontwikkelpunt\n"
        "Bèta         3,3 ± 0,3   3,0      +0,3  █████┃▒░░░  op niveau\n"
        "                                                    (grensgeval)\n"
        "Situatiegebonden competenties\n"
        "Gamma        5,0 ± 0,0   4,0      +1,0  ████████┃█  sterk punt\n"
        "█ score, ▒ marge, ┃ doel (de balk loopt van de laagste tot de hoogste score);\n"
        "ontwikkelpunt: 0,5 of meer onder het doel; aandachtspunt: minder dan 0,5 onder;\n"
        "op niveau: tot 0,5 boven; sterk punt: 0,5 of meer boven; niet vereist: geen\n"
        "doel voor dit type; grensgeval: de score ± marge overlapt een grens tussen twee\n"
        "statussen.\n"
        "\n"
        "Relatief beeld (uw eigen sterke en zwakke kanten)\n"
        "  Uw eigen gemiddelde: 3,8, over alle competenties met een score\n"
        "  Relatief het sterkst: Gamma (+1,2)\n"
        "  Relatief het minst sterk: Alfa (-0,8); Bèta (-0,4)\n"
        "\n"
        "Wat nu\n"
        "  Uw prioriteiten, met de stellingen die de score het meest omlaag trokken en\n"
        "  tips om mee te beginnen. Alle punten staan in het HTML-rapport (--format\n"
        "  html).\n"
        "\n"
        "  Alfa: score 3,0 ± 0,0, doel 4,0, verschil -1,0\n"
        "    • Tip A1\n"
        "    • Tip A2\n"
        "\n"
        "Hoe dit rapport is berekend\n"
        "  Vragenbank: versie t1\n"
        "  Vingerafdruk van de vragenbank (sha256):\n"
        f"    {sha.hexdigest()}\n"
        "  Antwoordbestand: jansen.yaml\n"
    )


def test_bad_file_goes_to_stderr_and_the_batch_goes_on(bank_dir: Path, answers: Path, write: Write) -> None:
    bad = write("kapot.yaml", "answers:\n  a-1: 9\n")
    code, out, err = run("report", str(bad), str(answers), "--bank", str(bank_dir), "--format", "jsonl")
    assert code == 1
    assert [json.loads(line)["source"] for line in out.splitlines()] == [str(answers)]
    assert err == (f"{bad}:2:8: answers.a-1: antwoord 9 valt buiten de schaal; "
                   "toegestaan: een geheel getal van 1 tot en met 5, of null (overgeslagen)\n")


def test_missing_type_is_exit_2(bank_dir: Path, write: Write) -> None:
    path = write("zonder.yaml", "answers: {a-1: 3}\n")
    code, out, err = run("report", str(path), "--bank", str(bank_dir))
    assert (code, out) == (2, "")
    assert err == f"fout: {path}: geen type gemeente in het bestand; geef --type (regie | beheer)\n"


def test_unknown_type_option_is_exit_2(bank_dir: Path, answers: Path) -> None:
    code, out, err = run("report", str(answers), "--bank", str(bank_dir), "--type", "stad")
    assert (code, out) == (2, "")
    assert "onbekend type `stad`; kies uit: regie, beheer" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report"], "fout: argument INVOER... ontbreekt\nHulp: ontwikkelscan report --help\n"),
        (["report", "x.yaml", "--fail-fst"],
         "fout: onbekende optie --fail-fst (bedoelt u --fail-fast?)\nHulp: ontwikkelscan report --help\n"),
        (["report", "x.yaml", "--format", "xlsx"],
         "fout: ongeldige waarde voor --format: `xlsx` is geen keuze; kies uit: table, json, jsonl, csv, md, html, "
         "pdf, docx\n"
         "Hulp: ontwikkelscan report --help\n"),
        (["report", "x.yaml", "--type"], "fout: optie --type heeft een waarde nodig\nHulp: ontwikkelscan report --help\n"),
        (["rport"], "fout: onbekende opdracht `rport` (bedoelt u `report`?)\nHulp: ontwikkelscan --help\n"),
    ],
)
def test_usage_errors_are_dutch_and_exit_2(args: list[str], message: str) -> None:
    assert run(*args) == (2, "", message)


def test_unreadable_file_and_broken_bank_are_exit_1(bank_dir: Path, answers: Path, tmp_path: Path) -> None:
    code, out, err = run("report", str(tmp_path / "weg.yaml"), "--bank", str(bank_dir))
    assert (code, out, err) == (1, "", f"{tmp_path / 'weg.yaml'}: bestand niet gevonden\n")
    code, out, err = run("report", str(answers), "--bank", str(tmp_path))
    assert (code, out) == (1, "")
    assert err == f"{tmp_path / 'competencies.yaml'}: bestand niet gevonden\n{tmp_path / 'questions.yaml'}: bestand niet gevonden\n"


def test_output_file_is_owner_only(bank_dir: Path, answers: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "rapport.json"
    code, out, err = run("report", str(answers), "--bank", str(bank_dir), "-f", "json", "-o", str(target))
    assert (code, out, err) == (0, "", f"Geschreven: {target}\n")
    assert json.loads(target.read_text())["municipality_type"] == "regie"
    assert os.stat(target).st_mode & 0o777 == 0o600


def test_bank_from_environment(bank_dir: Path, answers: Path) -> None:
    result = runner.invoke(app, ["report", str(answers), "-f", "json"], env={"ONTWIKKELSCAN_BANK": str(bank_dir)})
    assert result.exit_code == 0
    assert json.loads(result.stdout)["bank"]["version"] == "t1"


def test_bank_version_mismatch_warns(bank_dir: Path, write: Write) -> None:
    path = write("oud.yaml", "municipality_type: regie\nbank: {version: \"t0\"}\nanswers: {a-1: 3}\n")
    code, _, err = run("report", str(path), "--bank", str(bank_dir), "-f", "json")
    assert code == 0
    assert err == f"waarschuwing: {path} is gemaakt met vragenbank t0; u scoort met t1\n"


def test_a_bug_prints_one_line_without_traceback(bank_dir: Path, answers: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise KeyError("geheim-antwoord")

    monkeypatch.setattr("ontwikkelscan.analysis.scoring.score", broken)
    code, out, err = run("report", str(answers), "--bank", str(bank_dir))
    assert (code, out) == (70, "")
    assert err.startswith("Interne fout (KeyError in test_cli_report.py:")
    assert "geheim-antwoord" not in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_a_bug_writes_a_private_log_without_answers_and_names_it(bank_dir: Path, answers: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import platform
    import stat
    import sys

    def broken(*args: object) -> None:
        raise KeyError("geheim-antwoord")

    state = tmp_path / "state"
    monkeypatch.setenv("ONTWIKKELSCAN_STATE_DIR", str(state))
    monkeypatch.setattr("ontwikkelscan.analysis.scoring.score", broken)
    monkeypatch.setattr(sys, "argv", ["ontwikkelscan", "report", "mijn scan.yaml", "--bank", "bank"])
    code, _, err = run("report", str(answers), "--bank", str(bank_dir))
    [log] = state.iterdir()
    assert code == 70
    assert err.endswith(f"; stuur het verslag {log} mee (het bevat geen antwoorden).\n") and err.count("\n") == 1
    assert (stat.S_IMODE(state.stat().st_mode), stat.S_IMODE(log.stat().st_mode)) == (0o700, 0o600)
    text = log.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "ontwikkelscan: interne fout (exitcode 70)"
    assert lines[2:8] == [
        f"versie: {__version__}", f"python: {platform.python_implementation()} {sys.version.split()[0]}",
        f"platform: {platform.platform()}", "opdracht: ontwikkelscan report 'mijn scan.yaml' --bank bank",
        "fout: builtins.KeyError (de melding zelf is weggelaten: die kan antwoorden bevatten)",
        "traceback (laatste aanroep onderaan):"]
    assert "ontwikkelscan/cli/boundary.py:" in text and lines[-1] == '    raise KeyError("geheim-antwoord")'
    assert "geheim-antwoord" not in "\n".join(lines[:-1]) and answers.read_text(encoding="utf-8") not in text
    assert str(tmp_path) not in text  # no folders of this machine, only the package's own paths


def test_without_a_state_folder_a_bug_still_prints_its_one_line(bank_dir: Path, answers: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONTWIKKELSCAN_STATE_DIR", "")
    monkeypatch.setattr("ontwikkelscan.analysis.scoring.score", lambda *a: 1 / 0)
    code, _, err = run("report", str(answers), "--bank", str(bank_dir))
    assert (code, err.count("\n"), "verslag" in err) == (70, 1, False)


def test_version_and_help() -> None:
    assert run("--version") == (0, f"ontwikkelscan {__version__}\n", "")
    code, out, _ = run("report", "--help")
    assert code == 0
    assert "Voorbeelden:" in out and "ontwikkelscan report examples/jansen.yaml --type regie" in out


def test_competencies_and_profiles(bank_dir: Path) -> None:
    code, out, err = run("competencies", "--bank", str(bank_dir))
    assert (code, err) == (0, "")
    assert "Kerncompetenties" in out and "Tweede kerncompetentie." in out and "Situatiegebonden" in out
    code, out, err = run("profiles", "--bank", str(bank_dir))
    assert (code, err) == (0, "")
    rows = [line.rstrip() for line in out.splitlines() if line.startswith("Gamma")]
    assert rows == ["Gamma                                4,0              –"]  # piped: 80 columns, no lines
    assert "Situatiegebonden competenties" in out


def test_examples_score_with_the_shipped_bank() -> None:
    files = sorted(str(p) for p in (ROOT / "examples").glob("*.yaml"))
    code, out, err = run("report", *files, "--format", "jsonl")
    assert (code, err) == (0, "")
    reports = [json.loads(line) for line in out.splitlines()]
    assert len(reports) == len(files) >= 3
    assert {r["municipality_type"] for r in reports} == {"regie", "ontwikkel", "beheer"}


def test_a_run_loads_only_the_module_of_its_command() -> None:
    import subprocess
    import sys

    code = ("import sys; from ontwikkelscan.cli import app_for; app_for(['report', 'x.yaml']); "
            "print(sorted(m for m in sys.modules if m.startswith('ontwikkelscan.cli.commands.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['ontwikkelscan.cli.commands.report']"
    code = ("from ontwikkelscan.cli import app_for; a = app_for(['--help']); "
            "print(sorted([c.name for c in a.registered_commands] + [g.name for g in a.registered_groups]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == str(command_names())


def test_the_commands_are_the_modules_in_cli_commands() -> None:
    folder = Path(__file__).resolve().parents[1] / "ontwikkelscan" / "cli" / "commands"
    modules = sorted(p.stem for p in folder.glob("*.py") if p.stem != "__init__")
    assert command_names() == sorted(m.replace("_", "-") for m in modules)
    assert "import-csv" in command_names() and len(modules) >= 12


def test_a_refused_folder_is_an_error_not_a_bug(bank_dir: Path, answers: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "bestand"
    blocked.write_text("")
    code, out, err = run("report", str(answers), "--bank", str(bank_dir), "-o", str(blocked / "r.txt"))
    assert (code, out) == (1, "")
    assert "Interne fout" not in err and str(blocked) in err


def test_output_may_not_overwrite_an_input(bank_dir: Path, answers: Path) -> None:
    before = answers.read_text()
    code, out, err = run("report", str(answers), "--bank", str(bank_dir), "-o", str(answers))
    assert (code, out) == (2, "")
    assert err == f"fout: --output {answers} is ook invoer; kies een ander bestand voor het rapport\n"
    assert answers.read_text() == before


def test_an_unreadable_file_does_not_stop_the_batch(bank_dir: Path, answers: Path, write: Write,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    secret = write("geheim.yaml", "answers: {a-1: 3}\n")
    real_read = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "geheim.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, out, err = run("report", str(secret), str(answers), "--bank", str(bank_dir), "-f", "jsonl")
    assert code == 1
    assert [json.loads(line)["source"] for line in out.splitlines()] == [str(answers)]
    assert err == f"{secret}: geen leesrechten voor dit bestand\n"


@pytest.mark.parametrize("command", command_names())
def test_every_command_has_dutch_help_with_an_example(command: str) -> None:
    code, out, err = run(command, "--help")
    assert (code, err) == (0, "")
    assert f"Gebruik: ontwikkelscan {command} [OPTIES]" in out
    assert "Voorbeeld" in out and "Toon deze hulp en stop." in out and "Opties" in out
    for english in ("Usage:", "Options", "Arguments", "Show this message", "[required]", "[default:"):
        assert english not in out


@pytest.mark.parametrize("command", ["cohort", "items", "compare"])
def test_other_commands_may_not_overwrite_an_input_either(command: str, bank_dir: Path, answers: Path) -> None:
    before = answers.read_text()
    args = [command, str(answers), *([str(answers)] if command == "compare" else []), "--bank", str(bank_dir)]
    code, out, err = run(*args, "-o", str(answers))
    assert (code, out) == (2, "")
    assert err == f"fout: --output {answers} is ook invoer; kies een ander bestand voor het rapport\n"
    assert answers.read_text() == before


def test_a_rater_the_bank_does_not_know_is_refused(bank_dir: Path, write: Write) -> None:
    manager = write("manager.yaml", "municipality_type: regie\nrater: manager\nanswers: {a-1: 3}\n")
    code, out, err = run("report", str(manager), "--bank", str(bank_dir), "--format", "json")
    assert (code, out) == (1, "")
    assert err == (f"{manager}:2:8: rater: onbekende beoordelaar `manager`; kies uit: self "
                   "(deze vragenbank heeft geen beoordelaarsgroepen)\n")
    zelf = write("zelf.yaml", "municipality_type: regie\nrater: slef\nanswers: {a-1: 3}\n")
    code, out, err = run("report", str(zelf), "--bank", str(bank_dir), "--format", "json")
    assert (code, err) == (1, f"{zelf}:2:8: rater: onbekende beoordelaar `slef` (bedoelt u `self`?); kies uit: self "
                              "(deze vragenbank heeft geen beoordelaarsgroepen)\n")
    own = write("eigen.yaml", "municipality_type: regie\nrater: self\nanswers: {a-1: 3}\n")
    assert run("report", str(own), "--bank", str(bank_dir), "--format", "json")[0] == 0


def test_a_rater_group_of_the_bank_is_accepted_and_others_are_named(tmp_path: Path, write: Write) -> None:
    from .roundkit import write_rater_bank

    folder = write_rater_bank(tmp_path / "rbank")
    sheet = write("w.yaml", "municipality_type: regie\nrater: wethouders\nanswers: {a-1: 3}\n")
    assert read_answers(sheet, load_bank(folder)).rater == "wethouders"
    bad = write("m.yaml", "municipality_type: regie\nrater: manager\nanswers: {a-1: 3}\n")
    code, out, err = run("report", str(bad), "--bank", str(folder), "--format", "json")
    assert (code, err) == (1, f"{bad}:2:8: rater: onbekende beoordelaar `manager`; kies uit: self, burgemeester, "
                              "wethouders, directie, medewerkers, ondernemingsraad\n")
