"""A round read as docs/formats.md section 6.2 says: reports from a release, and the release that would be made now.

Everything that reads a round's answers (feedback report in every format, plan on a round,
items and cohort with --rater) goes through `release_report` or `released_sheets`, so that
no command shows a number that is not in a release.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ..errors import InputError, Problem, UsageError, Warned
from ..files.releases import chosen, released_files
from ..files.rounds import Folder, Loaded, read_folder, read_round
from ..models import AnswerSheet, Bank, Round
from .feedback import FeedbackReport, feedback
from .intake import Counted, count, identity
from .release import Breach, blocks, breaches, needs
from .sheets import bank_mismatch, placeholder_date, retired_answers


class Released(NamedTuple):
    round: Round
    number: int
    counted: Counted
    warnings: list[str | Warned]


def released_sheets(folder: Path, bank: Bank, number: int | None = None) -> Released:
    """The raters of release `number` (default the latest); InputError for a released file that is missing or
    changed, UsageError (exit 2) for a round without a release."""
    round_ = read_round(folder, bank)
    release = chosen(round_, number)
    state = read_folder(folder, round_, bank)
    files, files_warnings = released_files(folder, state, release, latest=release.number == len(round_.releases))
    fixed = {f.path for f in files}
    warnings: list[str | Warned] = [message for path, message in state.warnings if path in fixed]
    warnings += files_warnings
    counted = _counted(files)
    if round_.bank_sha256 is not None and round_.bank_sha256 != bank.sha256:
        warnings.insert(0, f"{round_.source}: de ronde is begonnen met vragenbank {round_.bank_version} "
                           f"(andere sha256); u rapporteert met {bank.version}")
    warnings += counted.warnings()
    warnings += [w for s in counted.raters for w in (bank_mismatch(s, bank), retired_answers(s), placeholder_date(s))
                 if w]
    return Released(round_, release.number, counted, warnings)


def release_report(folder: Path, bank: Bank, number: int | None = None) -> tuple[FeedbackReport, list[str | Warned]]:
    released = released_sheets(folder, bank, number)
    return score_round(bank, released.round, released.counted.raters, released.number), released.warnings


def score_round(bank: Bank, round_: Round, raters: Sequence[AnswerSheet], number: int | None) -> FeedbackReport:
    contexts = [bank.contexts[c] for c in round_.contexts]
    return feedback(bank, round_, raters, bank.types[round_.municipality_type], contexts, number)


def _counted(files: Sequence[Loaded]) -> Counted:
    counted = count([f.sheet for f in files])
    selfs = [s.source for s in counted.raters if s.rater == "self"]
    if len(selfs) > 1:
        raise InputError([Problem(selfs[1], None, None, "rater", f"een tweede zelfscan in de ronde (ook {selfs[0]}); "
                                  "een ronde heeft één zelfscan: verwijder of verplaats er één")])
    return counted


class Candidate(NamedTuple):
    """The release that `feedback release` would make now, and why it may not."""

    round: Round
    folder: Folder
    files: tuple[Loaded, ...]  # what it would fix
    counted: Counted
    report: FeedbackReport
    failing: tuple[tuple[str, InputError], ...]  # files that fail to load and were not left out
    breaches: tuple[Breach, ...]
    needs: dict[str, int]  # group -> how many more raters before the release is allowed


def candidate(folder: Path, bank: Bank, without: Sequence[str] = ()) -> Candidate:
    """Release N+1 as it would be made now, checked against every earlier release (docs/formats.md section 6.2).

    InputError when a file of an earlier release is missing or changed: that release can then not be
    recomputed, and a new one could not be checked against it.
    """
    round_ = read_round(folder, bank)
    state = read_folder(folder, round_, bank)
    left_out = set(without)
    known = {f.path for f in state.loaded} | {path for path, _ in state.failed}
    unknown = sorted(left_out - known)
    if unknown:
        raise UsageError(f"--without {unknown[0]}: geen antwoordbestand van deze ronde; geef het pad onder "
                         f"{folder} (zoals `feedback status` het noemt)")
    files = tuple(f for f in state.loaded if f.path not in left_out)
    counted = _counted(files)
    floor = bank.raters.anonymity_floor if bank.raters else 3
    report = score_round(bank, round_, counted.raters, len(round_.releases) + 1)
    now = blocks(report)
    found: list[Breach] = []
    groups = {identity(s): s.rater for s in counted.raters}
    for release in round_.releases:
        earlier, _ = released_files(folder, state, release, latest=False)
        raters = _counted(earlier).raters
        groups.update({identity(s): s.rater for s in raters})
        found += breaches(blocks(score_round(bank, round_, raters, release.number)), now, floor, release.number)
    failing = tuple((path, error) for path, error in state.failed if path not in left_out)
    return Candidate(round_, state, files, counted, report, failing, tuple(found), needs(found, groups, floor))


def refusal(plan: Candidate, folder: Path) -> InputError | None:
    """Why release N+1 may not be made now (exit 1), or None."""
    problems = [Problem(str(folder / path), None, None, "", f"laadt niet: {error.problems[0].message}; verbeter "
                        f"het, of laat het weg met --without {path}") for path, error in plan.failing]
    if problems:
        return InputError(problems)
    if plan.breaches:
        return InputError([Problem(str(folder / "ronde.yaml"), None, None, "releases", subtraction_message(plan))])
    return None


def subtraction_message(plan: Candidate) -> str:
    """Which earlier release, which groups need how many more raters (never a score: counts only)."""
    bank = plan.report.bank
    names = bank.raters.groups if bank.raters else {}
    first = plan.breaches[0]
    earlier = sorted({b.release for b in plan.breaches})
    wanted = "; ".join(f"{names[g].name if g in names else g}: nog {n} beoordelaar(s)" for g, n in plan.needs.items())
    return (f"release {len(plan.round.releases) + 1} geweigerd: naast release {', '.join(map(str, earlier))} zou "
            f"aftrekken een getal geven van {len(first.added) + len(first.removed)} anonieme beoordelaar(s), minder "
            f"dan de grens ({len(plan.breaches)} keer, bijv. {_label(bank, first.later)} bij "
            f"{_quantity(bank, first.quantity)}). Wacht op meer antwoorden: {wanted}")


def _label(bank: Bank, label: str) -> str:
    groups = bank.raters.groups if bank.raters else {}
    if label.startswith("groups."):
        group = label.removeprefix("groups.")
        return f"'{groups[group].name}'" if group in groups else group
    return {"residue": "'overige beoordelaars'", "others": "'alle anderen'"}.get(label, label)


def _quantity(bank: Bank, quantity: str) -> str:
    kind, _, name = quantity.partition(":")
    if kind == "competency":
        return next((c.name for c in bank.competencies if c.id == name), name)
    return {"statement": f"uitspraak {name}", "comment": f"de opmerkingen bij `{name}`"}.get(kind, quantity)


class ReleasedOnly:
    """For the commands over many files (items and cohort with --rater): an answer file inside a round folder
    counts only when the latest release of its round holds it, as the one rater it is (docs/formats.md section 6.1, 6.2)."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.rounds: dict[Path, frozenset[tuple[str, str]]] = {}
        self.left_out = 0

    def allows(self, path: Path) -> bool:
        folder = next((p for p in path.resolve().parents if (p / "ronde.yaml").is_file()), None)
        if folder is None:
            return True
        if folder not in self.rounds:
            self.rounds[folder] = self._released(folder)
        import hashlib

        try:
            key = (path.resolve().relative_to(folder).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest())
        except OSError:
            key = ("", "")
        if key in self.rounds[folder]:
            return True
        self.left_out += 1
        return False

    def _released(self, folder: Path) -> frozenset[tuple[str, str]]:
        from ..errors import ScanError

        try:
            round_ = read_round(folder, self.bank)
            if not round_.releases:
                return frozenset()
            state = read_folder(folder, round_, self.bank)
            files, _ = released_files(folder, state, round_.releases[-1], latest=True)
        except ScanError:
            return frozenset()
        kept = {id(s) for s in count([f.sheet for f in files]).raters}
        return frozenset((f.path, f.sha256) for f in files if id(f.sheet) in kept)

    def warning(self) -> str | None:
        if not self.left_out:
            return None
        return (f"{self.left_out} antwoordbestand(en) uit feedbackrondes overgeslagen: ze staan niet (als één "
                "beoordelaar) in de laatste release van hun ronde; zie `ontwikkelscan feedback status RONDEMAP`")
