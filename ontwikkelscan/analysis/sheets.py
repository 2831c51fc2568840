"""What an answer sheet needs before it is scored: its target profile, and whether this bank made it."""

from __future__ import annotations

from ..errors import UsageError
from ..models import AnswerSheet, Bank, MunicipalityType


def resolve_type(bank: Bank, mtype: MunicipalityType | None, sheet: AnswerSheet) -> MunicipalityType:
    """--type wins, then the file's municipality_type; with neither, stop (exit 2)."""
    if mtype is not None:
        return mtype
    if sheet.municipality_type is None:
        raise UsageError(f"{sheet.source}: geen type gemeente in het bestand; geef --type "
                         f"({' | '.join(bank.types)})")
    return bank.types[sheet.municipality_type]


def bank_mismatch(sheet: AnswerSheet, bank: Bank) -> str | None:
    """A warning when the file was made with another bank than the one scoring it."""
    if sheet.bank_version is not None and sheet.bank_version != bank.version:
        return f"{sheet.source} is gemaakt met vragenbank {sheet.bank_version}; u scoort met {bank.version}"
    if sheet.bank_sha256 is not None and sheet.bank_sha256 != bank.sha256:
        return f"{sheet.source}: de vragenbank {bank.version} is gewijzigd sinds deze scan (andere sha256)"
    return None


def retired_answers(sheet: AnswerSheet) -> str | None:
    """A warning when the file answered statements that this bank no longer has (its `retired:` list)."""
    if not sheet.retired:
        return None
    ids = ", ".join(f"`{qid}`" for qid in sheet.retired)
    return (f"{sheet.source}: {len(sheet.retired)} antwoord(en) overgeslagen ({ids}): die vragen horen bij een "
            "eerdere versie van de vragenbank en tellen niet mee in uw scores")
