"""Opaque response ids for the raters of a round (docs/formats.md section 6): nothing in a file points back at a row.

A survey tool's response id leads to a person: Qualtrics and LimeSurvey link it to the
recipient's e-mail address and access token, Microsoft Forms numbers the responses in the order
they came in. An imported rater's file therefore carries an HMAC-SHA256 of it under a secret
of the round (`ronde.sleutel` in the round folder, owner-only, made at the first import): the
same response gets the same id import after import, so a re-import finds the file it wrote,
and without the secret and the export nobody gets from the id back to the row. A row without
a response id (Google Forms) is keyed by its group, answers and comments instead.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from pathlib import Path

from ...errors import file_problem
from ...models import AnswerSheet

KEY_FILE = "ronde.sleutel"
_KEY = re.compile(r"[0-9a-f]{64}")
ALL_GROUPS = "*"  # the survey of a round import with a group column: one survey for all groups


def round_key(folder: Path) -> bytes:
    """The round's secret, made (32 random bytes, 0600) when the folder has none yet."""
    path = folder / KEY_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        import secrets

        from ..fsio import write_private

        text = secrets.token_hex(32)
        write_private(path, text + "\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise file_problem(str(path), f"de sleutel van de ronde is niet te lezen ({exc})") from None
    if not _KEY.fullmatch(text):
        raise file_problem(str(path), "dit is geen sleutel van een ronde (64 hexadecimale tekens); zet het "
                                      "origineel terug. Zonder die sleutel herkent een nieuwe import zijn "
                                      "eerdere antwoorden niet")
    return bytes.fromhex(text)


def opaque_id(key: bytes, sheet: AnswerSheet, survey: str) -> str:
    """16 hex digits for this response of this survey (a group id, or ALL_GROUPS): the tool's response id
    when there is one (two surveys, one per group, both have a response 1), else the group, the answers and the comments."""
    if sheet.response_id:
        message = f"id\x1f{survey}\x1f{sheet.response_id}"
    else:
        message = "\x1f".join(["answers", sheet.rater, *(f"{k}={v}" for k, v in sorted(sheet.answers.items())),
                               *(f"{k}:{v}" for k, v in sorted(sheet.comments.items()))])
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()[:16]
