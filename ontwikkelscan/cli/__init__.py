"""The command line: `app` with every command registered, and `main` for the console script."""

from . import coach, consult, info, report, scan  # noqa: F401  (registers the commands)
from .app import app, main

__all__ = ["app", "main"]
