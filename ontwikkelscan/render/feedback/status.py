"""`feedback status` (table, json) and what `feedback release` made: counts only, never a score.

Every number here is a count of raters, files or competencies (docs/formats.md section 6.2): the
tests read the output back and find no number that could be a score.
"""

from __future__ import annotations

import json
from typing import Any

from ...analysis.released import Candidate
from ...analysis.roundstatus import GroupStatus, RoundStatus
from ...files.commandline import command
from ...models import Release
from ..common.termtable import PLAIN_WIDTH, fill
from ..common.view import plain_table
from ..formats import PLAIN, Options

STATUS_SCHEMA = "ontwikkelscan/round-status@1"
SHOWN_WORDS = {"shown": "getoond", "pooled": "samengevoegd bij de overige beoordelaars", "hidden": "verborgen"}


def shown_words(group: GroupStatus) -> str:
    """What a release now would do with the group: one state, or how many competencies each."""
    if group.id == "self":
        return "getoond" if group.raters else "nog geen zelfscan"
    if not group.anonymous:
        return "getoond, met naam"
    states = {k: v for k, v in group.competencies.items() if v}
    if not states:
        return "geen scores"
    if len(states) == 1:
        return SHOWN_WORDS[next(iter(states))]
    total = sum(states.values())
    return ", ".join(f"{SHOWN_WORDS[k]} bij {v} van {total} competenties" for k, v in states.items())


def _state(status: RoundStatus) -> str:
    if not status.releases:
        return "open, nog geen release"
    last = status.releases[-1]
    since = f"; {len(status.since)} bestand(en) sindsdien" if status.since else "; sindsdien niets nieuws"
    return f"release {last.number} van {last.date}{since}"


def render_status_table(status: RoundStatus, options: Options = PLAIN) -> str:
    width = options.width if options.terminal else PLAIN_WIDTH
    subject = status.round.subject.get("name", "")
    out = [*fill(f"Stand van ronde {status.round.id} ({subject}): {_state(status)}", width),
           f"Anonimiteitsgrens: {status.floor} beoordelaars per getal uit anonieme groepen.", ""]
    rows: list[tuple[str, ...]] = [(g.name, str(g.raters), str(g.empty), str(g.doubles), shown_words(g),
             f"nog {g.needs}" if g.needs else "") for g in status.groups]
    headers = ("Groep", "Beoordelaars", "Leeg", "Dubbel", "Bij een release nu", "Apart tonen")
    out += _wrapped(headers, rows, width)
    hidden = status.others.get("hidden", 0)
    total = hidden + status.others.get("shown", 0)
    out += ["", *fill("Alle anderen samen: " + ("getoond bij elke competentie" if not hidden else
                      f"verborgen bij {hidden} van {total} competenties (te weinig anonieme beoordelaars)"), width)]
    if status.failing:
        out += ["", "Bestanden die niet laden (tellen niet mee; een release kan pas als ze verbeterd of met "
                "--without weggelaten zijn):"]
        out += [line for path, why in status.failing for line in fill(f"{path}: {why}", width, "  ", "    ")]
    if status.not_read:
        out += ["", "Niet gelezen (geen antwoordbestand .yaml of .yml):",
                *(line for path in status.not_read for line in fill(path, width, "  ", "    "))]
    if status.skipped:
        out += ["", *(line for text in status.skipped for line in fill(text, width))]
    out += [""]
    if status.allowed:
        out += fill(f"Een release nu kan: {command('feedback', 'release', _folder(status))}", width)
    elif status.needs:
        wanted = "; ".join(f"{_name(status, g)}: nog {n}" for g, n in status.needs.items())
        out += fill(f"Een release nu wordt geweigerd: aftrekken van een eerdere release zou iets van minder dan "
                    f"{status.floor} beoordelaars laten zien. Nodig: {wanted}.", width)
    else:
        out += fill("Een release nu wordt geweigerd: eerst de bestanden die niet laden.", width)
    return "\n".join(out) + "\n"


def _wrapped(headers: tuple[str, ...], rows: list[tuple[str, ...]], width: int) -> list[str]:
    """The group table; the state column wraps at the width that is left."""
    from ..common.termtable import wrap_words

    fixed = sum(max(len(headers[i]), *(len(r[i]) for r in rows)) + 2 for i in (0, 1, 2, 3, 5))
    room = max(20, width - fixed)
    lines: list[tuple[str, ...]] = []
    for row in rows:
        parts = wrap_words(row[4], room)
        lines += [row[:4] + (parts[0],) + row[5:]]
        lines += [("", "", "", "", part, "") for part in parts[1:]]
    return plain_table(headers, lines, right={1, 2, 3})


def _folder(status: RoundStatus) -> str:
    from pathlib import Path

    return str(Path(status.round.source).parent)


def _name(status: RoundStatus, group: str) -> str:
    return next((g.name for g in status.groups if g.id == group), group)


def status_dict(status: RoundStatus) -> dict[str, Any]:
    return {
        "schema": STATUS_SCHEMA,
        "round": status.round.id,
        "anonymity_floor": status.floor,
        "releases": [{"number": r.number, "date": r.date, "files": len(r.files)} for r in status.releases],
        "groups": [{"id": g.id, "name": g.name, "anonymous": g.anonymous, "raters": g.raters, "empty": g.empty,
                    "doubles": g.doubles, "if_released": dict(g.competencies), "needs": g.needs}
                   for g in status.groups],
        "others": dict(status.others),
        "failing": [{"path": path, "reason": why} for path, why in status.failing],
        "not_read": list(status.not_read),
        "skipped": list(status.skipped),
        "since_latest_release": list(status.since),
        "release": {"allowed": status.allowed, "needs": dict(status.needs)},
    }


def render_status_json(status: RoundStatus, options: Options = PLAIN) -> str:
    return json.dumps(status_dict(status), ensure_ascii=False, indent=2) + "\n"


def render_released(plan: Candidate, release: Release) -> str:
    """What `feedback release` fixed: the number, the date, the files and raters per group (80 columns)."""
    report = plan.report
    groups = report.bank.raters.groups if report.bank.raters else {}
    counted = ", ".join(f"{groups[g].name if g in groups else 'zelf' if g == 'self' else g} {n}"
                        for g, n in report.raters.items() if g != "overige")
    if "overige" in report.raters:
        counted += f", overige beoordelaars {report.raters['overige']}"
    lines = [f"Release {release.number} van ronde {plan.round.id} ({release.date}) vastgelegd in ronde.yaml.",
             f"{len(release.files)} bestand(en); beoordelaars: {counted}."]
    if plan.counted.empty or plan.counted.doubles:
        lines.append(f"Niet meegeteld: {len(plan.counted.empty)} leeg, {len(plan.counted.doubles)} dubbel.")
    lines.append(f"Het rapport: {command('feedback', 'report', _folder_of(plan))}")
    return "\n".join(line for text in lines for line in fill(text, PLAIN_WIDTH)) + "\n"


def _folder_of(plan: Candidate) -> str:
    from pathlib import Path

    return str(Path(plan.round.source).parent)
