"""Warnings per kind (issue 21): a run over 5,000 files says a warning that every file gives once,
with the count and the first examples, instead of 5,000 lines.

Warnings are grouped by their kind (errors.Warned), in the order in which each kind first came.
A kind met once reads as its warning alone; met more often, as one sentence:

    50 bestanden met antwoorden op vragen die bij een eerdere versie van de vragenbank horen (...):
    a.yaml; b.yaml; c.yaml en nog 47 (gebruik --verbose om ze alle 50 te zien)

A kind is a sentence with `{n}` for the count; the examples follow it after a colon, or stand
where it says `{examples}`.
With --verbose every warning is said in full, one a line. A warning without a kind is its own
kind: the same text twice is said once, with the count. Pure: console.py says the lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...errors import Warned

EXAMPLES = 3  # the examples a summary names


def as_warned(warning: str | Warned) -> Warned:
    return warning if isinstance(warning, Warned) else Warned(warning)


def per_kind(warnings: Iterable[Warned]) -> list[list[Warned]]:
    """The warnings grouped by kind, each kind where it first came."""
    groups: dict[str, list[Warned]] = {}
    for warning in warnings:
        groups.setdefault(warning.kind or warning.text, []).append(warning)
    return list(groups.values())


def summary(group: Sequence[Warned]) -> str:
    """Many warnings of one kind as one sentence: what they say, how many, the first examples."""
    count = len(group)
    first = group[0]
    hint = f"gebruik --verbose om ze alle {count} te zien"
    if not first.kind:
        return f"{first.text} ({count} keer; {hint})"
    examples = list(dict.fromkeys(w.example for w in group if w.example))
    shown = "; ".join(examples[:EXAMPLES]) + (f" en nog {len(examples) - EXAMPLES}" if len(examples) > EXAMPLES else "")
    said = first.kind.replace("{n}", str(count))
    if "{examples}" in said:
        said = said.replace("{examples}", shown)
    elif shown:
        said += f": {shown}"
    return f"{said} ({hint})"


def lines(warnings: Iterable[str | Warned], *, verbose: bool = False) -> list[str]:
    """What to say for these warnings: per kind one line, or with `verbose` every warning."""
    out: list[str] = []
    for group in per_kind(as_warned(w) for w in warnings):
        if len(group) == 1 or verbose:
            out += [w.text for w in group]
        else:
            out.append(summary(group))
    return out
