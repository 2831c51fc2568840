"""`ontwikkelscan schema`: the JSON Schemas of the bank and answer files (issue 6)."""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..base import (
    CONSULTANT,
    app,
    emit,
    err,
    load,
)


class SchemaKind(str, Enum):
    competencies = "competencies"
    questions = "questions"
    answers = "answers"
    round = "round"


@app.command(rich_help_panel=CONSULTANT)
def schema(
    kind: Annotated[SchemaKind | None, typer.Argument(metavar="[SOORT]", help="competencies, questions, answers of round; "
                                                      "zonder --output: toon dat schema.", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="MAP", help="Schrijf de schema's "
                                                "(<soort>.schema.json) in deze map.", show_default=False, readable=False)] = None,
    bank_option: Annotated[Path | None, typer.Option(
        "--bank", metavar="MAP", show_default=False, readable=False,
        help="Maak de schema's specifiek voor deze vragenbank: de editor kent dan ook haar competenties, "
             "vraag-id's, typen en schaal. Zonder --bank: de algemene schema's (zoals in schemas/).")] = None,
) -> None:
    """Schrijf de JSON Schemas van competencies.yaml, questions.yaml, antwoordbestanden en ronde.yaml.

    Een editor met de YAML-extensie van Red Hat controleert daarmee tijdens het typen; zie docs/bank.md.
    Zonder --output en zonder SOORT: alle vier als één JSON-object.

    Voorbeelden:

      ontwikkelscan schema --output schemas

      ontwikkelscan schema questions

      ontwikkelscan schema --bank mijn-bank --output mijn-bank/schemas
    """
    from ...files.bankschemas import schema_files, schema_text

    bank = load(bank_option) if bank_option is not None else None
    if output is None:
        emit(schema_text(kind.value if kind else None, bank), None)
        return
    output.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files(bank).items():
        if kind is None or name.startswith(kind.value + "."):
            (output / name).write_text(text, encoding="utf-8")
            err(f"Geschreven: {output / name}")
