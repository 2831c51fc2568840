"""The Dutch words of the excel-nl CSV dialect, in one place: column headers and code words (issue 21 item 5).

Scripts read the standard dialect, with English column names and codes; people open excel-nl in Excel,
so there every header and every code (status, kind, direction, signal) is a Dutch word (yes/no: csvout).
A header is translated by `HEADERS`; a header of the form `<prefix>_<suffix>` that is not in it (the
wide report's `samenwerken_score`, a feedback group's `burgemeester_n`, compare's `score_old`) is the
prefix (translated where `HEADERS` knows it) and the suffix's word from `SUFFIXES`, joined by a space.
Anything else (a competency or group id, a statement id) stays as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from ...rules import SIGNALS, STATUS_TABLE

HEADERS: dict[str, str] = {
    # report (long and wide)
    "source": "bron", "respondent": "respondent", "municipality": "gemeente", "municipality_type": "type gemeente",
    "contexts": "contexten", "date": "datum", "bank_version": "versie vragenbank", "competency": "competentie",
    "name": "naam", "kind": "soort", "score": "score", "answered": "beantwoord", "items": "vragen",
    "target": "doel", "gap": "verschil", "relative": "relatief", "status": "status", "fit": "aandeel op doel",
    # cohort (and its seven status counts)
    "n": "aantal", "mean": "gemiddelde", "sd": "standaardafwijking", "min": "laagste", "max": "hoogste",
    "with_target": "met doel", "below_target": "onder doel",
    **{code: band.label for code, band in STATUS_TABLE.items()},
    # compare
    "change": "verandering", "direction": "richting",
    # feedback round
    "round": "ronde", "self": "zelf", "others": "anderen",
    "self_minus_others": "zelf min anderen", "flag": "signaal", "agreement": "eensgezindheid",
    "residue": "overige beoordelaars",
    # item analysis
    "competency_alpha": "alfa competentie", "competency_complete": "volledig beantwoord",
    "weak_competency": "zwakke competentie", "item": "vraag", "reverse": "omgekeerd", "na_rate": "aandeel n.v.t.",
    "item_total": "item-totaalcorrelatie", "alpha_if_deleted": "alfa zonder vraag", "weak_item": "zwakke vraag",
    "competency_alpha_low": "alfa ondergrens", "competency_alpha_high": "alfa bovengrens",
    "competency_unstable": "competentie onstabiel", "asked": "gevraagd", "complete": "volledig",
    "alpha_with": "alfa met vraag", "keying": "waarschijnlijk omgekeerd", "signal": "signaal",
    "unstable_item": "vraag onstabiel", "in_alpha": "in alfa",
}

SUFFIXES: dict[str, str] = {
    "old": "toen", "new": "nu", "score": "score", "relative": "relatief", "status": "status", "n": "aantal",
    "sd": "standaardafwijking", "gap": "verschil",
}

DIRECTIONS: dict[str, str] = {"up": "omhoog", "down": "omlaag", "same": "gelijk"}
ITEM_SIGNALS: dict[str, str] = {"keying": "omgekeerd?", "weak": "zwak"}  # the item analysis (docs/bank.md section 4)


def dutch_header(name: str) -> str:
    """'gap' -> 'verschil'; 'score_old' -> 'score toen'; 'samenwerken_status' -> 'samenwerken status'."""
    if name in HEADERS:
        return HEADERS[name]
    prefix, _, suffix = name.rpartition("_")
    if prefix and suffix in SUFFIXES:
        return f"{HEADERS.get(prefix, prefix)} {SUFFIXES[suffix]}"
    return name


@cache
def code_words() -> Mapping[str, str]:
    """Every code a CSV cell can hold, as the Dutch word of the human reports: statuses, kinds, directions,
    feedback signals. The codes do not overlap, so one table serves every column that holds a code.
    Made once (a batch writes a CSV block per report) and read-only."""
    from types import MappingProxyType

    from .view import KIND_LABELS, STATUS_LABELS

    return MappingProxyType({**STATUS_LABELS, **KIND_LABELS, **DIRECTIONS, **ITEM_SIGNALS,
                             **{signal.code: signal.label for signal in SIGNALS}})
