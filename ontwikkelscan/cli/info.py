"""`ontwikkelscan competencies` and `ontwikkelscan profiles`: what the bank holds."""


from .base import BankOption, OutputOption, app, emit, load, table_style


@app.command()
def competencies(bank_option: BankOption = None, output: OutputOption = None) -> None:
    """Toon de competenties van het profiel met hun definitie.

    Voorbeeld: ontwikkelscan competencies
    """
    from ..render.info import render_competencies

    width, color = table_style(output)
    emit(render_competencies(load(bank_option), width=width, color=color), output)


@app.command()
def profiles(bank_option: BankOption = None, output: OutputOption = None) -> None:
    """Toon de doelniveaus per type gemeente naast elkaar.

    Voorbeeld: ontwikkelscan profiles
    """
    from ..render.info import render_profiles

    width, color = table_style(output)
    emit(render_profiles(load(bank_option), width=width, color=color), output)
