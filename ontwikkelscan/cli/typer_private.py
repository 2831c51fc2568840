"""The one door to Typer's private parts (its vendored click, its private helpers), so that a
Typer upgrade that moves them breaks here and nowhere else. Nothing else in the package imports
`typer._...` or calls a private method of Typer's."""

from typing import Any

from typer._click import exceptions as click_errors
from typer._click.exceptions import ClickException
from typer._click.exceptions import UsageError as ClickUsageError
from typer._types import TyperChoice as Choice

__all__ = ["Choice", "ClickException", "ClickUsageError", "click_errors", "default_text"]


def default_text(param: Any, ctx: Any) -> str | None:
    """The default of an option or argument as Typer's help shows it, or None when it shows none."""
    default = param._extract_default_help_str(ctx=ctx)
    shown = isinstance(param.show_default, str)
    if not (shown or (default is not None and (param.show_default or ctx.show_default))):
        return None
    text: str = param._get_default_string(ctx=ctx, show_default_is_str=shown, default_value=default)
    return text or None
