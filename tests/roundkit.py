"""A small bank with rater groups and observer texts, and answer sheets for feedback-round tests."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.models import AnswerSheet, Bank, Round

from .conftest import COMPETENCIES, QUESTIONS, bank_outside_a_test

GROUPS = """\
raters:
  anonymity_floor: {floor}
  groups:
    burgemeester: {{name: "Burgemeester", anonymous: false}}
    wethouders: {{name: "Wethouders"}}
    directie: {{name: "Directie en management"}}
    medewerkers: {{name: "Medewerkers"}}
    ondernemingsraad: {{name: "Ondernemingsraad"}}
  comments:
    - {{id: blijven, text: "Wat wilt u blijven doen?", observer: "Wat moet zij blijven doen?"}}
    - {{id: anders, text: "Wat wilt u anders doen?", observer: "Wat kan zij anders doen?"}}
"""


def with_observers(questions: str = QUESTIONS, raters: str = "") -> str:
    """The fixture bank's questions with an observer text on each (null on a-4), then `raters`."""
    lines = []
    for line in questions.splitlines():
        if line.startswith("  - {id: "):
            qid = line.split("id: ")[1].split(",")[0]
            observer = "null" if qid == "a-4" else f'"Doet {qid.upper()}."'
            line = line[:-1] + f", observer: {observer}}}"
        lines.append(line)
    return "\n".join(lines) + "\n" + raters


def rater_questions(floor: int = 3, questions: str = QUESTIONS) -> str:
    """The fixture bank's questions with observer texts and five rater groups."""
    return with_observers(questions, GROUPS.format(floor=floor))


def write_rater_bank(folder: Path, floor: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "competencies.yaml").write_text(COMPETENCIES, encoding="utf-8")
    (folder / "questions.yaml").write_text(rater_questions(floor), encoding="utf-8")
    return folder


def rater_bank(floor: int = 3) -> Bank:
    return bank_outside_a_test(COMPETENCIES, rater_questions(floor))


ROUND = Round("2027-voorjaar-jansen", MappingProxyType({"name": "A. Jansen", "municipality": "Voorbeeldrecht"}),
              "regie")


def sheet(rater: str, answers: dict[str, int | None], source: str = "") -> AnswerSheet:
    return AnswerSheet(source or f"{rater}.yaml", MappingProxyType(answers), rater=rater, round=ROUND.id)


def uniform(rater: str, value: int, *, skip: tuple[str, ...] = (), source: str = "") -> AnswerSheet:
    """A sheet that answers every statement with `value` (reverse a-2 and b-3 keyed back to `value`)."""
    ids = ("a-1", "a-2", "a-3", "a-4", "b-1", "b-2", "b-3", "g-1", "g-2", "g-3")
    answers: dict[str, int | None] = {q: (6 - value if q in ("a-2", "b-3") else value) for q in ids if q not in skip}
    return sheet(rater, answers, source)


def invoke(*args: str) -> tuple[int, str, str]:
    """A command as in a terminal of 120 columns without colour: (exit code, stdout, stderr)."""
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "120"})
    return result.exit_code, result.stdout, result.stderr
