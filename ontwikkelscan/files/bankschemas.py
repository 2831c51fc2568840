"""The schemas as `ontwikkelscan schema` writes them: as they are, or narrowed to one bank."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .schemas import ALL

if TYPE_CHECKING:
    from ..models import Bank


def schema_files(bank: Bank | None = None) -> dict[str, str]:
    """File name -> JSON text, as `ontwikkelscan schema --output` writes them and schemas/ holds them."""
    return {f"{kind}.schema.json": _dump(schema) for kind, schema in for_bank(bank).items()}


def schema_text(kind: str | None = None, bank: Bank | None = None) -> str:
    """One schema, or all three in one object keyed by file name."""
    schemas = for_bank(bank)
    if kind is not None:
        return _dump(schemas[kind])
    return _dump({f"{k}.schema.json": schema for k, schema in schemas.items()})


def for_bank(bank: Bank | None) -> dict[str, dict[str, Any]]:
    """The schemas, narrowed to one bank when given: its competency and question ids, its types
    and its scale, so that an editor also flags an unknown id or an answer off the scale."""
    if bank is None:
        return ALL
    import copy

    narrowed = copy.deepcopy(ALL)
    competency_ids = [c.id for c in bank.competencies]
    level = {"type": "number", "minimum": bank.scale.min, "maximum": bank.scale.max}
    types = narrowed["competencies"]["properties"]["municipality_types"]["additionalProperties"]["properties"]
    types["targets"]["propertyNames"] = {"enum": competency_ids}
    types["targets"]["additionalProperties"] = level
    contexts = narrowed["competencies"]["properties"]["contexts"]["additionalProperties"]["properties"]
    contexts["targets"]["propertyNames"] = {"enum": competency_ids}
    contexts["targets"]["additionalProperties"] = level
    question = narrowed["questions"]["properties"]["questions"]["items"]["properties"]
    question["competency"] = {**question["competency"], "enum": competency_ids}
    context_ids = {"enum": list(bank.contexts)}
    question["contexts"]["items"] = context_ids
    answers = narrowed["answers"]["properties"]
    answers["municipality_type"] = {**answers["municipality_type"], "enum": list(bank.types)}
    answers["contexts"]["items"] = context_ids
    narrowed["round"]["properties"]["contexts"]["items"] = context_ids
    if bank.raters is not None:
        answers["rater"] = {**answers["rater"], "enum": ["self", *bank.raters.groups]}
    answers["answers"]["propertyNames"] = {"enum": [q.id for q in bank.questions] + sorted(bank.retired)}
    comment_ids = [c.id for c in bank.raters.comments] if bank.raters is not None else []
    answers["comments"]["propertyNames"] = {"enum": comment_ids}
    answers["answers"]["additionalProperties"] = {"type": ["integer", "null"], "minimum": bank.scale.min,
                                                  "maximum": bank.scale.max}
    for schema in narrowed.values():
        schema["description"] += f" (vragenbank {bank.version})"
    return narrowed


def _dump(value: Any) -> str:
    import json  # only for the `schema` command

    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
