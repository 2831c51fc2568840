"""PyYAML's syntax errors told in Dutch, at the line where the mistake is (docs/bank.md section 3).

PyYAML says in English what it expected at the place where it noticed: an unclosed quote is
noticed where the next quote closes it, often lines later; a missing colon at the next key. Its C
loader (libyaml) and its Python loader word the same error differently ("did not find expected
key", "expected <block end>, but found '<scalar>'"). Here every message of both becomes a Dutch
explanation with the usual cause, placed with what PyYAML knows: the problem mark, the context
mark (where the quote opened, where the key began) and the tokens read before the error.
A message we do not know keeps a Dutch frame and PyYAML's own text as "(YAML: ...)".
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ..errors import Problem

_QUOTE = "zet de hele tekst tussen dubbele aanhalingstekens"
_ALIGN = "lijn deze regel uit met de regels erboven; spring alleen in met spaties"


class _Spot(NamedTuple):
    line: int  # 0-based, as PyYAML's marks
    column: int


class _Rule(NamedTuple):
    pattern: str  # searched in "context / problem" (the texts of either loader)
    at: str  # "problem" or "context": the mark that is where the mistake is
    what: str  # the Dutch explanation ({char}: the character at the mark; {quote}: the quote that opened)
    hint: str


# First match wins. The block, flow and "mapping values" errors are placed by _structure() first.
_RULES = (
    _Rule(r"quoted scalar / found unexpected end of stream", "context",
          "de tekst tussen aanhalingstekens die hier begint, wordt niet gesloten: het bestand houdt eerder op",
          "zet een {quote} aan het eind van de tekst"),
    _Rule(r"quoted scalar / found unexpected document", "context",
          "de tekst tussen aanhalingstekens die hier begint, loopt door tot een regel `---` of `...`",
          "zet een {quote} aan het eind van de tekst"),
    _Rule(r"unknown escape character", "problem",
          "onbekende code na een `\\` in een tekst tussen dubbele aanhalingstekens",
          "schrijf `\\\\` voor een backslash, of zet de tekst tussen enkele aanhalingstekens"),
    _Rule(r"hexa?decimal|unicode character escape", "problem",
          "een `\\x`, `\\u` of `\\U` zonder geldige tekencode in een tekst tussen dubbele aanhalingstekens",
          "schrijf `\\\\` voor een backslash, of zet de tekst tussen enkele aanhalingstekens"),
    _Rule(r"tab character|'\\t' that cannot start", "problem", "een tab in de inspringing",
          "YAML springt alleen in met spaties: vervang de tab door spaties"),
    _Rule(r"cannot start any token", "problem", "een waarde kan niet beginnen met {char}", _QUOTE),
    _Rule(r"could not find expected ':'", "context",
          "deze regel is geen `sleutel: waarde`: YAML vindt geen dubbele punt met een spatie erna",
          "schrijf `sleutel: waarde`, met een spatie na de dubbele punt; loopt een tekst zonder aanhalingstekens "
          "door op de volgende regel, " + _QUOTE),
    _Rule(r"mapping keys are not allowed", "problem", "een `?` aan het begin van een waarde leest YAML als sleutel",
          _QUOTE),
    _Rule(r"sequence entries are not allowed", "problem", "een `- ` (een lijstelement) waar dat niet kan",
          "staat de `-` in een tekst, " + _QUOTE + "; is het een lijstelement, lijn de `-` dan uit met de andere "
          "elementen van de lijst"),
    _Rule(r"invalid indentation or unclosed", "problem", "de inspringing klopt niet, of een `[` of `{{` wordt niet gesloten",
          "lijn deze regel uit met de regels erboven en sluit elke `[` met `]` en elke `{{` met `}}`"),
    _Rule(r"undefined alias", "problem",
          "een waarde die met `*` begint, leest YAML als verwijzing naar een anker (`&naam`), en dat bestaat niet",
          _QUOTE),
    _Rule(r"duplicate anchor", "problem",
          "een waarde die met `&` begint, leest YAML als anker, en dit anker staat twee keer (eerst op regel {first})",
          _QUOTE),
    _Rule(r"scanning an? (anchor|alias)", "context",
          "een waarde die met `{raw}` begint, leest YAML als anker (`&naam`) of verwijzing ernaar (`*naam`)", _QUOTE),
    _Rule(r"tag|constructor", "problem", "een waarde die met `!` begint, leest YAML als type-aanduiding (tag)", _QUOTE),
    _Rule(r"block scalar", "context",
          "na `|` of `>` verwacht YAML een tekstblok op de regels eronder, en niets meer op deze regel", _QUOTE),
    _Rule(r"another document", "problem", "een regel `---` begint een tweede document; dit bestand heeft er één",
          "verwijder de regel `---`"),
    _Rule(r"directive|document start|<document start>", "problem",
          "een regel die met `%` begint, leest YAML als instructie (directive)",
          "zet een tekst die met `%` begint tussen dubbele aanhalingstekens"),
    _Rule(r"node content", "problem", "hier ontbreekt een waarde",
          "staat er een komma te veel, of sluit een `]` of `}}` te vroeg?"),
    _Rule(r"unexpected ':'", "problem", "een dubbele punt in een tekst zonder aanhalingstekens binnen `[ ]` of `{{ }}`",
          _QUOTE),
    _Rule(r"duplicate key", "problem", "deze sleutel staat twee keer in hetzelfde blok", "laat er één over"),
    _Rule(r"comment or (a )?line break|whitespace|expected ' '", "problem",
          "na deze waarde verwacht YAML een spatie, `#` (commentaar) of het eind van de regel", _QUOTE),
)

_TAB = next(rule for rule in _RULES if rule.what == "een tab in de inspringing")


def syntax_problem(exc: Any, text: str, file: str, loader: Any) -> Problem:
    """The Problem for a MarkedYAMLError `exc` of parsing `text` with the PyYAML loader class `loader`."""
    lines = text.split("\n")
    context, problem = exc.context or "", exc.problem or ""
    said = f"{context} / {problem}"
    spot = _mark(exc.problem_mark) or _mark(exc.context_mark) or _Spot(0, 0)
    tokens = _tokens_before(loader, text, exc.problem_mark)
    found = _unclosed(text, exc, tokens) or _structure(said, exc, lines, tokens) or _no_space(said, exc, lines)
    if found is None:
        found = _from_rules(said, exc, lines)
    if found is None:
        original = "; ".join(part for part in (context, problem) if part) or "onleesbare YAML"
        found = (spot, f"YAML kan het bestand hier niet lezen (YAML: {original})",
                 "kijk of de inspringing (alleen spaties), de dubbele punten en de aanhalingstekens kloppen")
    (line, column), what, hint = found
    source = lines[line] if line < len(lines) else ""
    return Problem(file, line + 1, column + 1, "", f"geen geldige YAML: {what}; {hint}", source=source)


def _mark(mark: Any) -> _Spot | None:
    return _Spot(mark.line, mark.column) if mark is not None else None


def _from_rules(said: str, exc: Any, lines: list[str]) -> tuple[_Spot, str, str] | None:
    for rule in _RULES:
        if not re.search(rule.pattern, said, re.IGNORECASE):
            continue
        spot = _mark(exc.context_mark if rule.at == "context" else exc.problem_mark) \
            or _mark(exc.problem_mark) or _Spot(0, 0)
        if rule.what.startswith("een regel die met `%`"):
            spot = next((_Spot(n, 0) for n in range(spot.line, -1, -1) if lines[n].startswith("%")), spot)
        char = _char(lines, spot)
        first = exc.context_mark.line + 1 if exc.context_mark is not None else "?"
        values = {"raw": char, "char": "een backtick" if char == "`" else f"`{char}`", "first": first,
                  "quote": f"`{char}`" if char in ("'", '"') else "aanhalingsteken"}
        if char == "\t":
            rule = _TAB
        return spot, rule.what.format(**values), rule.hint.format(**values)
    return None


def _unclosed(text: str, exc: Any, tokens: list[Any]) -> tuple[_Spot, str, str] | None:
    """The file ends inside `[` or `{`: the place is the bracket that never closed, not the end."""
    if exc.problem_mark is None or exc.problem_mark.index < len(text.rstrip()):
        return None
    opened: list[Any] = []
    for token in tokens:
        name = type(token).__name__
        if name in ("FlowSequenceStartToken", "FlowMappingStartToken"):
            opened.append(token)
        elif name in ("FlowSequenceEndToken", "FlowMappingEndToken") and opened:
            opened.pop()
    if not opened:
        return None
    close = "]" if type(opened[-1]).__name__ == "FlowSequenceStartToken" else "}"
    return _Spot(opened[-1].start_mark.line, opened[-1].start_mark.column), \
        f"de `{'[' if close == ']' else '{'}` op deze regel wordt niet gesloten: het bestand houdt eerder op", \
        f"sluit af met `{close}`"


def _no_space(said: str, exc: Any, lines: list[str]) -> tuple[_Spot, str, str] | None:
    """`text:"Ik ..."`: without a space after it, the colon is part of the text and the key has none."""
    spot = _mark(exc.context_mark)
    if "expected ':'" not in said or spot is None or spot.line >= len(lines):
        return None
    match = _glued(lines[spot.line])
    if match is None:
        return None
    key, rest = match.group(2), match.group(3)
    return _Spot(spot.line, match.end(2)), "na de dubbele punt hoort een spatie", f"schrijf `{key}: {rest}`"


def _char(lines: list[str], spot: _Spot) -> str:
    line = lines[spot.line] if spot.line < len(lines) else ""
    return line[spot.column] if spot.column < len(line) else ""


def _tokens_before(loader: Any, text: str, mark: Any) -> list[Any]:
    """The tokens that end before the problem mark (the scanner stops at its own errors)."""
    if mark is None:
        return []
    found: list[Any] = []
    scanner = loader(text)
    try:
        while True:
            token = scanner.get_token()
            if token is None or token.start_mark.index >= mark.index:
                break
            found.append(token)
    except Exception:  # noqa: BLE001  # a scanner error ends the tokens: what came before is what we need
        pass
    finally:
        scanner.dispose()
    return found


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _structure(said: str, exc: Any, lines: list[str], tokens: list[Any]) -> tuple[_Spot, str, str] | None:
    """The errors whose place and cause follow from the text around them: a quote that runs on or
    closes too early, a `-` without a space, a line indented wrongly, a bracket never closed."""
    problem = _mark(exc.problem_mark)
    if problem is None or not re.search(r"block end|expected key|'-' indicator|mapping values|expected ','", said):
        return None
    last: Any = tokens[-1] if tokens else None
    quote = getattr(last, "style", None)
    quoted = quote in ("'", '"') and last.end_mark.line == problem.line
    if quoted and last.start_mark.line < problem.line:
        return _Spot(last.start_mark.line, last.start_mark.column), (
            f"de tekst tussen aanhalingstekens die hier begint, loopt door tot regel {problem.line + 1}: het "
            f"afsluitende `{quote}` ontbreekt"), "zet het aan het eind van de tekst"
    line = lines[problem.line] if problem.line < len(lines) else ""
    first = _indent(line) == problem.column
    if "expected ','" in said:
        return _flow(said, exc, problem, lines, first)
    if quoted:
        inner = "schrijf een apostrof erin dubbel (`zo''n`), of zet de tekst tussen dubbele aanhalingstekens" \
            if quote == "'" else "schrijf een aanhalingsteken erin als `\\\"`, of zet de tekst tussen enkele aanhalingstekens"
        return problem, f"na het afsluitende `{quote}` staat nog tekst", inner
    if "mapping values" in said:
        return _colon(lines, problem, line)
    stripped = line.lstrip(" ")
    if first and re.match(r"-[^\s-]", stripped):
        return problem, "na de `-` van een lijstelement hoort een spatie", f"schrijf `- {stripped[1:].strip()}`"
    if not first:
        return problem, "na de waarde staat nog iets op deze regel", _QUOTE
    context = _mark(exc.context_mark)
    if context is None:  # pragma: no cover  # a block error always has its block
        return problem, "de inspringing klopt niet", _ALIGN
    spaces = f"{problem.column} {'spatie' if problem.column == 1 else 'spaties'}"
    if stripped.startswith("- ") and "mapping" in said:
        how = f"{spaces} ingesprongen" if problem.column else "niet ingesprongen"
        return problem, (f"een lijstelement (`- `, {how}) waar een sleutel van het blok op regel "
                         f"{context.line + 1} hoort"), "lijn de `-` uit met de andere elementen van de lijst"
    listed = "collection" in said or "'-'" in said
    if listed and problem.column == context.column:
        return problem, f"elk element van de lijst op regel {context.line + 1} begint met `- `, deze regel niet", \
            "zet `- ` ervoor (een nieuw element), of spring hem verder in (een sleutel van het element erboven)"
    expected = "een `- ` (een nieuw element van de lijst)" if listed else "een sleutel"
    above = _above(lines, problem.line)
    deeper = _indent(lines[above]) if above is not None and not stripped.startswith("-") else 0
    alternative = f", of een sleutel op {deeper} spaties zoals op regel {above + 1}" \
        if above is not None and deeper > context.column else ""
    return problem, (f"de inspringing klopt niet: deze regel springt {spaces} in; hier past {expected} op "
                     f"{context.column} spaties{alternative}"), _ALIGN


def _flow(said: str, exc: Any, problem: _Spot, lines: list[str], first: bool) -> tuple[_Spot, str, str]:
    """A `{`/`[` list or block on one line that does not close, or has something unquoted in it."""
    close = "]" if "sequence" in said or "']'" in said else "}"
    opening = "[" if close == "]" else "{"
    context = _mark(exc.context_mark)
    if context is not None and context.line < problem.line and (first or _opens(lines[context.line], opening)):
        return context, f"de `{opening}` op deze regel wordt niet gesloten", f"sluit af met `{close}`"
    line = lines[problem.line] if problem.line < len(lines) else ""
    found = line[problem.column] if problem.column < len(line) else ""
    seen = f", maar vindt `{found}`" if found else ""
    return problem, f"in `{opening} ... {close}` verwacht YAML na een waarde een komma of `{close}`{seen}", \
        f"ontbreekt er een `{close}` of een komma? staat er een dubbele punt, komma of aanhalingsteken in een tekst? " \
        "zet die tekst dan tussen dubbele aanhalingstekens"


def _colon(lines: list[str], problem: _Spot, line: str) -> tuple[_Spot, str, str]:
    """`: ` where no new key can start: in unquoted text, or a key indented deeper than the line above."""
    key = line[:problem.column].strip()
    above = _above(lines, problem.line)
    glued = _glued(lines[above]) if above is not None else None
    if above is not None and glued is not None:  # `- id:bps-2`: the line above is one text, continued here
        return _Spot(above, glued.end(2)), "na de dubbele punt hoort een spatie", \
            f"schrijf `{glued.group(2)}: {glued.group(3)}`"
    item = lines[above].strip() if above is not None else ""
    if above is not None and item.startswith("- ") and ": " not in item and not item.endswith(":"):
        return _Spot(above, _indent(lines[above])), ("dit lijstelement is geen `sleutel: waarde`, zodat de sleutels "
                                                     "eronder er niet bij horen: de dubbele punt ontbreekt"), \
            "schrijf `- sleutel: waarde`, met een spatie na de dubbele punt"
    if re.fullmatch(r"[\w-]+", key) and above is not None and _indent(lines[above]) < _indent(line):
        return problem, (f"`{key}:` springt verder in dan regel {above + 1}, zodat YAML deze regel leest als "
                         "vervolg van de waarde daar"), f"lijn `{key}:` uit met de sleutels erboven"
    return problem, "een dubbele punt met een spatie erna (`: `) in een tekst zonder aanhalingstekens", _QUOTE


def _above(lines: list[str], line: int) -> int | None:
    """The nearest line above `line` with something on it other than a comment."""
    return next((n for n in range(line - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")),
                None)


def _glued(line: str) -> re.Match[str] | None:
    """`key:value` without the space, and no `: ` elsewhere on the line (which would make it a key)."""
    match = re.match(r"\s*(-\s+)?([\w-]+):([^\s:].*)", line)
    return match if match is not None and ": " not in line and not line.rstrip().endswith(":") else None


def _opens(line: str, opening: str) -> bool:
    """Whether `line` opens more `{` (or `[`) than it closes, outside quoted text."""
    bare = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'', "", line)
    return bare.count(opening) > bare.count("]" if opening == "[" else "}")
