"""YAML syntax errors in Dutch, at the line of the mistake (docs/bank.md section 3): the mistakes consultants
make in a copy of the shipped bank, through `validate`, with PyYAML's C loader (the one we use) and its
Python loader (without libyaml), which word their errors differently."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.errors import InputError, Problem
from ontwikkelscan.files import yamlio
from ontwikkelscan.files.yamlsyntax import syntax_problem
from ontwikkelscan.render.common.excerpt import excerpt

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
VERDICT = "1 fout in de vragenbank in bank; de bank is niet bruikbaar."
QUOTE = "zet de hele tekst tussen dubbele aanhalingstekens"
DOUBLE = '"'
ALIGN = "lijn deze regel uit met de regels erboven; spring alleen in met spaties"


def _python_loader() -> type:
    yamlio._pyyaml()
    return type("Loader", (yaml.SafeLoader,), {"resolve": yamlio._resolve, "descend_resolver": yamlio._no_path,
                                                "ascend_resolver": yamlio._no_path})


@pytest.fixture(params=["C", "Python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "Python":
        monkeypatch.setattr(yamlio, "_Loader", _python_loader())
    else:
        yamlio._pyyaml()
        if not yaml.__with_libyaml__:  # pragma: no cover  # the wheels we install carry libyaml
            pytest.skip("PyYAML without libyaml")
    return str(request.param)


@pytest.fixture
def lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The lines of bank/questions.yaml, a copy of data/ in tmp_path (the current folder)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ONTWIKKELSCAN_BANK", raising=False)
    shutil.copytree(ROOT / "data", tmp_path / "bank")
    return (tmp_path / "bank" / "questions.yaml").read_text(encoding="utf-8").split("\n")


def key_line(lines: list[str], key: str, statement: str = "bps-2") -> int:
    """0-based index of `key:` of a statement, or of the statement's first line for key `-`."""
    start = lines.index(f"  - id: {statement}")
    return start if key == "-" else next(i for i in range(start + 1, len(lines)) if lines[i].startswith(f"    {key}:"))


def validate(lines: list[str]) -> tuple[int, list[str]]:
    Path("bank/questions.yaml").write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["validate", "--bank", "bank"], env={"NO_COLOR": "1", "COLUMNS": "80"})
    return result.exit_code, result.stderr.splitlines()


def shown(number: int, text: str, column: int) -> list[str]:
    """The two lines under the message: the line of the file and a caret under the column."""
    return [f"{number:>5} | {text.replace(chr(9), '→')}", "      | " + " " * (column - 1) + "^"]


# (what a consultant did, the key of statement bps-2 whose line it changes, the line written instead,
#  the column of the mistake, the message; {n} is the 1-based number of the changed line)
Mistake = tuple[str, str, str, int, Callable[[list[str], int], str]]
MISTAKES: list[Mistake] = [
    ("a colon in unquoted text", "text", "    text: Ik bespreek in het overleg: hoe valt het?", 37,
     lambda _, n: f"een dubbele punt met een spatie erna (`: `) in een tekst zonder aanhalingstekens; {QUOTE}"),
    ("a tab to indent", "text", "\ttext: \"Ik bespreek het.\"", 1,
     lambda _, n: "een tab in de inspringing; YAML springt alleen in met spaties: vervang de tab door spaties"),
    ("a text whose closing quote is missing", "text", "    text: \"Ik bespreek het in het overleg.", 11,
     lambda _, n: f"de tekst tussen aanhalingstekens die hier begint, loopt door tot regel {n + 1}: het "
                  "afsluitende `\"` ontbreekt; zet het aan het eind van de tekst"),
    ("the last text of a statement without its closing quote", "observer",
     "    observer: \"Bespreekt het in het overleg.", 15,
     lambda lines, n: "de tekst tussen aanhalingstekens die hier begint, loopt door tot regel "
                      f"{next(i for i in range(n, len(lines)) if DOUBLE in lines[i]) + 1}: het afsluitende `\"` "
                      "ontbreekt; zet het aan het eind van de tekst"),
    ("no space after the dash", "-", "  -id: bps-2", 3,
     lambda _, n: "na de `-` van een lijstelement hoort een spatie; schrijf `- id: bps-2`"),
    ("a new statement indented one space too far", "-", "   - id: bps-2", 4,
     lambda _, n: "de inspringing klopt niet: deze regel springt 3 spaties in; hier past een `- ` (een nieuw "
                  f"element van de lijst) op 2 spaties; {ALIGN}"),
    ("a new statement at the level of the keys", "-", "    - id: bps-2", 5,
     lambda lines, n: "een lijstelement (`- `, 4 spaties ingesprongen) waar een sleutel van het blok op regel "
                      f"{key_line(lines, '-', 'bps-1') + 1} hoort; lijn de `-` uit met de andere elementen van de lijst"),
    ("a key indented too far", "role", "     role: bestuur", 10,
     lambda _, n: f"`role:` springt verder in dan regel {n - 1}, zodat YAML deze regel leest als vervolg van de "
                  "waarde daar; lijn `role:` uit met de sleutels erboven"),
    ("a key indented too little", "role", "   role: bestuur", 4,
     lambda _, n: "de inspringing klopt niet: deze regel springt 3 spaties in; hier past een `- ` (een nieuw "
                  f"element van de lijst) op 2 spaties, of een sleutel op 4 spaties zoals op regel {n - 1}; {ALIGN}"),
    ("the colon after a key forgotten", "role", "    role bestuur", 5,
     lambda _, n: "deze regel is geen `sleutel: waarde`: YAML vindt geen dubbele punt met een spatie erna; schrijf "
                  "`sleutel: waarde`, met een spatie na de dubbele punt; loopt een tekst zonder aanhalingstekens door "
                  f"op de volgende regel, {QUOTE}"),
    ("no space after the colon", "text", "    text:\"Ik bespreek het.\"", 9,
     lambda _, n: "na de dubbele punt hoort een spatie; schrijf `text: \"Ik bespreek het.\"`"),
    ("the colon after the id forgotten", "-", "  - id bps-2", 3,
     lambda _, n: "dit lijstelement is geen `sleutel: waarde`, zodat de sleutels eronder er niet bij horen: de "
                  "dubbele punt ontbreekt; schrijf `- sleutel: waarde`, met een spatie na de dubbele punt"),
    ("no space after the colon of the id", "-", "  - id:bps-2", 7,
     lambda _, n: "na de dubbele punt hoort een spatie; schrijf `id: bps-2`"),
    ("an apostrophe in single quotes", "text", "    text: 'Ik bespreek 's avonds de agenda.'", 25,
     lambda _, n: "na het afsluitende `'` staat nog tekst; schrijf een apostrof erin dubbel (`zo''n`), of zet de "
                  "tekst tussen dubbele aanhalingstekens"),
    ("quotes inside double quotes", "text", "    text: \"Ik zeg \"nee\" als het moet.\"", 20,
     lambda _, n: "na het afsluitende `\"` staat nog tekst; schrijf een aanhalingsteken erin als `\\\"`, of zet de "
                  "tekst tussen enkele aanhalingstekens"),
    ("a text that starts with @", "text", "    text: @gemeente bespreek ik het.", 11,
     lambda _, n: f"een waarde kan niet beginnen met `@`; {QUOTE}"),
    ("a text that starts with *", "text", "    text: *Altijd* bespreek ik het.", 11,
     lambda _, n: f"een waarde die met `*` begint, leest YAML als anker (`&naam`) of verwijzing ernaar (`*naam`); {QUOTE}"),
    ("a text that is one word after *", "text", "    text: *Altijd", 11,
     lambda _, n: "een waarde die met `*` begint, leest YAML als verwijzing naar een anker (`&naam`), en dat bestaat "
                  f"niet; {QUOTE}"),
]


@pytest.mark.parametrize(("what", "key", "written", "column", "message"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_a_mistake_is_told_in_dutch_at_its_line(loader: str, lines: list[str], what: str, key: str, written: str,
                                                column: int, message: Callable[[list[str], int], str]) -> None:
    at = key_line(lines, key)
    lines[at] = written
    line = at + 1  # where the mistake is, also when PyYAML noticed it lines later
    code, err = validate(lines)
    assert code == 1
    assert err == [f"bank/questions.yaml:{line}:{column}: geen geldige YAML: {message(lines, line)}",
                   *shown(line, written, column), VERDICT]


def test_an_unclosed_brace_is_the_line_of_the_brace(loader: str, lines: list[str]) -> None:
    at = next(i for i, text in enumerate(lines) if text.startswith("    burgemeester: {"))
    lines[at] = "    burgemeester: {name: \"Burgemeester\", anonymous: false"
    code, err = validate(lines)
    assert (code, err) == (1, [f"bank/questions.yaml:{at + 1}:19: geen geldige YAML: de `{{` op deze regel wordt niet "
                                "gesloten; sluit af met `}`", *shown(at + 1, lines[at], 19), VERDICT])


def test_a_key_twice_names_both_lines(loader: str, lines: list[str]) -> None:
    at = key_line(lines, "role")
    lines.insert(at + 1, "    role: organisatie")
    index = sum(text.startswith("  - id: ") for text in lines[:at])
    code, err = validate(lines)
    assert (code, err) == (1, [f"bank/questions.yaml:{at + 2}:5: questions[{index - 1}].role: dubbele sleutel `role` "
                                f"(staat ook op regel {at + 1}); laat er één over", VERDICT])


# Small files for each kind of PyYAML error, with the Dutch both loaders get (only a column may differ).
TINY = [
    ('a: "x\\q"\n', 1, "onbekende code na een `\\` in een tekst tussen dubbele aanhalingstekens; schrijf `\\\\` voor "
                       "een backslash, of zet de tekst tussen enkele aanhalingstekens"),
    ('a: "\\x4"\n', 1, "een `\\x`, `\\u` of `\\U` zonder geldige tekencode in een tekst tussen dubbele aanhalingstekens; "
                       "schrijf `\\\\` voor een backslash, of zet de tekst tussen enkele aanhalingstekens"),
    ("a: 'x\n", 1, "de tekst tussen aanhalingstekens die hier begint, wordt niet gesloten: het bestand houdt eerder "
                   "op; zet een `'` aan het eind van de tekst"),
    ('a: "x\n---\nb: 1"\n', 1, "de tekst tussen aanhalingstekens die hier begint, loopt door tot een regel `---` of "
                               "`...`; zet een `\"` aan het eind van de tekst"),
    ("a: ? b\n", 1, f"een `?` aan het begin van een waarde leest YAML als sleutel; {QUOTE}"),
    ("a: &x 1\nb: &x 2\n", 2, "een waarde die met `&` begint, leest YAML als anker, en dit anker staat twee keer "
                              f"(eerst op regel 1); {QUOTE}"),
    ("a: &\n", 1, f"een waarde die met `&` begint, leest YAML als anker (`&naam`) of verwijzing ernaar (`*naam`); {QUOTE}"),
    ("a: !x!y 1\n", 1, f"een waarde die met `!` begint, leest YAML als type-aanduiding (tag); {QUOTE}"),
    ("a: |x\n", 1, f"na `|` of `>` verwacht YAML een tekstblok op de regels eronder, en niets meer op deze regel; {QUOTE}"),
    ("a: 1\n---\nb: 2\n", 2, "een regel `---` begint een tweede document; dit bestand heeft er één; verwijder de "
                             "regel `---`"),
    ("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", 2, "een regel die met `%` begint, leest YAML als instructie (directive); "
                                             "zet een tekst die met `%` begint tussen dubbele aanhalingstekens"),
    ("a: [1,,2]\n", 1, "hier ontbreekt een waarde; staat er een komma te veel, of sluit een `]` of `}` te vroeg?"),
    ("a: [1, 2}\n", 1, "in `[ ... ]` verwacht YAML na een waarde een komma of `]`, maar vindt `}`; ontbreekt er een "
                       "`]` of een komma? staat er een dubbele punt, komma of aanhalingsteken in een tekst? zet die "
                       "tekst dan tussen dubbele aanhalingstekens"),
    ("{a: 1\n", 1, "de `{` op deze regel wordt niet gesloten: het bestand houdt eerder op; sluit af met `}`"),
    ("a: `x\n", 1, f"een waarde kan niet beginnen met een backtick; {QUOTE}"),
    ("a:\n  b: 1\n c: 2\n", 3, "de inspringing klopt niet: deze regel springt 1 spatie in; hier past een sleutel op "
                               f"0 spaties, of een sleutel op 2 spaties zoals op regel 2; {ALIGN}"),
    ("- a\nb: 1\n", 2, "elk element van de lijst op regel 1 begint met `- `, deze regel niet; zet `- ` ervoor (een "
                       "nieuw element), of spring hem verder in (een sleutel van het element erboven)"),
    ("a: 1\n- b\n", 2, "een lijstelement (`- `, niet ingesprongen) waar een sleutel van het blok op regel 1 hoort; "
                       "lijn de `-` uit met de andere elementen van de lijst"),
    ("a: [1] x\n", 1, f"na de waarde staat nog iets op deze regel; {QUOTE}"),
    ('a: [1]\nb: "x\n', 2, "de tekst tussen aanhalingstekens die hier begint, wordt niet gesloten: het bestand houdt "
                          "eerder op; zet een `\"` aan het eind van de tekst"),
    ('a: "x" y\n', 1, "na het afsluitende `\"` staat nog tekst; schrijf een aanhalingsteken erin als `\\\"`, of zet de "
                      "tekst tussen enkele aanhalingstekens"),
]


@pytest.mark.parametrize(("text", "line", "message"), TINY, ids=[t[0] for t in TINY])
def test_each_kind_of_yaml_error_is_dutch(loader: str, text: str, line: int, message: str) -> None:
    with pytest.raises(InputError) as exc:
        yamlio.parse(text.encode(), "x.yaml")
    (problem,) = exc.value.problems
    assert (problem.file, problem.line, problem.message) == ("x.yaml", line, f"geen geldige YAML: {message}")
    assert problem.source == text.split("\n")[line - 1]


def test_an_unknown_message_keeps_a_dutch_frame_and_the_original() -> None:
    mark = SimpleNamespace(line=2, column=4, index=12)
    exc = SimpleNamespace(context="while doing something new", context_mark=None, problem="found a new thing",
                          problem_mark=mark)
    problem = syntax_problem(exc, "a: 1\nb: 2\nc: 3 x\n", "x.yaml", yamlio._pyyaml().SafeLoader)
    assert str(problem) == ("x.yaml:3:5: geen geldige YAML: YAML kan het bestand hier niet lezen (YAML: while doing "
                            "something new; found a new thing); kijk of de inspringing (alleen spaties), de dubbele "
                            "punten en de aanhalingstekens kloppen")
    assert problem.source == "c: 3 x"
    unplaced = syntax_problem(SimpleNamespace(context=None, context_mark=mark, problem=None, problem_mark=None),
                              "a: 1\nb: 2\nc: 3 x\n", "x.yaml", yamlio._pyyaml().SafeLoader)
    assert unplaced.message.startswith("geen geldige YAML: YAML kan het bestand hier niet lezen (YAML: onleesbare YAML)")
    assert (unplaced.line, unplaced.column) == (3, 5)


def test_a_long_line_is_cut_around_the_caret_to_80_columns() -> None:
    source = "    text: \"" + "woord " * 30 + "\" en meer"
    column = len(source) - 7
    lines = excerpt(Problem("q.yaml", 41, column, "", "...", source=source)).split("\n")
    assert [len(text) for text in lines] == [80, lines[1].index("^") + 1]
    assert lines[0].startswith("   41 | …") and lines[0].endswith("\" en meer")
    assert lines[0][lines[1].index("^")] == source[column - 1]
    assert excerpt(Problem("q.yaml", 41, 5, "", "...")) == ""
    start = excerpt(Problem("q.yaml", 3, 2, "", "...", source="x" * 100)).split("\n")
    assert start == ["    3 | " + "x" * 71 + "…", "      |  ^"]


def test_every_line_of_a_syntax_error_fits_80_columns(loader: str, lines: list[str]) -> None:
    at = key_line(lines, "observer")
    lines[at] = lines[at].rstrip('"')  # the shipped observer texts are long: the excerpt is cut
    code, err = validate(lines)
    assert code == 1
    assert all(len(text) <= 80 for text in err[1:3]), err
    assert re.match(rf"bank/questions.yaml:{at + 1}:15: geen geldige YAML: de tekst tussen aanhalingstekens", err[0])


def test_a_list_item_without_its_space_is_one_text_and_validate_says_why(lines: list[str]) -> None:
    """`-"Tekst"` under `indicators:` is valid YAML (the whole list becomes one text): the schema error says why."""
    path = Path("bank/competencies.yaml")
    competencies = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, text in enumerate(competencies) if text.startswith('      - "'))
    competencies[at] = competencies[at].replace('- "', '-"', 1)
    path.write_text("\n".join(competencies), encoding="utf-8")
    code, err = validate(lines)
    assert (code, err) == (1, [f"bank/competencies.yaml:{at + 1}:7: competencies[0].indicators: verwacht lijst, "
                                "gevonden tekst die met `-` begint: na de `-` van elk lijstelement hoort een spatie "
                                "(`- \"...\"`)", VERDICT])
