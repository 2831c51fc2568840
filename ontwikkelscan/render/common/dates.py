"""Dates the Dutch way ("28 november 2026"), for every human format and the scan; no imports, so
that the scan's start-up pays nothing for it."""

from __future__ import annotations

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def dutch_date(iso: str) -> str:
    """'2026-11-28' -> '28 november 2026' (anything else stays as it is)."""
    parts = iso.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or not 1 <= int(parts[1]) <= 12:
        return iso
    return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"


def dutch_day(day: object) -> str:
    """A datetime.date as '1 maart 2027'."""
    return dutch_date(str(day))
