"""A cell's text as an answer, a municipality type, a rater group or a date.

Answers: the number, the scale label in any case and with or without "(bijna)", the
bank's not-applicable text or a part of it ("weet ik niet", "n.v.t."), or a code that the
`--columns` mapping translates (`A1` -> 1, `A6` -> null). Municipality types: the id or the
bank's name, any case ("Regiegemeente", "regie"). Dates with or without a time: ISO
(`2026-11-07T08:29:44Z`), Dutch (`7-11-2026 08:29:44`) and `2026/11/07 8:29:44 AM GMT+1`; US
month-first (`11/28/2026`) when the column as a whole says so (`date_order`). A number with text
after it is an answer only when the text is that number's label ("4 - vaak").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from ...models import Bank
from .columns import norm

_INTEGER = re.compile(r"[+]?\d+(?:[.,]0+)?")
_NUMBERED = re.compile(r"(\d+)\s*[-=.:)]\s*(\S.*)")  # "4 - vaak", "4. vaak"
_BIJNA = re.compile(r"^bijna\s+")
_NOT_APPLICABLE = ("weet ik niet", "weet niet", "n v t", "nvt", "niet van toepassing", "geen antwoord",
                   "no answer", "not applicable", "n a")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ,].*)?")
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T ,].*)?")


def _label_key(text: str) -> str:
    return _BIJNA.sub("", norm(text))


class Cells:
    """How a cell's text becomes an answer, for one bank's scale and one mapping."""

    def __init__(self, bank: Bank, codes: Mapping[str, int | None] | None = None) -> None:
        scale = bank.scale
        self.low, self.high = scale.min, scale.max
        self.codes = dict(codes or {})
        self.folded_codes = {k.strip().casefold(): v for k, v in self.codes.items()}
        self.labels: dict[str, int | None] = {norm(label): value for value, label in scale.labels.items()}
        self.names = dict(scale.labels)
        for value, label in scale.labels.items():  # an exact label wins: "nooit" next to "bijna nooit"
            self.labels.setdefault(_label_key(label), value)
        skips = list(_NOT_APPLICABLE)
        if scale.not_applicable:
            skips += [scale.not_applicable, *scale.not_applicable.split("/")]
        for text in skips:
            if norm(text):
                self.labels.setdefault(norm(text), None)
        labels = ", ".join(f"{v} of \"{lab}\"" for v, lab in sorted(scale.labels.items()))
        skip = f", \"{scale.not_applicable}\"" if scale.not_applicable else ""
        self.allowed = f"toegestaan: {labels}{skip} of leeg (overgeslagen)"
        self.cache: dict[str, int | None | str] = {}

    def value(self, text: str) -> int | None | str:
        """The answer, or a message (str) saying what is wrong."""
        found = self.cache.get(text, self)  # exports repeat the same few texts thousands of times
        if found is self:
            found = self.cache[text] = self._value(text)
        return found  # type: ignore[return-value]

    def _value(self, text: str) -> int | None | str:
        cell = text.strip()
        if not cell:
            return None
        if cell in self.codes:
            return self.codes[cell]
        if cell.casefold() in self.folded_codes:
            return self.folded_codes[cell.casefold()]
        if _INTEGER.fullmatch(cell):
            number = int(re.split(r"[.,]", cell)[0])
            if self.low <= number <= self.high:
                return number
            hint = (f"; is {number} de code van \"weet ik niet\"? koppel hem met --columns (values: \"{number}\": null)"
                    if not self.codes and number == self.high + 1 else "")
            return f"antwoord {number} valt buiten de schaal; {self.allowed}{hint}"
        key = norm(cell)
        if key in self.labels:
            return self.labels[key]
        key = _label_key(cell)
        if key in self.labels:
            return self.labels[key]
        numbered = _NUMBERED.fullmatch(cell)
        if numbered:  # "4 - vaak" is 4; "4 - nooit", "1-5", "4. banaan" are no answer
            number = int(numbered.group(1))
            text = numbered.group(2)
            if self.low <= number <= self.high and number in (self.labels.get(norm(text)), self.labels.get(_label_key(text))):
                return number
            if self.low <= number <= self.high and number in self.names:
                return (f"`{cell}` is geen antwoord: na {number} hoort \"{self.names[number]}\" of niets te staan; "
                        f"{self.allowed}")
        hint = "; een code? vertaal hem met --columns (values:)" if self.codes == {} and _looks_like_code(cell) else ""
        return f"`{cell}` is geen antwoord; {self.allowed}{hint}"


def _looks_like_code(cell: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z]{1,3}\d{1,3}", cell))


def municipality_type(text: str, bank: Bank) -> str | None:
    """'Regiegemeente', 'regie', 'REGIE' -> 'regie'; None when the bank has no such type."""
    key = norm(text)
    for exact in (True, False):  # "Regiegemeente", then "Regiegemeente (strategisch, ...)"
        for type_id, mtype in bank.types.items():
            name = norm(mtype.name)
            for form in (norm(type_id), name, name.removesuffix("gemeente").strip()):
                if key == form or not exact and form and key.startswith(form + " "):
                    return type_id
    return None


def _stems(text: str) -> tuple[str, ...]:
    """'De wethouders' -> ('wethouder',): words without an article in front or a plural ending."""
    words = norm(text).split()
    if len(words) > 1 and words[0] in ("de", "het", "een"):
        words = words[1:]
    return tuple(w[:-1] if w.endswith("s") and len(w) > 4 else w[:-2] if w.endswith("en") and len(w) > 5 else w
                 for w in words)


def rater_group(text: str, bank: Bank) -> str | None:
    """'Wethouder', 'wethouders', 'De wethouders', 'Medewerker (staf)', 'Lid van de ondernemingsraad' -> the
    group's id; None when no group (or more than one) of the bank has that name or id."""
    key = _stems(text)
    if not key:
        return None
    groups = bank.raters.groups if bank.raters else {}
    forms = {gid: {_stems(gid), _stems(group.name)} for gid, group in groups.items()}
    for exact in (True, False):  # "Medewerkers", then "Medewerkers (staf)", "Directie", "Lid van de OR"
        found = [gid for gid, names in forms.items()
                 if any(key == name if exact else name[:len(key)] == key or _within(name, key)
                        for name in names if name)]
        if len(found) == 1:
            return found[0]
    return None


def _within(name: tuple[str, ...], key: tuple[str, ...]) -> bool:
    return any(key[i:i + len(name)] == name for i in range(len(key) - len(name) + 1))


def date_order(texts: Iterable[str]) -> bool:
    """Whether a column's dates are month-first (US: `11/28/2026`), decided once for the whole column.

    Month-first only when some cell can only be month-first (its second number above 12) and none
    can only be day-first; otherwise the Dutch order, and a cell that does not fit it is refused.
    """
    month_first = day_first = False
    for text in texts:
        match = _DAY_FIRST.fullmatch(text.strip())
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            day_first |= first > 12
            month_first |= second > 12
    return month_first and not day_first


def iso_date(text: str, month_first: bool = False) -> str | None:
    """The date of a date or date-time in one of the forms above, as 'YYYY-MM-DD'; None when it is no date.

    `month_first` reads `11/7/2026` as 7 November (see date_order).
    """
    cell = text.strip()
    for pattern, order in ((_ISO, (0, 1, 2)), (_YEAR_FIRST, (0, 1, 2)), (_DAY_FIRST, (2, 0, 1) if month_first else (2, 1, 0))):
        match = pattern.fullmatch(cell)
        if match:
            parts = [int(g) for g in match.groups()]
            year, month, day = (parts[i] for i in order)
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return None
    return None
