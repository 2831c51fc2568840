"""What the human formats of a feedback round share: the rater-status line, the tables, the summary.

A hidden number (docs/formats.md section 6) is shown as `-`; a number that does not exist (too few
answers) as `–`, as in the other reports.
"""

from __future__ import annotations

from ...analysis.feedback import FeedbackReport, FeedbackRow, GroupScore
from ...rules import SIGNAL_TABLE
from ..common.view import STATUS_LABELS, level, nl

HIDDEN = "-"
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
    lines = [f"Beantwoord: {', '.join(parts)}."]
    if report.too_small:
        names = ", ".join(group_name(report, g) for g in report.too_small)
        lines.append(f"Te klein om apart te tonen (minder dan {floor}): {names}; hun antwoorden tellen mee "
                     f"bij '{RESIDUE}' en 'anderen' zodra dat kan zonder iemand herkenbaar te maken.")
    lines.append(f"Anonimiteit: geen getal komt van minder dan {floor} beoordelaars uit anonieme groepen; "
                 f"{HIDDEN} = niet getoond om die reden.")
    return lines


def _score(value: GroupScore | None) -> str:
    if value is None:
        return HIDDEN
    return f"{nl(value.score)} ({value.n})"


def main_table(report: FeedbackReport) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    headers: tuple[str, ...] = ("Competentie", "Doel", "Zelf", "Anderen (n)", "SD", "Zelf − anderen", "Anderen t.o.v. doel",
               "Signaal")
    rows: list[tuple[str, ...]] = []
    for row in report.rows:
        others = row.others
        signals = [FLAG_LABELS[row.flag]] if row.flag else []
        if row.agreement == "low":
            signals.append(SIGNAL_TABLE["low"].label)
        rows.append((
            row.competency.name,
            level(row.target) if row.target is not None else "–",
            nl(row.self.score) if row.self else "–",
            _score(others and GroupScore(others.score, others.n)),
            nl(others.sd, 2) if others else HIDDEN,
            nl(row.self_minus_others, signed=True) if row.self_minus_others is not None else
            (HIDDEN if others is None else "–"),
            STATUS_LABELS[others.status] if others else HIDDEN,
            ", ".join(signals),
        ))
    return headers, rows


def group_table(report: FeedbackReport) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Per group its mean (n); the residue column only in a round where something is pooled or hidden."""
    groups = list(report.rows[0].groups) if report.rows else []
    pooled = any(row.residue or None in row.groups.values() for row in report.rows)
    headers = ("Competentie", *(group_name(report, g) for g in groups), *([RESIDUE] if pooled else []))
    rows = []
    for row in report.rows:
        residue = _score(row.residue) if row.residue or None in row.groups.values() else "–"
        rows.append((row.competency.name, *(_score(row.groups[g]) for g in groups), *([residue] if pooled else [])))
    return headers, rows


def summary_lines(report: FeedbackReport) -> list[str]:
    by_id = {row.competency.id: row for row in report.rows}
    summary = report.summary

    def listed(ids: tuple[str, ...], show: str) -> str:
        if not ids:
            return "geen"
        return "; ".join(f"{by_id[i].competency.name} ({_number(by_id[i], show)})" for i in ids)

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
        return f"anderen {nl(row.others.score if row.others else None)}, doel {level(row.target or 0)}, " \
               f"verschil {nl(gap, signed=True)}"
    return f"zelf − anderen {nl(row.self_minus_others, signed=True)}"


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
