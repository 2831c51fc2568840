"""The way back into a paused scan: finding the unfinished scans in the scans folder, and the
command that continues one from where the person is (a shell with the tool on its PATH, or make)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from ..errors import ScanError
from ..files.commandline import command
from ..models import AnswerSheet, Bank
from ..render.common.dates import dutch_date

VIA_MAKE = "ONTWIKKELSCAN_VIA_MAKE"  # set by the Makefile's scan target
LATEST = "latest"


class Unfinished(NamedTuple):
    """A scan in the scans folder that has questions without a reply."""

    path: Path
    sheet: AnswerSheet
    done: int
    total: int

    def describe(self) -> str:
        """'Ans de Vries, begonnen op 28 november 2026, 12 van de 90 vragen beantwoord'."""
        name = self.sheet.respondent.get("name") or "zonder naam"
        started = f", begonnen op {dutch_date(self.sheet.date)}" if self.sheet.date else ""
        return f"{name}{started}, {self.done} van de {self.total} vragen beantwoord"


def unfinished_scans(folder: Path, bank: Bank) -> list[Unfinished]:
    """The scans in `folder` made with this bank that are not finished, the most recently saved first.

    Files that cannot be read or belong to another bank version are not offered: continuing
    them would stop with an error anyway.
    """
    from ..files.answers import read_answers

    if not folder.is_dir():
        return []
    found: list[tuple[float, Unfinished]] = []
    from ..analysis.scoring import applicable

    for path in [*folder.glob("*.yaml"), *folder.glob("*.yml")]:
        try:
            sheet = read_answers(path, bank)
            modified = path.stat().st_mtime
        except (ScanError, OSError):
            continue
        ids = {q.id for q in applicable(bank.questions, sheet.contexts or ())}  # a context's questions: if chosen
        done = len(ids & set(sheet.answers))
        if done < len(ids) and sheet.bank_version in (None, bank.version):
            found.append((modified, Unfinished(path, sheet, done, len(ids))))
    return [scan for _, scan in sorted(found, key=lambda pair: (-pair[0], str(pair[1].path)))]


def via_make() -> bool:
    return os.environ.get(VIA_MAKE) == "1"


def resume_command(path: Path, bank_option: Path | None, folder: Path) -> str:
    """What to type to continue `path`: through make, `make scan` finds it by itself."""
    import shlex  # here: only a pause or the end of a scan needs it (start-up)

    bank = f" --bank {shlex.quote(str(bank_option))}" if bank_option is not None else ""
    if via_make():
        if bank or path.parent.resolve() != folder.resolve():
            return f"make scan ARGS={shlex.quote(f'--resume {shlex.quote(str(path))}{bank}')}"
        return "make scan"
    return command("scan", "--resume", path, *(("--bank", bank_option) if bank_option is not None else ()))


def report_command(path: Path, bank_option: Path | None) -> str:
    """What to type to see the report again (through make the tool is not on the PATH)."""
    import shlex

    bank = f" --bank {shlex.quote(str(bank_option))}" if bank_option is not None else ""
    program = ".venv/bin/ontwikkelscan" if via_make() else "ontwikkelscan"
    return f"{program} report {shlex.quote(str(path))}{bank}"
