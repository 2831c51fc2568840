"""The work of `report` and `scan`, without Typer: the command modules call these with the parsed
options, and so does cli/fast.py, which parses a plain command line itself and skips Typer's
import (about a third of the start-up of a run). The parameters are the commands' own, by name.
"""

from pathlib import Path

from ..errors import UsageError
from ..render.common.console import err
from .shared import (
    check_contexts,
    check_type,
    emit,
    exit_for,
    load,
    reading,
    refuse_overwriting_inputs,
    render_for,
)


def report(inputs: list[Path], type_id: str | None = None, context: list[str] | None = None, fmt: str = "table",
           csv_dialect: str = "standard", csv_shape: str = "long", fail_fast: bool = False,
           allow_partial: bool = False, columns: Path | None = None, sheet: str | None = None,
           output: Path | None = None, jobs: int | None = None, bank_option: Path | None = None,
           no_pager: bool = False, verbose: bool = False) -> None:
    refuse_overwriting_inputs(output, inputs)
    bank = load(bank_option)
    mtype = check_type(bank, type_id)
    contexts = check_contexts(bank, context)
    from ..render.formats import formats
    from .progress import batch

    spec = formats("report")[fmt]
    how = reading(columns, sheet, bank)
    with batch(inputs, bank, fail_fast=fail_fast, own_only=True, reading=how, jobs=jobs,
               verbose=verbose) as run:  # each report as it comes
        if spec.per_scan:  # html, pdf: one document per scan (a folder for several)
            from .documents import write_per_scan

            write_per_scan(spec, run.reports(mtype, contexts=contexts), output)
        else:
            text = render_for("report", fmt, run.reports(mtype, contexts=contexts), output, dialect=csv_dialect,
                              shape=csv_shape)
    if run.read and not spec.per_scan:
        from .pager import page

        if no_pager or str(output or "-") != "-" or not page(text):  # a long report on a terminal pages, as git does
            emit(text, output)
    exit_for(run.failed, run.read, allow_partial)


def scan(type_id: str | None = None, context: list[str] | None = None, out: Path | None = None,
         resume: Path | None = None, order: str | None = None, round_folder: Path | None = None,
         rater: str | None = None, bank_option: Path | None = None, force: bool = False) -> None:
    if out is not None and resume is not None:
        raise UsageError("gebruik --out voor een nieuwe scan of --resume om verder te gaan, niet allebei")
    if (round_folder is None) != (rater is None):
        raise UsageError("--round en --rater horen bij elkaar: ontwikkelscan scan --round RONDEMAP --rater GROEP")
    if round_folder is not None and (out is not None or resume is not None):
        raise UsageError("--round bewaart in de rondemap: laat --out en --resume weg")
    try:
        bank = load(bank_option)
        from ..scan.flow import Order
        from ..scan.session import Plan, Stop

        contexts = check_contexts(bank, context)
        plan = Plan(bank, check_type(bank, type_id), Order(order) if order is not None else None, force, bank_option,
                    contexts=tuple(c.id for c in contexts) if contexts is not None else None)
        try:
            if round_folder is not None and rater is not None:
                plan.start_round(round_folder, rater)
            elif resume is not None:
                plan.resume(resume)
            else:
                plan.start(out)
        except Stop as stop:
            raise SystemExit(stop.code) from None
    except KeyboardInterrupt:  # before any prompt: while loading the bank or reading --resume
        err("\nOnderbroken. Er is niets veranderd.")
        raise SystemExit(130) from None
