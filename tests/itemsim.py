"""Simulated answers to a bank for the item analysis: one latent level per respondent and competency.

A respondent chooses each context of the bank with probability `context_share`; a context statement is
asked (and so present in the sheet) only when one of its contexts is chosen, as in the scan. An answer
is the latent level plus noise, rounded onto the scale and mirrored for a reverse statement, so every
statement measures its competency. `mirrored` plants a keying error (the answer is mirrored where the
bank does not say `reverse: true`, or not mirrored where it does); `noise` makes a statement pure chance.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from pathlib import Path

from ontwikkelscan.files.answers import dump_answers
from ontwikkelscan.models import AnswerSheet, Bank


def simulate(bank: Bank, n: int, seed: int = 7, *, mirrored: Collection[str] = (), noise: Collection[str] = (),
             context_share: float = 0.5, skipped: float = 0.0) -> list[AnswerSheet]:
    rng = random.Random(seed)
    low, high = bank.scale.min, bank.scale.max
    middle, spread = (low + high) / 2, (high - low) / 4
    sheets = []
    for i in range(n):
        chosen = tuple(c for c in bank.contexts if rng.random() < context_share)
        level = {c.id: rng.gauss(0, 1) for c in bank.competencies}
        answers: dict[str, int | None] = {}
        for q in bank.questions:
            if q.contexts and not set(q.contexts) & set(chosen):
                continue  # not asked: absent from the sheet
            if rng.random() < skipped:
                answers[q.id] = None
                continue
            if q.id in noise:
                value = rng.randint(low, high)
            else:
                value = min(high, max(low, round(middle + spread * (level[q.competency] + rng.gauss(0, 0.8)))))
                if q.reverse != (q.id in mirrored):
                    value = low + high - value
            answers[q.id] = value
        sheets.append(AnswerSheet(source=f"sim-{i:03d}.yaml", answers=answers, contexts=chosen,
                                  municipality_type=next(iter(bank.types))))
    return sheets


def write(folder: Path, sheets: list[AnswerSheet], bank: Bank) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for sheet in sheets:
        (folder / sheet.source).write_text(dump_answers(sheet, bank), encoding="utf-8")
    return folder
