"""Load and validate a question bank (docs/formats.md section 1) into an immutable Bank."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Collection
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeGuard

from ..errors import InputError, Problem
from ..models import ROLES, Bank, Competency, Question, Scale
from . import bankcache, profiles, schemas
from .bankchecks import MAX_REVERSE_SHARE, competency_checks
from .profiles import is_number
from .raters import read_raters
from .schemacheck import check, did_you_mean
from .yamlio import Doc, parse, read_bytes

COMPETENCIES_FILE = "competencies.yaml"
QUESTIONS_FILE = "questions.yaml"
BANK_ENV = "ONTWIKKELSCAN_BANK"
ID_RE = re.compile(schemas.ID_PATTERN)


def shipped_bank_dir() -> Path:
    """The bank inside the installed package, or data/ beside it in a source checkout."""
    here = Path(__file__).resolve().parents[1]  # the package folder
    inside = here / "data"
    return inside if (inside / QUESTIONS_FILE).is_file() else here.parent / "data"


def bank_dir(option: Path | None) -> Path:
    """--bank wins, then $ONTWIKKELSCAN_BANK, then the shipped bank."""
    if option is not None:
        return option
    env = os.environ.get(BANK_ENV)
    return Path(env) if env else shipped_bank_dir()


def load_bank(directory: Path | None = None) -> Bank:
    """The validated bank; InputError with every error when it is broken. Warnings are ignored here.

    A bank that loaded before, unchanged since, comes from the cache (see bankcache.py).
    """
    folder = bank_dir(directory)
    key = bankcache.key(folder)  # before reading: a file changed meanwhile then misses next time
    cached = bankcache.read(key)
    if cached is not None:
        sha256, competencies, questions = cached
        bank = _build(Doc(str(folder / COMPETENCIES_FILE), competencies), Doc(str(folder / QUESTIONS_FILE), questions),
                      sha256, str(folder), [])
        if bank is not None:
            return bank
    bank, problems, data = _inspect(folder, thorough=False)
    errors = [p for p in problems if p.severity == "error"]
    if errors or bank is None:
        raise InputError(errors)
    bankcache.write(key, bank.sha256, *data)
    return bank


def inspect_bank(directory: Path | None = None, *, thorough: bool = False) -> tuple[Bank | None, list[Problem]]:
    """Read and check a bank; returns the bank (None on errors) and all errors and warnings, sorted.

    Loading stops before the cross-checks when a file breaks its schema (the cross-checks
    would only repeat the damage). `thorough` (for `validate`) runs them anyway on
    whatever is well-formed, so that an editor sees every error in one run.
    """
    bank, problems, _ = _inspect(bank_dir(directory), thorough=thorough)
    return bank, problems


def _inspect(folder: Path, *, thorough: bool) -> tuple[Bank | None, list[Problem], tuple[Any, Any]]:
    """inspect_bank, plus the checked data of both files (for the cache)."""
    import hashlib  # 3 ms of start-up that a cached bank does without

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
    structural = any(p.severity == "error" for p in problems)
    if comp_doc is None or q_doc is None or (structural and not thorough) \
            or not isinstance(comp_doc.data, dict) or not isinstance(q_doc.data, dict):
        return None, sorted(problems, key=lambda p: p.sort_key), (None, None)
    bank = _build(comp_doc, q_doc, hashlib.sha256(b"".join(raws)).hexdigest(), str(folder), problems)
    problems.sort(key=lambda p: p.sort_key)
    if bank is None or any(p.severity == "error" for p in problems):
        return None, problems, (None, None)
    return bank, problems, (comp_doc.data, q_doc.data)


def _entries(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    """The well-formed entries of a list (the schema check reports the others)."""
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, raw) for i, raw in enumerate(value) if isinstance(raw, dict) and isinstance(raw.get("id"), str)]


def _build(cdoc: Doc, qdoc: Doc, sha256: str, location: str, out: list[Problem]) -> Bank | None:
    """Cross-checks on the well-formed parts of both files, then the Bank itself (None on errors)."""
    competencies = _competencies(cdoc, out)
    ids = {c.id for c in competencies}
    # With a malformed competency id, checks against the list of ids would mostly repeat that one
    # error (every question and target "unknown"); they are left out until the ids are right.
    refs: list[Problem] = out if all(ID_RE.match(c.id) for c in competencies) else []
    scale = _scale(qdoc, out)
    raters = read_raters(qdoc, out)
    contexts = profiles.contexts(cdoc, competencies, scale, out, refs)
    questions = _questions(qdoc, ids, out, refs, contexts=set(contexts))
    items = {c.id: tuple(q for q in questions if q.competency == c.id) for c in competencies}
    # A statement without `observer:` is an error of the schema (docs/bank.md); its competency's
    # "nothing for observers" warning would only repeat it.
    unwritten = {str(raw.get("competency")) for _, raw in _entries(qdoc.data, "questions") if "observer" not in raw}
    competency_checks(cdoc, competencies, items, raters is not None, out, refs, unwritten)
    reversed_share = sum(q.reverse for q in questions) / len(questions) if questions else 0.0
    if reversed_share > MAX_REVERSE_SHARE:
        out.append(qdoc.problem(("questions",), f"{reversed_share:.0%} van de vragen is omgekeerd gescoord; "
                                f"houd dat tussen 0% en {MAX_REVERSE_SHARE:.0%}: schrijf er een paar positief",
                                severity="warning"))
    types = profiles.types(cdoc, competencies, scale, out, refs)
    retired = _retired(qdoc, out)
    if scale is None or any(p.severity == "error" for p in out):
        return None
    return Bank(
        competencies=competencies, questions=questions, scale=scale, types=types,
        version=str(qdoc.data.get("version", "")), sha256=sha256, location=location, raters=raters, contexts=contexts,
        question_index=MappingProxyType({q.id: q for q in questions}),
        items=MappingProxyType(items), retired=retired,
    )


def _retired(doc: Doc, out: list[Problem]) -> frozenset[str]:
    """The ids of statements that earlier versions of the bank had (`retired:`); none may be a question now."""
    live = {raw["id"] for _, raw in _entries(doc.data, "questions")}
    result: set[str] = set()
    for i, raw in _entries(doc.data, "retired"):
        rid = raw["id"]
        if rid in live or rid in result:
            why = "is ook een vraag in deze bank; een vervallen id komt niet terug: geef de vraag een nieuwe id" \
                if rid in live else "staat twee keer in `retired`; noem elke id één keer"
            out.append(doc.problem(("retired", i, "id"), f"vervallen vraag `{rid}` {why}"))
        result.add(rid)
    return frozenset(result)


def _competencies(doc: Doc, out: list[Problem]) -> tuple[Competency, ...]:
    seen: dict[str, int] = {}
    result = []
    for i, raw in _entries(doc.data, "competencies"):
        cid = raw["id"]
        if cid in seen:
            out.append(doc.problem(("competencies", i, "id"), f"dubbele id `{cid}` (ook competencies[{seen[cid]}]); "
                                   "elke competentie heeft een eigen id"))
            continue
        seen[cid] = i
        result.append(Competency(
            id=cid, name=raw.get("name", ""), kind=raw.get("kind", "core"), definition=raw.get("definition", ""),
            source=raw.get("source", ""),
            indicators=_texts(raw, "indicators"), tips=_texts(raw, "tips"),
        ))
    return tuple(result)


def _texts(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key)
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _scale(doc: Doc, out: list[Problem]) -> Scale | None:
    raw = doc.data.get("scale")
    if not isinstance(raw, dict):
        return None
    low, high = raw.get("min"), raw.get("max")
    raw_labels: dict[Any, Any] = raw["labels"] if isinstance(raw.get("labels"), dict) else {}
    labels: dict[int, str] = {int(k): v for k, v in raw_labels.items() if _is_point(k)}
    if not (_is_int(low) and _is_int(high)):
        return None
    if low >= high:
        out.append(doc.problem(("scale", "max"), f"max ({high}) moet groter zijn dan min ({low}); "
                               "maak max groter of min kleiner"))
        return Scale(low, high, MappingProxyType(labels))  # the checks against the scale would only add noise
    for point in range(low, high + 1) if isinstance(raw.get("labels"), dict) else ():
        if point not in labels:
            out.append(doc.problem(("scale", "labels"), f"schaalpunt {point} heeft geen label; "
                                   f"voeg toe: `{point}: \"...\"`"))
    for key in raw_labels:
        if _is_point(key) and not low <= int(key) <= high:
            out.append(doc.problem(("scale", "labels", key), f"label voor {key} valt buiten de schaal {low}-{high}; "
                                   "verwijder het label of pas `min`/`max` aan", at_key=True))
    not_applicable = raw.get("not_applicable")
    return Scale(low, high, MappingProxyType(labels), not_applicable if isinstance(not_applicable, str) else None)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_point(key: Any) -> bool:
    return _is_int(key) or (isinstance(key, str) and key.lstrip("-").isdigit())


def _questions(doc: Doc, competency_ids: set[str], out: list[Problem], refs: list[Problem], *,
               contexts: Collection[str] = ()) -> tuple[Question, ...]:
    seen: dict[str, int] = {}
    texts: dict[str, int] = {}
    result = []
    entries = _entries(doc.data, "questions")
    # Roles are all or nothing: once one question has a role every question needs one, so that the
    # three role scores cover the whole bank; a bank without roles (a small test bank) stays valid.
    with_roles = any("role" in raw for _, raw in entries)
    for i, raw in entries:
        qid, cid, text = raw["id"], raw.get("competency"), raw.get("text")
        if qid in seen:
            out.append(doc.problem(("questions", i, "id"), f"dubbele id `{qid}` (ook questions[{seen[qid]}]); "
                                   "geef elke vraag een eigen id"))
            continue
        seen[qid] = i
        if isinstance(text, str) and text.strip():
            same = " ".join(text.split()).casefold()
            if same in texts:
                out.append(doc.problem(("questions", i, "text"), f"dezelfde tekst als questions[{texts[same]}]; "
                                       "maak de vragen verschillend of verwijder er één", severity="warning"))
            texts.setdefault(same, i)
        if with_roles and "role" not in raw:
            out.append(doc.problem(("questions", i), f"vraag `{qid}` heeft geen `role:`; in een bank met rollen "
                                   f"heeft elke vraag er een: {', '.join(ROLES)}"))
        chosen = _question_contexts(doc, i, raw.get("contexts"), contexts, refs)
        if not isinstance(cid, str) or not ID_RE.match(cid):
            continue  # the schema check has said what is wrong with it
        if cid not in competency_ids:
            refs.append(doc.problem(("questions", i, "competency"), f"onbekende competentie `{cid}`"
                                   f"{did_you_mean(cid, competency_ids)}; bekend: {', '.join(sorted(competency_ids))}"))
            continue
        weight = raw.get("weight", 1)
        if not is_number(weight):
            continue
        if not math.isfinite(weight):
            out.append(doc.problem(("questions", i, "weight"), f"gewicht `{weight}` is geen eindig getal; "
                                   "gebruik een getal groter dan 0, standaard 1"))
            continue
        observer = raw.get("observer")
        role = raw.get("role")
        result.append(Question(qid, cid, text if isinstance(text, str) else "", raw.get("reverse") is True,
                               float(weight), role=role if role in ROLES else None, contexts=chosen,
                               observer=observer if isinstance(observer, str) else None))
    return tuple(result)


def _question_contexts(doc: Doc, i: int, value: Any, known: Collection[str], refs: list[Problem]) -> tuple[str, ...]:
    """A question's `contexts:`, each one a context of competencies.yaml, none twice."""
    result: list[str] = []
    for j, xid in enumerate(value if isinstance(value, list) else ()):
        if not isinstance(xid, str) or not ID_RE.match(xid):
            continue
        if xid not in known:
            allowed = ", ".join(sorted(known)) or "(competencies.yaml heeft geen `contexts:`)"
            refs.append(doc.problem(("questions", i, "contexts", j), f"onbekende context `{xid}`"
                                    f"{did_you_mean(xid, known)}; bekend: {allowed}"))
        elif xid in result:
            refs.append(doc.problem(("questions", i, "contexts", j), f"context `{xid}` staat hier twee keer; "
                                    "noem elke context één keer"))
        else:
            result.append(xid)
    return tuple(result)
