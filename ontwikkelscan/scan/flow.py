"""The interactive scan as a pure state machine: question order, position, answer / skip / back / pause.

Nothing here prints or reads a terminal. A person is reached through an `Asker` (the real
one lives in questionnaire.py; tests pass a scripted fake), and every change is handed to
a `save` callback at once, so that an interrupted scan loses at most the question on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from ..files.fsio import slug
from ..models import Bank, Context, MunicipalityType, Question

if TYPE_CHECKING:
    import random

    from .resume import Unfinished

Answers = Mapping[str, int | None]
SEED_LIMIT = 2**31  # fits every YAML reader as a plain integer


class Order(str, Enum):
    """The order of the questions: `mixed` interleaves the competencies (seeded), `bank` keeps the bank's."""

    mixed = "mixed"
    bank = "bank"


class Move(Enum):
    """A reply that is not a value on the scale."""

    SKIP = "skip"  # "weet ik niet / n.v.t.": stored as null
    BACK = "back"  # to the previous question in the order
    PAUSE = "pause"  # stop here; everything given so far is already saved


Reply = int | Move


class Outcome(Enum):
    FINISHED = "finished"
    PAUSED = "paused"


class Item(NamedTuple):
    """What the asker needs to put one question on screen."""

    question: Question
    number: int  # 1-based position in the order
    total: int
    answered: bool  # the question has an earlier reply (a value or a skip)
    previous: int | None  # that earlier reply; None when skipped or unanswered
    can_go_back: bool
    can_skip: bool


class Asker(Protocol):
    """Everything the scan asks of a person. KeyboardInterrupt from any method means Ctrl-C."""

    def welcome(self, total: int) -> None: ...

    def say(self, text: str) -> None: ...

    def respondent(self) -> tuple[str, str]: ...

    def municipality_type(self, types: Sequence[MunicipalityType]) -> str: ...

    def contexts(self, contexts: Sequence[Context]) -> tuple[str, ...]: ...

    def confirm_overwrite(self, path: Path) -> bool: ...

    def offer_resume(self, scan: Unfinished) -> bool: ...

    def item(self, item: Item) -> Reply: ...

    def review_patterns(self, notes: Sequence[str]) -> bool: ...

    def comment(self, question: str, number: int, total: int) -> str: ...  # "" is no comment

    def close(self) -> None: ...


def new_seed() -> int:
    import random  # here, not at the top: the scan's first prompt comes before any order (start-up)

    return random.SystemRandom().randrange(1, SEED_LIMIT)


def order_questions(bank: Bank, seed: int | None) -> tuple[Question, ...]:
    """The bank's order without a seed; with one, a seeded interleaving of the competencies.

    Answering five items about one competency in a row invites answering the competency
    rather than the item, so `mixed` puts no two items of one competency next to each other
    whenever the numbers allow it. The same seed and bank always give the same order.
    """
    if seed is None:
        return bank.questions
    import random

    rng = random.Random(seed)
    queues: dict[str, list[Question]] = {}
    for question in bank.questions:
        queues.setdefault(question.competency, []).append(question)
    for queue in queues.values():
        rng.shuffle(queue)
    order: list[Question] = []
    last: str | None = None
    while any(queues.values()):
        last = _pick(queues, last, rng)
        order.append(queues[last].pop())
    return tuple(order)


def _pick(queues: Mapping[str, list[Question]], last: str | None, rng: random.Random) -> str:
    counts = {cid: len(queue) for cid, queue in queues.items() if queue}
    candidates = [cid for cid in counts if cid != last]
    if not candidates:  # only the last competency is left: a repeat cannot be avoided
        return next(iter(counts))
    safe = [cid for cid in candidates if _can_finish(counts, cid)]
    # Weighted by what is left, so that big competencies do not pile up at the end.
    pool = safe or [max(candidates, key=lambda cid: counts[cid])]
    weights = [counts[cid] for cid in pool]
    point = rng.random() * sum(weights)
    for cid, weight in zip(pool, weights, strict=True):
        point -= weight
        if point < 0:
            return cid
    return pool[-1]


def _can_finish(counts: Mapping[str, int], chosen: str) -> bool:
    """After taking one item of `chosen`, can the rest still be ordered without a repeat?"""
    left = dict(counts)
    left[chosen] -= 1
    total = sum(left.values())
    for cid, count in left.items():
        # `chosen` may not come next, so it needs a separator before each of its items.
        room = total - count if cid == chosen else total - count + 1
        if count > room:
            return False
    return True


class Scan:
    """The mutable state of one scan: the order, the replies so far and the question on screen."""

    def __init__(self, questions: Sequence[Question], answers: Answers, *, can_skip: bool) -> None:
        known = {q.id for q in questions}
        self.questions = tuple(questions)
        self.answers: dict[str, int | None] = {k: v for k, v in answers.items() if k in known}
        self.can_skip = can_skip
        self.position = self.first_unanswered()

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def done(self) -> int:
        return len(self.answers)

    def first_unanswered(self) -> int:
        """The position a scan starts or resumes at; `total` when every question has a reply."""
        return next((i for i, q in enumerate(self.questions) if q.id not in self.answers), self.total)

    @property
    def finished(self) -> bool:
        return self.first_unanswered() == self.total

    def current(self) -> Item:
        question = self.questions[self.position]
        return Item(question=question, number=self.position + 1, total=self.total,
                    answered=question.id in self.answers, previous=self.answers.get(question.id),
                    can_go_back=self.position > 0, can_skip=self.can_skip)

    def apply(self, reply: Reply) -> bool:
        """Take one reply; True when the answers changed (and must be saved)."""
        if reply is Move.PAUSE:
            return False
        if reply is Move.BACK:
            self.position = max(0, self.position - 1)  # at the first question: ask it again
            return False
        if reply is Move.SKIP and not self.can_skip:
            raise ValueError("this bank has no 'not applicable' option")
        value = None if reply is Move.SKIP else reply
        question = self.questions[self.position]
        new = question.id not in self.answers
        changed = new or self.answers[question.id] != value
        self.answers[question.id] = value
        # A revised reply steps forward one question, so that someone who went back walks
        # through their replies again; a new one goes on to the next question without one
        # (a hand-edited file may have gaps), wrapping round to any gap before it.
        after = range(self.position + 1, self.total)
        step = after if not new else (i for i in after if self.questions[i].id not in self.answers)
        following = next(iter(step), None)
        self.position = self.first_unanswered() if following is None else following
        return changed


def run(scan: Scan, asker: Asker, save: Callable[[Answers], None]) -> Outcome:
    """Ask until every question has a reply or the person pauses; save after every change."""
    while scan.position < scan.total:
        reply = asker.item(scan.current())
        if reply is Move.PAUSE:
            return Outcome.PAUSED
        if scan.apply(reply):
            save(dict(scan.answers))
    return Outcome.FINISHED


def default_out(folder: Path, date: str, name: str, exists: Callable[[Path], bool]) -> Path:
    """scans/ontwikkelscan-<date>-<name or 'anoniem'>.yaml, with -2, -3 ... when taken."""
    stem = f"ontwikkelscan-{date}-{slug(name) or 'anoniem'}"
    path = folder / f"{stem}.yaml"
    number = 2
    while exists(path):
        path = folder / f"{stem}-{number}.yaml"
        number += 1
    return path
