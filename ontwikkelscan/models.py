"""Immutable records of the domain: the bank, an answer sheet, a scored report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

Kind = Literal["core", "situational"]
Status = Literal["development", "attention", "on_target", "strength", "not_required", "insufficient_data"]
STATUSES: tuple[Status, ...] = ("development", "attention", "on_target", "strength", "not_required", "insufficient_data")
ANSWERS_SCHEMA = "ontwikkelscan/answers@1"
REPORT_SCHEMA = "ontwikkelscan/report@1"



def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})



@dataclass(frozen=True, slots=True)
class Competency:
    id: str
    name: str
    kind: Kind
    definition: str
    source: str = ""
    indicators: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    competency: str
    text: str
    reverse: bool = False
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Scale:
    min: int
    max: int
    labels: Mapping[int, str]
    not_applicable: str | None = None

    def label(self, value: int) -> str:
        return self.labels.get(value, str(value))


@dataclass(frozen=True, slots=True)
class MunicipalityType:
    id: str
    name: str
    targets: Mapping[str, float]
    description: str = ""
    rationale: Mapping[str, str] = field(default_factory=_empty)


@dataclass(frozen=True, slots=True)
class Bank:
    """A validated question bank. `items` maps a competency id to its questions, in bank order."""

    competencies: tuple[Competency, ...]
    questions: tuple[Question, ...]
    scale: Scale
    types: Mapping[str, MunicipalityType]
    version: str
    sha256: str
    location: str = ""
    question_index: Mapping[str, Question] = field(default_factory=_empty, repr=False)
    items: Mapping[str, tuple[Question, ...]] = field(default_factory=_empty, repr=False)

    def competency(self, competency_id: str) -> Competency:
        return next(c for c in self.competencies if c.id == competency_id)


@dataclass(frozen=True, slots=True)
class AnswerSheet:
    """One respondent's answers in one scan (SPEC section 2). `answers` holds only the ids given."""

    source: str
    answers: Mapping[str, int | None]
    respondent: Mapping[str, str] = field(default_factory=_empty)
    date: str | None = None
    municipality_type: str | None = None
    rater: str = "self"
    bank_version: str | None = None
    bank_sha256: str | None = None
    order_seed: int | None = None


@dataclass(frozen=True, slots=True)
class CompetencyResult:
    competency: Competency
    score: float | None
    answered: int
    items: int
    target: float | None
    gap: float | None
    status: Status


@dataclass(frozen=True, slots=True)
class Summary:
    fit: float | None
    development: tuple[str, ...]
    strengths: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Report:
    sheet: AnswerSheet
    municipality_type: MunicipalityType
    bank: Bank
    results: tuple[CompetencyResult, ...]
    summary: Summary
