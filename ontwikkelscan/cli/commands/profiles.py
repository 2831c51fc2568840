"""`ontwikkelscan profiles`: the target levels per municipality type side by side."""


from typing import Annotated

from ..base import SECRETARY, BankOption, ContextOption, OutputOption, app, check_contexts, emit, format_option, load, render_for


@app.command(rich_help_panel=SECRETARY)
def profiles(
    context: ContextOption = None,
    bank_option: BankOption = None,
    fmt: Annotated[str, format_option("profiles")] = "table",
    output: OutputOption = None,
) -> None:
    """Toon de doelniveaus per type gemeente naast elkaar; met --context ook wat die context verandert.

    Een context (zoals een ambtelijke fusie) kan een doel alleen verhogen: het doel wordt het hoogste
    van het type en van elke gekozen context. De tabel toont dan "doel van het type → doel met de
    context", met de onderbouwing per competentie eronder.

    Voorbeelden:

      ontwikkelscan profiles

      ontwikkelscan profiles --context ambtelijke-fusie
    """
    from ...render.bank.terminal import ProfilesView

    bank = load(bank_option)
    view = ProfilesView(bank, check_contexts(bank, context) or ())
    emit(render_for("profiles", fmt, view, output), output)
