"""What the formats of a comparison share: the change marks, the header of one comparison, and the
people found on one side only (a group: compare on two folders or exports, matched by respondent)."""

from __future__ import annotations

from ...analysis.compare import Change, CompareSet, Comparison, Direction
from ...models import Report
from ..common.view import nl, percent


def unmatched_lines(group: CompareSet) -> list[str]:
    lines = []
    for title, reports in (("Alleen in de oude scans", group.only_old), ("Alleen in de nieuwe scans", group.only_new)):
        if reports:
            lines.append(f"{title} ({len(reports)}): " + ", ".join(
                f"{r.sheet.respondent.get('name') or '(geen naam)'} ({r.sheet.source})" for r in reports))
    return lines


MARKS: dict[Direction | None, str] = {"up": "↑", "down": "↓", "same": "=", None: "–"}


def scan_label(report: Report) -> str:
    return report.sheet.date or report.sheet.source.replace("\\", "/").rsplit("/", 1)[-1]


def change_text(change: Change) -> str:
    return "–" if change.change is None else f"{nl(change.change, signed=True)} {MARKS[change.direction]}"


def compare_title(comparison: Comparison) -> str:
    name = comparison.new.sheet.respondent.get("name") or comparison.old.sheet.respondent.get("name")
    return "Ontwikkelscan: voortgang" + (f" · {name}" if name else "")


def header_pairs(comparison: Comparison) -> list[tuple[str, str]]:
    old, new = comparison.old, comparison.new
    return [("Gemeente", new.sheet.respondent.get("municipality", "")), ("Type gemeente", new.municipality_type.name),
            ("Toen", scan_label(old)), ("Nu", scan_label(new)),
            ("Passend bij het profiel", f"toen {percent(old.summary.fit)}, nu {percent(new.summary.fit)}")]
