"""`ontwikkelscan validate`: check a question bank and show every problem at once (issue 6)."""

from typing import Annotated

import typer

from ..base import (
    CONSULTANT,
    BankOption,
    app,
    emit,
    err,
    show_problems,
)


@app.command(rich_help_panel=CONSULTANT)
def validate(
    bank_option: BankOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Ook waarschuwingen geven exitcode 1.")] = False,
) -> None:
    """Controleer een vragenbank en toon alle fouten en waarschuwingen tegelijk, met bestand:regel:kolom.

    Elke melding zegt waar (bestand:regel:kolom en pad), welke regel, wat er staat en hoe het goed komt.
    Exitcode 1 bij fouten; alleen waarschuwingen geven 0, of 1 met --strict.

    Voorbeelden:

      ontwikkelscan validate --bank mijn-bank

      ontwikkelscan validate --strict
    """
    from ...files.bank import bank_dir, inspect_bank
    from ...render.bank.text import render_validation

    folder = bank_dir(bank_option)
    bank, problems = inspect_bank(folder, thorough=True)
    show_problems(problems)
    verdict, ok_line = render_validation(folder, bank, problems)
    if verdict:
        err(verdict)
    if ok_line:
        emit(ok_line, None)
    failed = bank is None or (strict and bool(problems))
    if failed:
        raise typer.Exit(1)
