"""The `raters:` block of a bank (docs/formats.md sections 6 and 6.3): rater groups, the floors, the open comments."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, TypeGuard

from ..errors import Problem
from ..models import DEFAULT_FLOOR, MIN_FLOOR, CommentQuestion, RaterGroup, Raters
from .yamlio import Doc


def read_raters(doc: Doc, out: list[Problem]) -> Raters | None:
    """The rater groups of a 360 round (docs/formats.md section 6), or None when the bank has none."""
    raw = doc.data.get("raters")
    if not isinstance(raw, dict) or not isinstance(raw.get("groups"), dict):
        return None
    groups: dict[str, RaterGroup] = {}
    for gid, group in raw["groups"].items():
        if gid == "self":
            out.append(doc.problem(("raters", "groups", gid), "`self` is geen groep: de eigen scan is altijd een "
                                   "groep apart; geef deze groep een andere id", at_key=True))
            continue
        if isinstance(gid, str) and isinstance(group, dict) and isinstance(group.get("name"), str):
            groups[gid] = RaterGroup(gid, group["name"], group.get("anonymous", True) is not False)
    given = raw.get("anonymity_floor", DEFAULT_FLOOR)
    floor = given if _is_int(given) and given >= MIN_FLOOR else DEFAULT_FLOOR
    comment_floor = raw.get("comment_floor", floor)
    if _is_int(comment_floor) and comment_floor < floor:
        out.append(doc.problem(("raters", "comment_floor"), f"comment_floor {comment_floor} ligt onder de "
                               f"anonymity_floor ({floor}); opmerkingen vragen minstens evenveel schrijvers: "
                               f"maak haar {floor} of hoger, of laat haar weg (dan {floor})"))
    return Raters(MappingProxyType(groups), floor, _comments(doc, raw.get("comments"), out),
                  max(comment_floor, floor) if _is_int(comment_floor) else floor)


def _comments(doc: Doc, value: Any, out: list[Problem]) -> tuple[CommentQuestion, ...]:
    """The open questions (docs/formats.md section 6.3); the schema check has said what is wrong with a malformed one."""
    questions = doc.data.get("questions")
    statement_ids = {q.get("id") for q in questions if isinstance(q, dict)} if isinstance(questions, list) else set()
    seen: dict[str, int] = {}
    result = []
    for i, raw in enumerate(value if isinstance(value, list) else ()):
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("id", "text", "observer")):
            continue
        cid = raw["id"]
        if cid in seen:
            out.append(doc.problem(("raters", "comments", i, "id"), f"dubbele id `{cid}` (ook raters.comments"
                                   f"[{seen[cid]}]); geef elke open vraag een eigen id"))
            continue
        if cid in statement_ids:
            out.append(doc.problem(("raters", "comments", i, "id"), f"open vraag `{cid}` heeft de id van een "
                                   "stelling; een kolom of sleutel met die id zou twee dingen betekenen: kies een "
                                   "andere id"))
            continue
        seen[cid] = i
        result.append(CommentQuestion(cid, raw["text"], raw["observer"]))
    return tuple(result)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
