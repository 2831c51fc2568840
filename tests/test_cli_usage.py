"""Every message of the command-line parser that can reach a user, in Dutch (issue 17 item 4).

Typer vendors click, which speaks English only. Each message below is triggered with a real command
line; the parser's other messages belong to parameter types and arities that no command uses today
(integers, ranges, booleans with a value, UUIDs, dates, options with several values): those go
through the same translation, checked on the parser's own wording at the end.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.cli.usage import _translate

ENGLISH = re.compile(r"\b(Got|unexpected|argument\(s\)|Option|requires|does not|No such|Missing|Error|Try|Usage|"
                     r"Aborted|is not|valid|values|given|Did you mean)\b")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["competencies", "extra"], "fout: onverwacht extra argument: extra\nHulp: ontwikkelscan competencies --help\n"),
    (["feedback", "report", "a", "b", "c"], "fout: onverwacht extra argument: b c\nHulp: ontwikkelscan feedback "
                                            "report --help\n"),
    (["validate", "--strict=ja"], "fout: optie --strict krijgt geen waarde\nHulp: ontwikkelscan validate --help\n"),
    (["report", "--help=1"], "fout: optie --help krijgt geen waarde\nHulp: ontwikkelscan report --help\n"),
    (["report", "--format"], "fout: optie --format heeft een waarde nodig\nHulp: ontwikkelscan report --help\n"),
    (["feedback", "start", "--name"], "fout: optie --name heeft een waarde nodig\nHulp: ontwikkelscan feedback start "
                                      "--help\n"),
    (["--bogus"], "fout: onbekende optie --bogus\nHulp: ontwikkelscan --help\n"),
    (["-x", "report"], "fout: onbekende optie -x\nHulp: ontwikkelscan --help\n"),
    (["--versoin"], "fout: onbekende optie --versoin (bedoelt u --version?)\nHulp: ontwikkelscan --help\n"),
    (["feedback", "--bogus"], "fout: onbekende optie --bogus\nHulp: ontwikkelscan feedback --help\n"),
    (["report", "x.yaml", "--fail-fst"], "fout: onbekende optie --fail-fst (bedoelt u --fail-fast?)\n"
                                         "Hulp: ontwikkelscan report --help\n"),
    (["nosuch"], "fout: onbekende opdracht `nosuch`\nHulp: ontwikkelscan --help\n"),
    (["rport"], "fout: onbekende opdracht `rport` (bedoelt u `report`?)\nHulp: ontwikkelscan --help\n"),
    (["feedback", "strat"], "fout: onbekende opdracht `strat` (bedoelt u `start, status`?)\nHulp: ontwikkelscan feedback "
                            "--help\n"),
    (["cohort"], "fout: argument INVOER... ontbreekt\nHulp: ontwikkelscan cohort --help\n"),
    (["feedback", "start"], "fout: optie --name ontbreekt\nHulp: ontwikkelscan feedback start --help\n"),
    (["schema", "xx"], "fout: ongeldige waarde voor [SOORT]: `xx` is geen keuze; kies uit: competencies, questions, "
                       "answers, round\nHulp: ontwikkelscan schema --help\n"),
    (["report", "x.yaml", "-f="], "fout: ongeldige waarde voor --format: `=` is geen keuze; kies uit: "),
])
def test_every_parser_message_a_user_can_meet_is_dutch(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.startswith(message) and (err == message or not message.endswith("\n"))
    assert not ENGLISH.search(err), err


def test_a_group_without_a_command_shows_its_help_not_an_error() -> None:
    code, out, err = run("feedback")
    assert (code, err) == (2, "")
    assert "Gebruik: ontwikkelscan feedback [OPTIES] OPDRACHT [ARGUMENTEN]..." in out
    assert "fout" not in out


@pytest.mark.parametrize(("english", "dutch"), [  # the vendored click's wording (typer/_click/types.py, core.py)
    ("'abc' is not a valid integer.", "`abc` is geen geldige waarde (integer)"),
    ("'x' is not a valid float.", "`x` is geen geldige waarde (float)"),
    ("'misschien' is not a valid boolean. Recognized values: 0, 1, false, true",
     "`misschien` is geen ja/nee; kies uit: 0, 1, false, true"),
    ("0 is not in the range x>=1.", "0 ligt niet in het bereik x>=1"),
    ("'abc' is not a valid UUID.", "`abc` is geen geldige UUID"),
    ("'gisteren' does not match the formats '%Y-%m-%d'.", "`gisteren` past bij geen van de vormen %Y-%m-%d"),
    ("Option '--pair' requires 2 arguments.", "optie --pair heeft 2 waarden nodig"),
    ("Takes 2 values but 3 given.", "verwacht 2 waarden, gekregen 3"),
    ("Argument 'pair' takes 2 values.", "argument pair verwacht 2 waarden"),
    ("2 values are required, but 1 given.", "verwacht 2 waarden, gekregen 1"),
    ("Value must be an iterable.", "verwacht een lijst van waarden"),
    ("Missing command.", "geef een opdracht"),
])
def test_the_parser_messages_no_command_reaches_today_are_translated_too(english: str, dutch: str) -> None:
    assert _translate(english) == dutch


def test_every_message_the_vendored_parser_can_raise_is_known() -> None:
    """A new typer release with a new message fails here, before a user meets it in English."""
    import typer._click as click

    folder = Path(click.__file__).parent
    raised = set()
    for name in ("core.py", "parser.py", "types.py"):
        text = (folder / name).read_text(encoding="utf-8")
        raised |= set(re.findall(r"(?:fail|UsageError|BadParameter|BadOptionUsage|BadArgumentUsage)\(\s*f?\"([^\"]+)\"",
                                 text))
    assert raised <= KNOWN, sorted(raised - KNOWN)


KNOWN = {
    "Got unexpected extra argument(s) ({extra_args})", "Value must be an iterable.",
    "Takes {self.nargs} values but {len(value)} given.", "Argument {self.dest!r} takes {self.nargs} values.",
    "Option {opt!r} does not take a value.", "Option {option_name!r} requires {msg}",
    "{value!r} does not match the formats {formats_str}.", "{value!r} is not a valid {self.name}.",
    "{rv} is not in the range {self._describe_range()}.", "{value!r} is not a valid boolean. Recognized values: {states}",
    "{value!r} is not a valid UUID.", "'{filename}': {e.strerror}", "{len_type} values are required, but {len_value} given.",
}
