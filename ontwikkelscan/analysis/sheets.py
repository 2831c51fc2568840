"""What an answer sheet needs before it is scored: its target profile, and whether this bank made it."""

from __future__ import annotations

from ..errors import UsageError, Warned
from ..models import AnswerSheet, Bank, MunicipalityType


def resolve_type(bank: Bank, mtype: MunicipalityType | None, sheet: AnswerSheet) -> MunicipalityType:
    """--type wins, then the file's municipality_type; with neither, stop (exit 2)."""
    if mtype is not None:
        return mtype
    if sheet.municipality_type is None:
        raise UsageError(f"{sheet.source}: geen type gemeente in het bestand; geef --type "
                         f"({' | '.join(bank.types)})")
    return bank.types[sheet.municipality_type]


def bank_mismatch(sheet: AnswerSheet, bank: Bank) -> Warned | None:
    """A warning when the file was made with another bank than the one scoring it (one kind per other bank)."""
    if sheet.bank_version is not None and sheet.bank_version != bank.version:
        return Warned(f"{sheet.source} is gemaakt met vragenbank {sheet.bank_version}; u scoort met {bank.version}",
                      f"{{n}} bestanden zijn gemaakt met vragenbank {sheet.bank_version}; u scoort met {bank.version}",
                      sheet.source)
    if sheet.bank_sha256 is not None and sheet.bank_sha256 != bank.sha256:
        return Warned(f"{sheet.source}: de vragenbank {bank.version} is gewijzigd sinds deze scan (andere sha256)",
                      f"{{n}} bestanden: de vragenbank {bank.version} is gewijzigd sinds die scans (andere sha256 "
                      f"{sheet.bank_sha256[:12]})", sheet.source)
    return None


PLACEHOLDER = ("{n} bestanden met datum 1980-01-01, gelezen als geen datum (de plaatsvervanger van LimeSurvey in een "
               "enquête zonder datumstempels); verwijder in die bestanden de regel `date: 1980-01-01` of zet er de "
               "echte datum")


def placeholder_date(sheet: AnswerSheet) -> Warned | None:
    """A warning when the file's date was LimeSurvey's 1980-01-01 (imported before that was left out): no date."""
    if not sheet.placeholder_date:
        return None
    return Warned(f"{sheet.source}: datum 1980-01-01 gelezen als geen datum (de plaatsvervanger van LimeSurvey in "
                  "een enquête zonder datumstempels); verwijder de regel `date: 1980-01-01` of zet er de echte datum",
                  PLACEHOLDER, sheet.source)


RETIRED = ("{n} bestanden met antwoorden op vragen die bij een eerdere versie van de vragenbank horen (overgeslagen: "
           "ze tellen niet mee in de scores)")


def retired_answers(sheet: AnswerSheet) -> Warned | None:
    """A warning when the file answered statements that this bank no longer has (its `retired:` list)."""
    if not sheet.retired:
        return None
    ids = ", ".join(f"`{qid}`" for qid in sheet.retired)
    return Warned(f"{sheet.source}: {len(sheet.retired)} antwoord(en) overgeslagen ({ids}): die vragen horen bij een "
                  "eerdere versie van de vragenbank en tellen niet mee in uw scores", RETIRED, sheet.source)
