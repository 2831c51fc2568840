"""Open comments of a round (docs/formats.md section 6.3): who wrote one, and what a report may show of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..models import AnswerSheet, Bank


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
