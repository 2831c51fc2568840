"""`ontwikkelscan competencies` and `ontwikkelscan profiles`: what the bank holds."""

from pathlib import Path

from .base import BankOption, OutputOption, app, emit, load, terminal_width, to_terminal, use_color


def _width_and_color(output: Path | None) -> tuple[int, bool]:
    return (terminal_width(), use_color()) if to_terminal(output) else (100, False)


@app.command()
def competencies(bank_option: BankOption = None, output: OutputOption = None) -> None:
    """Toon de competenties van het profiel met hun definitie.

    Voorbeeld: ontwikkelscan competencies
    """
    from ..render.info import render_competencies

    width, color = _width_and_color(output)
    emit(render_competencies(load(bank_option), width=width, color=color), output)


@app.command()
def profiles(bank_option: BankOption = None, output: OutputOption = None) -> None:
    """Toon de doelniveaus per type gemeente naast elkaar.

    Voorbeeld: ontwikkelscan profiles
    """
    from ..render.info import render_profiles

    width, color = _width_and_color(output)
    emit(render_profiles(load(bank_option), width=width, color=color), output)
