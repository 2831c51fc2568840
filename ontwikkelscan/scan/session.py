"""The steps of a self-scan: start or resume, ask, save after every answer, report at the end."""

from __future__ import annotations

import datetime as dt
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType

from ..errors import ScanError, UsageError
from ..models import AnswerSheet, Bank, MunicipalityType, Question, Scale
from ..render.common.console import check_bank_identity, err, tell, warn, whole
from .flow import Answers, Asker, Order, Outcome, Scan, default_out, new_seed, order_questions, run
from .resume import LATEST, report_command, resume_command, unfinished_scans
from .rounds import subject_of, welcome_round

SCANS_FOLDER = Path("scans")
NO_TERMINAL = (
    "De scan stelt zijn vragen in een terminalvenster en heeft daarom een terminal nodig "
    "(invoer of uitvoer is nu omgeleid).\n"
    "Zonder terminal: maak een antwoordbestand met `ontwikkelscan template`, vul het in "
    "en scoor het met `ontwikkelscan report BESTAND`."
)


class Stop(Exception):
    """End the command with this exit code; what to say has been said (the CLI turns it into an exit)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def is_terminal() -> bool:
    """Both ends must be a terminal: prompts read keys from stdin and draw on stdout."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def make_asker(scale: Scale) -> Asker:
    from .questionnaire import TerminalAsker  # questionary costs ~0.15 s: only for this command

    return TerminalAsker(scale)


class Plan:
    """One scan from the command line to the report (a plain class: dataclasses costs start-up)."""

    def __init__(self, bank: Bank, mtype: MunicipalityType | None, order: Order | None, force: bool,
                 bank_option: Path | None, *, contexts: tuple[str, ...] | None = None) -> None:
        self.bank = bank
        self.mtype = mtype
        self.order = order
        self.force = force
        self.bank_option = bank_option
        self.path: Path | None = None
        self.sheet: AnswerSheet | None = None
        self.asker: Asker | None = None
        self.observer = False  # answering about someone else, in a feedback round
        self.contexts = contexts  # --context: wins over the file's; its questions are asked too

    def start(self, out: Path | None) -> None:
        with self._interruptible():
            asker = self._asker()
            if out is not None and out.exists() and not self.force and not asker.confirm_overwrite(out):
                tell(f"{out} is niet overschreven. Kies een ander bestand met --out, of ga verder met "
                     f"{whole(self._resume_hint(out))}")
                raise Stop(1)
            asker.welcome(len(self._asked(AnswerSheet("", {}, contexts=self.contexts))))
            if out is None:
                # Someone who paused and typed the same command again (`make scan`) wants to go on.
                waiting = unfinished_scans(SCANS_FOLDER, self.bank)
                if waiting and asker.offer_resume(waiting[0]):
                    self._go_on(waiting[0].path, welcomed=True)
                    return
            name, municipality = asker.respondent()
            type_id = self.mtype.id if self.mtype else asker.municipality_type(tuple(self.bank.types.values()))
            date = dt.date.today().isoformat()
            path = out or default_out(_scans_folder(), date, name, Path.exists)
            respondent = {k: v for k, v in (("name", name), ("municipality", municipality)) if v}
            seed = None if self.order is Order.bank else new_seed()
            chosen = self.contexts
            if chosen is None and self.bank.contexts:  # asked after the type; with --type, --context is the way
                chosen = asker.contexts(tuple(self.bank.contexts.values())) if self.mtype is None else ()
                total = len(self._asked(AnswerSheet("", {}, contexts=chosen)))
                if chosen and total != len(self._asked(AnswerSheet("", {}))):  # the welcome counted without
                    asker.say(f"Met {'deze context' if len(chosen) == 1 else 'deze contexten'} krijgt u {total} "
                              "stellingen.")
            self._save_as(path, AnswerSheet(source=str(path), answers=MappingProxyType({}),
                                            respondent=MappingProxyType(respondent), date=date,
                                            municipality_type=type_id, order_seed=seed, contexts=chosen), {})
            asker.say(f"Uw antwoorden worden bewaard in een bestand dat alleen u kunt lezen:\n  {path}")
            self._ask(asker)

    def start_round(self, folder: Path, rater: str) -> None:
        """Answer in a feedback round (docs/formats.md section 6): about its subject, with the texts for others, no name
        asked, under a random file name in the round folder, with nothing in the file that points at the rater."""
        from ..files.rounds import read_round, unused_name

        round_ = read_round(folder, self.bank)
        if rater != "self" and rater not in (self.bank.raters.groups if self.bank.raters else {}):
            from ..files.answers import unknown_rater

            raise UsageError(f"--rater: {unknown_rater(rater, self.bank)}")
        self._as_rater(rater)
        subject = round_.subject.get("name", "de secretaris")
        # The round's contexts apply to every scan of the round: their statements are asked and counted.
        sheet = AnswerSheet(source="", answers=MappingProxyType({}), municipality_type=round_.municipality_type,
                            rater=rater, round=round_.id, contexts=round_.contexts or None)
        with self._interruptible():
            asker = self._asker()
            welcome_round(asker, self.bank, rater, subject, len(self._asked(sheet)))
            path = unused_name(folder)
            seed = None if self.order is Order.bank else new_seed()
            self._save_as(path, sheet._replace(source=str(path), order_seed=seed), {})
            asker.say(f"Uw antwoorden worden bewaard in:\n  {path}")
            self._ask(asker)

    def _as_rater(self, rater: str) -> None:
        """Another rater than self is asked only the questions with an observer text, worded for others,
        and asked how often they see it."""
        if rater != "self":
            from ..analysis.feedback import observer_bank

            self.bank = observer_bank(self.bank)
            self.observer = True

    def resume(self, path: Path) -> None:
        if str(path) == LATEST and not path.exists():
            waiting = unfinished_scans(SCANS_FOLDER, self.bank)
            if not waiting:
                raise UsageError(f"--resume {LATEST}: er is geen onafgemaakte scan in {SCANS_FOLDER}/; "
                                 "begin een nieuwe scan zonder --resume")
            path = waiting[0].path
        self._go_on(path, welcomed=False)

    def _go_on(self, path: Path, *, welcomed: bool) -> None:
        from ..files.answers import other_version_message, read_resumable

        sheet, dropped = read_resumable(path, self.bank, force=self.force)
        if dropped:
            warn(f"{len(dropped)} antwoord(en) weggelaten: vragenbank {self.bank.version} kent deze vragen niet meer "
                 f"({', '.join(dropped)})")
        check_bank_identity(sheet, self.bank)
        self._as_rater(sheet.rater)
        if self.order is not None and (self.order is Order.mixed) != (sheet.order_seed is not None):
            warn(f"--order {self.order.value} geldt niet bij --resume: de volgorde van {path} blijft")
        if self.mtype is not None:
            sheet = sheet._replace(municipality_type=self.mtype.id)
        if self.contexts is not None:
            sheet = sheet._replace(contexts=self.contexts)
        self.path, self.sheet = path, sheet
        with self._interruptible():
            if all(question.id in sheet.answers for question in self._asked(sheet)):
                tell(f"Deze scan is al helemaal ingevuld ({path}).")
                self._finish()
                return
            if sheet.bank_version not in (None, self.bank.version) and not self.force:
                # Answers to two versions of the questions do not add up to one scan.
                raise ScanError(other_version_message(path, sheet.bank_version, self.bank))
            asker = self._asker()
            if not welcomed and sheet.round is not None:
                welcome_round(asker, self.bank, sheet.rater, subject_of(path, sheet.round, self.bank),
                              len(self._asked(sheet)))
            elif not welcomed:
                asker.welcome(len(self._asked(sheet)))
            if sheet.municipality_type is None:
                sheet = sheet._replace(municipality_type=asker.municipality_type(tuple(self.bank.types.values())))
            self._save_as(path, sheet, sheet.answers)
            done = len(sheet.answers)
            where = "" if welcomed else f"\nUw antwoorden worden bewaard in:\n  {path}"  # else just shown
            asker.say(f"Welkom terug. U had {done} van de {len(self._asked(sheet))} vragen beantwoord "
                      f"en gaat verder waar u was.{where}")
            self._ask(asker)

    def _asked(self, sheet: AnswerSheet) -> tuple[Question, ...]:
        """The questions of this scan: those without contexts, and those of the chosen contexts (docs/formats.md section 7)."""
        from ..analysis.scoring import applicable

        return applicable(self.bank.questions, sheet.contexts or ())

    def _asker(self) -> Asker:
        if self.asker is None:
            if not is_terminal():
                err(NO_TERMINAL)
                raise Stop(2)
            self.asker = make_asker(self.bank.scale)
            if self.observer:
                from .questionnaire import OBSERVER_PROMPT

                self.asker.item_prompt = OBSERVER_PROMPT  # type: ignore[attr-defined]  # TerminalAsker only
        return self.asker

    def _ask(self, asker: Asker) -> None:
        assert self.sheet is not None
        can_skip = self.bank.scale.not_applicable is not None
        scoped = self.bank._replace(questions=self._asked(self.sheet))
        flow = Scan(order_questions(scoped, self.sheet.order_seed), self.sheet.answers, can_skip=can_skip)
        outcome = run(flow, asker, self._save)
        while outcome is Outcome.FINISHED and self._goes_back(asker, flow.answers):
            flow.position = 0  # every question again, each with its answer ready: Enter keeps it
            outcome = run(flow, asker, self._save)
        asker.say("")  # a blank line between the last question and what follows
        if outcome is Outcome.PAUSED:
            tell(f"Gepauzeerd na {flow.done} van de {flow.total} vragen. {saved(flow.done)} in {self.path}.\n"
                 f"Verder gaan: {whole(self._resume_hint())}")
            return
        from .comments import ask_comments

        assert self.path is not None and self.sheet is not None
        subject = subject_of(self.path, self.sheet.round, self.bank) if self.sheet.round else None
        path = self.path
        ask_comments(asker, self.bank, self.sheet, subject, lambda sheet: self._save_as(path, sheet, sheet.answers))
        self._finish()

    def _goes_back(self, asker: Asker, answers: Answers) -> bool:
        """A pattern that makes the scores hard to read is told before the report (analysis/patterns.py)."""
        from ..analysis.patterns import pattern_notes

        if self.sheet is not None and self.sheet.rater != "self":
            return False  # an observer sees no report: there is nothing to go back from
        notes = pattern_notes(self.bank, answers)
        return bool(notes) and asker.review_patterns(notes)

    def _finish(self) -> None:
        from ..analysis.scoring import score
        from ..analysis.sheets import resolve_type
        from .closing import close_scan

        assert self.sheet is not None and self.path is not None
        if self.sheet.rater != "self":  # an observer's scores are the subject's, and not for the observer to see
            err(f"\nDank u wel. Uw antwoorden zijn bewaard in {self.path}")
            return
        report = score(self.bank, self.sheet, resolve_type(self.bank, self.mtype, self.sheet))
        close_scan(report, self.path, write_html=self.sheet.round is None)
        tell(f"\nUw antwoorden staan in {self.path}\nHet rapport later opnieuw bekijken:\n"
             f"  {whole(report_command(self.path, self.bank_option))}")

    def _save(self, answers: Answers) -> None:
        assert self.path is not None and self.sheet is not None
        self._save_as(self.path, self.sheet, answers)

    def _save_as(self, path: Path, sheet: AnswerSheet, answers: Answers) -> None:
        saved = sheet._replace(source=str(path), answers=MappingProxyType(dict(answers)))
        with _ctrl_c_after_saving():
            write_sheet(path, saved, self.bank)
            self.path, self.sheet = path, saved  # after the write: the Ctrl-C message tells what is on disk

    @contextmanager
    def _interruptible(self) -> Iterator[None]:
        """Ctrl-C (or Ctrl-D) at any prompt: say where the answers are and how to go on; exit 130."""
        try:
            yield
        except (KeyboardInterrupt, EOFError):
            self._close()
            if self.path is None or self.sheet is None:
                tell("\nOnderbroken. Er was nog niets beantwoord, dus er is niets bewaard.")
            else:
                tell(f"\nOnderbroken. {saved(len(self.sheet.answers))} in {self.path}.\n"
                     f"Verder gaan: {whole(self._resume_hint())}")
            raise Stop(130) from None
        finally:
            self._close()

    def _close(self) -> None:
        if self.asker is not None:
            self.asker.close()

    def _resume_hint(self, path: Path | None = None) -> str:
        target = path or self.path
        assert target is not None
        return resume_command(target, self.bank_option, SCANS_FOLDER)


@contextmanager
def _ctrl_c_after_saving() -> Iterator[None]:
    """Hold a Ctrl-C that arrives during a save until the save is done, so that no temporary
    file is left behind and the message after it counts the answer just given."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def saved(count: int) -> str:
    if count == 0:
        return "Er is nog geen vraag beantwoord; uw gegevens zijn bewaard"
    return "Uw antwoord is bewaard" if count == 1 else f"Uw {count} antwoorden zijn bewaard"


def _scans_folder() -> Path:
    # Owner-only: the folder name alone (date and name) already says who took a scan.
    SCANS_FOLDER.mkdir(mode=0o700, parents=True, exist_ok=True)
    return SCANS_FOLDER


def write_sheet(path: Path, sheet: AnswerSheet, bank: Bank) -> None:
    from ..files.answers import write_answers

    write_answers(path, sheet, bank)
