"""A small bank with roles and contexts (docs/formats.md section 7), shared by the tests of loading, scoring and reports."""

from __future__ import annotations

from ontwikkelscan.models import Bank
from tests.conftest import COMPETENCIES, QUESTIONS, bank_outside_a_test

CONTEXTS = """\
contexts:
  fusie:
    name: "Ambtelijke fusie"
    description: "Eén organisatie voor meer gemeenten."
    source: "Seed 002, passage over de samenwerkingsorganisatie."
    targets: {beta: 4.5, gamma: 3}
    rationale:
      beta: "Meer besturen vragen meer afstemming."
      gamma: "Ook hier nodig."
  onrust:
    name: "Onrustige bestuurlijke periode"
    description: "Wisselingen in het college."
    source: "Seed 003."
    targets: {alpha: 3.5}
    rationale: {alpha: "Lager dan het type: een context verlaagt nooit."}
"""

ROLES = {"a-1": "organisatie", "a-2": "bestuur", "a-3": "bestuur", "a-4": "samenleving", "b-1": "organisatie",
         "b-2": "organisatie", "b-3": "samenleving", "g-1": "bestuur", "g-2": "samenleving", "g-3": "organisatie"}

# Competencies of the fixture bank plus the two contexts (beheer does not require gamma).
CONTEXT_COMPETENCIES = COMPETENCIES + CONTEXTS


def with_roles(questions: str = QUESTIONS, extra: str = "") -> str:
    """The fixture bank's questions, each with its role from ROLES; `extra` lines are appended."""
    lines = []
    for line in questions.splitlines():
        if line.startswith("  - {id: "):
            qid = line.split("id: ")[1].split(",")[0]
            line = line[:-1] + f", role: {ROLES[qid]}}}"
        lines.append(line)
    return "\n".join(lines) + "\n" + extra


# Two context-only questions: b-4 (fusie) and g-4 (fusie or onrust).
CONTEXT_QUESTIONS = with_roles(extra=(
    '  - {id: b-4, competency: beta, text: "Ik doe B4 voor meer colleges.", role: bestuur, contexts: [fusie]}\n'
    '  - {id: g-4, competency: gamma, text: "Ik doe G4 in onrust.", role: bestuur, contexts: [fusie, onrust]}\n'
))


def context_bank() -> Bank:
    """The context bank outside a test function: hypothesis tests cannot use function-scoped fixtures."""
    return bank_outside_a_test(CONTEXT_COMPETENCIES, CONTEXT_QUESTIONS)
