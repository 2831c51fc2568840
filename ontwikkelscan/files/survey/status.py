"""Which rows of an export are no real response: a preview, a test, spam, generated data (the `status` role).

Qualtrics' `Status` column ("Response Type") holds a number with "Use numeric values" and a word
without. The numbers and words are those of Qualtrics' own SPSS value labels (a real export's .sps):
0 IP Address, 1 Survey Preview, 2 Survey Test, 4 Imported, 8 Spam, 9 Survey Preview Spam, 12 Imported
Spam, 16 Offline, 17 Offline Survey Preview, 32 EX, 40 EX Spam, 48 EX Offline, and in newer exports
132 Reimported imported and 256 Synthetic. Imported, offline and EX responses are real people.
Qualtrics' `DistributionChannel` says `preview` or `test` too. A value of the status column that is
none of these is counted and said once (it might be a label of another language): the row is read.
"""

from __future__ import annotations

from collections.abc import Sequence

from .columns import SUBMIT_DATE, Column, header_names, norm

PREVIEW = "testantwoord (preview)"
SPAM = "gemarkeerd als spam"
SYNTHETIC = "gegenereerd antwoord (synthetisch)"
_CODES = {"1": PREVIEW, "2": PREVIEW, "9": PREVIEW, "17": PREVIEW, "8": SPAM, "12": SPAM, "40": SPAM,
          "256": SYNTHETIC}
_REAL_CODES = frozenset({"0", "4", "16", "32", "48", "132"})
# the words; "enquêtevoorbeeld" and "voorvertoning" (a Dutch account) are not verified in an export
_PREVIEW_WORDS = ("preview", "test", "voorbeeld", "voorvertoning")
_REAL_WORDS = frozenset({"ip address", "imported", "offline", "ex", "ex offline", "reimported imported",
                         "ip adres", "geimporteerd", "geïmporteerd"})
_CHANNEL = frozenset({"distributionchannel", "distribution channel", "distributiekanaal"})


class StatusCheck:
    """The reason a row is no real response, from the status columns; the unknown values, to say once."""

    def __init__(self, columns: Sequence[Column]) -> None:
        # (column, whether it is the distribution channel: there only the preview words count), worked out once
        self.columns = [(column, norm(column.header) in _CHANNEL) for column in columns]
        self.unknown: dict[str, list[int]] = {}  # "`value` (column header)" -> rows

    def reason(self, row: int, cells: Sequence[str]) -> str | None:
        for column, channel in self.columns:
            value = norm(cells[column.position]) if column.position < len(cells) else ""
            if not value:
                continue
            found = None if channel else _CODES.get(value)
            if found is None and any(w in value for w in _PREVIEW_WORDS):
                found = PREVIEW
            elif found is None and not channel and "spam" in value:
                found = SPAM
            elif found is None and not channel and value == "synthetic":
                found = SYNTHETIC
            if found:
                return found
            if not channel and value not in _REAL_CODES and value not in _REAL_WORDS:
                text = cells[column.position].strip()
                self.unknown.setdefault(f"`{text}` in kolom {column.header}", []).append(row)
        return None

    def messages(self) -> list[str]:
        """One warning per unknown value: the rows were read as real responses."""
        out = []
        for what, rows in self.unknown.items():
            listed = ", ".join(map(str, rows[:10])) + (" ..." if len(rows) > 10 else "")
            out.append(f"{len(rows)} rij(en) met een onbekend antwoordtype {what} (rij {listed}) zijn als echte "
                       "antwoorden gelezen; is het een voorvertoning, test of spam, verwijder die rijen dan uit de "
                       "export")
        return out


# Columns only LimeSurvey writes (codes, and the texts of its English export; the Dutch ones are not verified)
_LIMESURVEY = frozenset({"lastpage", "last page", "startlanguage", "start language", "laatste pagina", "starttaal"})


def no_submit_date(headers: Sequence[tuple[str, ...]]) -> list[str]:
    """A warning for a LimeSurvey export without its submit date: an unsent response cannot be told from a sent one."""
    names = {norm(h) for alternatives in headers for h in header_names(alternatives)}
    if names.isdisjoint(_LIMESURVEY) or not names.isdisjoint(SUBMIT_DATE):
        return []
    return ["geen kolom `submitdate` (Date submitted) in deze LimeSurvey-export: antwoorden die begonnen maar niet "
            "verstuurd zijn, zijn niet te herkennen en tellen mee; exporteer opnieuw met die kolom, met de kopstijl "
            "vraagcode of vraagcode & vraagtekst"]
