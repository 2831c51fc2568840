"""Do the top three development points follow the answers or the municipality type?

Simulates respondents whose true level varies per competency and scores them with the package's
own scoring (in process, no files). For each respondent and type it compares the report's top three
development points (`summary.development[:3]`, worst gap first) with

- the respondent's three weakest *required* competencies (lowest true level among those with a
  target), and
- the type's three highest targets (ties broken in bank order),

and prints, per type and context, how often each overlaps (the mean size of the intersection) and
their ratio. A ratio above 1 means the development points say more about the person than about the
type. It also prints the fit of a capable secretary: keyed 4 on every statement ("vaak", and
"soms" on a reverse one).

    .venv/bin/python bench/development_points.py               # shipped bank, 2,000 respondents a type
    .venv/bin/python bench/development_points.py --bank DIR    # another bank folder
    .venv/bin/python bench/development_points.py -n 500 --seed 7

The model (docs/bank-review.md explains the choice): a respondent's general level g ~ N(3.8, 0.35);
per competency a deviation d ~ N(0, 0.45); per statement an answer on the keyed level
round(g + d + e) with e ~ N(0, 0.6), clipped to the scale and reverse-keyed where the statement is
reverse. Nothing is skipped. The numbers are a property of the bank's targets, not a test of the code.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ontwikkelscan.analysis.scoring import applicable, score  # noqa: E402
from ontwikkelscan.files.bank import load_bank  # noqa: E402
from ontwikkelscan.models import AnswerSheet, Bank, Context  # noqa: E402

GENERAL = (3.8, 0.35)
DEVIATION = 0.45
ITEM_NOISE = 0.6
CAPABLE = 4  # "vaak" on every statement, "soms" on a reverse one: keyed 4 throughout


def answers(bank: Bank, levels: dict[str, float], rng: random.Random, chosen: set[str]) -> dict[str, int | None]:
    """One answer per statement that applies, on the keyed level with item noise."""
    lo, hi = bank.scale.min, bank.scale.max
    result: dict[str, int | None] = {}
    for competency in bank.competencies:
        for q in applicable(bank.items[competency.id], chosen):
            level = min(hi, max(lo, round(levels[competency.id] + rng.gauss(0, ITEM_NOISE))))
            result[q.id] = lo + hi - level if q.reverse else level
    return result


def highest(targets: dict[str, float], order: Sequence[str]) -> set[str]:
    """The three highest targets, ties in bank order."""
    ranked = sorted((cid for cid in order if cid in targets), key=lambda c: -targets[c])
    return set(ranked[:3])


def simulate(bank: Bank, mtype_id: str, contexts: Sequence[Context], n: int, rng: random.Random) -> dict[str, float]:
    """Mean overlaps of the top three with the weakest required and with the highest targets."""
    from ontwikkelscan.analysis.scoring import targets as profile

    mtype = bank.types[mtype_id]
    lo_hi = bank.scale.min + bank.scale.max
    chosen = {c.id for c in contexts}
    order = [c.id for c in bank.competencies]
    wanted = profile(mtype, contexts)
    top_targets = highest(wanted, order)
    weak_hits = high_hits = 0
    for i in range(n):
        g = rng.gauss(*GENERAL)
        levels = {cid: g + rng.gauss(0, DEVIATION) for cid in order}
        sheet = AnswerSheet(f"sim-{i}", answers(bank, levels, rng, chosen))
        top = set(score(bank, sheet, mtype, contexts).summary.development[:3])
        weakest = set(sorted((c for c in order if c in wanted), key=lambda c: levels[c])[:3])
        weak_hits += len(top & weakest)
        high_hits += len(top & top_targets)
    capable = AnswerSheet("capable", {q.id: (lo_hi - CAPABLE if q.reverse else CAPABLE)
                                      for q in applicable(bank.questions, chosen)})
    capable_fit = score(bank, capable, mtype, contexts).summary.fit or 0.0
    return {"weakest": weak_hits / n, "highest": high_hits / n, "capable_fit": capable_fit}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bank", type=Path, help="bank folder (default: the shipped bank)")
    parser.add_argument("-n", type=int, default=2000, help="respondents per type and context")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    bank = load_bank(args.bank)
    rows = [("(geen)", ())] + [(cid, (context,)) for cid, context in bank.contexts.items()]
    print("| type | context | overlap with weakest 3 | overlap with highest 3 targets | ratio | capable fit |")
    print("|---|---|---|---|---|---|")
    totals = [0.0, 0.0]
    worst_fit = 1.0
    for mtype_id in bank.types:
        for label, contexts in rows:
            rng = random.Random(f"{args.seed}-{mtype_id}-{label}")
            r = simulate(bank, mtype_id, contexts, args.n, rng)
            totals[0] += r["weakest"]
            totals[1] += r["highest"]
            worst_fit = min(worst_fit, r["capable_fit"])
            ratio = r["weakest"] / r["highest"] if r["highest"] else float("inf")
            print(f"| {mtype_id} | {label} | {r['weakest']:.2f} | {r['highest']:.2f} | {ratio:.2f} "
                  f"| {r['capable_fit']:.0%} |")
    print()
    print(f"all rows: weakest {totals[0]:.2f}, highest {totals[1]:.2f}, ratio {totals[0] / totals[1]:.2f}; "
          f"lowest capable fit {worst_fit:.0%}")


if __name__ == "__main__":
    main()
