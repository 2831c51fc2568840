"""The target profiles of a bank (competencies.yaml): the municipality types and the contexts
that colour them (docs/formats.md sections 1 and 7), checked against the competencies and the scale."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..errors import Problem
from ..models import Competency, Context, MunicipalityType, Scale
from . import schemas
from .schemacheck import did_you_mean
from .yamlio import Doc

ID_RE = re.compile(schemas.ID_PATTERN)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _targets(doc: Doc, base: tuple[str, ...], raw: dict[Any, Any], competencies: tuple[Competency, ...],
             scale: Scale | None, out: list[Problem], refs: list[Problem]) -> Mapping[str, float]:
    """The well-formed targets of one type or context, in the bank's competency order."""
    known = {c.id for c in competencies}
    targets: dict[str, float] = {}
    for cid, level in raw.items():
        where = base + ("targets", cid)
        if not isinstance(cid, str) or not ID_RE.match(cid):
            continue
        if cid not in known:
            refs.append(doc.problem(where, f"doel voor onbekende competentie `{cid}`{did_you_mean(cid, known)}",
                                    at_key=True))
        elif not is_number(level) or scale is None or scale.min >= scale.max:
            continue
        elif not (math.isfinite(level) and scale.min <= level <= scale.max):
            out.append(doc.problem(where, f"doel {level} valt buiten de schaal {scale.min}-{scale.max}; "
                                   f"kies een doel van {scale.min} tot en met {scale.max}"))
        else:
            targets[cid] = float(level)
    # keep the bank's competency order, whatever order the file lists targets in
    return MappingProxyType({c.id: targets[c.id] for c in competencies if c.id in targets})


def _rationale(doc: Doc, base: tuple[str, ...], raw: dict[str, Any], out: list[Problem]) -> dict[str, str]:
    rationale: dict[str, str] = raw["rationale"] if isinstance(raw.get("rationale"), dict) else {}
    for cid in rationale:
        if cid not in raw["targets"]:
            out.append(doc.problem(base + ("rationale", cid), f"onderbouwing voor `{cid}`, dat geen doel heeft "
                                   f"in {'deze context' if base[0] == 'contexts' else 'dit type'}; voeg een doel "
                                   "toe of verwijder de onderbouwing", at_key=True, severity="warning"))
    return rationale


def types(doc: Doc, competencies: tuple[Competency, ...], scale: Scale | None,
          out: list[Problem], refs: list[Problem]) -> Mapping[str, MunicipalityType]:
    result = {}
    all_types = doc.data.get("municipality_types")
    for tid, raw in (all_types.items() if isinstance(all_types, dict) else ()):
        if not isinstance(raw, dict) or not isinstance(raw.get("targets"), dict):
            continue
        base = ("municipality_types", tid)
        targets = _targets(doc, base, raw["targets"], competencies, scale, out, refs)
        for c in competencies:
            if c.kind == "core" and c.id not in raw["targets"]:
                refs.append(doc.problem(base + ("targets",), f"geen doel voor kerncompetentie `{c.id}`; "
                                        f"elk type heeft een doel voor alle kerncompetenties"))
        rationale = _rationale(doc, base, raw, out)
        result[tid] = MunicipalityType(tid, str(raw.get("name", tid)), targets,
                                       str(raw.get("description", "")), MappingProxyType(dict(rationale)))
    return MappingProxyType(result)


def contexts(doc: Doc, competencies: tuple[Competency, ...], scale: Scale | None,
             out: list[Problem], refs: list[Problem]) -> Mapping[str, Context]:
    """The contexts (docs/formats.md section 7); every target needs a one-line rationale."""
    result = {}
    all_contexts = doc.data.get("contexts")
    for xid, raw in (all_contexts.items() if isinstance(all_contexts, dict) else ()):
        if not isinstance(xid, str) or not isinstance(raw, dict) or not isinstance(raw.get("targets"), dict):
            continue
        base = ("contexts", xid)
        targets = _targets(doc, base, raw["targets"], competencies, scale, out, refs)
        rationale = _rationale(doc, base, raw, out)
        if isinstance(raw.get("rationale"), dict):  # a missing block: the schema check has said so
            for cid in raw["targets"]:
                if isinstance(cid, str) and cid not in rationale:
                    out.append(doc.problem(base + ("targets", cid), f"doel voor `{cid}` zonder onderbouwing; "
                                           f"voeg onder `rationale:` een regel toe: `{cid}: \"...\"`", at_key=True))
        result[xid] = Context(xid, str(raw.get("name", xid)), targets, str(raw.get("description", "")),
                              str(raw.get("source", "")), MappingProxyType(dict(rationale)))
    return MappingProxyType(result)
