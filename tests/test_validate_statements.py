"""A consultant adds a statement to a copy of the shipped bank: what `validate` says when `observer:` or
`text` is missing (docs/bank.md section 1), and that the JSON Schema for editors says the same."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from ontwikkelscan.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
OBSERVER_RULE = ("in een bank met `raters` heeft elke vraag er een: de tekst voor anderen, zonder onderwerp "
                 "(\"Geeft ...\"), of `observer: null` als anderen dit gedrag niet kunnen zien")


NEW = """\
  - id: cop-8
    competency: complexe-ontwikkelingsprocessen
    role: organisatie
    text: "Ik houd in een traject met veel partijen bij wie wat heeft toegezegd."
"""


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/ in tmp_path/bank, with the current folder there (so messages name bank/...)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ONTWIKKELSCAN_BANK", raising=False)
    shutil.copytree(ROOT / "data", tmp_path / "bank")
    return tmp_path / "bank"


def add_statements(bank: Path, block: str) -> int:
    """Put `block` at the end of the statements of bank/questions.yaml; the line where it starts."""
    path = bank / "questions.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("\nretired:") + 1
    path.write_text(text[:at] + block + text[at:], encoding="utf-8")
    return text[:at].count("\n") + 1


def validate() -> tuple[int, str, list[str]]:
    result = runner.invoke(app, ["validate", "--bank", "bank"], env={"NO_COLOR": "1", "COLUMNS": "80"})
    return result.exit_code, result.stdout, result.stderr.splitlines()


def test_a_new_statement_without_observer_is_one_error_naming_it(bank: Path) -> None:
    line = add_statements(bank, NEW)
    count = len(yaml.safe_load((bank / "questions.yaml").read_text(encoding="utf-8"))["questions"])
    assert validate() == (1, "", [
        f"bank/questions.yaml:{line}:5: questions[{count - 1}]: vraag `cop-8`: verplichte sleutel `observer` "
        f"ontbreekt; {OBSERVER_RULE}",
        "1 fout in de vragenbank in bank; de bank is niet bruikbaar.",
    ])


def test_observer_null_is_allowed(bank: Path) -> None:
    add_statements(bank, NEW + "    observer: null\n")
    code, out, err = validate()
    assert (code, err) == (0, [])
    assert out.startswith("Vragenbank in orde: bank (versie ")


def test_a_new_competency_without_observers_is_an_error_per_statement_and_no_warning(bank: Path) -> None:
    """The competency's "no statement for observers" warning would only repeat the errors."""
    (bank / "competencies.yaml").write_text((bank / "competencies.yaml").read_text(encoding="utf-8").replace(
        "competencies:\n", "competencies:\n  - id: nieuw\n    name: \"Nieuw\"\n    kind: situational\n"
                           "    definition: \"Een nieuwe competentie.\"\n", 1), encoding="utf-8")
    line = add_statements(bank, "".join(f"""\
  - id: nie-{n}
    competency: nieuw
    role: organisatie
    text: "Ik doe nieuw ding {n}."
""" for n in (1, 2, 3)))
    code, out, err = validate()
    assert (code, out) == (1, "")
    assert [e.split(": questions[")[0] + ": " + e.split("]: ", 1)[1] for e in err[:-1]] == [
        f"bank/questions.yaml:{line + 4 * n}:5: vraag `nie-{n + 1}`: verplichte sleutel `observer` ontbreekt; "
        f"{OBSERVER_RULE}" for n in range(3)]
    assert err[-1] == "3 fouten in de vragenbank in bank; de bank is niet bruikbaar."


def test_a_statement_without_text_names_its_id_at_its_line(bank: Path) -> None:
    line = add_statements(bank, """\
  - id: cop-8
    competency: complexe-ontwikkelingsprocessen
    role: organisatie
    observer: "Houdt bij wie wat heeft toegezegd."
""")
    code, _, err = validate()
    assert code == 1
    assert err[0].endswith(": vraag `cop-8`: verplichte sleutel `text` ontbreekt; de vraag in de ik-vorm: "
                           "één waarneembaar gedrag")
    assert err[0].startswith(f"bank/questions.yaml:{line}:5: questions[")
    assert err[1:] == ["1 fout in de vragenbank in bank; de bank is niet bruikbaar."]


def test_report_refuses_the_bank_with_the_same_error(bank: Path) -> None:
    """Not only `validate`: every command that loads the bank says it (exit 1, docs/formats.md section 5)."""
    add_statements(bank, "  - {id: cop-8, competency: complexe-ontwikkelingsprocessen, role: organisatie, "
                         "text: \"Ik houd bij wie wat heeft toegezegd.\"}\n")
    result = runner.invoke(app, ["bank", "--bank", "bank"], env={"NO_COLOR": "1"})
    assert result.exit_code == 1
    assert "vraag `cop-8`: verplichte sleutel `observer` ontbreekt; " in result.stderr


def _schema_errors(document: object) -> list[tuple[object, ...]]:
    schema = json.loads((ROOT / "schemas" / "questions.schema.json").read_text(encoding="utf-8"))
    errors = jsonschema.Draft202012Validator(schema).iter_errors(document)
    return sorted((tuple(e.absolute_path), e.validator, e.message) for e in errors)


def test_the_editor_schema_asks_for_observer_where_the_bank_has_raters() -> None:
    """With `raters`, a statement without `observer` fails the schema an editor uses (if/then, draft-07 and
    later); the same statement in a bank without `raters` passes."""
    statement = {"id": "a-1", "competency": "alpha", "text": "Ik doe A1."}
    bank = {"version": "t1", "scale": {"min": 1, "max": 5, "labels": {str(n): "x" for n in range(1, 6)}},
            "questions": [statement, {**statement, "id": "a-2", "observer": None}]}
    assert _schema_errors(bank) == []
    with_raters = {**bank, "raters": {"groups": {"wethouders": {"name": "Wethouders"}}}}
    assert _schema_errors(with_raters) == [(("questions", 0), "required", "'observer' is a required property")]
    schema = json.loads((ROOT / "schemas" / "questions.schema.json").read_text(encoding="utf-8"))
    described = schema["properties"]["questions"]["items"]["properties"]["observer"]["description"]
    assert described.endswith("Verplicht zodra deze bank `raters` heeft.")


def test_an_empty_text_names_the_statement_at_its_line(bank: Path) -> None:
    line = add_statements(bank, NEW.replace('    text: "Ik houd in een traject met veel partijen bij wie wat heeft '
                                            'toegezegd."\n', "    text:\n") + "    observer: null\n")
    code, _, err = validate()
    assert code == 1
    assert err[0].startswith(f"bank/questions.yaml:{line + 3}:10: questions[")
    assert err[0].endswith("].text: vraag `cop-8`: hier staat niets; vul een waarde in (tekst)")
