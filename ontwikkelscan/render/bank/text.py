"""The bank overview for its editor, and the verdict of `validate`. Plain text: fast, and it diffs well."""

from __future__ import annotations

from pathlib import Path

from ...errors import Problem
from ...models import Bank
from ..common.view import KIND_LABELS, level, percent, plain_table
from ..formats import PLAIN, Options


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def render_validation(folder: Path, bank: Bank | None, problems: list[Problem]) -> tuple[str, str]:
    """(verdict for stderr, or ''; the all-clear line for stdout, or '')."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    counts = []
    if errors:
        counts.append(_count(errors, "fout", "fouten"))
    if warnings:
        counts.append(_count(warnings, "waarschuwing", "waarschuwingen"))
    verdict = ""
    if bank is None:
        verdict = f"{' en '.join(counts)} in de vragenbank in {folder}; de bank is niet bruikbaar."
    elif warnings:
        verdict = f"{' en '.join(counts)} in de vragenbank in {folder}."
    ok_line = ""
    if bank is not None:
        ok_line = (f"Vragenbank in orde: {folder} (versie {bank.version}, "
                   f"{_count(len(bank.competencies), 'competentie', 'competenties')}, "
                   f"{_count(len(bank.questions), 'vraag', 'vragen')}, "
                   f"{_count(len(bank.types), 'type', 'typen')} gemeente"
                   + (f", {_count(len(bank.contexts), 'context', 'contexten')}" if bank.contexts else "") + ")\n")
    return verdict, ok_line


def render_bank(bank: Bank, options: Options = PLAIN) -> str:
    """Competencies with their number of items and reverse share, the scale, the types and their targets."""
    scale = bank.scale
    reversed_total = sum(q.reverse for q in bank.questions)
    out = [
        f"Vragenbank {bank.version} ({bank.location})",
        f"sha256 {bank.sha256}",
        "",
        f"Schaal {scale.min}-{scale.max}: " + ", ".join(f"{k} = {v}" for k, v in sorted(scale.labels.items())),
        f"Overslaan: {scale.not_applicable}" if scale.not_applicable else "Overslaan: niet toegestaan",
        f"{_count(len(bank.competencies), 'competentie', 'competenties')}, "
        f"{_count(len(bank.questions), 'vraag', 'vragen')}, waarvan {reversed_total} omgekeerd "
        f"({percent(reversed_total / len(bank.questions))})",
        "",
    ]
    types = list(bank.types.values())
    headers = ("Competentie", "Soort", "Vragen", "Omgekeerd", *(t.id for t in types))
    rows = []
    for c in bank.competencies:
        items = bank.items[c.id]
        rev = sum(q.reverse for q in items)
        rows.append((c.id, KIND_LABELS[c.kind], str(len(items)), f"{rev} ({percent(rev / len(items))})",
                     *(level(t.targets[c.id]) if c.id in t.targets else "–" for t in types)))
    out += plain_table(headers, rows, right=set(range(2, len(headers))))
    out += ["", "Doelniveaus per type gemeente; – = niet vereist (wel gescoord, geen verschil berekend).", "",
            "Typen gemeente"]
    for t in types:
        out.append(f"  {t.id}: {t.name}, {_count(len(t.targets), 'doel', 'doelen')}")
    return "\n".join(out) + "\n"
