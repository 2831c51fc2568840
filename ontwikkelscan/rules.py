"""The rules a user reads, in one table: the status bands of a gap (docs/formats.md section 3), the
signals of a feedback round and their thresholds (section 6), and the anonymity floor and its wording.

Scoring (`analysis/scoring.py`, `analysis/feedback.py`) decides with these numbers; the legends of the
terminal, plain text, HTML and Markdown reports are written from these words; the README's tables and
docs/ are compared with them by tests (tests/test_rules.py). Change a rule here and nowhere else.

Only the standard library and the types of models.py: every layer may import it.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from .models import DEFAULT_FLOOR as DEFAULT_FLOOR  # the anonymity floor: models.Raters needs it first
from .models import MIN_FLOOR as MIN_FLOOR
from .models import STATUSES, Status

TOLERANCE = 1e-9  # every comparison with an edge below allows this much (a gap of 0.5 - 1e-12 is 0.5)

DEVELOPMENT_EDGE = -0.5  # a gap at or below it: development
TARGET_EDGE = 0.0  # a gap at or above it: on target (or better)
STRENGTH_EDGE = 0.5  # a gap at or above it: strength

BLIND_SPOT = 0.5  # self minus others at or above it: a blind spot; at or below its negative: a hidden strength
LOW_AGREEMENT = 1.0  # the others' standard deviation at or above it: low agreement



def dutch(value: float, minus: str = "−") -> str:
    """A threshold the Dutch way: 0,5 and −0,5 (a true minus sign; "-" for plain ASCII text), 0 and 1,0."""
    text = f"{abs(value):g}" if value != int(value) or value == 0 else f"{abs(value):.1f}"
    return (minus if value < 0 else "") + text.replace(".", ",")


class Band(NamedTuple):
    status: Status
    label: str  # the Dutch name in every human report
    rule: str  # what it means, in the README, the HTML and the Markdown legend
    short: str  # the terminal and plain-text legend ("" = not in it)
    upper: float | None = None  # the band holds the gaps below this edge (None: no gap, or no upper edge)
    closed: bool = False  # ... and the edge itself


_D, _S = dutch(DEVELOPMENT_EDGE), dutch(STRENGTH_EDGE)
BANDS: tuple[Band, ...] = (  # in order of the gap: the first whose edge the gap is under is its status
    Band("development", "ontwikkelpunt", f"verschil ≤ {_D}", f"{dutch(-DEVELOPMENT_EDGE)} of meer onder het doel",
         DEVELOPMENT_EDGE, closed=True),
    Band("attention", "aandachtspunt", f"{_D} < verschil < {dutch(TARGET_EDGE)}",
         f"minder dan {dutch(-DEVELOPMENT_EDGE)} onder", TARGET_EDGE),
    Band("on_target", "op niveau", f"{dutch(TARGET_EDGE)} ≤ verschil < {_S}", f"tot {_S} boven", STRENGTH_EDGE),
    Band("strength", "sterk punt", f"verschil ≥ {_S}", f"{_S} of meer boven"),
)
NO_GAP: tuple[Band, ...] = (  # statuses without a gap
    Band("not_required", "niet vereist", "het type gemeente stelt geen doel voor deze competentie",
         "geen doel voor dit type"),
    Band("insufficient_data", "te weinig antwoorden",
         "minder dan de helft (naar boven afgerond) van de vragen beantwoord", ""),
    Band("not_asked", "niet gevraagd", "alle vragen van de competentie horen bij een context die niet gekozen is", ""),
)
STATUS_TABLE: dict[Status, Band] = {band.status: band for band in (*BANDS, *NO_GAP)}
assert tuple(STATUS_TABLE) == STATUSES, "every status has one line, in the order of models.STATUSES"


def status_for(gap: float) -> Status:
    """The status band of a gap, with the tolerance at each edge."""
    for band in BANDS:
        if band.upper is None or (gap <= band.upper + TOLERANCE if band.closed else gap < band.upper - TOLERANCE):
            return band.status
    raise AssertionError("the last band has no upper edge")  # pragma: no cover


# The status edges between the bands, lowest first: a status is borderline when one of them lies
# strictly inside gap ± margin (analysis/scoring.is_borderline, docs/reports.md "Marge en grensgeval").
EDGES: tuple[float, ...] = tuple(band.upper for band in BANDS if band.upper is not None)


class Borderline(NamedTuple):
    label: str  # the word next to the status in every human report
    rule: str  # what it means, in the HTML, Markdown and Word legends
    short: str  # the terminal and plain-text legend


BORDERLINE = Borderline("grensgeval", "een grens tussen twee statussen ligt binnen verschil ± marge: de scan kan "
                        "niet zeggen aan welke kant", "de score ± marge overlapt een grens tussen twee statussen")


class Signal(NamedTuple):
    code: str  # as in JSON: flag or agreement
    label: str  # the Dutch name in every human report
    rule: str  # what it means, in the README and the legends


SIGNALS: tuple[Signal, ...] = (
    Signal("blind_spot", "blinde vlek", f"zelf − anderen ≥ {dutch(BLIND_SPOT)}: u ziet meer dan de anderen"),
    Signal("hidden_strength", "verborgen sterkte",
           f"zelf − anderen ≤ {dutch(-BLIND_SPOT)}: de anderen zien meer dan u"),
    Signal("low", "weinig eensgezind", f"standaardafwijking van de anderen ≥ {dutch(LOW_AGREEMENT)}"),
)
SIGNAL_TABLE: dict[str, Signal] = {signal.code: signal for signal in SIGNALS}


Flag = Literal["blind_spot", "hidden_strength"]


def flag_for(self_minus_others: float) -> Flag | None:
    """blind_spot, hidden_strength or None, with the tolerance at each edge."""
    if self_minus_others >= BLIND_SPOT - TOLERANCE:
        return "blind_spot"
    if self_minus_others <= -BLIND_SPOT + TOLERANCE:
        return "hidden_strength"
    return None


def low_agreement(sd: float) -> bool:
    return sd >= LOW_AGREEMENT - TOLERANCE


def anonymity_promise(floor: int) -> str:
    """What an anonymous rater is promised, before the first statement and in every form."""
    return (f"Uw antwoorden zijn anoniem: ze worden alleen getoond samen met die van minstens {floor} "
            "beoordelaars uit anonieme groepen, nooit los en nooit met uw naam.")
