"""The one YAML loader: safe only, duplicate keys refused, positions kept, size limited.

PyYAML speaks YAML 1.1, which reads `no` as false, `012` as 10 and `1:30` as 90, and `1e-3` as
text; that last one is read as the number JSON and our JSON Schemas see.
We keep the raw text of every plain scalar that YAML turned into something other
than text, so that a validator expecting text or an id can say what happened and
how to quote it.

PyYAML itself is imported at the first parse: a run whose bank comes from the cache and that
reads no YAML file (the scan up to its first prompt) does without it (about 15 ms).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, Problem, file_problem, os_reason

if TYPE_CHECKING:
    from yaml.nodes import MappingNode, Node, ScalarNode

MAX_BYTES = 5 * 1024 * 1024  # a bank or answer file is a few kB; this stops accidents
MAX_NODES = 200_000  # also stops alias bombs ("billion laughs")
MAX_DEPTH = 50  # our files nest 4 deep; this stops self-referring aliases before Python's recursion limit

_Loader: Any = None  # PyYAML's C loader (its Python one without libyaml), set by _pyyaml()
_constructor: Any = None
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"

# YAML 1.1 needs a dot and a signed exponent (1.0e+3); JSON, YAML 1.2 and so an editor with our
# JSON Schema read `1e-3` and `1.5e3` as numbers too. The loader reads them the way the schema does.
_EXPONENT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+")
_NUMBER_START = frozenset("0123456789+-.")

Path_ = tuple[str | int, ...]


class Doc:
    """A parsed YAML document with the positions of its parts (filled in while parsing).

    `marks[path]` is the (line, column) of the value at `path`, 1-based;
    `key_marks[path]` the position of the key that holds it;
    `plain[path]` the raw text of a plain scalar that YAML read as non-text;
    `problems` what the parser itself found (duplicate keys, YAML 1.1 keys).
    """

    __slots__ = ("file", "data", "marks", "key_marks", "plain", "problems", "locate")

    def __init__(self, file: str, data: Any = None) -> None:
        self.file = file
        self.data = data
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self.plain: dict[Path_, str] = {}
        self.problems: list[Problem] = []
        self.locate: Any = None  # () -> (marks, key_marks), for a reader that kept none (files/canonical.py)

    def problem(self, path: Path_, message: str, *, at_key: bool = False, severity: str = "error") -> Problem:
        """A Problem located at `path` (at its key when `at_key`, e.g. for unknown keys)."""
        if self.locate is not None:  # parsed by files/canonical.py: parse again, for the positions
            (self.marks, self.key_marks), self.locate = self.locate(), None
        marks = self.key_marks if at_key else self.marks
        line, column = marks.get(path) or self.marks.get(path) or _nearest(self.marks, path)
        return Problem(self.file, line, column, format_path(path), message, severity)


def _nearest(marks: dict[Path_, tuple[int, int]], path: Path_) -> tuple[int, int]:
    while path:
        path = path[:-1]
        if path in marks:
            return marks[path]
    return (1, 1)


def format_path(path: Path_) -> str:
    """('questions', 12, 'competency') -> 'questions[12].competency'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_bytes(path: Path, label: str | None = None, limit: int = MAX_BYTES) -> bytes:
    """Read a file for parsing, refusing what cannot be an input file (or is larger than `limit`)."""
    name = label or str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise file_problem(name, "dit is een map, geen bestand")
        if size > limit:
            raise file_problem(name, f"bestand is te groot ({size} bytes; hoogstens {limit})")
        return path.read_bytes()
    except FileNotFoundError:
        raise file_problem(name, "bestand niet gevonden") from None
    except PermissionError:
        raise file_problem(name, "geen leesrechten voor dit bestand") from None
    except OSError as exc:
        raise file_problem(name, f"kan het bestand niet lezen ({os_reason(exc)})") from None


def _pyyaml() -> Any:
    """The yaml module, imported (and the loader chosen) at the first call."""
    global _Loader, _constructor
    import yaml

    if _constructor is None:
        _Loader = type("Loader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),),
                       {"resolve": _resolve, "descend_resolver": _no_path, "ascend_resolver": _no_path})
        _constructor = yaml.constructor.SafeConstructor()
    return yaml


_RESOLVED: dict[tuple[Any, Any, Any], str] = {}


def _no_path(*_: Any) -> None:
    """The safe loader has no path resolvers: PyYAML's bookkeeping for them, called per node, does nothing."""


def _resolve(loader: Any, kind: Any, value: Any, implicit: Any) -> str:
    """PyYAML's tag resolution, remembered: the safe loader's tag is a function of (kind, value,
    implicit) alone (no path resolvers), and an answer file repeats the same few scalars (`4`, its
    keys) in every file; PyYAML's regular expressions ran for each of them (a third of a batch)."""
    key = (kind, value, implicit)
    tag = _RESOLVED.get(key)
    if tag is None:
        if len(_RESOLVED) > 50_000:  # free text keeps coming: keep the cache small
            _RESOLVED.clear()
        pyyaml: Any = type(loader).__mro__[1]  # PyYAML's own loader class
        tag = _RESOLVED[key] = pyyaml.resolve(loader, kind, value, implicit)
    return tag


def load_file(path: Path, label: str | None = None) -> Doc:
    return parse(read_bytes(path, label), label or str(path))


def parse(raw: bytes, file: str) -> Doc:
    """Parse YAML bytes into a Doc. Malformed YAML raises InputError; other problems are collected."""
    text = decode_text(raw, file, "UTF-8 (in een teksteditor: Opslaan als, codering UTF-8)")
    if len(text) > MAX_BYTES:
        raise file_problem(file, f"bestand is te groot (hoogstens {MAX_BYTES} tekens)")
    yaml = _pyyaml()
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        from .yamlsyntax import syntax_problem  # only on the error path

        raise InputError([syntax_problem(exc, text, file, _Loader)]) from None
    except yaml.reader.ReaderError as exc:  # a control character such as NUL: the file is not text
        line, column = _line_and_column(text[:exc.position])
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise InputError([Problem(file, line, column, "", f"het teken U+{code:04X} hoort niet in een tekstbestand; "
                                  "is dit wel een YAML-bestand?")]) from None
    except yaml.YAMLError as exc:
        raise file_problem(file, f"geen geldige YAML: YAML kan het bestand niet lezen (YAML: {exc})") from None
    finally:
        loader.dispose()
    doc = Doc(file, None)
    if node is not None:
        builder = _Builder(doc)
        doc.data = builder.build(node, ())
    return doc


def decode_text(raw: bytes, file: str, save_as: str) -> str:
    """UTF-8 text (a byte-order mark is fine); otherwise an error at the line of the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_and_column(raw[:exc.start].decode("utf-8", "replace"))
        raise InputError([Problem(file, line, column, "", f"geen geldige UTF-8-tekst; sla het bestand op als {save_as}")]) \
            from None


def _line_and_column(before: str) -> tuple[int, int]:
    """1-based line and column just after `before`, the text in front of a problem."""
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


class _Builder:
    __slots__ = ("doc", "count")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.count = 0

    def build(self, node: Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES or len(path) > MAX_DEPTH:
            mark = node.start_mark
            if self.count > MAX_NODES:
                what, where = f"te veel elementen (meer dan {MAX_NODES})", format_path(path)
            else:
                what = f"te diep genest (meer dan {MAX_DEPTH} niveaus; verwijst een alias naar zichzelf?)"
                where = format_path(path[:3]) + "…"
            raise InputError([Problem(self.doc.file, mark.line + 1, mark.column + 1, where,
                                      f"{what}; is dit wel een ontwikkelscan-bestand?")])
        self.doc.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        kind = node.id  # type: ignore[attr-defined]  # PyYAML's node classes say what they are: "scalar", ...
        if kind == "scalar":
            return self.scalar(node, path)  # type: ignore[arg-type]
        if kind == "sequence":
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if kind == "mapping":
            return self.mapping(node, path)  # type: ignore[arg-type]
        raise InputError([self.doc.problem(path, "onbekend YAML-element")])  # pragma: no cover

    def scalar(self, node: ScalarNode, path: Path_) -> Any:
        tag = node.tag
        if tag == _STR:
            text = node.value
            if not node.style and text[:1] in _NUMBER_START and _EXPONENT.fullmatch(text):
                self.plain[path] = text  # `1e-3`: text to YAML 1.1, a number to JSON and our schemas; a number
                return float(text)
            return text
        text = node.value
        if tag == _INT and text.isdigit() and text.isascii() and (text[0] != "0" or text == "0"):
            return int(text)  # the common answer value: skip PyYAML's pure-Python int constructor
        try:
            value = _constructor.yaml_constructors[tag](_constructor, node)
        except ValueError:  # looked like a date or number to YAML but is none (2026-13-45): keep the text
            return text
        except (KeyError, _pyyaml().YAMLError):
            raise InputError([self.doc.problem(path, f"onbekend YAML-type {tag} voor `{node.value}`")]) from None
        if not node.style and (tag != _INT or node.value != str(value)):
            self.plain[path] = node.value
        return value

    @property
    def plain(self) -> dict[Path_, str]:
        return self.doc.plain

    def mapping(self, node: MappingNode, path: Path_) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        doc = self.doc
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                raise InputError([Problem(doc.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                          format_path(path), "een sleutel moet tekst of een getal zijn")])
            key = self.key(key_node, path)
            child = path + (key,)
            mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first = doc.key_marks[child][0]
                doc.problems.append(Problem(doc.file, mark[0], mark[1], format_path(child),
                                            f"dubbele sleutel `{key}` (staat ook op regel {first}); laat er één over"))
                continue
            doc.key_marks[child] = mark
            result[key] = self.build(value_node, child)
        return result

    def key(self, node: ScalarNode, path: Path_) -> str | int:
        if node.tag == _STR:
            return str(node.value)
        value = self.scalar(node, path + (node.value,))
        if isinstance(value, int) and not isinstance(value, bool) and node.value == str(value):
            return value
        # `no:`, `012:`, `1:30:` or `2026-01-01:` as a key: keep the text the author typed, and say so.
        key = str(node.value)
        self.doc.plain.pop(path + (node.value,), None)
        mark = node.start_mark
        self.doc.problems.append(Problem(
            self.doc.file, mark.line + 1, mark.column + 1, format_path(path + (key,)),
            f"YAML leest de sleutel `{key}` als {describe(value)}; zet hem tussen aanhalingstekens: \"{key}\""))
        return key


def describe(value: Any) -> str:
    """How YAML read a value, in words a bank editor understands."""
    if value is None:
        return "leeg (null)"
    if isinstance(value, bool):
        return f"ja/nee-waarde ({str(value).lower()})"
    if isinstance(value, int):
        return f"getal ({value})"
    if isinstance(value, float):
        return f"kommagetal ({value})"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"datum ({value.isoformat()})"
    if isinstance(value, list):
        return "lijst"
    if isinstance(value, dict):
        return "blok met sleutels"
    return f"tekst (\"{value}\")"

