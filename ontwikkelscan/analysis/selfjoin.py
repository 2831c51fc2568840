"""The secretary's finished self-scan joins her round (issue 18): checked, then copied in as the round's self.

Pure: the command reads the scan and writes the copy. A scan joins only when it is the same bank
version, about the round's subject (names compared without case, accents, dots or extra spaces),
and has answered every statement the round asks of the self (its contexts included).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from types import MappingProxyType

from ..errors import ScanError
from ..files.commandline import command
from ..models import AnswerSheet, Bank, Round
from ..names import name_key
from .scoring import applicable


def same_person(a: str, b: str) -> bool:
    """Two spellings of one name: `A. Jansen`, `a jansen` and `A.  Jánsen` are the same person."""
    return _plain(a) == _plain(b)


def _plain(name: str) -> str:
    """names.name_key, then without accents and punctuation (the round's subject is typed by the coach)."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", name_key(name)) if not unicodedata.combining(c))
    return " ".join(re.split(r"[\W_]+", letters.casefold())).strip()


def joined_self(sheet: AnswerSheet, round_: Round, bank: Bank,
                round_sheets: Sequence[AnswerSheet] = ()) -> tuple[AnswerSheet, list[str]]:
    """The round's copy of a self-scan (round, rater, type and contexts of the round) and its warnings;
    ScanError with the reason when it cannot join."""
    source = sheet.source
    if sheet.rater != "self":
        raise ScanError(f"{source} is geen zelfscan maar een antwoord van `{sheet.rater}`; alleen de eigen scan "
                        "van de secretaris kan zo meedoen")
    version = round_.bank_version or bank.version
    if sheet.bank_version != version or (sheet.bank_sha256 and round_.bank_sha256
                                         and sheet.bank_sha256 != round_.bank_sha256):
        made = f"vragenbank {sheet.bank_version}" if sheet.bank_version else "een onbekende vragenbank"
        same = " (dezelfde versie, maar een andere inhoud: sha256)" if sheet.bank_version == version else ""
        raise ScanError(f"{source} is gemaakt met {made}{same}; de ronde gebruikt vragenbank {version}. Een "
                        "scan van een andere bankversie telt niet mee: maak de zelfscan opnieuw met "
                        f"`{command('scan', '--round', Path(round_.source).parent, '--rater', 'self')}`")
    subject = round_.subject.get("name", "")
    name = sheet.respondent.get("name", "")
    warnings = []
    if not name:
        warnings.append(f"{source}: de scan noemt geen naam; neem hem alleen op als het de scan van {subject} is")
    elif not same_person(name, subject):
        raise ScanError(f"{source} is de scan van {name}, niet van {subject} (de secretaris van ronde "
                        f"{round_.id}); een ronde neemt alleen de eigen scan van haar secretaris op")
    if sheet.round not in (None, round_.id):
        raise ScanError(f"{source} hoort al bij ronde `{sheet.round}`, niet bij `{round_.id}`")
    others = [s.source for s in round_sheets if s.rater == "self"]
    if others:
        raise ScanError(f"de ronde heeft al een zelfscan: {others[0]}; een ronde heeft er één: verwijder of "
                        "verplaats die eerst")
    missing = [q.id for q in applicable(bank.questions, round_.contexts) if q.id not in sheet.answers]
    if missing:
        contexts = [part for c in round_.contexts for part in ("--context", c)]
        raise ScanError(f"{source} is niet af: {len(missing)} van de {len(applicable(bank.questions, round_.contexts))}"
                        f" stellingen van de ronde zijn niet beantwoord ({', '.join(missing[:5])}"
                        f"{', ...' if len(missing) > 5 else ''}). Maak de scan eerst af: "
                        f"`{command('scan', '--resume', source, *contexts)}`")
    copy = sheet._replace(round=round_.id, rater="self", municipality_type=round_.municipality_type,
                          contexts=tuple(round_.contexts), respondent=MappingProxyType(dict(sheet.respondent)))
    return copy, warnings
