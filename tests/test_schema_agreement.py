"""The hand-written checker and the exported JSON Schemas are one: on generated documents (valid and
invalid answer files, question banks, competencies files, rounds) the checker's verdict is that of
the `jsonschema` package on the same schema.

One narrowing, on purpose: JSON has one kind of number, so JSON Schema counts 3.0 as an integer;
YAML tells 3 and 3.0 apart and the tool asks for 3. The generated numbers are therefore never
floats with an integral value.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelscan.files.schemacheck import check
from ontwikkelscan.files.bankschemas import for_bank
from ontwikkelscan.files.schemas import ALL
from ontwikkelscan.files.yamlio import Doc

from .conftest import QUESTIONS, fixture_bank

_floats = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6).filter(
    lambda x: not x.is_integer())
_tricky_text = st.sampled_from(["", " ", "\t\n", "Alpha", "a--b", "a-", "bps-1", "bps-1\n", "20261128", "2026-02-30",
                                "2026-11-28", "2026-11-28 ", "١٢٣٤-١١-٢٨", "a" * 64, "0" * 64, "3", "-1", "x",
                                "a" * 2001])
_scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 1005), _floats, st.text(max_size=6), _tricky_text)
_junk = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=2),
                                                       st.dictionaries(st.text(max_size=4), inner, max_size=2)),
                     max_leaves=4)


def _names(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    names = schema.get("propertyNames")
    if names is None:
        return st.text(max_size=5)
    if "enum" in names:
        return st.sampled_from(names["enum"]) if names["enum"] else st.nothing()
    return st.from_regex(names["pattern"], fullmatch=True).filter(lambda s: len(s) < 12)


def _string(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    if schema.get("format") == "date":
        return st.dates().map(lambda d: d.isoformat())
    if "pattern" in schema:
        return st.from_regex(schema["pattern"]).filter(lambda s: len(s) >= schema.get("minLength", 0))
    return st.text(min_size=schema.get("minLength", 0), max_size=8)


def _number(schema: dict[str, Any], integer: bool) -> st.SearchStrategy[Any]:
    low = schema.get("minimum", schema.get("exclusiveMinimum", -10))
    high = schema.get("maximum", 1000)
    ints = st.integers(int(low) + ("exclusiveMinimum" in schema), int(high))
    if integer:
        return ints
    decimals = st.floats(low, high, exclude_min="exclusiveMinimum" in schema).filter(lambda x: not x.is_integer())
    return st.one_of(ints, decimals)


def documents(schema: dict[str, Any], bad: bool) -> st.SearchStrategy[Any]:
    """A document that fits `schema`; with `bad`, any part may be junk, a required key missing or one too many."""
    fitting = _fitting(schema, bad)
    if not bad:
        return fitting
    return st.integers(0, 7).flatmap(lambda n: _junk if n == 0 else fitting)


def _possible(schema: dict[str, Any]) -> bool:
    """Whether any value fits: an empty enum (a bank without contexts) fits none, nor a list that needs one."""
    if schema.get("enum", [None]) == []:
        return False
    return not (schema.get("type") == "array" and schema.get("minItems", 0) > 0 and not _possible(schema["items"]))


def _fitting(schema: dict[str, Any], bad: bool) -> st.SearchStrategy[Any]:
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"]) if schema["enum"] else st.nothing()
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds
    options = []
    for kind in kinds:
        if kind == "string":
            options.append(_string(schema))
        elif kind in ("integer", "number"):
            options.append(_number(schema, kind == "integer"))
        elif kind == "boolean":
            options.append(st.booleans())
        elif kind == "null":
            options.append(st.none())
        elif kind == "array":
            if not _possible(schema):
                return _junk if bad else st.nothing()
            options.append(st.lists(documents(schema["items"], bad), min_size=schema.get("minItems", 0),
                                    max_size=3 if bad or _possible(schema["items"]) else 0))
        elif kind == "object":
            options.append(_object(schema, bad))
    return st.one_of(options)


def _object(schema: dict[str, Any], bad: bool) -> st.SearchStrategy[dict[str, Any]]:
    properties = schema.get("properties", {})
    required = schema.get("required", [])
    optional = sorted(k for k in set(properties) - set(required) if bad or _possible(properties[k]))
    extra = schema.get("additionalProperties", True)
    keys = st.lists(st.sampled_from(optional), unique=True) if optional else st.just([])
    if bad:  # drop a required key now and then, or add one nobody knows
        keys = st.tuples(keys, st.lists(st.sampled_from([*required, "onbekend"]), max_size=1) if required else
                         st.just(["onbekend"])).map(lambda t: [k for k in [*required, *t[0]] if k not in t[1]] +
                                                    (["onbekend"] if t[1] == ["onbekend"] else []))
    else:
        keys = keys.map(lambda chosen: [*required, *chosen])

    def build(chosen: list[str]) -> st.SearchStrategy[dict[str, Any]]:
        rules = _merged(schema, schema["then"]) if "then" in schema and set(schema["if"]["required"]) <= set(chosen) \
            else schema  # questions.yaml: with `raters`, every statement has an `observer`
        props = rules.get("properties", {})
        fixed = st.fixed_dictionaries({k: documents(props[k], bad) if k in props else _junk for k in chosen})
        if not isinstance(extra, dict):
            return fixed
        no_names = schema.get("propertyNames", {}).get("enum") == []  # a bank without open questions
        more = st.dictionaries(_names(schema) if not bad else st.one_of(_names(schema), st.text(max_size=4)),
                               documents(extra, bad), min_size=schema.get("minProperties", 0),
                               max_size=0 if no_names and not bad else 3)
        return st.tuples(more, fixed).map(lambda t: {**t[0], **t[1]})

    return keys.flatmap(build)


def _merged(schema: dict[str, Any], then: dict[str, Any]) -> dict[str, Any]:
    """`schema` with the rules of an if/then's `then` added (the only form the schemas use: more required keys)."""
    result = dict(schema)
    for key, value in then.items():
        if key == "required":
            result[key] = [*schema.get(key, []), *(k for k in value if k not in schema.get(key, []))]
        elif isinstance(value, dict) and isinstance(schema.get(key), dict):
            result[key] = _merged(schema[key], value)
        else:
            result.setdefault(key, value)
    return result


_BANK = fixture_bank()
SCHEMAS = {**ALL, **{f"{kind} (bank)": schema for kind, schema in for_bank(_BANK).items()}}


def _agree(schema: dict[str, Any], document: Any) -> None:
    document = json.loads(json.dumps(document))  # what an editor sees: plain JSON
    problems = check(Doc("x.yaml", document), schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = [e.message for e in validator.iter_errors(document)]
    assert (problems == []) == (errors == []), (problems, errors)


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_checker_and_jsonschema_agree(kind: str, data: st.DataObject) -> None:
    schema = SCHEMAS[kind]
    bad = data.draw(st.booleans(), label="invalid variant")
    _agree(schema, data.draw(documents(schema, bad), label="document"))


@pytest.mark.parametrize(("kind", "document", "valid"), [
    ("answers", {"answers": {"a-1": 3}, "date": "2026-11-28"}, True),
    ("answers", {"answers": {"a-1": 3}, "date": "20261128"}, False),  # fromisoformat takes it, JSON Schema does not
    ("answers", {"answers": {"A-1": 3}}, False),
    ("answers", {"answers": {}, "bank": {"sha256": "0" * 63}}, False),
    ("round", {"schema": "ontwikkelscan/round@1", "id": "r", "subject": {"name": "   "}, "municipality_type": "x"},
     False),  # white space only: the pattern \\S, not a stripped minLength
    ("round", {"schema": "ontwikkelscan/round@1", "id": "r", "subject": {"name": " A "}, "municipality_type": "x"},
     True),
])
def test_known_drifts_stay_fixed(kind: str, document: Any, valid: bool) -> None:
    _agree(ALL[kind], document)
    assert (check(Doc("x.yaml", document), ALL[kind]) == []) is valid


@pytest.mark.parametrize(("text", "value"), [("1e-3", 0.001), ("2.5E2", 250.0), ("1.0e+1", 10.0), (".5e1", 5.0),
                                             ("-1e-3", -0.001)])
def test_an_exponent_is_a_number_to_the_loader_as_to_the_schema(text: str, value: float) -> None:
    """YAML 1.1 (PyYAML) reads `1e-3` as text; JSON and YAML 1.2, as an editor with our schema reads it, a number."""
    from ontwikkelscan.files.yamlio import parse

    questions = (f"version: t1\nscale: {{min: 1, max: 5, labels: {{1: a, 2: b, 3: c, 4: d, 5: e}}}}\nquestions:\n"
                 f"  - {{id: a-1, competency: alpha, text: \"Ik doe A1.\", weight: {text}}}\n")
    doc = parse(questions.encode(), "questions.yaml")
    assert doc.data["questions"][0]["weight"] == value
    schema = ALL["questions"]
    verdict = [p.message for p in check(doc, schema)]
    assert (verdict == []) == jsonschema.Draft202012Validator(schema).is_valid(json.loads(json.dumps(doc.data)))
    quoted = parse(questions.replace(f"weight: {text}", f'weight: "{text}"').encode(), "questions.yaml")
    assert quoted.data["questions"][0]["weight"] == text  # quoted, it stays text, and both refuse it
    assert check(quoted, schema) and not jsonschema.Draft202012Validator(schema).is_valid(quoted.data)


def test_an_exponent_weight_loads_as_that_weight(make_bank: object) -> None:
    from ontwikkelscan.files.bank import load_bank

    folder = make_bank(questions=QUESTIONS.replace('text: "Ik doe A3.", weight: 2}', 'text: "Ik doe A3.", weight: 1e-3}'))
    assert load_bank(folder).question_index["a-3"].weight == 0.001
