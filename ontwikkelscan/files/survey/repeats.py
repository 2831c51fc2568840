"""One respondent twice in one export: a double submission, or a response sent again with changes.

Within one export, rows are the same respondent when they carry the same response id, else the
same e-mail address, else the same name. For such rows:
- the same answers: a double submission (a double click, a form sent twice); the first counts;
- other answers within EDIT_DAYS: the respondent corrected the form (Google Forms' "edit your
  response" or a second submission); the latest (by its time stamp, else the later row) counts.
  Rows further apart are two scans (a measurement before and after) and both count; the same
  response id is always one response.
Rows without any of the three with the same answers are a double submission too. Every row
left out is named in one `Notice` per reason, so that an import says so at import time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ...models import AnswerSheet
from .notice import Notice
from .values import iso_date

EDIT_DAYS = 30
DOUBLE = "dubbel ingestuurd (zelfde respondent, zelfde antwoorden)"
EDITED = "vervangen door een latere versie van hetzelfde antwoord"
_TIME = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*([AaPp]\.?[Mm]\.?)?")

Who = Callable[[int], tuple[str, str] | None]  # row -> (kind, key) of its respondent, or None


def moment(text: str) -> dt.datetime | None:
    """A date with its time of day ('2026/11/07 8:29:44 PM GMT+1' -> 2026-11-07 20:29:44); None without a date."""
    day = iso_date(text)
    if day is None:
        return None
    stamp = dt.datetime.fromisoformat(day)
    found = _TIME.search(text.strip()[8:])  # after the date part (its own separators are not a time)
    if found:
        hour, minute, second = int(found.group(1)), int(found.group(2)), int(found.group(3) or 0)
        half = (found.group(4) or "").casefold().replace(".", "")
        hour = hour % 12 + (12 if half == "pm" else 0) if half else hour
        if hour < 24 and minute < 60 and second < 60:
            stamp = stamp.replace(hour=hour, minute=minute, second=second)
    return stamp


def _answers(sheet: AnswerSheet) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((q, v) for q, v in sheet.answers.items() if v is not None))


def latest(file: str, rows: list[tuple[int, AnswerSheet]], who: Who,
           when: Callable[[int], dt.datetime | None]) -> tuple[list[tuple[int, AnswerSheet]], list[Notice]]:
    """The rows that count, in row order, and a Notice per reason for the rows left out."""
    left: dict[int, tuple[str, int]] = {}  # row -> (reason, the row that counts instead)
    groups: dict[tuple[str, str, str], list[tuple[int, AnswerSheet]]] = {}
    for number, sheet in rows:  # one export may hold several rater groups: a respondent is one per group
        kind, key = who(number) or ("answers", repr(_answers(sheet)))
        groups.setdefault((kind, key, sheet.rater), []).append((number, sheet))
    for (kind, _, _), group in groups.items():
        counted: list[tuple[int, AnswerSheet]] = []
        for number, sheet in group:
            same = next((n for n, s in counted if _answers(s) == _answers(sheet)), None)
            if same is not None:
                left[number] = (DOUBLE, same)
                continue
            earlier = next(((n, s) for n, s in counted if kind == "id" or _close(when(n), when(number))), None)
            if earlier is None:
                counted.append((number, sheet))
                continue
            old, new = sorted([earlier[0], number], key=lambda n: (when(n) or dt.datetime.min, n))
            left[old] = (EDITED, new)
            counted = [(n, s) for n, s in counted if n != old] + ([(number, sheet)] if new == number else [])
    notices = []
    for reason in (DOUBLE, EDITED):
        pairs = sorted((n, instead) for n, (why, instead) in left.items() if why == reason)
        if pairs:
            shown = ", ".join(f"rij {n} (telt: rij {instead})" for n, instead in pairs[:10])
            more = f" en nog {len(pairs) - 10}" if len(pairs) > 10 else ""
            notices.append(Notice(file, f"{len(pairs)} rij(en) overgeslagen: {reason}: {shown}{more}", len(pairs),
                                  reason.split(" (")[0]))
    return [(n, s) for n, s in rows if n not in left], notices


def _close(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    return a is None or b is None or abs(a - b) <= dt.timedelta(days=EDIT_DAYS)
