"""The JSON Schemas: committed copies match the model, and an independent validator accepts the shipped files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from ontwikkelscan.files.bankschemas import schema_files
from ontwikkelscan.files.schemas import ALL

ROOT = Path(__file__).resolve().parent.parent
MODELINE = "# yaml-language-server: $schema=../schemas/{}.schema.json"


def jsonable(value: Any) -> Any:
    """What a YAML 1.2 editor sees: object keys are text; YAML 1.1 dates back to their text."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def load(path: Path) -> Any:
    return jsonable(yaml.safe_load(path.read_text(encoding="utf-8")))


def validator(kind: str) -> jsonschema.protocols.Validator:
    schema = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_committed_schemas_are_the_generated_ones() -> None:
    files = schema_files()
    assert sorted(files) == ["answers.schema.json", "competencies.schema.json", "questions.schema.json",
                             "round.schema.json"]
    for name, text in files.items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, \
            f"schemas/{name} is verouderd: draai `ontwikkelscan schema --output schemas`"
    assert set(ALL) == {"competencies", "questions", "answers", "round"}


@pytest.mark.parametrize("kind", ["competencies", "questions"])
def test_shipped_bank_files_pass_and_carry_the_modeline(kind: str) -> None:
    path = ROOT / "data" / f"{kind}.yaml"
    assert path.read_text(encoding="utf-8").splitlines()[0] == MODELINE.format(kind)
    assert (path.parent / f"../schemas/{kind}.schema.json").resolve().is_file()
    errors = list(validator(kind).iter_errors(load(path)))
    assert errors == []


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.name)
def test_examples_pass(path: Path) -> None:
    assert list(validator("answers").iter_errors(load(path))) == []


@pytest.mark.parametrize(
    ("kind", "text", "where"),
    [
        ("questions", 'version: "1"\nscale: {min: 1, max: 5, labels: {1: a}}\nquestions:\n'
                      "  - {id: q-1, competency: x, text: t, reverse: ja}\n", ["questions", 0, "reverse"]),
        ("questions", 'version: 1.10\nscale: {min: 1, max: 5, labels: {1: a}}\nquestions: [{id: q-1, competency: x, '
                      "text: t}]\n", ["version"]),
        ("questions", 'version: "1"\nscale: {min: 1, max: 5, labels: {1: a}}\nquestions:\n'
                      "  - {id: q-1, competency: x, text: t, weigth: 2}\n", ["questions", 0]),
        ("competencies", "competencies:\n  - {id: a, name: A, kind: kern, definition: d}\n"
                         "municipality_types: {regie: {name: R, targets: {a: 4}}}\n", ["competencies", 0, "kind"]),
        ("competencies", "competencies:\n  - {id: Bestuur, name: A, kind: core, definition: d}\n"
                         "municipality_types: {regie: {name: R, targets: {a: 4}}}\n", ["competencies", 0, "id"]),
        ("answers", "answers: {a-1: vier}\n", ["answers", "a-1"]),
        ("answers", "date: 2026-13-45x\nanswers: {}\n", ["date"]),
    ],
)
def test_a_broken_file_fails_the_independent_validator(kind: str, text: str, where: list[Any]) -> None:
    errors = list(validator(kind).iter_errors(jsonable(yaml.safe_load(text))))
    assert [list(e.absolute_path) for e in errors] == [where]


def test_schema_descriptions_are_dutch_for_every_question_key() -> None:
    item = ALL["questions"]["properties"]["questions"]["items"]["properties"]
    assert all(prop.get("description") for prop in item.values())
    assert item["reverse"]["description"].startswith("`true` als een hoog antwoord")


def test_a_bank_specific_schema_knows_ids_types_and_scale(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ontwikkelscan.cli import app

    result = CliRunner().invoke(app, ["schema", "--bank", str(ROOT / "data"), "--output", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    schema = json.loads((tmp_path / "answers.schema.json").read_text(encoding="utf-8"))
    check = jsonschema.Draft202012Validator(schema)
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        assert list(check.iter_errors(load(example))) == []
    wrong = {"municipality_type": "stad", "answers": {"bps-1": 6, "xyz-1": 3, "bps-2": None}}
    assert sorted(tuple(e.absolute_path) for e in check.iter_errors(wrong)) == [
        ("answers",), ("answers", "bps-1"), ("municipality_type",)]
    questions = json.loads((tmp_path / "questions.schema.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(questions).iter_errors(load(ROOT / "data" / "questions.yaml"))) == []
    competencies = json.loads((tmp_path / "competencies.schema.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(competencies).iter_errors(
        load(ROOT / "data" / "competencies.yaml"))) == []
