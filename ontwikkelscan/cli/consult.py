"""Commands for bank editors: validate, schema, items, bank (issue 6)."""

from .app import app  # noqa: F401
