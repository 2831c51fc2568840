"""The self-scan joining its round, shared by `feedback start --self` and `feedback add-self`."""

from pathlib import Path
from typing import Any

from ..models import Bank, Round
from .base import err, warn


def joined_self(path: Path, round_: Round, bank: Bank, sheets: list[Any]) -> Any:
    from ..analysis.selfjoin import joined_self as check
    from ..files.answers import read_answers

    joined, warnings = check(read_answers(path, bank), round_, bank, sheets)
    for warning in warnings:
        warn(warning)
    return joined


def write_self(folder: Path, sheet: Any, bank: Bank) -> None:
    """The round's copy of the self-scan: zelfscan.yaml (the self is shown by name anyway), 0600, atomic."""
    from ..files.answers import write_answers
    from ..files.rounds import unused_name

    path = folder / "zelfscan.yaml"
    path = unused_name(folder) if path.exists() else path
    write_answers(path, sheet._replace(source=str(path)), bank)
    err(f"Zelfscan {sheet.source} opgenomen in de ronde: {path}")
