"""Commands for coaches: cohort, compare, template, import-csv (issue 5)."""

from .app import app  # noqa: F401
