"""`ontwikkelscan template`: an empty answer file to fill in by hand (issue 5)."""



from ...errors import ScanError
from ...models import AnswerSheet, Bank, Context, MunicipalityType
from ..base import (
    COACH,
    BankOption,
    ContextOption,
    OutputOption,
    TypeOption,
    app,
    check_contexts,
    check_type,
    emit,
    load,
)


@app.command(rich_help_panel=COACH)
def template(
    type_id: TypeOption = None,
    context: ContextOption = None,
    output: OutputOption = None,
    bank_option: BankOption = None,
) -> None:
    """Schrijf een leeg antwoordbestand: alle vragen in bankvolgorde, met de vraagtekst en de schaal als
    commentaar en alle antwoorden leeg (null). Vul de getallen in en het bestand is meteen te scoren.

    Vragen die alleen bij een context horen, staan erin als u die context kiest met --context;
    het bestand legt de gekozen contexten dan vast. Een bestaand bestand wordt niet overschreven.

    Voorbeelden:

      ontwikkelscan template --type regie -o jansen.yaml

      ontwikkelscan template --type beheer --context ambtelijke-fusie -o bakker.yaml
    """
    bank = load(bank_option)
    mtype = check_type(bank, type_id)
    contexts = check_contexts(bank, context)
    if output is not None and str(output) != "-" and output.exists():
        raise ScanError(f"{output} bestaat al; kies een andere naam (een ingevuld bestand overschrijven we niet)")
    emit(template_text(bank, mtype, contexts), output)


def template_text(bank: Bank, mtype: MunicipalityType | None, contexts: tuple[Context, ...] | None = None) -> str:
    from ...analysis.scoring import applicable
    from ...files.answers import dump_answers

    chosen = tuple(c.id for c in contexts or ())
    sheet = AnswerSheet(source="", answers={}, municipality_type=mtype.id if mtype else None,
                        contexts=chosen if contexts else None)
    body = dump_answers(sheet, bank, with_questions=True, questions=applicable(bank.questions, chosen))
    head = ["# Ontwikkelscan: leeg antwoordbestand.",
            f"# Vul achter elke vraag een getal van {bank.scale.min} tot en met {bank.scale.max} in; "
            "laat null staan om een vraag over te slaan.",
            "# Naam en gemeente zijn optioneel; haal dan het # weg:",
            '# respondent: {name: "...", municipality: "..."}',
            "# date: JJJJ-MM-DD"]
    if mtype is None:
        head.append(f"# municipality_type: {' | '.join(bank.types)}   (of geef --type bij report)")
    if bank.contexts and not contexts:
        head.append(f"# contexten: {', '.join(bank.contexts)}; kies ze met --context bij template, dan staan "
                    "hun vragen erin")
    return "\n".join(head) + "\n" + body
