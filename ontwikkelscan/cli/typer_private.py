"""The one door to Typer's private modules (its vendored click), so that a Typer upgrade that
moves them breaks here and nowhere else. Nothing else in the package imports `typer._...`."""

from typer._click import exceptions as click_errors
from typer._click.exceptions import ClickException
from typer._click.exceptions import UsageError as ClickUsageError
from typer._types import TyperChoice as Choice

__all__ = ["Choice", "ClickException", "ClickUsageError", "click_errors"]
