"""Immutable records of the domain: the bank, an answer sheet, a scored report.

The records are typing.NamedTuple rather than frozen dataclasses: just as immutable and
typed, but a dataclass costs about 1 ms of start-up to create (exec of its generated
methods), and these nine would add 8-10 ms to every command, a tenth of the whole
start-up (see bench/report_startup.py). Change a record with `._replace(...)`.
"""


from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, NamedTuple

Kind = Literal["core", "situational"]
Role = Literal["organisatie", "bestuur", "samenleving"]  # docs/formats.md section 7
ROLES: tuple[Role, ...] = ("organisatie", "bestuur", "samenleving")
ROLE_NAMES: Mapping[str, str] = {"organisatie": "Leider van de organisatie", "bestuur": "Adviseur van het bestuur",
                                 "samenleving": "Verbinder met de samenleving"}
Status = Literal["development", "attention", "on_target", "strength", "not_required", "insufficient_data", "not_asked"]
STATUSES: tuple[Status, ...] = ("development", "attention", "on_target", "strength", "not_required", "insufficient_data",
                               "not_asked")
ANSWERS_SCHEMA = "ontwikkelscan/answers@1"
REPORT_SCHEMA = "ontwikkelscan/report@1"

# One shared, read-only empty mapping for defaults (a NamedTuple default is shared by all).
_EMPTY: Mapping[str, str] = MappingProxyType({})


class Competency(NamedTuple):
    id: str
    name: str
    kind: Kind
    definition: str
    source: str = ""
    indicators: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()


class Question(NamedTuple):
    id: str
    competency: str
    text: str
    reverse: bool = False
    weight: float = 1.0
    role: Role | None = None  # docs/formats.md section 7; required in a bank that uses roles
    contexts: tuple[str, ...] = ()  # asked and scored only when one of these contexts is chosen
    observer: str | None = None  # the text for other raters (docs/formats.md section 6); None: not observable


class Scale(NamedTuple):
    min: int
    max: int
    labels: Mapping[int, str]
    not_applicable: str | None = None

    def label(self, value: int) -> str:
        return self.labels.get(value, str(value))


class MunicipalityType(NamedTuple):
    id: str
    name: str
    targets: Mapping[str, float]
    description: str = ""
    rationale: Mapping[str, str] = _EMPTY


class Context(NamedTuple):
    """A situation that colours the target profile (docs/formats.md section 7): it can only raise targets."""

    id: str
    name: str
    targets: Mapping[str, float]
    description: str = ""
    source: str = ""
    rationale: Mapping[str, str] = _EMPTY


class RaterGroup(NamedTuple):
    id: str
    name: str
    anonymous: bool = True


DEFAULT_FLOOR = 3  # the anonymity floor when the bank names none (rules.py holds the rest of the rules)
MIN_FLOOR = 2  # a bank may not set it lower


class CommentQuestion(NamedTuple):
    """An open question next to the statements (docs/formats.md section 6.3): `text` for the self, `observer` for others."""

    id: str
    text: str
    observer: str


class Raters(NamedTuple):
    """The rater groups of a bank (docs/formats.md section 6); `self` is never one of them."""

    groups: Mapping[str, RaterGroup]
    anonymity_floor: int = DEFAULT_FLOOR
    comments: tuple[CommentQuestion, ...] = ()  # docs/formats.md section 6.3, in bank order
    comment_floor: int = DEFAULT_FLOOR  # anonymous writers a pooled comment list needs; never below anonymity_floor


class Bank(NamedTuple):
    """A validated question bank. `items` maps a competency id to its questions, in bank order."""

    competencies: tuple[Competency, ...]
    questions: tuple[Question, ...]
    scale: Scale
    types: Mapping[str, MunicipalityType]
    version: str
    sha256: str
    location: str = ""
    contexts: Mapping[str, Context] = _EMPTY  # type: ignore[assignment]
    raters: Raters | None = None
    question_index: Mapping[str, Question] = _EMPTY  # type: ignore[assignment]
    items: Mapping[str, tuple[Question, ...]] = _EMPTY  # type: ignore[assignment]
    retired: frozenset[str] = frozenset()  # ids of statements earlier versions had (`retired:`)

    def competency(self, competency_id: str) -> Competency:
        return next(c for c in self.competencies if c.id == competency_id)


class AnswerSheet(NamedTuple):
    """One respondent's answers in one scan (docs/formats.md section 2). `answers` holds only the ids given."""

    source: str
    answers: Mapping[str, int | None]
    respondent: Mapping[str, str] = _EMPTY
    date: str | None = None
    municipality_type: str | None = None
    rater: str = "self"
    bank_version: str | None = None
    bank_sha256: str | None = None
    order_seed: int | None = None
    contexts: tuple[str, ...] | None = None  # None: the file names none (an option may)
    round: str | None = None  # the feedback round (docs/formats.md section 6)
    response_id: str | None = None  # a survey tool's id of the response (imports); in a round's file: its opaque id
    retired: tuple[str, ...] = ()  # answers to statements of an earlier bank version, skipped when read
    comments: Mapping[str, str] = _EMPTY  # comment question id -> text (docs/formats.md section 6.3); never an empty text
    placeholder_date: bool = False  # the file said NO_DATE, read as no date (imported before the import left it out)


# LimeSurvey's submitdate of every response in a survey without date stamps: no date, wherever it is read
NO_DATE = "1980-01-01"


class CompetencyResult(NamedTuple):
    competency: Competency
    score: float | None
    answered: int
    items: int
    target: float | None
    gap: float | None
    status: Status
    relative: float | None = None  # score minus the respondent's own mean (docs/formats.md section 3, rule 8)
    margin: float | None = None  # how far the score could lie off (docs/reports.md, "Marge"); None below 2 items
    borderline: bool | None = None  # a status threshold lies within gap ± margin; None without gap or margin


class Summary(NamedTuple):
    fit: float | None
    development: tuple[str, ...]
    strengths: tuple[str, ...]
    priorities: tuple[str, ...] = ()  # at most three development points, the clear ones before the borderline


class RoleResult(NamedTuple):
    """The score of one of the secretary's three roles (docs/formats.md section 7)."""

    id: Role
    name: str
    score: float | None
    answered: int
    items: int


class Report(NamedTuple):
    sheet: AnswerSheet
    municipality_type: MunicipalityType
    bank: Bank
    results: tuple[CompetencyResult, ...]
    summary: Summary
    contexts: tuple[Context, ...] = ()
    roles: tuple[RoleResult, ...] = ()
    notes: tuple[str, ...] = ()  # Dutch remarks on how to read the scores (the answer-pattern check)
    # The self scan of a feedback round (plan ROUND): per competency where the others are shown, their
    # score and the round's flag ("blind_spot", "hidden_strength" or None), to name beside her own.
    others: Mapping[str, tuple[float, str | None]] = _EMPTY  # type: ignore[assignment]


ROUND_SCHEMA = "ontwikkelscan/round@1"
FEEDBACK_SCHEMA = "ontwikkelscan/feedback@2"


class ReleasedFile(NamedTuple):
    """One answer file of a release (docs/formats.md section 6.2): its path below the round folder, as written."""

    path: str  # relative to the round folder, with `/`
    sha256: str
    rater: str


class Release(NamedTuple):
    """A release of a round (docs/formats.md section 6.2): the fixed set of answer files every report of it reads."""

    number: int
    date: str
    files: tuple[ReleasedFile, ...]


class Round(NamedTuple):
    """A feedback round (docs/formats.md section 6): ronde.yaml of one round folder."""

    id: str
    subject: Mapping[str, str]
    municipality_type: str
    source: str = ""
    contexts: tuple[str, ...] = ()
    bank_version: str | None = None
    bank_sha256: str | None = None
    releases: tuple[Release, ...] = ()  # docs/formats.md section 6.2, release 1 first
