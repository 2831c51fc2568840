"""`ontwikkelscan bank`: an overview of a question bank for its editor (issue 6)."""

from typing import Annotated

from ..base import (
    CONSULTANT,
    BankOption,
    OutputOption,
    app,
    emit,
    format_option,
    load,
    render_for,
)


@app.command(rich_help_panel=CONSULTANT)
def bank_overview(
    bank_option: BankOption = None,
    fmt: Annotated[str, format_option("bank")] = "table",
    output: OutputOption = None,
) -> None:
    """Overzicht van een vragenbank: vragen en omgekeerde vragen per competentie, schaal, typen en doelen.

    Voorbeeld: ontwikkelscan bank --bank mijn-bank
    """
    emit(render_for("bank", fmt, load(bank_option), output), output)
