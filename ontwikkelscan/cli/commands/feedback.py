"""`ontwikkelscan feedback start|forms|report`: a 360 round around the self-scan (docs/formats.md section 6, issue 14)."""

from pathlib import Path
from typing import Annotated, Any

import typer

from ...errors import ScanError, UsageError
from ...models import Bank, Round
from ...render.common.csvout import Dialect
from ..base import (
    COACH,
    BankOption,
    DialectOption,
    OutputOption,
    VerboseOption,
    app,
    check_rater,
    check_type,
    emit,
    err,
    format_option,
    group,
    load,
    render_for,
    warn_all,
)

feedback_app = group("feedback", """Een feedbackronde (360 graden): de zelfscan van één secretaris naast het beeld
    van anderen (burgemeester, wethouders, directie, medewerkers, ondernemingsraad, partners), anoniem waar
    dat moet.

    Voorbeeld:

      ontwikkelscan feedback start --name "A. Jansen" --type regie --out ronde-jansen
    """)
app.add_typer(feedback_app, name="feedback", rich_help_panel=COACH)

RoundArgument = Annotated[Path, typer.Argument(metavar="RONDEMAP", help="De map van de ronde (met ronde.yaml).",
                                               show_default=False, readable=False)]


def _round_bank(bank_option: Path | None) -> Bank:
    bank = load(bank_option)
    if bank.raters is None:
        raise UsageError(f"de vragenbank {bank.version} heeft geen beoordelaarsgroepen (`raters:` in "
                         "questions.yaml); een feedbackronde kan er niet mee")
    return bank


@feedback_app.command("start")
def start(
    name: Annotated[str, typer.Option("--name", metavar="NAAM", help="Over wie de feedback gaat: de secretaris.",
                                      show_default=False)],
    type_id: Annotated[str, typer.Option("--type", "-t", metavar="TYPE", help="Type gemeente: regie, ontwikkel "
                                         "of beheer.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", metavar="MAP", help="De map voor de ronde (wordt gemaakt).",
                                      show_default=False, readable=False)],
    municipality: Annotated[str | None, typer.Option("--municipality", metavar="GEMEENTE", help="De gemeente.",
                                                     show_default=False)] = None,
    context: Annotated[list[str] | None, typer.Option("--context", metavar="CONTEXT", help="Een context die het "
                                                      "doelprofiel inkleurt; mag vaker.", show_default=False)] = None,
    round_id: Annotated[str | None, typer.Option("--id", metavar="ID", help="Id van de ronde (kebab-case); "
                                                 "standaard jaar-maand-achternaam.", show_default=False)] = None,
    own: Annotated[Path | None, typer.Option("--self", metavar="BESTAND", help="Een afgemaakte zelfscan van de "
                                             "secretaris die meedoet (zelfde bankversie).", show_default=False,
                                             readable=False)] = None,
    bank_option: BankOption = None,
) -> None:
    """Begin een feedbackronde: een map met ronde.yaml en een korte uitleg (README.md) voor de secretaris:
    wie u per groep uitnodigt, de anonimiteitsregel en hoe anderen antwoorden. Met --self doet een
    afgemaakte zelfscan meteen mee, zonder opnieuw te antwoorden.

    Voorbeeld:

      ontwikkelscan feedback start --name "A. Jansen" --municipality "Voorbeeldrecht" --type regie --out ronde-jansen
    """
    import datetime as dt

    from ...files.fsio import write_private
    from ...files.rounds import ROUND_FILE, dump_round
    from ...files.rounds import round_id as make_id
    from ...files.schemas import ID_PATTERN
    from ...render.feedback.guide import guide

    bank = _round_bank(bank_option)
    mtype = check_type(bank, type_id)
    assert mtype is not None
    for chosen in context or []:
        if chosen not in bank.contexts:
            raise typer.BadParameter(f"onbekende context `{chosen}`; kies uit: {', '.join(bank.contexts) or '(geen)'}",
                                     param_hint="'--context'")
    import re

    identifier = round_id or make_id(name, dt.date.today().isoformat())
    if not re.match(ID_PATTERN, identifier):
        raise typer.BadParameter(f"`{identifier}` is geen geldige id: kleine letters, cijfers en streepjes",
                                 param_hint="'--id'")
    if (out / ROUND_FILE).exists():
        raise ScanError(f"{out / ROUND_FILE} bestaat al; kies een andere map (een ronde overschrijven we niet)")
    subject = {"name": name, **({"municipality": municipality} if municipality else {})}
    round_ = Round(identifier, subject, mtype.id, str(out / ROUND_FILE), tuple(context or ()), bank.version,
                   bank.sha256)
    from ..selfjoin import joined_self, write_self

    joined = joined_self(own, round_, bank, []) if own is not None else None  # refused before anything is made
    out.mkdir(parents=True, exist_ok=True)
    write_private(out / ROUND_FILE, dump_round(round_, bank))
    write_private(out / "README.md", guide(round_, bank, out))
    err(f"Ronde {identifier} gemaakt in {out}: {ROUND_FILE} en README.md (lees die eerst).")
    if joined is not None:
        write_self(out, joined, bank)


ReleaseOption = Annotated[int | None, typer.Option("--release", metavar="N", help="Welke release (1, 2, ...); "
                                                   "standaard de laatste.", show_default=False)]


@feedback_app.command("report")
def report(
    folder: RoundArgument,
    fmt: Annotated[str, format_option("feedback")] = "table",
    csv_dialect: DialectOption = Dialect.standard,
    release: ReleaseOption = None,
    output: OutputOption = None,
    verbose: VerboseOption = False,
    bank_option: BankOption = None,
) -> None:
    """Het rapport van een release van de ronde: wie antwoordde, per competentie zelf, de groepen, alle
    anderen, het doel, blinde vlekken en verborgen sterktes, en de uitspraken waarover zelf en anderen het
    meest verschillen.

    Het rapport rekent met de bestanden van de release (`feedback release`), standaard de laatste. Getallen
    van minder beoordelaars dan de anonimiteitsgrens worden niet getoond (-).

    Voorbeeld:

      ontwikkelscan feedback report ronde-jansen --format md -o feedback-jansen.md
    """
    from ...analysis.released import release_report

    bank = _round_bank(bank_option)
    result, warnings = release_report(folder, bank, release)
    warn_all(warnings, verbose)
    if fmt == "pdf":
        _write_pdf(render_for("feedback", fmt, result, output), output)
        return
    emit(render_for("feedback", fmt, result, output, dialect=csv_dialect), output)


@feedback_app.command("status")
def status(
    folder: RoundArgument,
    fmt: Annotated[str, format_option("status")] = "table",
    output: OutputOption = None,
    bank_option: BankOption = None,
) -> None:
    """De stand van een open ronde, voor elke dag: per groep hoeveel beoordelaars, lege en dubbele bestanden,
    bestanden die niet laden, en wat een release nu zou tonen, samenvoegen of verbergen. Nooit een score.

    Voorbeeld:

      ontwikkelscan feedback status ronde-jansen
    """
    from ...analysis.released import candidate
    from ...analysis.roundstatus import round_status

    bank = _round_bank(bank_option)
    emit(render_for("status", fmt, round_status(bank, candidate(folder, bank)), output), output)


@feedback_app.command("release")
def release_(
    folder: RoundArgument,
    without: Annotated[list[str] | None, typer.Option("--without", metavar="BESTAND", help="Laat dit bestand "
                                                      "weg uit de release (pad onder de rondemap); mag vaker.",
                                                      show_default=False)] = None,
    verbose: VerboseOption = False,
    bank_option: BankOption = None,
) -> None:
    """Geef de antwoorden vrij: release 1, 2, ... legt in ronde.yaml vast welke bestanden elk rapport leest.
    Een volgende release wordt geweigerd als aftrekken van twee releases iets van minder beoordelaars dan de
    grens zou laten zien; dan zegt hij welke groepen hoeveel beoordelaars meer nodig hebben.

    Voorbeeld:

      ontwikkelscan feedback release ronde-jansen
    """
    from ...analysis.released import candidate, refusal
    from ...files.releases import write_release
    from ...render.feedback.status import render_released

    bank = _round_bank(bank_option)
    plan = candidate(folder, bank, [_below(folder, path) for path in without or ()])
    problem = refusal(plan, folder)
    if problem is not None:
        raise problem
    warn_all(plan.counted.warnings(), verbose)
    made = write_release(plan.round, bank, plan.files)
    emit(render_released(plan, made), None)


def _below(folder: Path, given: str) -> str:
    """A --without path as ronde.yaml writes it: below the round folder, with `/`."""
    path = Path(given)
    for candidate in (path, folder / path):
        try:
            return candidate.resolve().relative_to(folder.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def _write_pdf(html: str, output: Path | None) -> None:
    from ...files.fsio import write_private_bytes
    from ..pdf import html_to_pdf

    if output is None or str(output) == "-":
        raise UsageError("een PDF hoort niet op het scherm; geef --output feedback.pdf")
    write_private_bytes(output, html_to_pdf(html))
    err(f"Geschreven: {output}")


@feedback_app.command("forms")
def forms(
    folder: RoundArgument,
    rater: Annotated[str | None, typer.Option("--rater", metavar="GROEP", help="Voor welke groep (of self); "
                                              "zonder: één formulier voor alle groepen.", show_default=False)] = None,
    fmt: Annotated[str, format_option("forms")] = "md",
    csv_dialect: DialectOption = Dialect.standard,
    output: OutputOption = None,
    bank_option: BankOption = None,
) -> None:
    """Formulieren voor wie zonder ontwikkelscan antwoordt: een antwoordbestand (yaml) met de teksten voor
    anderen, de kolomkoppen voor een enquêtetool (csv: Microsoft Forms, Google Forms, LimeSurvey, Qualtrics)
    of een formulier om af te drukken (html of pdf: A4, hokjes om aan te kruisen; md als tekst). Met guide:
    per enquêtetool hoe u de vragenlijst bouwt, met de
    teksten om te plakken (zonder --rater één enquête voor alle groepen, met de vraag `Ik ben`).

    Voorbeelden:

      ontwikkelscan feedback forms ronde-jansen --format guide -o enquete-bouwen.html

      ontwikkelscan feedback forms ronde-jansen --rater medewerkers --format pdf -o medewerkers.pdf

      ontwikkelscan feedback forms ronde-jansen --rater wethouders --format yaml -o ronde-jansen/w1.yaml
    """
    from ...analysis.feedback import asked
    from ...files.rounds import read_round
    from ...render.feedback.forms import Form

    bank = _round_bank(bank_option)
    round_ = read_round(folder, bank)
    groups: Any = bank.raters.groups if bank.raters else {}
    if rater is not None:
        check_rater(bank, rater)
    if rater is None and fmt == "yaml":
        raise UsageError(f"een antwoordbestand is voor één groep: geef --rater ({', '.join(groups)} of self)")
    if output is not None and str(output) != "-" and output.exists():
        raise ScanError(f"{output} bestaat al; kies een andere naam (een ingevuld bestand overschrijven we niet)")
    if fmt == "guide" and output is not None and output.suffix.lower() in (".html", ".htm"):
        fmt = "guide-html"
    questions = asked(bank, bank.questions, round_.contexts, observer=rater != "self")
    text = render_for("forms", fmt, Form(round_, bank, rater, questions), output, dialect=csv_dialect)
    if fmt == "pdf":
        _write_pdf(text, output)
        return
    emit(text, output)


@feedback_app.command("invite")
def invite(
    folder: RoundArgument,
    deadline: Annotated[str | None, typer.Option("--deadline", metavar="DATUM", help="Uiterste datum "
                                                 "(JJJJ-MM-DD), in de teksten als '1 maart 2027'.",
                                                 show_default=False)] = None,
    coach: Annotated[str | None, typer.Option("--coach", metavar="NAAM", help="Wie de antwoorden verzamelt.",
                                              show_default=False)] = None,
    output: OutputOption = None,
    bank_option: BankOption = None,
) -> None:
    """Uitnodigingen en herinneringen per groep, om in uw e-mail te plakken: waar het over gaat, hoe lang het
    duurt, hoe men antwoordt, de anonimiteitsregel van die groep en de uiterste datum. De herinnering noemt
    hoeveel antwoorden de groep nog nodig heeft, nooit wie al antwoordde.

    Voorbeeld:

      ontwikkelscan feedback invite ronde-jansen --deadline 2027-03-01 --coach "M. de Boer"
    """
    from ..paperwork import invitations

    emit(invitations(folder, _round_bank(bank_option), deadline, coach), output)


@feedback_app.command("enter")
def enter(
    folder: RoundArgument,
    rater: Annotated[str, typer.Option("--rater", metavar="GROEP", help="De groep van het papieren formulier.",
                                       show_default=False)],
    bank_option: BankOption = None,
) -> None:
    """Een ingevuld papieren formulier invoeren: per uitspraak één toets, in de volgorde van het formulier
    (1-5, 0 = weet niet, Enter = leeg, v = terug). Elke uitspraak verschijnt met haar nummer zodra haar cijfer
    binnenkomt; daarna de open vragen, een overzicht om te verbeteren, en dan pas het antwoordbestand (met een
    willekeurige naam in de rondemap, alleen voor u leesbaar).

    Voorbeeld:

      ontwikkelscan feedback enter ronde-jansen --rater medewerkers
    """
    from ..paperwork import enter_paper

    enter_paper(folder, _round_bank(bank_option), rater)


from .. import selfjoin as _selfjoin  # noqa: E402, F401  (registers `feedback add-self` on feedback_app)
