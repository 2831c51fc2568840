"""`ontwikkelscan profiles`: the target levels per municipality type side by side."""


from typing import Annotated

from ..base import SECRETARY, BankOption, OutputOption, app, emit, format_option, load, render_for


@app.command(rich_help_panel=SECRETARY)
def profiles(
    bank_option: BankOption = None,
    fmt: Annotated[str, format_option("profiles")] = "table",
    output: OutputOption = None,
) -> None:
    """Toon de doelniveaus per type gemeente naast elkaar.

    Voorbeeld: ontwikkelscan profiles
    """
    emit(render_for("profiles", fmt, load(bank_option), output), output)
