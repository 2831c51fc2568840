"""Open comments (docs/formats.md section 6.3): what a comment is, and the one check every reader uses.

Answer files read them through `answers.py`; importers (a survey tool's comment columns) call
`attach_comments` with the texts of one row and turn its ValueError into a Problem that names
their file, row and column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..models import AnswerSheet, Bank, CommentQuestion
from .schemacheck import did_you_mean
from .schemas import MAX_COMMENT

_SURROGATE = re.compile("[\ud800-\udfff]")


def comment_questions(bank: Bank) -> tuple[CommentQuestion, ...]:
    """The bank's open questions, in bank order (none without rater groups)."""
    return bank.raters.comments if bank.raters is not None else ()


def wording(question: CommentQuestion, rater: str) -> str:
    """The question as this rater reads it: `text` for the self, `observer` for everyone else."""
    return question.text if rater == "self" else question.observer


def clean(text: str) -> str:
    """A comment as kept: line ends made `\\n`, white space around it dropped; "" is no comment.
    Everything else stays as written (renderers escape it)."""
    return _SURROGATE.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def comment_problem(cid: Any, value: Any, bank: Bank) -> str | None:
    """What is wrong with one comment, in Dutch (unknown question, not text, too long); None when fine."""
    known = [c.id for c in comment_questions(bank)]
    if cid not in known:
        allowed = f"kies uit: {', '.join(known)}" if known else "deze vragenbank heeft geen open vragen " \
                                                                "(`raters.comments` in questions.yaml)"
        return f"onbekende open vraag `{cid}`{did_you_mean(cid, known)}; {allowed}"
    if value is not None and not isinstance(value, str):
        return f"opmerking bij `{cid}` is geen tekst; zet haar tussen aanhalingstekens, of laat haar leeg"
    if value is not None and len(clean(value)) > MAX_COMMENT:
        return (f"opmerking bij `{cid}` is {len(clean(value))} tekens lang; hoogstens {MAX_COMMENT} "
                "tekens: maak haar korter")
    return None


def cleaned(values: Mapping[Any, Any]) -> dict[str, str]:
    """The comments that say something, in the order given (checked values only)."""
    return {str(cid): text for cid, value in values.items() if isinstance(value, str) and (text := clean(value))}


def attach_comments(sheet: AnswerSheet, values: Mapping[str, str | None], bank: Bank) -> AnswerSheet:
    """`sheet` with these comments added (cleaned; empty ones are no comment). ValueError with the
    Dutch message for the first bad one (see comment_problem), to be placed by the caller."""
    for cid, value in values.items():
        problem = comment_problem(cid, value, bank)
        if problem is not None:
            raise ValueError(problem)
    order = [c.id for c in comment_questions(bank)]
    merged = {**sheet.comments, **cleaned(values)}
    for cid, value in values.items():
        if not (isinstance(value, str) and clean(value)):
            merged.pop(cid, None)
    return sheet._replace(comments=MappingProxyType({c: merged[c] for c in order if c in merged}))
