"""A fast reader for answer files exactly as ontwikkelscan writes them (files/answers.py dump_answers).

A batch of 10,000 answer files spent half its time in YAML: libyaml's parser, PyYAML's nodes
and our Doc builder (files/yamlio.py), which keeps the position of every value for messages.
The files our own scan, import and `feedback enter` write have one fixed shape: `key: value`
lines at two levels of indentation, values that are small integers, `null`, ISO dates, ids,
JSON-quoted strings or a flow list of ids. This module reads that shape with a few regular
expressions over the whole text (a block of answers becomes a dictionary at once) and gives
the same Doc as yamlio.parse: the same data and raw texts of non-text scalars; the positions,
which only a message needs, by parsing again (Doc.locate). 95 us a file against 630 us.

Whole-line comments (a template, a file annotated by hand) are dropped first. Anything else
returns None and the caller parses with yamlio: a comment after a value, other quoting or
indentation, a duplicate key, a value YAML 1.1 might read in another way (`no`, `012`,
`2026-11`), characters YAML treats as line breaks or refuses. Being strict is what makes it
safe: a line it accepts means one thing in YAML, and tests/test_canonical.py checks
that both readers agree on written files, edited files and random text.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any, NamedTuple

from . import yamlio
from .yamlio import MAX_BYTES, Doc

# A key or plain value that YAML reads as text: a letter first, then id characters (no `:`, `#`, space).
_KEY = r"[A-Za-z][A-Za-z0-9_.-]*"
_WORD_RE = r"[A-Za-z][A-Za-z0-9_./@-]*"
# JSON's escapes are YAML's too; a lone surrogate escape (\ud800) is not the same in both
_QUOTED_RE = r'"(?:[^"\\\n]|\\["\\/bfnrt]|\\u(?![dD][89abAB])[0-9a-fA-F]{4})*"'
_VALUE = rf"{_QUOTED_RE}|\[(?:{_WORD_RE}(?:, {_WORD_RE})*)?\]|\{{\}}|[0-9a-zA-Z][0-9a-zA-Z_./@-]*"
# What YAML refuses in a file or reads as a line break or a mark (NEL, LS, PS, BOM), and
# tabs and carriage returns, which this reader does not try to place: all left to yamlio.
_FOREIGN = "[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufeff\ufffe\uffff]"
# YAML 1.1 reads these words as true, false or null (PyYAML: these exact spellings and their capitals)
_SPECIAL = frozenset(spelling for word in ("yes", "no", "true", "false", "on", "off", "null", "y", "n")
                     for spelling in (word, word.capitalize(), word.upper()))
_SMALL: dict[str, Any] = {**{str(i): i for i in range(10)}, "null": None}  # answers, without a regular expression


class _Patterns(NamedTuple):
    word: re.Pattern[str]
    int: re.Pattern[str]
    date: re.Pattern[str]
    sha: re.Pattern[str]
    numberlike: re.Pattern[str]
    foreign: re.Pattern[str]
    top: re.Pattern[str]
    answer_lines: re.Pattern[str]
    answer_line: re.Pattern[str]
    nested_line: re.Pattern[str]
    comment_line: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """Compiled at the first file of our shape (2.5 ms): a run that reads none, such as a report of
    a hand-written file with comments, does without."""
    return _Patterns(
        word=re.compile(_WORD_RE), int=re.compile(r"0|[1-9][0-9]{0,17}"),
        date=re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), sha=re.compile(r"[0-9a-f]{64}"),
        numberlike=re.compile(r"[0-9]*[eE]?[0-9]*|0b[01]*"),  # a hex digest that YAML or our loader reads as a number
        foreign=re.compile(_FOREIGN),
        # The lines of the file: `key: value`, or `key:` and the indented `  key: value` lines of its
        # block. Each pattern matches whole lines only (`^` to the line end), so a line that has
        # another shape matches none, and the count of lines and keys shows it.
        top=re.compile(rf"^({_KEY}):(?: ({_VALUE}))?\n((?:  .*\n)*)", re.M),
        answer_lines=re.compile(rf"(?:  {_KEY}: (?:[0-9]|null)\n)+"),  # a block of answers on the scale
        answer_line=re.compile(rf"^  ({_KEY}): ([0-9]|null)\n", re.M),
        nested_line=re.compile(rf"^  ({_KEY}): ({_VALUE})\n", re.M),
        comment_line=re.compile(r"^ *#.*\n", re.M))


def parse(raw: bytes, file: str) -> Doc | None:
    """The Doc of a canonical answer file, or None when yamlio.parse must read it. It keeps no
    positions: a message that needs them parses the file again with yamlio (Doc.locate)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    p = _patterns()
    if len(text) > MAX_BYTES or not text.endswith("\n") or p.foreign.search(text):
        return None
    if "#" in text:  # whole-line comments (a template, a file annotated by hand) are no part of the data
        text = p.comment_line.sub("", text)
        if "#" in text:  # a comment after a value, or a # in a text: left to yamlio
            return None
    doc = Doc(file, {})
    data: dict[str, Any] = doc.data
    for key, rest, lines in p.top.findall(text):
        if rest:
            if lines:
                return None  # indented under a `key: value` line
            data[key] = _value(doc, (key,), rest)
        elif not lines:
            return None  # `key:` with nothing under it: YAML's null, left to yamlio
        elif p.answer_lines.fullmatch(lines):  # the answers: one dictionary at once
            data[key] = block = {k: _SMALL[v] for k, v in p.answer_line.findall(lines)}
            if "null" in lines:
                doc.plain.update({(key, k): "null" for k, v in block.items() if v is None})
        else:
            data[key] = {k: _value(doc, (key, k), v) for k, v in p.nested_line.findall(lines)}
    # A line of another shape or a key given twice (then there are fewer keys than lines), a key YAML 1.1
    # reads as true or false, or a value that is not canonical: yamlio reads it (and names the mistake).
    blocks = [value for value in data.values() if isinstance(value, dict)]
    values = [*data.values(), *(value for block in blocks for value in block.values())]
    if len(data) + sum(map(len, blocks)) != text.count("\n") or not _SPECIAL.isdisjoint(data) \
            or not all(map(_SPECIAL.isdisjoint, blocks)) or _NO in values:
        return None
    doc.locate = lambda: _positions(yamlio.parse(raw, file))
    return doc


def _positions(doc: Doc) -> tuple[dict[Any, tuple[int, int]], dict[Any, tuple[int, int]]]:
    return doc.marks, doc.key_marks


_NO = object()


def _value(doc: Doc, path: tuple[str, ...], text: str) -> Any:
    """The value of `text` as yamlio reads it (with the raw text of a non-text scalar); _NO when not canonical."""
    p = _patterns()
    first = text[:1]
    if first == '"':
        if "\\" not in text:
            return text[1:-1]  # (the pattern let no `"` through inside: the text as it stands)
        import json  # only for a text with escapes: a batch of plain names does without

        return json.loads(text)
    if first == "[":
        items = text[1:-1].split(", ") if text != "[]" else []
        return _NO if any(item in _SPECIAL for item in items) else items
    if text == "{}":
        return {}
    if text == "null":
        doc.plain[path] = text
        return None
    if p.int.fullmatch(text):
        return int(text)
    if p.date.fullmatch(text):
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            return _NO
        doc.plain[path] = text
        return value
    if p.sha.fullmatch(text):
        return _NO if p.numberlike.fullmatch(text) else text
    if p.word.fullmatch(text) and text not in _SPECIAL:
        return text
    return _NO
