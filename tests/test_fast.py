"""cli/fast.py: a plain `report` or `scan` command line runs without Typer, with the very values
Typer's parser would give the command, and the same output; anything else goes to Typer."""

from __future__ import annotations

import enum
import inspect
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ontwikkelscan import entry
from ontwikkelscan.cli import app, fast
from ontwikkelscan.cli import run as work

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "jansen.yaml")


def click_command(name: str) -> typer.core.TyperCommand:
    return typer.main.get_command(app).commands[name]  # type: ignore[attr-defined,no-any-return]


def typer_values(name: str, args: list[str]) -> dict[str, object] | None:
    """What the command gets through Typer for `args`, as it hands it to cli/run.py (enums as their
    values); None when Typer refuses the command line."""
    original = getattr(work, name)
    seen: list[dict[str, object]] = []

    def record(*given: object, **named: object) -> None:
        bound = inspect.signature(original).bind(*given, **named)
        bound.apply_defaults()
        seen.append({key: value.value if isinstance(value, enum.Enum) else value
                     for key, value in bound.arguments.items()})

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(work, name, record)
        result = CliRunner().invoke(app, [name, *args])
    return seen[0] if result.exit_code == 0 and seen else None


def fast_values(name: str, args: list[str]) -> dict[str, object] | None:
    parsed = fast.parse([name, *args])
    if parsed is None:
        return None
    work_name, given_values = parsed
    defaults = {p.name: p.default for p in inspect.signature(getattr(work, work_name)).parameters.values()}
    return {key: given_values.get(key, default) for key, default in defaults.items()}


@pytest.mark.parametrize("name", list(fast.COMMANDS))
def test_every_option_here_is_the_commands_own(name: str) -> None:
    command = click_command(name)
    params = {opt: param for param in command.params for opt in param.opts}
    for word, option in fast.COMMANDS[name].options.items():
        param = params[word]
        assert param.name == option.dest
        assert param.is_flag == (option.kind == "flag")  # type: ignore[attr-defined]
        assert param.multiple == (option.kind == "list")  # type: ignore[attr-defined]
        choices = option.choices() if callable(option.choices) else option.choices
        assert tuple(getattr(param.type, "choices", None) or ()) == tuple(choices or ()), word
    # the work function takes exactly the command's parameters
    assert set(inspect.signature(getattr(work, fast.COMMANDS[name].work)).parameters) == {p.name for p in command.params}


def _words(name: str) -> st.SearchStrategy[list[str]]:
    options = list(fast.COMMANDS[name].options)
    values = ["regie", "beheer", "x", "json", "table", "csv", "excel-nl", "standard", "wide", "long", "bank", "mixed",
              "a b.yaml", "-", "-x", "", "out.txt", "ambtelijke-fusie", "3", "--type"]
    word = st.one_of(st.sampled_from(options), st.sampled_from(values),
                     st.builds(lambda o, v: f"{o}={v}", st.sampled_from(options), st.sampled_from(values)),
                     st.sampled_from(["--help", "--", "-tregie", "--fail-fast=1", "--nope"]))
    return st.lists(word, max_size=8)


@pytest.mark.parametrize("name", list(fast.COMMANDS))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_what_is_parsed_here_is_what_typer_parses(name: str, data: st.DataObject) -> None:
    args = data.draw(_words(name))
    ours = fast_values(name, args)
    if ours is None:
        return  # Typer's to parse (and to say what is wrong)
    assert ours == typer_values(name, args)


@pytest.mark.parametrize("args", [
    ["report", "a.yaml", "--type", "regie", "-f", "json", "--context", "x", "--context=y", "-o", "r.json"],
    ["report", "a.yaml", "b", "--csv-dialect=excel-nl", "--fail-fast", "--allow-partial", "--bank", "bank/"],
    ["scan", "--type", "beheer", "--out", "s.yaml", "--order", "bank", "--force"],
])
def test_plain_command_lines_are_parsed_here(args: list[str]) -> None:
    assert fast_values(args[0], args[1:]) == typer_values(args[0], args[1:])


@pytest.mark.parametrize("args", [
    [], ["--version"], ["report"], ["report", "--help"], ["report", "a.yaml", "-f", "nope"], ["report", "a", "--"],
    ["report", "a.yaml", "--type"], ["report", "a.yaml", "-tregie"], ["report", "-x"], ["scan", "extra"],
    ["scan", "--order", "random"], ["cohort", "a.yaml"], ["report", "a.yaml", "--fail-fast=yes"],
    ["report", "a.yaml", "-o", "--type"],
])
def test_anything_else_is_left_to_typer(args: list[str]) -> None:
    assert fast.parse(args) is None


def run_entry(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["ontwikkelscan", *args])
    try:
        entry.main()
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("args", [
    ["report", EXAMPLE], ["report", EXAMPLE, "--format", "json"], ["report", EXAMPLE, "-t", "beheer", "-f", "text"],
    ["report", EXAMPLE, "--type", "nope"], ["report", EXAMPLE, "missing.yaml"], ["report", "missing.yaml"],
    ["report", EXAMPLE, "--context", "nope"], ["report", EXAMPLE, "-f", "csv", "--csv-shape", "wide"],
])
def test_the_same_output_and_exit_code_as_through_typer(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    through_typer = CliRunner().invoke(app, args)
    code, out, err = run_entry(monkeypatch, capsys, *args)
    # (CliRunner reads its output with universal newlines: the CSV's \r\n come back as \n)
    assert (code, out.replace("\r\n", "\n"), err) == (through_typer.exit_code, through_typer.stdout,
                                                       through_typer.stderr)


def test_a_plain_report_does_not_import_typer() -> None:
    code = ("import sys; sys.argv = ['ontwikkelscan', 'report', sys.argv[1], '-f', 'json']\n"
            "from ontwikkelscan import entry\n"
            "entry.main()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, EXAMPLE], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stderr.strip() == "[]"
    assert '"respondent"' in done.stdout
