"""`ontwikkelscan competencies`: the competencies of the profile with their definitions."""


from typing import Annotated

from ..base import SECRETARY, BankOption, OutputOption, app, emit, format_option, load, render_for


@app.command(rich_help_panel=SECRETARY)
def competencies(
    bank_option: BankOption = None,
    fmt: Annotated[str, format_option("competencies")] = "table",
    output: OutputOption = None,
) -> None:
    """Toon de competenties van het profiel met hun definitie.

    Voorbeeld: ontwikkelscan competencies
    """
    emit(render_for("competencies", fmt, load(bank_option), output), output)
