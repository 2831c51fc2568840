"""`ontwikkelscan plan`: a draft personal development plan (POP) from one scan."""

from pathlib import Path
from typing import Annotated

import typer

from ...errors import UsageError
from ...files.commandline import command
from ...models import Bank, MunicipalityType, Report
from ..base import (
    SECRETARY,
    BankOption,
    ContextOption,
    OutputOption,
    TypeOption,
    app,
    check_contexts,
    check_type,
    emit,
    format_option,
    load,
    refuse_overwriting_inputs,
    render_for,
    show_problems,
    warn,
)


@app.command(rich_help_panel=SECRETARY)
def plan(
    scan: Annotated[Path, typer.Argument(metavar="SCAN", help="Het antwoordbestand van de scan, of de map van "
                                         "een feedbackronde.", show_default=False, readable=False)],
    type_id: TypeOption = None,
    context: ContextOption = None,
    fmt: Annotated[str, format_option("plan")] = "md",
    output: OutputOption = None,
    bank_option: BankOption = None,
) -> None:
    """Maak een concept-ontwikkelplan (POP) uit een scan, om zelf verder te schrijven.

    Per belangrijkste ontwikkelpunt (twee of drie): wat de competentie inhoudt, een plek voor
    uw doel in eigen woorden, acties uit de tips, gedrag waaraan u merkt dat het lukt en wie
    kan helpen; daarna een tussentijds gesprek na drie maanden en een vervolgscan na zes.

    Voorbeelden:

      ontwikkelscan plan scans/jansen.yaml -o mijn-plan.md

      ontwikkelscan plan scans/jansen.yaml --format html -o mijn-plan.html

      ontwikkelscan plan scans/jansen.yaml --format docx -o mijn-plan.docx

      ontwikkelscan plan scans/jansen.yaml --context ambtelijke-fusie

    Op een feedbackronde (de rondemap) komen de blinde vlekken eerst, dan de ontwikkelpunten volgens de
    anderen, dan die uit de zelfscan:

      ontwikkelscan plan ronde-jansen -o mijn-plan.md
    """
    from ...analysis.batch import respondents
    from ...analysis.scoring import score
    from ...analysis.sheets import resolve_type

    refuse_overwriting_inputs(output, [scan])
    bank = load(bank_option)
    mtype = check_type(bank, type_id)
    contexts = check_contexts(bank, context)  # a round takes its own from ronde.yaml
    if (scan / "ronde.yaml").is_file():  # a feedback round: the self scan, blind spots first
        _write(fmt, _round_report(scan, bank, mtype), output)
        return
    found, errors = respondents(scan, bank, warn)
    for error in errors:
        show_problems(error.problems)
    if errors:
        raise typer.Exit(1)
    if len(found) != 1:
        raise UsageError(f"{scan} bevat {len(found)} respondenten; een plan is voor één scan: geef één antwoordbestand")
    report = score(bank, found[0], resolve_type(bank, mtype, found[0]), contexts)
    _write(fmt, report, output)


def _write(fmt: str, report: Report, output: Path | None) -> None:
    """Text to stdout or --output; a Word document (binary) only to the file --output names."""
    from ...render.formats import formats

    spec = formats("plan")[fmt]
    if spec.binary:
        from ..documents import write_per_scan

        write_per_scan(spec, [report], output)
        return
    emit(render_for("plan", fmt, [report], output), output)


def _round_report(folder: Path, bank: Bank, mtype: MunicipalityType | None) -> Report:
    """The self scan of the round's latest release, blind spots first (docs/formats.md section 6.2: only released answers)."""
    from ...analysis.feedback import blind_spots_first
    from ...analysis.released import released_sheets, score_round
    from ...analysis.scoring import score

    released = released_sheets(folder, bank)
    for warning in released.warnings:
        warn(warning)
    raters = released.counted.raters
    own = [s for s in raters if s.rater == "self"]
    if not own:
        raise UsageError(f"{folder}: release {released.number} van de ronde heeft geen zelfscan; een plan begint bij "
                         f"de zelfscan ({command('scan', '--round', folder, '--rater', 'self')}, dan feedback release)")
    round_ = released.round
    chosen = mtype or bank.types[round_.municipality_type]
    result = score_round(bank, round_._replace(municipality_type=chosen.id), raters, released.number)
    return blind_spots_first(score(bank, own[0], chosen), result)
