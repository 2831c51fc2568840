"""The command line: one module per command in cli/commands/, named after the command.

The list of commands is the list of those files, not kept by hand: a new command is a new
module there. A run imports only the module of the command it runs: Typer builds every
registered command before it parses anything, and building all of them costs start-up.
`from ontwikkelscan.cli import app` (tests, help) gets the app with every command.
"""

import importlib
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Typer is imported with the first command module (cli/fast.py runs without it)
    import typer

_COMMANDS = os.path.join(os.path.dirname(__file__), "commands")


def command_names() -> list[str]:
    """Every command, from the file names in cli/commands/ (import_csv.py -> import-csv), sorted."""
    return sorted(name[:-3].replace("_", "-") for name in os.listdir(_COMMANDS)
                  if name.endswith(".py") and not name.startswith("_"))


def app_for(args: list[str]) -> "typer.Typer":
    """The app with the command that `args` names, or with all commands (help, a typo); for the help of
    the app itself, a copy that lists the commands (see _listing)."""
    names = command_names()
    name = next((arg for arg in args if not arg.startswith("-")), None)
    app = _with(names if name not in names else [name])
    return _listing(app) if name is None and set(args) <= {"--help", "-h"} else app


def _with(commands: list[str]) -> "typer.Typer":
    for command in commands:
        importlib.import_module(f"{__name__}.commands.{command.replace('-', '_')}")
    from .base import app

    app.registered_commands.sort(key=_help_order)
    return app


def _listing(app: "typer.Typer") -> "typer.Typer":
    """The app for its own help, which lists the commands and shows none of their options: a copy whose
    commands take no parameters. Typer turns every parameter of every command into click's before it
    draws any help (a third of the time of `ontwikkelscan --help`); the list needs only their names,
    help texts and panels, which are the same."""
    import copy

    listed = copy.copy(app)
    listed.registered_commands = [copy.copy(info) for info in app.registered_commands]
    for info in listed.registered_commands:
        info.callback = _nothing
    listed.registered_groups = [copy.copy(group) for group in app.registered_groups]
    for group in listed.registered_groups:  # (a group's own commands would be built too)
        if group.typer_instance is not None:
            group.typer_instance = _listing(group.typer_instance)
    return listed


def _nothing() -> None:
    """Never called: stands in for a command's function in the command list of the help."""


def _help_order(command: Any) -> tuple[int, int]:
    """The help lists the commands per audience (PANELS), the LEADING ones first, the rest alphabetically
    (the registration order, which sort() keeps)."""
    from .base import LEADING, PANELS

    panel = PANELS.index(command.rich_help_panel) if command.rich_help_panel in PANELS else len(PANELS)
    name = command.name or command.callback.__name__.replace("_", "-")
    return panel, LEADING.index(name) if name in LEADING else len(LEADING)


def __getattr__(name: str) -> Any:
    if name == "app":
        return _with(command_names())
    raise AttributeError(name)
