"""`--help` is drawn by cli/helptext.py without Rich: the same text as Typer's Rich help, faster."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app, base, command_names

PAGES = [[], *([name] for name in command_names()), ["feedback", "start"], ["feedback", "report"]]


def _help(args: list[str], width: int) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_every_help_page_is_the_text_typer_draws_with_rich(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    ours = {" ".join(page): _help(page, width) for page in PAGES}
    from typer import rich_utils

    monkeypatch.setattr(rich_utils, "ARGUMENTS_PANEL_TITLE", "Argumenten")
    monkeypatch.setattr(rich_utils, "OPTIONS_PANEL_TITLE", "Opties")
    monkeypatch.setattr(rich_utils, "COMMANDS_PANEL_TITLE", "Opdrachten")
    monkeypatch.setattr(rich_utils, "REQUIRED_LONG_STRING", "[verplicht]")
    monkeypatch.setattr(rich_utils, "DEFAULT_STRING", "[standaard: {}]")
    monkeypatch.delattr(base._DutchHelp, "get_help")
    monkeypatch.delattr(base._DutchHelp, "format_help")
    typer_rich = {" ".join(page): _help(page, width) for page in PAGES}
    assert ours == typer_rich


def test_help_loads_neither_rich_nor_typer_rich_utils() -> None:
    code = ("import sys; sys.argv = ['ontwikkelscan', 'report', '--help']\n"
            "from ontwikkelscan.entry import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('typer.rich_utils', 'rich.'))), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "[]"
    assert "Gebruik: ontwikkelscan report [OPTIES] {INVOER...}" in done.stdout


def test_no_arguments_show_the_help_and_exit_2() -> None:
    result = CliRunner().invoke(app, [], env={"COLUMNS": "100"})
    assert result.exit_code == 2
    assert result.stdout == _help([], 100)[:-1]  # as Typer had it: without the blank line that --help ends with
    for panel in ("Zelfscan (secretaris)", "Groepen en voortgang (coach)", "Vragenbank (consultant, beheerder)"):
        assert f"╭─ {panel} ─" in result.stdout


def test_on_a_colour_terminal_the_same_text_gets_colour() -> None:
    from typer.main import get_command

    from ontwikkelscan.cli.helptext import render_help

    group = get_command(app)
    ctx = group.make_context("ontwikkelscan", ["report"], resilient_parsing=True)
    report = group.get_command(ctx, "report")  # type: ignore[attr-defined]
    sub = report.make_context("report", [], parent=ctx, resilient_parsing=True)
    coloured = render_help(report, sub, color=True)
    assert "\x1b[1;36m--format\x1b[0m" in coloured and "\x1b[1mGebruik: ontwikkelscan report" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render_help(report, sub, color=False)


@pytest.mark.parametrize("args", [["--help"], ["-h"], []])
def test_the_command_list_is_drawn_from_commands_without_parameters_and_is_the_same(args: list[str]) -> None:
    from ontwikkelscan.cli import _nothing, app_for

    full = CliRunner().invoke(app, args, env={"COLUMNS": "100", "NO_COLOR": "1"})
    listing = app_for(args)
    assert listing is not app and all(info.callback is _nothing for info in listing.registered_commands)
    assert all(info.callback is not _nothing for info in app.registered_commands)  # the app itself is untouched
    fast = CliRunner().invoke(listing, args, env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert (fast.exit_code, fast.stdout) == (full.exit_code, full.stdout)
    assert "Opdrachten" in full.stdout or "OPDRACHT" in full.stdout
