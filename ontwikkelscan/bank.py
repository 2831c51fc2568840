"""Load and validate a question bank (SPEC section 1) into an immutable Bank."""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import schemas
from .errors import InputError, Problem
from .models import Bank, Competency, MunicipalityType, Question, Scale
from .schemacheck import check, did_you_mean
from .yamlio import Doc, parse, read_bytes

COMPETENCIES_FILE = "competencies.yaml"
QUESTIONS_FILE = "questions.yaml"
BANK_ENV = "ONTWIKKELSCAN_BANK"
MIN_ITEMS_ADVISED = 3
MAX_REVERSE_SHARE = 0.5


def shipped_bank_dir() -> Path:
    """The bank inside the installed package, or data/ beside it in a source checkout."""
    here = Path(__file__).resolve().parent
    inside = here / "data"
    return inside if (inside / QUESTIONS_FILE).is_file() else here.parent / "data"


def bank_dir(option: Path | None) -> Path:
    """--bank wins, then $ONTWIKKELSCAN_BANK, then the shipped bank."""
    if option is not None:
        return option
    env = os.environ.get(BANK_ENV)
    return Path(env) if env else shipped_bank_dir()


def load_bank(directory: Path | None = None) -> Bank:
    """The validated bank; InputError with every error when it is broken. Warnings are ignored here."""
    bank, problems = inspect_bank(directory)
    errors = [p for p in problems if p.severity == "error"]
    if errors or bank is None:
        raise InputError(errors)
    return bank


def inspect_bank(directory: Path | None = None) -> tuple[Bank | None, list[Problem]]:
    """Read and check a bank; returns the bank (None on errors) and all errors and warnings, sorted."""
    folder = bank_dir(directory)
    problems: list[Problem] = []
    raws: list[bytes] = []
    docs: list[Doc | None] = []
    for name, schema in ((COMPETENCIES_FILE, schemas.COMPETENCIES), (QUESTIONS_FILE, schemas.QUESTIONS)):
        path = folder / name
        try:
            raw = read_bytes(path)
            doc = parse(raw, str(path))
        except InputError as exc:
            problems.extend(exc.problems)
            docs.append(None)
            continue
        raws.append(raw)
        problems.extend(doc.problems)
        if doc.data is None:
            problems.append(doc.problem((), "bestand is leeg"))
            docs.append(None)
            continue
        problems.extend(check(doc, schema))
        docs.append(doc)
    comp_doc, q_doc = docs
    if comp_doc is None or q_doc is None or any(p.severity == "error" for p in problems):
        return None, sorted(problems, key=lambda p: p.sort_key)
    bank = _build(comp_doc, q_doc, hashlib.sha256(b"".join(raws)).hexdigest(), str(folder), problems)
    problems.sort(key=lambda p: p.sort_key)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return bank, problems


def _build(cdoc: Doc, qdoc: Doc, sha256: str, location: str, out: list[Problem]) -> Bank:
    """Cross-checks on structurally valid documents, then the Bank itself."""
    competencies = _competencies(cdoc, out)
    ids = {c.id for c in competencies}
    scale = _scale(qdoc, out)
    questions = _questions(qdoc, ids, out)
    items = {c.id: tuple(q for q in questions if q.competency == c.id) for c in competencies}
    for i, c in enumerate(competencies):
        n = len(items[c.id])
        if n == 0:
            out.append(cdoc.problem(("competencies", i, "id"), f"competentie `{c.id}` heeft geen vragen; "
                                    f"voeg vragen toe in {QUESTIONS_FILE} met `competency: {c.id}`"))
        elif n < MIN_ITEMS_ADVISED:
            out.append(cdoc.problem(("competencies", i, "id"), f"competentie `{c.id}` heeft maar {n} vraag/vragen; "
                                    f"minstens {MIN_ITEMS_ADVISED} geven een betrouwbaardere score", severity="warning"))
    reversed_share = sum(q.reverse for q in questions) / len(questions) if questions else 0.0
    if reversed_share > MAX_REVERSE_SHARE:
        out.append(qdoc.problem(("questions",), f"{reversed_share:.0%} van de vragen is omgekeerd gescoord; "
                                f"houd dat tussen 0% en {MAX_REVERSE_SHARE:.0%}", severity="warning"))
    types = _types(cdoc, competencies, scale, out)
    return Bank(
        competencies=competencies, questions=questions, scale=scale, types=types,
        version=str(qdoc.data["version"]), sha256=sha256, location=location,
        question_index=MappingProxyType({q.id: q for q in questions}),
        items=MappingProxyType(items),
    )


def _competencies(doc: Doc, out: list[Problem]) -> tuple[Competency, ...]:
    seen: dict[str, int] = {}
    result = []
    for i, raw in enumerate(doc.data["competencies"]):
        cid = raw["id"]
        if cid in seen:
            out.append(doc.problem(("competencies", i, "id"), f"dubbele id `{cid}` (ook competencies[{seen[cid]}]); "
                                   "elke competentie heeft een eigen id"))
            continue
        seen[cid] = i
        result.append(Competency(
            id=cid, name=raw["name"], kind=raw["kind"], definition=raw["definition"], source=raw.get("source", ""),
            indicators=tuple(raw.get("indicators", ())), tips=tuple(raw.get("tips", ())),
        ))
    return tuple(result)


def _scale(doc: Doc, out: list[Problem]) -> Scale:
    raw = doc.data["scale"]
    low, high = raw["min"], raw["max"]
    labels: dict[int, str] = {int(k): v for k, v in raw["labels"].items()}
    if low >= high:
        out.append(doc.problem(("scale", "max"), f"max ({high}) moet groter zijn dan min ({low})"))
    else:
        for point in range(low, high + 1):
            if point not in labels:
                out.append(doc.problem(("scale", "labels"), f"schaalpunt {point} heeft geen label; "
                                       f"voeg toe: `{point}: \"...\"`"))
    for key in raw["labels"]:
        if not low <= int(key) <= high:
            out.append(doc.problem(("scale", "labels", key), f"label voor {key} valt buiten de schaal {low}-{high}"))
    return Scale(low, high, MappingProxyType(labels), raw.get("not_applicable"))


def _questions(doc: Doc, competency_ids: set[str], out: list[Problem]) -> tuple[Question, ...]:
    seen: dict[str, int] = {}
    result = []
    for i, raw in enumerate(doc.data["questions"]):
        qid, cid = raw["id"], raw["competency"]
        if qid in seen:
            out.append(doc.problem(("questions", i, "id"), f"dubbele id `{qid}` (ook questions[{seen[qid]}]); "
                                   "geef elke vraag een eigen id"))
            continue
        seen[qid] = i
        if cid not in competency_ids:
            out.append(doc.problem(("questions", i, "competency"), f"onbekende competentie `{cid}`"
                                   f"{did_you_mean(cid, competency_ids)}; bekend: {', '.join(sorted(competency_ids))}"))
            continue
        weight = raw.get("weight", 1)
        if not math.isfinite(weight):
            out.append(doc.problem(("questions", i, "weight"), f"gewicht `{weight}` is geen eindig getal"))
            continue
        result.append(Question(qid, cid, raw["text"], bool(raw.get("reverse", False)), float(weight)))
    return tuple(result)


def _types(doc: Doc, competencies: tuple[Competency, ...], scale: Scale,
           out: list[Problem]) -> Mapping[str, MunicipalityType]:
    known = {c.id for c in competencies}
    result = {}
    for tid, raw in doc.data["municipality_types"].items():
        base = ("municipality_types", tid)
        targets: dict[str, float] = {}
        for cid, level in raw["targets"].items():
            where = base + ("targets", cid)
            if cid not in known:
                out.append(doc.problem(where, f"doel voor onbekende competentie `{cid}`{did_you_mean(cid, known)}",
                                       at_key=True))
            elif not (math.isfinite(level) and scale.min <= level <= scale.max):
                out.append(doc.problem(where, f"doel {level} valt buiten de schaal {scale.min}-{scale.max}"))
            else:
                targets[cid] = float(level)
        for c in competencies:
            if c.kind == "core" and c.id not in raw["targets"]:
                out.append(doc.problem(base + ("targets",), f"geen doel voor kerncompetentie `{c.id}`; "
                                       f"elk type heeft een doel voor alle kerncompetenties"))
        rationale = raw.get("rationale", {})
        for cid in rationale:
            if cid not in raw["targets"]:
                out.append(doc.problem(base + ("rationale", cid), f"onderbouwing voor `{cid}`, dat geen doel heeft "
                                       "in dit type", at_key=True, severity="warning"))
        # keep the bank's competency order, whatever order the file lists targets in
        ordered = {c.id: targets[c.id] for c in competencies if c.id in targets}
        result[tid] = MunicipalityType(tid, raw["name"], MappingProxyType(ordered), raw.get("description", ""),
                                       MappingProxyType(dict(rationale)))
    return MappingProxyType(result)


def describe_bank(bank: Bank) -> dict[str, Any]:
    """The identity recorded in answer files and reports."""
    return {"version": bank.version, "sha256": bank.sha256}
