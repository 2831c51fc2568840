"""Open comments of a round (docs/formats.md section 6.3): who wrote one, and what a report may show of them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from ..models import AnswerSheet, Bank, CommentQuestion
from .intake import identity


def anonymous_writers(bank: Bank, sheets: Sequence[AnswerSheet]) -> Mapping[str, frozenset[str]]:
    """Per comment question (bank order), the sources of the anonymous raters who wrote a comment.

    These sets are the comment blocks of the release rule (docs/formats.md section 6.2): the pooled list of a
    question is shown only when its set has at least `comment_floor` members, and two releases may
    not show it from sets that differ by fewer than the anonymity floor.
    """
    raters = bank.raters
    if raters is None:
        return {}
    anonymous = {gid for gid, group in raters.groups.items() if group.anonymous}
    return {c.id: frozenset(s.source for s in sheets if s.rater in anonymous and s.comments.get(c.id))
            for c in raters.comments}


class CommentBlock(NamedTuple):
    """What a round report may show of one open question (docs/formats.md section 6.3)."""

    question: CommentQuestion
    own: str | None  # the self's comment
    named: tuple[tuple[str, tuple[str, ...]], ...]  # (non-anonymous group id, its comments), bank order
    pooled: tuple[str, ...] | None  # every anonymous rater's comment, sorted by text; None: held back
    anonymous: int  # how many anonymous raters wrote one
    writers: frozenset[str] = frozenset()  # who is behind a shown pool (intake.identity): a block of the release rule


def comment_blocks(bank: Bank, sheets: Sequence[AnswerSheet]) -> tuple[CommentBlock, ...]:
    """Per open question: the self's comment, each non-anonymous group's, and the anonymous raters' pooled
    in one list, never split by group, in an order that carries nothing of the files (by text). The pool is
    shown only when at least `comment_floor` anonymous raters wrote one; otherwise only its size."""
    raters = bank.raters
    if raters is None:
        return ()
    writers = anonymous_writers(bank, sheets)
    blocks = []
    for question in raters.comments:
        own = next((s.comments[question.id] for s in sheets if s.rater == "self" and s.comments.get(question.id)),
                   None)
        named = tuple((gid, _sorted(s.comments[question.id] for s in sheets if s.rater == gid
                                    and s.comments.get(question.id)))
                      for gid, group in raters.groups.items() if not group.anonymous)
        pool = _sorted(s.comments[question.id] for s in sheets if s.source in writers[question.id]
                       and s.comments.get(question.id))
        shown = pool if len(pool) >= raters.comment_floor or not pool else None
        behind = frozenset(identity(s) for s in sheets if s.source in writers[question.id]) if shown else frozenset()
        blocks.append(CommentBlock(question, own, tuple((g, c) for g, c in named if c), shown,
                                   len(writers[question.id]), behind))
    return tuple(blocks)


def _sorted(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(texts, key=lambda text: (text.casefold(), text)))
