"""`ontwikkelscan competencies` and `ontwikkelscan profiles`: what the bank holds."""


from typing import Annotated

from .base import BankOption, OutputOption, app, emit, format_option, load, render_for


@app.command()
def competencies(
    bank_option: BankOption = None,
    fmt: Annotated[str, format_option("competencies")] = "table",
    output: OutputOption = None,
) -> None:
    """Toon de competenties van het profiel met hun definitie.

    Voorbeeld: ontwikkelscan competencies
    """
    emit(render_for("competencies", fmt, load(bank_option), output), output)


@app.command()
def profiles(
    bank_option: BankOption = None,
    fmt: Annotated[str, format_option("profiles")] = "table",
    output: OutputOption = None,
) -> None:
    """Toon de doelniveaus per type gemeente naast elkaar.

    Voorbeeld: ontwikkelscan profiles
    """
    emit(render_for("profiles", fmt, load(bank_option), output), output)
