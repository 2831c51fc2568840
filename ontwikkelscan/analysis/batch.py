"""The batch loop that every command over many answer files shares (report, cohort, items, and
later feedback and imports): expand the inputs, read every respondent, collect the errors per
file, warn per file (said once per kind by the caller: render/common/perkind.py), stop at the
first error with `fail_fast`.

Pure: it prints nothing. The caller passes what to do with an error as it comes (`on_error`),
with a warning (`on_warning`) and after each file (`on_file`, e.g. a progress bar's advance);
the errors are also kept in `errors`, in input order. Everything is lazy: a run holds one file
at a time, and a Ctrl-C (KeyboardInterrupt) goes straight up to the caller's boundary.

    batch = Batch(inputs, bank, fail_fast=True, on_error=show, on_warning=warn)
    text = render(batch.reports(mtype))      # consumes the generator, report by report
    if batch.failed: ...exit 1
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from ..errors import InputError, Warned, file_problem
from ..files import parallel
from ..files.inputs import NO_OPTIONS, Notice, Reading, expand
from ..models import AnswerSheet, Bank, Context, MunicipalityType, Report
from .people import Distinct
from .sheets import bank_mismatch, placeholder_date, resolve_type, retired_answers


def _ignore(_: object) -> None:
    return None


def _nothing() -> None:
    return None


class Batch:
    def __init__(self, inputs: Iterable[Path], bank: Bank, *, fail_fast: bool = False,
                 on_error: Callable[[InputError], None] = _ignore, on_warning: Callable[[str | Warned], None] = _ignore,
                 on_file: Callable[[], None] = _nothing, rater: str | None = None, own_only: bool = False,
                 tell_skipped: bool = True, reading: Reading = NO_OPTIONS, jobs: int = 1) -> None:
        inputs = list(inputs)
        self.bank = bank
        # only the sheets of this rater (cohort and items: "self" unless --rater; report and compare: "self")
        self.rater = "self" if own_only else rater
        # own_only: a command about the secretary's own scans (report, compare), with no --rater to choose others;
        # an observer's file named on the command line is an error there (in a folder it is left out)
        self.named = {path for path in inputs if own_only and not path.is_dir()}
        self.skipped = 0  # sheets of other raters
        self.tell_skipped = tell_skipped  # warn about them at the end (compare warns once for both sides)
        self.hint = FEEDBACK_HINT if own_only else "kies een groep met --rater"
        self.reading = reading  # --columns and --sheet for CSV and .xlsx exports
        self.fail_fast = fail_fast
        self.jobs = jobs  # worker processes that read the files (files/parallel.py); 1: this process alone
        self.on_error = on_error
        self.on_warning = on_warning
        self.on_file = on_file
        self.entries = list(expand(inputs))  # a folder becomes its files: the count a progress bar needs
        self.errors: list[InputError] = []  # every bad file or CSV row, in input order
        self.read = 0  # respondents read without error (a response read twice counts once)
        self.distinct = Distinct()
        self.released = None  # an observer group's files count only once released (docs/formats.md section 6.2)
        if self.rater not in (None, "self"):
            from .released import ReleasedOnly

            self.released = ReleasedOnly(bank)

    @property
    def total(self) -> int:
        """How many files (a CSV file counts once, however many rows it holds)."""
        return len(self.entries)

    @property
    def people(self) -> int:
        """Distinct persons among the sheets read (analysis/people.py), for privacy floors."""
        return self.distinct.people

    @property
    def failed(self) -> int:
        return len(self.errors)

    def sheets(self) -> Iterator[AnswerSheet]:
        """Every good respondent of every input, in input order; bad ones go to `on_error` and `errors`."""
        people = self.distinct = Distinct()  # the same response twice counts once (analysis/people.py)
        files = parallel.read(self.entries, self.bank, self.reading, self.jobs)
        try:
            for entry, items in files:
                for _source, item in items:
                    if isinstance(item, Notice):
                        self.on_warning(item.warned)
                        continue
                    if isinstance(item, InputError):
                        self.errors.append(item)
                        self.on_error(item)
                        if self.fail_fast:
                            break
                        continue
                    if self.rater is not None and item.rater != self.rater:
                        if entry in self.named:
                            error = observer_given(item)
                            self.errors.append(error)
                            self.on_error(error)
                            if self.fail_fast:
                                break
                        else:
                            self.skipped += 1
                        continue
                    if self.released is not None and isinstance(entry, Path) and not self.released.allows(entry):
                        continue
                    if not people.first(item):
                        continue
                    for warning in (bank_mismatch(item, self.bank), retired_answers(item), placeholder_date(item)):
                        if warning:
                            self.on_warning(warning)
                    self.read += 1
                    yield item
                if self.errors and self.fail_fast:
                    break
                self.on_file()
        finally:
            files.close()  # stopped early (--fail-fast, Ctrl-C, a consumer that stops): the workers stop now
        unreleased = self.released.warning() if self.released is not None else None
        if unreleased:
            self.on_warning(unreleased)
        if self.skipped and self.tell_skipped:
            self.on_warning(others_left_out(self.skipped, self.rater or "self", self.hint))
        for message in people.warnings():
            self.on_warning(message)

    def reports(self, mtype: MunicipalityType | None, scoring: Bank | None = None,
                contexts: Sequence[Context] | None = None) -> Iterator[Report]:
        """The scored sheets: `mtype` (--type) wins, else each file's own type (see sheets.resolve_type);
        `contexts` (--context) win over each file's own. `scoring` scores with another view of the
        bank (observers: feedback.observer_bank)."""
        from .scoring import score

        bank = scoring or self.bank
        for sheet in self.sheets():
            yield score(bank, sheet, resolve_type(bank, mtype, sheet), contexts)


FEEDBACK_HINT = "de antwoorden van anderen ziet u met `ontwikkelscan feedback report MAP` (de map van de ronde)"


def others_left_out(count: int, rater: str, hint: str = FEEDBACK_HINT) -> str:
    """The one warning of a run that left out the answer files of raters other than `rater`."""
    wanted = "zelfscans" if rater == "self" else f"antwoorden van `{rater}`"
    return f"{count} antwoordbestand(en) van andere beoordelaars overgeslagen: dit telt alleen {wanted}; {hint}"


def observer_given(sheet: AnswerSheet) -> InputError:
    """An observer's answer file named on the command line of a command about the secretary's own scan."""
    return file_problem(sheet.source, f"dit is geen zelfscan maar een antwoordbestand van een andere beoordelaar "
                                      f"(groep `{sheet.rater}`); {FEEDBACK_HINT}")


def respondents(path: Path, bank: Bank,
                on_warning: Callable[[str | Warned], None] = _ignore) -> tuple[list[AnswerSheet], list[InputError]]:
    """The own scans in one input (a file, a folder, or the rows of a CSV file) and its errors, for the
    commands that take one scan (plan): the answer files of other raters in a folder are left out with a
    warning; an observer's file named as `path` is an error."""
    run = Batch([path], bank, own_only=True, on_warning=on_warning)
    found = list(run.sheets())
    return found, run.errors
