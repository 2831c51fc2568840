"""The console script. Imports the CLI inside the guard, so that a Ctrl-C while Python is
still loading the program ends quietly with exit 130 instead of a traceback. A plain command
line of `report` or `scan` runs without Typer (cli/fast.py)."""

import sys


def main() -> None:
    try:
        from .cli.fast import run

        if run(sys.argv[1:]):
            return
        from .cli import app_for

        app_for(sys.argv[1:])(prog_name="ontwikkelscan")
    except KeyboardInterrupt:
        sys.stderr.write("\nOnderbroken.\n")
        raise SystemExit(130) from None
