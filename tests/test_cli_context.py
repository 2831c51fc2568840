"""--context on report, cohort, profiles and template (docs/formats.md section 7): the option wins over the file."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.files.answers import read_answers
from ontwikkelscan.files.bank import load_bank
from tests.conftest import BankMaker
from tests.contextkit import CONTEXT_COMPETENCIES, CONTEXT_QUESTIONS

runner = CliRunner()
Write = Callable[[str, str], Path]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def bank(make_bank: BankMaker) -> Path:
    return make_bank(competencies=CONTEXT_COMPETENCIES, questions=CONTEXT_QUESTIONS)


ANSWERS = """\
    municipality_type: beheer
    contexts: [fusie]
    answers: {a-1: 4, a-2: 2, a-3: 4, a-4: 4, b-1: 4, b-2: 4, b-3: 2, b-4: 2, g-1: 4, g-2: 4, g-3: 4, g-4: 4}
    """


def statuses(out: str) -> dict[str, tuple[float | None, float | None, int]]:
    return {c["id"]: (c["target"], c["score"], c["items"]) for c in json.loads(out)["competencies"]}


def test_the_file_contexts_apply_and_the_option_wins(bank: Path, write: Write) -> None:
    path = write("a.yaml", ANSWERS)
    code, out, err = run("report", str(path), "--bank", str(bank), "-f", "json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["contexts"] == ["fusie"]
    # beheer: alpha 3, beta 4; fusie raises beta to 4.5 and makes gamma required (3); b-4 and g-4 apply
    assert statuses(out) == {"alpha": (3.0, 4.0, 4), "beta": (4.5, 3.5, 4), "gamma": (3.0, 4.0, 4)}
    assert [r["id"] for r in report["roles"]] == ["organisatie", "bestuur", "samenleving"]
    code, out, _ = run("report", str(path), "--bank", str(bank), "-f", "json", "--context", "onrust")
    assert code == 0 and json.loads(out)["contexts"] == ["onrust"]
    # onrust: alpha max(3, 3.5); b-4 no longer applies, g-4 still does
    assert statuses(out) == {"alpha": (3.5, 4.0, 4), "beta": (4.0, 4.0, 3), "gamma": (None, 4.0, 4)}
    code, out, _ = run("report", str(path), "--bank", str(bank), "-f", "csv", "--context", "onrust",
                       "--context", "fusie", "--context", "onrust")
    assert code == 0 and out.splitlines()[1].split(",")[4] == "onrust fusie"


def test_an_unknown_context_option_is_exit_2_naming_the_allowed_ids(bank: Path, write: Write) -> None:
    path = write("a.yaml", ANSWERS)
    for command in (["report", str(path)], ["cohort", str(path)], ["profiles"], ["template"]):
        code, out, err = run(*command, "--bank", str(bank), "--context", "fuzie")
        assert (code, out) == (2, ""), command
        assert "onbekende context `fuzie` (bedoelt u `fusie`?); kies uit: fusie, onrust" in err


def test_a_bank_without_contexts_says_so(bank_dir: Path) -> None:
    code, _, err = run("profiles", "--bank", str(bank_dir), "--context", "fusie")
    assert code == 2
    assert "onbekende context `fusie`; kies uit: (deze vragenbank heeft geen contexten)" in err


def test_cohort_scores_with_the_option(bank: Path, write: Write) -> None:
    paths = [str(write(f"{n}.yaml", ANSWERS.replace("a-1: 4", f"a-1: {i + 1}"))) for i, n in enumerate("abc")]
    code, out, _ = run("cohort", *paths, "--bank", str(bank), "-f", "json", "--context", "onrust")
    assert code == 0
    rows = {c["id"]: c for c in json.loads(out)["competencies"]}
    assert rows["beta"]["mean"] == 4.0  # b-4 (answered 2) applies only with fusie


def test_profiles_shows_type_target_and_target_with_the_context(bank: Path) -> None:
    code, out, err = run("profiles", "--bank", str(bank), "--context", "fusie")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "Doelniveaus per type gemeente, met context: Ambtelijke fusie" in lines[0]
    cells = {parts[0]: parts[1:] for line in lines if len(parts := re.split(r"\s{2,}", line.strip())) == 3}
    assert cells == {"Competentie": ["Regiegemeente", "Beheergemeente"], "Alfa": ["4,0", "3,0"],
                     "Bèta": ["3,0 → 4,5", "4,0 → 4,5"], "Gamma": ["4,0", "– → 3,0"]}
    assert "Context Ambtelijke fusie (fusie): Eén organisatie voor meer gemeenten." in out
    assert "  Bèta 4,5: Meer besturen vragen meer afstemming." in out
    code, out, _ = run("profiles", "--bank", str(bank))
    assert "→" not in out and "Contexten (kies met --context bij scan, report, profiles, cohort en template):" in out
    assert "  onrust: Onrustige bestuurlijke periode" in out


def test_template_lists_the_context_questions_and_records_the_contexts(bank: Path, tmp_path: Path) -> None:
    code, out, _ = run("template", "--bank", str(bank), "--type", "beheer", "--context", "onrust")
    assert code == 0
    assert "contexts: [onrust]\n" in out
    body = out[out.index("answers:"):].splitlines()
    ids = [line.split(":")[0].strip() for line in body if line.startswith("  ") and not line.startswith("  #")]
    assert ids == ["a-1", "a-2", "a-3", "a-4", "b-1", "b-2", "b-3", "g-1", "g-2", "g-3", "g-4"]
    path = tmp_path / "t.yaml"
    path.write_text(out, encoding="utf-8")
    assert read_answers(path, load_bank(bank)).contexts == ("onrust",)
    code, out, _ = run("template", "--bank", str(bank))
    assert "contexts:" not in out and "b-4" not in out and "g-4" not in out
    assert "# contexten: fusie, onrust; kies ze met --context bij template, dan staan hun vragen erin" in out


def test_an_answer_to_a_question_of_another_bank_version_names_that_version(bank: Path, write: Write) -> None:
    path = write("oud.yaml", 'bank: {version: "2026.11"}\nmunicipality_type: regie\nanswers: {a-1: 3, bes-5: 4}\n')
    code, out, err = run("report", str(path), "--bank", str(bank))
    assert (code, out) == (1, "")
    assert err == (f"{path}:3:19: answers.bes-5: onbekende vraag-id `bes-5`; deze vragenbank (t1) kent die vraag "
                   "niet; het bestand is gemaakt met vragenbank 2026.11: gebruik die bank (--bank MAP)\n")
