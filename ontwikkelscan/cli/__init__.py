"""The command line. Each command module registers its commands on `cli.base.app` when imported.

A run imports only the module of the command it runs: Typer builds every registered
command before it parses anything, and building all twelve costs about 10 ms of start-up.
`from ontwikkelscan.cli import app` (tests, help) gets the app with every command.
"""

import importlib
from typing import Any

import typer

# command name -> the module that defines it, in the order `--help` lists them
COMMAND_MODULES = {
    "scan": "scan",
    "report": "report",
    "competencies": "info",
    "profiles": "info",
    "cohort": "coach",
    "compare": "coach",
    "template": "coach",
    "import-csv": "coach",
    "validate": "consult",
    "bank": "consult",
    "items": "consult",
    "schema": "consult",
}


def app_for(args: list[str]) -> typer.Typer:
    """The app with the command that `args` names, or with all commands (help, a typo)."""
    name = next((arg for arg in args if not arg.startswith("-")), None)
    wanted = [COMMAND_MODULES[name]] if name in COMMAND_MODULES else list(dict.fromkeys(COMMAND_MODULES.values()))
    for module in wanted:
        importlib.import_module(f"{__name__}.{module}")
    if not args or {"-h", "--help"} & set(args):
        _dutch_help_panels()
    from .base import app

    return app


def _dutch_help_panels() -> None:
    """Typer's help panels in Dutch. Only when help is asked for: this imports Rich."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenten"
    rich_utils.OPTIONS_PANEL_TITLE = "Opties"
    rich_utils.COMMANDS_PANEL_TITLE = "Opdrachten"
    rich_utils.REQUIRED_LONG_STRING = "[verplicht]"
    rich_utils.DEFAULT_STRING = "[standaard: {}]"
    rich_utils.ENVVAR_STRING = "[omgevingsvariabele: {}]"


def __getattr__(name: str) -> Any:
    if name == "app":
        return app_for([])
    raise AttributeError(name)
