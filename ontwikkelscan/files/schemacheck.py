"""Check a parsed YAML document against one of our JSON Schemas, with Dutch messages.

Knows the subset of JSON Schema that schemas.py uses. Every problem names the path,
the rule, the value found and what is allowed; YAML 1.1 surprises get a quoting hint.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from ..errors import Problem
from .yamlio import Doc, Path_, describe

_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z", re.ASCII)
_TYPE_NAMES = {
    "string": "tekst", "integer": "geheel getal", "number": "getal", "boolean": "true of false",
    "array": "lijst", "object": "blok met sleutels", "null": "leeg (null)",
}


def _is_type(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    return value is None


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def check(doc: Doc, schema: dict[str, Any]) -> list[Problem]:
    """All problems of `doc` against `schema` (does not stop at the first)."""
    problems: list[Problem] = []
    _check(doc, doc.data, schema, (), problems)
    return problems


def _check(doc: Doc, value: Any, schema: dict[str, Any], path: Path_, out: list[Problem]) -> None:
    if "const" in schema and value != schema["const"]:
        out.append(doc.problem(path, f"gevonden {_show(value)}; hier hoort `{schema['const']}`"))
        return
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(str(v) for v in schema["enum"])
        out.append(doc.problem(path, f"gevonden {_show(value)}; kies uit: {allowed}{did_you_mean(value, schema['enum'])}"))
        return
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_is_type(value, k) for k in kinds):
            if schema.get("format") == "date" and isinstance(value, dt.date):
                return
            out.append(_type_problem(doc, value, kinds, path))
            return
    if isinstance(value, str):
        _check_string(doc, value, schema, path, out)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        _check_number(doc, value, schema, path, out)
    elif isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            out.append(doc.problem(path, f"lijst heeft {len(value)} element(en); minstens {schema['minItems']} nodig"))
        items = schema.get("items")
        if items is not None:
            for i, item in enumerate(value):
                _check(doc, item, items, path + (i,), out)
    elif isinstance(value, dict):
        _check_object(doc, value, schema, path, out)
    if "then" in schema and not _failures(doc, value, schema["if"], path):
        _check(doc, value, schema["then"], path, out)


def _failures(doc: Doc, value: Any, schema: dict[str, Any], path: Path_) -> list[Problem]:
    """What `schema` finds wrong with `value` (the condition of an if/then: only whether it is empty counts)."""
    found: list[Problem] = []
    _check(doc, value, schema, path, found)
    return found


def _type_problem(doc: Doc, value: Any, kinds: list[str], path: Path_) -> Problem:
    wanted = " of ".join(_TYPE_NAMES[k] for k in kinds)
    raw = doc.plain.get(path)
    if value is None and not raw:  # `key:` with nothing after it
        return doc.problem(path, f"hier staat niets; vul een waarde in ({wanted})")
    if raw is not None and "string" in kinds:
        return doc.problem(path, f"YAML leest `{raw}` als {describe(value)}, maar hier hoort tekst; "
                                 f"zet het tussen aanhalingstekens: \"{raw}\"")
    if "array" in kinds and isinstance(value, str) and value.startswith("-"):  # `-"Tekst"`: YAML reads one text
        return doc.problem(path, "verwacht lijst, gevonden tekst die met `-` begint: na de `-` van elk lijstelement "
                                 "hoort een spatie (`- \"...\"`)")
    found = f"`{raw}` ({describe(value)})" if raw is not None else describe(value)
    fix = ""
    if isinstance(value, str) and {"integer", "number"} & set(kinds) and _NUMBER.match(value.strip()):
        fix = f"; laat de aanhalingstekens weg: {value.strip()}"
    return doc.problem(path, f"verwacht {wanted}, gevonden {found}{fix}")


def _check_string(doc: Doc, value: str, schema: dict[str, Any], path: Path_, out: list[Problem]) -> None:
    # JSON Schema's rules exactly: minLength counts characters, a pattern is searched for (not
    # anchored unless it says so), and the message of a pattern comes with it in the schema.
    if len(value) < schema.get("minLength", 0):
        out.append(doc.problem(path, "tekst is leeg; vul hier iets in"))
        return
    if len(value) > schema.get("maxLength", len(value)):
        out.append(doc.problem(path, f"tekst is {len(value)} tekens lang; hoogstens {schema['maxLength']} tekens: "
                                     "maak haar korter"))
        return
    problem = _pattern_problem(value, schema)
    if problem:
        out.append(doc.problem(path, f"`{value}` {problem}"))
    if schema.get("format") == "date" and not is_date(value):
        out.append(doc.problem(path, f"`{value}` is geen datum; schrijf JJJJ-MM-DD, bijv. 2026-11-28"))


def _pattern_problem(value: str, schema: dict[str, Any]) -> str | None:
    pattern = schema.get("pattern")
    if pattern is None or _regex(pattern).search(value):
        return None
    return str(schema.get("patternErrorMessage") or f"past niet bij het patroon {pattern}")


def is_date(value: str) -> bool:
    """A full-date of RFC 3339, as JSON Schema's `date` format (fromisoformat alone also takes 20261128)."""
    if not _DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_number(doc: Doc, value: float, schema: dict[str, Any], path: Path_, out: list[Problem]) -> None:
    if "exclusiveMinimum" in schema and not value > schema["exclusiveMinimum"]:
        out.append(doc.problem(path, f"gevonden {_show(value)}; moet groter zijn dan {schema['exclusiveMinimum']}"))
    if "minimum" in schema and value < schema["minimum"]:
        out.append(doc.problem(path, f"gevonden {_show(value)}; moet minstens {schema['minimum']} zijn"))
    if "maximum" in schema and value > schema["maximum"]:
        out.append(doc.problem(path, f"gevonden {_show(value)}; mag hoogstens {schema['maximum']} zijn"))


def _check_object(doc: Doc, value: dict[Any, Any], schema: dict[str, Any], path: Path_, out: list[Problem]) -> None:
    properties: dict[str, Any] = schema.get("properties", {})
    for key in schema.get("required", ()):
        if key not in value:
            out.append(doc.problem(path, f"{_whose(value, schema)}verplichte sleutel `{key}` ontbreekt"
                                         f"{_what_goes_there(key, properties.get(key, {}))}"))
    if len(value) < schema.get("minProperties", 0):
        out.append(doc.problem(path, "dit blok is leeg; vul minstens één sleutel in"))
    names = schema.get("propertyNames")
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        child = path + (key,)
        if key in properties and item is None:  # `text:` left empty: say whose it is
            found: list[Problem] = []
            _check(doc, item, properties[key], child, found)
            out.extend(p._replace(message=_whose(value, schema) + p.message) for p in found)
            continue
        if key in properties:
            _check(doc, item, properties[key], child, out)
            continue
        if extra is False:
            allowed = ", ".join(properties)
            maybe = did_you_mean(key, list(properties))
            out.append(doc.problem(child, f"onbekende sleutel `{key}`{maybe}; toegestaan: {allowed}",
                                   at_key=True))
            continue
        if names is not None:
            problem = _name_problem(key, names)
            if problem:
                out.append(doc.problem(child, f"sleutel `{key}` {problem}", at_key=True))
                continue
        if isinstance(extra, dict):
            _check(doc, item, extra, child, out)


def _whose(value: dict[Any, Any], schema: dict[str, Any]) -> str:
    """'vraag `bps-7`: ' for an entry of a list that has a title and an id (the path alone says `questions[6]`)."""
    title, ident = schema.get("title"), value.get("id")
    return f"{title[:1].lower()}{title[1:]} `{ident}`: " if isinstance(title, str) and isinstance(ident, str) else ""


def _what_goes_there(key: str, prop: dict[str, Any]) -> str:
    """The missing key's own description as a hint (what it holds), or the line to add for a constant."""
    if "const" in prop:
        return f"; voeg toe: `{key}: {prop['const']}`"
    text = prop.get("description")
    return f"; {text[:1].lower()}{text[1:].rstrip('.')}" if isinstance(text, str) else ""


def _name_problem(key: Any, names: dict[str, Any]) -> str | None:
    """What is wrong with a key under `propertyNames` (a pattern, or an enum in a bank's own schema)."""
    if "enum" in names and key not in names["enum"]:
        return f"is onbekend; kies uit: {', '.join(map(str, names['enum']))}{did_you_mean(key, names['enum'])}"
    return _pattern_problem(str(key), names)


def did_you_mean(value: Any, choices: Any) -> str:
    """A 'did you mean' for a near miss."""
    import difflib  # only on the error path

    close = difflib.get_close_matches(str(value), sorted(str(c) for c in choices), n=1, cutoff=0.6)
    return f" (bedoelt u `{close[0]}`?)" if close else ""


def _show(value: Any) -> str:
    return f"`{value}`" if isinstance(value, (str, int, float)) and not isinstance(value, bool) else describe(value)
