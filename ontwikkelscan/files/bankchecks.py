"""The bank's checks per competency: its number of questions, reverse items, observer texts, and
whether anything is asked without a context (docs/formats.md sections 1 and 7)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from ..errors import Problem
from ..models import Competency, Question
from .yamlio import Doc

MIN_ITEMS_ADVISED = 3
MAX_REVERSE_SHARE = 0.5


def competency_checks(cdoc: Doc, competencies: Sequence[Competency], items: Mapping[str, tuple[Question, ...]],
                      observers: bool, out: list[Problem], refs: list[Problem], unwritten: Collection[str] = ()) -> None:
    """Append the errors and warnings about each competency's questions (refs: those that name ids);
    `unwritten`: competencies with a statement that lacks `observer:` (an error of its own already)."""
    for i, c in enumerate(competencies):
        n = len(items[c.id])
        if n == 0:
            refs.append(cdoc.problem(("competencies", i, "id"), f"competentie `{c.id}` heeft geen vragen; "
                                    f"voeg vragen toe in questions.yaml met `competency: {c.id}`"))
        elif n < MIN_ITEMS_ADVISED:
            refs.append(cdoc.problem(("competencies", i, "id"), f"competentie `{c.id}` heeft maar {n} vraag/vragen; "
                                    f"minstens {MIN_ITEMS_ADVISED} geven een betrouwbaardere score", severity="warning"))
        reversed_here = sum(q.reverse for q in items[c.id])
        if n and reversed_here / n > MAX_REVERSE_SHARE:
            out.append(cdoc.problem(("competencies", i, "id"), f"competentie `{c.id}`: {reversed_here} van {n} vragen "
                                    f"({reversed_here / n:.0%}) omgekeerd gescoord; houd dat tussen 0% en "
                                    f"{MAX_REVERSE_SHARE:.0%}: schrijf er een positief of voeg een gewone vraag toe",
                                    severity="warning"))
        if observers and n and c.id not in unwritten and not any(q.observer for q in items[c.id]):
            out.append(cdoc.problem(("competencies", i, "id"), f"competentie `{c.id}` heeft geen vraag met een "
                                    "`observer:`-tekst; anderen kunnen haar in een feedbackronde niet beoordelen",
                                    severity="warning"))
        if n and all(q.contexts for q in items[c.id]):  # without those contexts: "niet gevraagd"
            contexts = sorted({x for q in items[c.id] for x in q.contexts})
            out.append(cdoc.problem(("competencies", i, "id"), f"elke vraag van competentie `{c.id}` hoort bij een "
                                    f"context ({', '.join(contexts)}); wie die context niet kiest, krijgt voor "
                                    f"`{c.id}` \"niet gevraagd\" (geen score); geef een vraag zonder `contexts:` als "
                                    "de competentie altijd gemeten moet worden", severity="warning"))
