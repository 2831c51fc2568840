"""What realistic answer patterns give per municipality type, on two versions of the bank.

Writes answer files for six answering styles (strong, capable, average, weak, generous, strict) per
type, each with two competencies planted a level lower and one a level higher (chosen with a
fixed seed, so that the top development points can follow the answers rather than the type),
scores them with the real command (`ontwikkelscan report ... --format jsonl`) and prints a
Markdown table: fit and the top three development points, before and after.

    .venv/bin/python bench/bank_patterns.py                       # shipped bank only
    .venv/bin/python bench/bank_patterns.py --before 6a1c865^     # bank of that commit as BEFORE
    .venv/bin/python bench/bank_patterns.py --contexts onrustige-periode   # with a context
    .venv/bin/python bench/bank_patterns.py --each-context                 # every context side by side

--before takes a git revision of this repository (its data/ folder) or a bank folder. The
patterns are defined on the keyed level (what the answer means after reverse scoring): a
positive statement is answered with that level, a reverse statement with min + max - level.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

# Keyed levels, cycled over a competency's statements in bank order.
PATTERNS = {
    "strong": [4, 5, 4],    # mostly "vaak"/"(bijna) altijd"; reverse: "soms"/"(bijna) nooit"
    "capable": [4],         # "vaak" everywhere; reverse: "soms"
    "average": [3, 4],      # "regelmatig"/"vaak"; reverse: "regelmatig"/"soms"
    "weak": [2, 3, 3],      # "soms"/"regelmatig"; reverse: "vaak"/"regelmatig"
    "generous": [5],        # "(bijna) altijd" on positive statements ...
    "strict": [3],          # "regelmatig" everywhere, reverse ones too
}
# ... and the generous style also agrees with reverse statements a little ("soms"), whatever it means.
GENEROUS_REVERSE_ANSWER = 2


def bank_dir(spec: str | None, workdir: Path) -> Path:
    """A bank folder: the shipped one, a folder, or data/ of a git revision copied out."""
    if spec is None:
        return ROOT / "data"
    if Path(spec).is_dir():
        return Path(spec)
    out = workdir / "before-bank"
    out.mkdir()
    for name in ("competencies.yaml", "questions.yaml"):
        text = subprocess.run(["git", "-C", str(ROOT), "show", f"{spec}:data/{name}"], capture_output=True,
                              text=True, check=True).stdout
        (out / name).write_text(text, encoding="utf-8")
    return out


def planted(types: dict, competencies: list[str], mtype: str, style: str) -> tuple[list[str], str]:
    """Two of the type's targeted competencies a level lower, one other competency a level higher."""
    rng = random.Random(f"{mtype}-{style}")
    targeted = [c for c in competencies if c in types[mtype]["targets"]]
    low = rng.sample(targeted, 2)
    high = rng.choice([c for c in competencies if c not in low])
    return low, high


def answers_for(questions: list[dict], style: str, low: list[str], high: str, contexts: list[str]) -> dict:
    """The answer of each statement that applies, for one style with its planted differences."""
    seen: dict[str, int] = {}
    result = {}
    for q in questions:
        if q.get("contexts") and not set(q["contexts"]) & set(contexts):
            continue
        cid = q["competency"]
        n = seen.get(cid, 0)
        seen[cid] = n + 1
        cycle = PATTERNS[style]
        level = cycle[n % len(cycle)] - (cid in low) + (cid == high)
        level = max(1, min(5, level))
        if q.get("reverse"):
            result[q["id"]] = GENEROUS_REVERSE_ANSWER if style == "generous" else 6 - level
        else:
            result[q["id"]] = level
    return result


def run(bank: Path, workdir: Path, label: str, contexts: list[str]) -> tuple[dict[tuple[str, str], dict], dict]:
    """Score every type and style on one bank: (rows, the bank's municipality types)."""
    comp = yaml.safe_load((bank / "competencies.yaml").read_text(encoding="utf-8"))
    ques = yaml.safe_load((bank / "questions.yaml").read_text(encoding="utf-8"))
    competencies = [c["id"] for c in comp["competencies"]]
    folder = workdir / label
    folder.mkdir()
    files, keys = [], []
    for mtype in comp["municipality_types"]:
        for style in PATTERNS:
            low, high = planted(comp["municipality_types"], competencies, mtype, style)
            doc = {"municipality_type": mtype, "answers": answers_for(ques["questions"], style, low, high, contexts)}
            if contexts:
                doc["contexts"] = contexts
            path = folder / f"{mtype}-{style}.yaml"
            path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
            files.append(str(path))
            keys.append((mtype, style, tuple(low), high))
    command = [sys.executable, "-m", "ontwikkelscan", "report", *files, "--bank", str(bank), "--format", "jsonl"]
    done = subprocess.run(command, capture_output=True, text=True)  # the contexts are in the files
    if done.returncode != 0:
        sys.exit(f"{' '.join(command[:4])} ...: exit {done.returncode}\n{done.stderr}")
    out = done.stdout
    result = {}
    for (mtype, style, low, high), line in zip(keys, out.splitlines(), strict=True):
        report = json.loads(line)
        result[(mtype, style)] = {"low": low, "high": high, "fit": report["summary"]["fit"],
                                  "top": report["summary"]["development"][:3]}
    return result, comp["municipality_types"]


SHORT = {
    "bestuurlijke-sensitiviteit": "bps", "communicatieve-vaardigheid": "com", "besluitvaardigheid": "bes",
    "probleemoplossend-vermogen": "pov", "persoonlijk-optreden": "po", "zelfreflectie": "zr",
    "adviesvaardigheid": "adv", "plannen-en-organiseren": "pen", "resultaatgerichtheid": "res",
    "ontwikkelingsgerichtheid": "coa", "samenwerken": "sam", "visie": "vis", "netwerkvaardigheid": "net",
    "complexe-ontwikkelingsprocessen": "cop",
}


def short(ids: list[str] | tuple[str, ...]) -> str:
    return ", ".join(SHORT.get(i, i) for i in ids) or "–"


def fit(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="git revision or bank folder for the BEFORE columns")
    parser.add_argument("--contexts", nargs="*", default=[], help="contexts for the AFTER bank")
    parser.add_argument("--each-context", action="store_true",
                        help="one column per context of the shipped bank: fit and top 3 with that context")
    args = parser.parse_args()
    if args.each_context:
        each_context()
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        after, after_types = run(bank_dir(None, work), work, "after", args.contexts)
        before, before_types = run(bank_dir(args.before, work), work, "before", []) if args.before else ({}, {})
    head = "| type | pattern | planted lower / higher |"
    rule = "|---|---|---|"
    if before:
        head += " before: fit | before: top 3 |"
        rule += "---|---|"
    head += " after: fit | after: top 3 |"
    rule += "---|---|"
    print(head)
    print(rule)
    for (mtype, style), row in after.items():
        line = f"| {mtype} | {style} | {short(row['low'])} / {short([row['high']])} |"
        if before:
            old = before[(mtype, style)]
            line += f" {fit(old['fit'])} | {short(old['top'])} |"
        line += f" {fit(row['fit'])} | {short(row['top'])} |"
        print(line)
    print()
    for label, rows, types in (("before", before, before_types), ("after", after, after_types)):
        if rows:
            print(f"{label}: {summary(rows, types)}")


def each_context() -> None:
    """Fit and the top three per type and style, with each context of the shipped bank chosen alone."""
    bank = ROOT / "data"
    ids = list(yaml.safe_load((bank / "competencies.yaml").read_text(encoding="utf-8")).get("contexts", {}))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        plain, types = run(bank, work, "none", [])
        columns = {xid: run(bank, work, xid, [xid])[0] for xid in ids}
    print("| type | pattern | planted lower | no context | " + " | ".join(ids) + " |")
    print("|---|---|---|---|" + "---|" * len(ids))
    for key, row in plain.items():
        cells = [f"{fit(r['fit'])}: {short(r['top'])}" for r in (row, *(columns[x][key] for x in ids))]
        print(f"| {key[0]} | {key[1]} | {short(row['low'])} | " + " | ".join(cells) + " |")
    print()
    for xid in ids:
        print(f"{xid}: {summary(columns[xid], types)}")


def summary(rows: dict, types: dict) -> str:
    """How far the top three follow the planted answers rather than the type's highest targets."""
    found = sum(len(set(r["low"]) & set(r["top"])) for r in rows.values())
    planted = sum(len(r["low"]) for r in rows.values())
    same = sum(1 for (mtype, _), r in rows.items() if r["top"] and set(r["top"]) <= highest(types[mtype]))
    return (f"{found} of {planted} planted lower competencies in the top 3; in {same} of {len(rows)} rows "
            "the top 3 are only competencies with the type's highest target")


def highest(mtype: dict) -> set[str]:
    top = max(mtype["targets"].values())
    return {c for c, level in mtype["targets"].items() if level == top}


if __name__ == "__main__":
    main()
