"""`ontwikkelscan scan`: the interactive self-scan (issue 4)."""

from .app import app  # noqa: F401
