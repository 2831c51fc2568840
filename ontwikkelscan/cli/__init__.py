"""The command line: `app` with every command registered (the console script is entry.main)."""

from . import coach, consult, info, report, scan  # noqa: F401  (registers the commands)
from .app import app

__all__ = ["app"]
