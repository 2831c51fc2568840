"""`ontwikkelscan template`: an empty answer file to fill in by hand (issue 5)."""



from ...errors import ScanError
from ...models import AnswerSheet, Bank, MunicipalityType
from ..base import (
    COACH,
    BankOption,
    OutputOption,
    TypeOption,
    app,
    check_type,
    emit,
    load,
)


@app.command(rich_help_panel=COACH)
def template(
    type_id: TypeOption = None,
    output: OutputOption = None,
    bank_option: BankOption = None,
) -> None:
    """Schrijf een leeg antwoordbestand: alle vragen in bankvolgorde, met de vraagtekst en de schaal als
    commentaar en alle antwoorden leeg (null). Vul de getallen in en het bestand is meteen te scoren.

    Een bestaand bestand wordt niet overschreven.

    Voorbeeld:

      ontwikkelscan template --type regie -o jansen.yaml
    """
    bank = load(bank_option)
    mtype = check_type(bank, type_id)
    if output is not None and str(output) != "-" and output.exists():
        raise ScanError(f"{output} bestaat al; kies een andere naam (een ingevuld bestand overschrijven we niet)")
    emit(template_text(bank, mtype), output)


def template_text(bank: Bank, mtype: MunicipalityType | None) -> str:
    from ...files.answers import dump_answers

    sheet = AnswerSheet(source="", answers={}, municipality_type=mtype.id if mtype else None)
    body = dump_answers(sheet, bank, with_questions=True)
    head = ["# Ontwikkelscan: leeg antwoordbestand.",
            f"# Vul achter elke vraag een getal van {bank.scale.min} tot en met {bank.scale.max} in; "
            "laat null staan om een vraag over te slaan.",
            "# Naam en gemeente zijn optioneel; haal dan het # weg:",
            '# respondent: {name: "...", municipality: "..."}',
            "# date: JJJJ-MM-DD"]
    if mtype is None:
        head.append(f"# municipality_type: {' | '.join(bank.types)}   (of geef --type bij report)")
    return "\n".join(head) + "\n" + body
