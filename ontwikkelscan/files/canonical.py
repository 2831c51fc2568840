"""A fast reader for answer files exactly as ontwikkelscan writes them (files/answers.py dump_answers).

A batch of 10,000 answer files spent half its time in YAML: libyaml's parser, PyYAML's nodes
and our Doc builder (files/yamlio.py), which keeps the position of every value for messages.
The files our own scan, import and `feedback enter` write have one fixed shape: `key: value`
lines at two levels of indentation, values that are small integers, `null`, ISO dates, ids,
JSON-quoted strings or a flow list of ids. This module reads that shape line by line and gives
the same Doc as yamlio.parse (data, positions, raw text of non-text scalars), about five times
faster.

Anything else returns None and the caller parses with yamlio: comments, other quoting or
indentation, a duplicate key, a value YAML 1.1 might read in another way (`no`, `012`,
`2026-11`), characters YAML treats as line breaks or refuses. Being strict is what makes it
safe: a line it accepts means one thing in YAML, and tests/files/test_canonical.py checks
that both readers agree on written files, edited files and random text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from . import yamlio
from .yamlio import MAX_BYTES, Doc

# A key or plain value that YAML reads as text: a letter first, then id characters (no `:`, `#`, space).
_KEY = r"[A-Za-z][A-Za-z0-9_.-]*"
_WORD_RE = r"[A-Za-z][A-Za-z0-9_./@-]*"
# JSON's escapes are YAML's too; a lone surrogate escape (\ud800) is not the same in both
_QUOTED_RE = r'"(?:[^"\\\n]|\\["\\/bfnrt]|\\u(?![dD][89abAB])[0-9a-fA-F]{4})*"'
_VALUE = rf"{_QUOTED_RE}|\[(?:{_WORD_RE}(?:, {_WORD_RE})*)?\]|\{{\}}|[0-9a-zA-Z][0-9a-zA-Z_./@-]*"
# Every line `key: value`, `key:` (a block follows) or `  key: value`, and nothing else: one
# match in C decides whether the file has the shape at all; then findall gives its parts.
_FILE = re.compile(rf"(?:(?:  )?{_KEY}:(?: (?:{_VALUE}))?\n)+")
_LINE = re.compile(rf"^(  )?({_KEY}):(?: ({_VALUE}))?$", re.M)
_WORD = re.compile(_WORD_RE)
_INT = re.compile(r"0|[1-9][0-9]{0,17}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SHA = re.compile(r"[0-9a-f]{64}")
_NUMBERLIKE = re.compile(r"[0-9]*[eE]?[0-9]*|0b[01]*")  # a hex digest that YAML or our loader reads as a number
# What YAML refuses in a file or reads as a line break or a mark (NEL, LS, PS, BOM), and
# tabs and carriage returns, which this reader does not try to place: all left to yamlio.
_FOREIGN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufeff\ufffe\uffff]")
# YAML 1.1 reads these words as true, false or null (PyYAML: these exact spellings and their capitals)
_SPECIAL = frozenset(spelling for word in ("yes", "no", "true", "false", "on", "off", "null", "y", "n")
                     for spelling in (word, word.capitalize(), word.upper()))
_SPECIAL_KEY = re.compile(rf"^(?:  )?(?:{'|'.join(sorted(_SPECIAL))}):", re.M)
_SMALL = {str(i): i for i in range(10)}  # answers on the scale, without a regular expression each


def parse(raw: bytes, file: str) -> Doc | None:
    """The Doc of a canonical answer file, or None when yamlio.parse must read it. It keeps no
    positions: a message that needs them parses the file again with yamlio (Doc.locate)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(text) > MAX_BYTES or _FOREIGN.search(text) or not _FILE.fullmatch(text) or _SPECIAL_KEY.search(text):
        return None
    doc = Doc(file, {})
    data: dict[str, Any] = doc.data
    block: dict[str, Any] = data  # where `  key: value` lines go: the mapping under the last `key:` line
    lines = 0
    for lines, (indent, key, rest) in enumerate(_LINE.findall(text), 1):  # noqa: B007  (lines: counted)
        if not indent:
            if block is not data and not block:
                return None  # `key:` with nothing under it: YAML's null, left to yamlio
            if not rest:
                block = data[key] = {}
                continue
            block = data
        elif block is data:
            return None  # indented under a `key: value` line
        value = _SMALL.get(rest, _NO)
        if value is _NO:
            value = _value(doc, (key,) if block is data else (_parent(data), key), rest)
            if value is _NO:
                return None
        block[key] = value
    if block is not data and not block:
        return None
    # a key given twice: the same count of lines and keys says there is none (yamlio names it)
    if lines != len(data) + sum(len(value) for value in data.values() if isinstance(value, dict) and value):
        return None
    doc.locate = lambda: _positions(yamlio.parse(raw, file))
    return doc


def _positions(doc: Doc) -> tuple[dict[Any, tuple[int, int]], dict[Any, tuple[int, int]]]:
    return doc.marks, doc.key_marks


def _parent(data: dict[str, Any]) -> str:
    """The key of the block being read: the last one so far."""
    return next(reversed(data))


_NO = object()


def _value(doc: Doc, path: tuple[str, ...], text: str) -> Any:
    """The value of `text` as yamlio reads it (with the raw text of a non-text scalar); _NO when not canonical."""
    first = text[:1]
    if first == '"':
        return json.loads(text)
    if first == "[":
        items = text[1:-1].split(", ") if text != "[]" else []
        return _NO if any(item in _SPECIAL for item in items) else items
    if text == "{}":
        return {}
    if text == "null":
        doc.plain[path] = text
        return None
    if _INT.fullmatch(text):
        return int(text)
    if _DATE.fullmatch(text):
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            return _NO
        doc.plain[path] = text
        return value
    if _SHA.fullmatch(text):
        return _NO if _NUMBERLIKE.fullmatch(text) else text
    if _WORD.fullmatch(text) and text not in _SPECIAL:
        return text
    return _NO
