"""What the human formats of a feedback round share: the rater-status line, the tables, the summary.

A hidden number (docs/formats.md section 6) is shown as `-`; a score that does not exist (too few answers)
as `n.b.`; a competency without a target for the type, or a residue where nobody is pooled, as
`n.v.t.`: three things that look
different, and `legend()` says which is which. A number is shown with one decimal, or one more
where rounding would carry it across a line its flag or status is drawn at (`agreeing`).
"""

from __future__ import annotations

from collections.abc import Callable

from ...analysis.feedback import FeedbackReport, FeedbackRow, GroupScore
from ...rules import BLIND_SPOT, LOW_AGREEMENT, SIGNAL_TABLE, dutch, flag_for, low_agreement, status_for
from ..common.view import STATUS_LABELS, level, nl

HIDDEN = "-"
MISSING = "n.b."  # no score: fewer than half of the statements answered
NO_TARGET = "n.v.t."  # not applicable: the type does not require the competency; nobody is pooled
UNDETERMINED = "niet te bepalen: te weinig beoordelaars"
RESIDUE = "overige beoordelaars"
FLAG_LABELS = {code: SIGNAL_TABLE[code].label for code in ("blind_spot", "hidden_strength")}
ROLE_LABELS = {"organisatie": "organisatie", "bestuur": "bestuur", "samenleving": "samenleving"}
STATEMENTS_SHOWN = 2  # per competency, the statements with the largest difference
STATEMENT_DIFFERENCE = 0.5  # from here a statement's difference is worth a line


def group_name(report: FeedbackReport, group: str) -> str:
    raters = report.bank.raters
    return raters.groups[group].name if raters and group in raters.groups else group


def title(report: FeedbackReport) -> str:
    subject = report.round.subject
    who = subject.get("name", "")
    where = f", {subject['municipality']}" if subject.get("municipality") else ""
    return f"Feedbackronde {report.round.id}: {who}{where} ({report.municipality_type.name})"


def status_line(report: FeedbackReport) -> list[str]:
    """Who answered, before any number: per group, the small anonymous groups only as 'overige'."""
    floor = report.bank.raters.anonymity_floor if report.bank.raters else 3
    parts = [f"zelf {report.raters.get('self', 0)}"]
    parts += [f"{group_name(report, g)} {n}" for g, n in report.raters.items() if g not in ("self", "overige")]
    if "overige" in report.raters:
        parts.append(f"{RESIDUE} {report.raters['overige']}")
    lines = [*_only_named(report), f"Beantwoord: {', '.join(parts)}."]
    if report.too_small:
        names = ", ".join(group_name(report, g) for g in report.too_small)
        lines.append(f"Te klein om apart te tonen (minder dan {floor}): {names}; hun antwoorden tellen mee "
                     f"bij '{RESIDUE}' en 'anderen' zodra dat kan zonder iemand herkenbaar te maken.")
    lines.append(f"Anonimiteit: geen getal komt van minder dan {floor} beoordelaars uit anonieme groepen; "
                 f"{HIDDEN} = niet getoond om die reden.")
    if report.release is not None:
        lines.append(f"Release {report.release}: dit rapport rekent met de antwoorden die in release "
                     f"{report.release} zijn vrijgegeven.")
    return lines


def _only_named(report: FeedbackReport) -> list[str]:
    """A round whose others are all shown by name (or absent) says first what it can and cannot show."""
    raters = report.bank.raters
    if raters is None:
        return []
    others = {g: n for g, n in report.raters.items() if g != "self" and n}
    if any(g == "overige" or raters.groups[g].anonymous for g in others):
        return []
    if not others:
        return ["Er zijn (in deze release) nog geen antwoorden van anderen: dit rapport toont alleen de zelfscan; "
                "blinde vlekken en verborgen sterktes zijn niet te bepalen."]
    named = ", ".join(raters.groups[g].name for g in others)
    anonymous = ", ".join(g.name for g in raters.groups.values() if g.anonymous)
    return [f"Alleen beoordelaars die met naam getoond worden antwoordden ({named}). Dit rapport toont hun "
            f"scores met naam, en 'anderen' is hier precies hun oordeel; over de anonieme groepen ({anonymous}) "
            "zegt het niets."]


def legend(report: FeedbackReport) -> str:
    """Which mark means what, and why a number may carry two decimals."""
    return (f"{HIDDEN} = niet getoond om de anonimiteit te beschermen (te weinig beoordelaars); {MISSING} = geen "
            f"score (minder dan de helft van de uitspraken beantwoord); {NO_TARGET} = niet van toepassing (geen "
            "doel voor dit type gemeente, of niemand samengevoegd). Getallen staan met één decimaal; waar "
            f"afronden een getal over een grens zou tillen (het doel, ±{dutch(BLIND_SPOT)} voor een "
            f"{FLAG_LABELS['blind_spot']} of {FLAG_LABELS['hidden_strength']}, {dutch(LOW_AGREEMENT)} voor "
            f"{SIGNAL_TABLE['low'].label}), staat er een decimaal meer, zodat getal en signaal kloppen.")


def agreeing(value: float | None, category: Callable[[float], object], digits: int = 1, *,
             signed: bool = False) -> str:
    """`value` in Dutch with `digits` decimals, or more when the rounded number would fall in another
    `category` (a flag, a status) than the value itself: +0,46 rather than a '+0,5' without a blind spot."""
    if value is None:
        return MISSING
    text = nl(value, digits, signed=signed)
    for more in range(digits + 1, digits + 4):
        if category(float(text.replace(",", "."))) == category(value):
            break
        text = nl(value, more, signed=signed)
    return text


def _against(target: float | None) -> Callable[[float], object]:
    return (lambda v: None) if target is None else (lambda v: status_for(v - target))


def _score(value: GroupScore | None, target: float | None = None) -> str:
    if value is None:
        return HIDDEN
    if value.score is None:
        return MISSING
    return f"{agreeing(value.score, _against(target))} ({value.n})"


def main_table(report: FeedbackReport) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    headers: tuple[str, ...] = ("Competentie", "Doel", "Zelf", "Anderen (n)", "SD", "Zelf − anderen", "Anderen t.o.v. doel",
               "Signaal")
    rows: list[tuple[str, ...]] = []
    for row in report.rows:
        others = row.others
        signals = [FLAG_LABELS[row.flag]] if row.flag else []
        if row.agreement == "low":
            signals.append(SIGNAL_TABLE["low"].label)
        mine = row.self.score if row.self else None
        rows.append((
            row.competency.name,
            level(row.target) if row.target is not None else NO_TARGET,
            nl(mine) if mine is not None else MISSING,
            _score(others and GroupScore(others.score, others.n), row.target),
            (agreeing(others.sd, low_agreement, 2) if others.sd is not None else MISSING) if others else HIDDEN,
            agreeing(row.self_minus_others, flag_for, signed=True) if row.self_minus_others is not None else
            (HIDDEN if others is None else MISSING),
            STATUS_LABELS[others.status] if others else HIDDEN,
            ", ".join(signals) if others else HIDDEN,
        ))
    return headers, rows


def group_table(report: FeedbackReport) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Per group its mean (n); the residue column only in a round where something is pooled or hidden."""
    groups = list(report.rows[0].groups) if report.rows else []
    pooled = any(row.residue or None in row.groups.values() for row in report.rows)
    headers = ("Competentie", *(group_name(report, g) for g in groups), *([RESIDUE] if pooled else []))
    rows = []
    for row in report.rows:
        residue = _score(row.residue) if row.residue or None in row.groups.values() else NO_TARGET
        rows.append((row.competency.name, *(_score(row.groups[g]) for g in groups), *([residue] if pooled else [])))
    return headers, rows


def summary_lines(report: FeedbackReport) -> list[str]:
    by_id = {row.competency.id: row for row in report.rows}
    summary = report.summary

    def listed(ids: tuple[str, ...], show: str) -> str:
        # where the others are hidden nothing can be said: "geen" there would be a claim the round cannot make
        unknown = [r for r in report.rows if r.others is None and (show == "gap" or r.self is not None)]
        found = "; ".join(f"{by_id[i].competency.name} ({_number(by_id[i], show)})" for i in ids)
        if not unknown:
            return found or "geen"
        if len(unknown) == len(report.rows):
            return UNDETERMINED
        names = ", ".join(r.competency.name for r in unknown)
        return f"{found or 'geen bij de andere competenties'}; {UNDETERMINED} bij {names}"

    lines = [
        f"Blinde vlekken (u ziet meer dan de anderen): {listed(summary.blind_spots, 'difference')}",
        f"Verborgen sterktes (de anderen zien meer dan u): {listed(summary.hidden_strengths, 'difference')}",
        f"Ontwikkelpunten volgens de anderen: {listed(summary.development, 'gap')}",
    ]
    if summary.roles:
        roles = ", ".join(f"{ROLE_LABELS.get(r.id, r.id)} {nl(r.others) if r.others is not None else HIDDEN}"
                          f" (zelf {nl(r.self)})" for r in summary.roles)
        lines.append(f"Rollen zoals de anderen ze zien: {roles}")
    return lines


def _number(row: FeedbackRow, show: str) -> str:
    if show == "gap":
        gap = row.others.gap if row.others else None
        return f"anderen {agreeing(row.others.score if row.others else None, _against(row.target))}, doel " \
               f"{level(row.target or 0)}, verschil {agreeing(gap, status_for, signed=True)}"
    return f"zelf − anderen {agreeing(row.self_minus_others, flag_for, signed=True)}"


def statement_lines(report: FeedbackReport) -> list[tuple[str, list[str]]]:
    """Per competency the statements where self and others differ most (only those the floor allows), as
    answered on the scale."""
    result = []
    for row in report.rows:
        differing = sorted((s for s in row.statements if s.difference is not None
                            and abs(s.difference) >= STATEMENT_DIFFERENCE - 1e-9),
                           key=lambda s: -abs(s.difference or 0.0))[:STATEMENTS_SHOWN]
        if differing:
            result.append((row.competency.name, [
                f"“{s.question.text}” zelf {nl(s.self, 0)}, anderen {nl(s.others)} (n = {s.n})"
                for s in differing]))
    return result
