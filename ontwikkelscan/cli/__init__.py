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
    """The app with the command that `args` names, or with all commands (help, a typo)."""
    names = command_names()
    name = next((arg for arg in args if not arg.startswith("-")), None)
    for command in [name] if name in names else names:
        importlib.import_module(f"{__name__}.commands.{command.replace('-', '_')}")
    from .base import app

    app.registered_commands.sort(key=_help_order)
    return app


def _help_order(command: Any) -> tuple[int, int]:
    """The help lists the commands per audience (PANELS), the LEADING ones first, the rest alphabetically
    (the registration order, which sort() keeps)."""
    from .base import LEADING, PANELS

    panel = PANELS.index(command.rich_help_panel) if command.rich_help_panel in PANELS else len(PANELS)
    name = command.name or command.callback.__name__.replace("_", "-")
    return panel, LEADING.index(name) if name in LEADING else len(LEADING)


def __getattr__(name: str) -> Any:
    if name == "app":
        return app_for([])
    raise AttributeError(name)
