"""The batch loop that every command over many answer files shares (report, cohort, items, and
later feedback and imports): expand the inputs, read every respondent, collect the errors per
file, warn once per other bank version, stop at the first error with `fail_fast`.

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

from ..errors import InputError
from ..files.inputs import NO_OPTIONS, Notice, Reading, expand, sheets
from ..models import AnswerSheet, Bank, Context, MunicipalityType, Report
from .sheets import bank_mismatch, resolve_type, retired_answers


def _ignore(_: object) -> None:
    return None


def _nothing() -> None:
    return None


class Batch:
    def __init__(self, inputs: Iterable[Path], bank: Bank, *, fail_fast: bool = False,
                 on_error: Callable[[InputError], None] = _ignore, on_warning: Callable[[str], None] = _ignore,
                 on_file: Callable[[], None] = _nothing, rater: str | None = None,
                 reading: Reading = NO_OPTIONS) -> None:
        self.bank = bank
        self.rater = rater  # only the sheets of this rater (cohort and items: "self" unless --rater)
        self.skipped = 0  # sheets of other raters
        self.reading = reading  # --columns and --sheet for CSV and .xlsx exports
        self.fail_fast = fail_fast
        self.on_error = on_error
        self.on_warning = on_warning
        self.on_file = on_file
        self.entries = list(expand(inputs))  # a folder becomes its files: the count a progress bar needs
        self.errors: list[InputError] = []  # every bad file or CSV row, in input order
        self.read = 0  # respondents read without error

    @property
    def total(self) -> int:
        """How many files (a CSV file counts once, however many rows it holds)."""
        return len(self.entries)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def sheets(self) -> Iterator[AnswerSheet]:
        """Every good respondent of every input, in input order; bad ones go to `on_error` and `errors`."""
        # A batch made with another bank would repeat the same warning for every file: say it once per bank.
        other_banks: dict[tuple[str | None, str | None], int] = {}
        people = Duplicates()
        for entry in self.entries:
            for _source, item in sheets([entry], self.bank, self.reading):
                if isinstance(item, Notice):
                    self.on_warning(str(item))
                    continue
                if isinstance(item, InputError):
                    self.errors.append(item)
                    self.on_error(item)
                    if self.fail_fast:
                        break
                    continue
                if self.rater is not None and item.rater != self.rater:
                    self.skipped += 1
                    continue
                message = bank_mismatch(item, self.bank)
                if message:
                    key = (item.bank_version, item.bank_sha256)
                    if key not in other_banks:
                        self.on_warning(message)
                    other_banks[key] = other_banks.get(key, 0) + 1
                retired = retired_answers(item)  # per file: each names its own ids
                if retired:
                    self.on_warning(retired)
                people.add(item)
                self.read += 1
                yield item
            if self.errors and self.fail_fast:
                break
            self.on_file()
        if self.skipped:
            wanted = "zelfscans" if self.rater == "self" else f"antwoorden van `{self.rater}`"
            self.on_warning(f"{self.skipped} antwoordbestand(en) van andere beoordelaars overgeslagen: dit telt alleen "
                            f"{wanted}; kies een groep met --rater")
        for message in people.warnings():
            self.on_warning(message)
        for (version, _sha), count in other_banks.items():
            if count > 1:
                self.on_warning(f"nog {count - 1} bestand(en) gemaakt met dezelfde andere vragenbank "
                                f"({version or 'onbekende versie'})")

    def reports(self, mtype: MunicipalityType | None, scoring: Bank | None = None,
                contexts: Sequence[Context] | None = None) -> Iterator[Report]:
        """The scored sheets: `mtype` (--type) wins, else each file's own type (see sheets.resolve_type);
        `contexts` (--context) win over each file's own. `scoring` scores with another view of the
        bank (observers: feedback.observer_bank)."""
        from .scoring import score

        bank = scoring or self.bank
        for sheet in self.sheets():
            yield score(bank, sheet, resolve_type(bank, mtype, sheet), contexts)


class Duplicates:
    """The same person on the same date more than once (an export read twice, a form sent in twice)."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str], list[AnswerSheet]] = {}

    def add(self, sheet: AnswerSheet) -> None:
        name = " ".join(sheet.respondent.get("name", "").split()).casefold()
        if name and sheet.date:
            self.seen.setdefault((name, sheet.date), []).append(sheet)

    def warnings(self) -> list[str]:
        return [f"{group[0].respondent['name']} op {group[0].date} staat er {len(group)} keer in "
                f"({', '.join(s.source for s in group)}); dubbel geteld? Laat er één over"
                for group in self.seen.values() if len(group) > 1]


def respondents(path: Path, bank: Bank) -> tuple[list[AnswerSheet], list[InputError]]:
    """The respondents of one input (a file, or the rows of a CSV file) and its errors, for the commands
    that take one scan (compare, plan); notices (a ronde.yaml among the answers) are left out."""
    found: list[AnswerSheet] = []
    errors: list[InputError] = []
    for _source, item in sheets(expand([path]), bank):
        if isinstance(item, InputError):
            errors.append(item)
        elif not isinstance(item, Notice):
            found.append(item)
    return found, errors
