"""The releases of a round in ronde.yaml (docs/formats.md section 6.2): read, written, and the files each one fixes.

A release is the list of answer files (path below the round folder, sha256 of the bytes,
rater group) that every report of it reads, now and later: a released file that is missing
or changed is an error naming it; a file added later is left out with one warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem, UsageError, file_problem
from ..models import Bank, Release, ReleasedFile, Round
from .commandline import command
from .rounds import ROUND_FILE, Folder, Loaded, dump_round
from .yamlio import Doc


def parse_releases(doc: Doc, items: list[Any]) -> tuple[Release, ...]:
    """`releases:` of a ronde.yaml already checked against its schema: numbered 1, 2, ... in order."""
    releases = []
    problems: list[Problem] = []
    for i, item in enumerate(items):
        if item["number"] != i + 1:
            problems.append(doc.problem(("releases", i, "number"), f"gevonden {item['number']}; de releases zijn "
                                        f"genummerd 1, 2, ... in volgorde: hier hoort {i + 1}"))
        date = item["date"]
        files = tuple(ReleasedFile(str(f["path"]), str(f["sha256"]), str(f["rater"])) for f in item["files"])
        releases.append(Release(int(item["number"]), date.isoformat() if isinstance(date, dt.date) else str(date),
                                files))
    if problems:
        raise InputError(problems)
    return tuple(releases)


def dump_releases(releases: Sequence[Release]) -> list[str]:
    lines = ["releases:"]
    for release in releases:
        lines += [f"  - number: {release.number}", f"    date: {release.date}", "    files:" if release.files
                  else "    files: []"]
        lines += [f"      - {{path: {_quote(f.path)}, sha256: {f.sha256}, rater: {f.rater}}}" for f in release.files]
    return lines


def _quote(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def chosen(round_: Round, number: int | None) -> Release:
    """The release a report shows: `number`, or the latest. A round without one is a usage error (exit 2)."""
    if not round_.releases:
        folder = Path(round_.source).parent
        raise UsageError(f"de ronde {round_.id} heeft nog geen release: er is nog geen rapport. Bekijk de stand met "
                         f"`{command('feedback', 'status', folder)}` en geef de antwoorden vrij met "
                         f"`{command('feedback', 'release', folder)}`")
    if number is None:
        return round_.releases[-1]
    if not 1 <= number <= len(round_.releases):
        raise UsageError(f"de ronde {round_.id} heeft geen release {number}; er zijn er {len(round_.releases)} "
                         f"(1 tot en met {len(round_.releases)})")
    return round_.releases[number - 1]


def released_files(folder: Path, state: Folder, release: Release, *, latest: bool) -> tuple[list[Loaded], list[str]]:
    """The loaded files of `release`, and the warning about files not in it (at most one).

    InputError naming every released file that is missing or changed: a report of a release reads
    exactly its files, or none.
    """
    now = {entry.path: entry for entry in state.loaded}
    failing = dict(state.failed)
    problems: list[Problem] = []
    files: list[Loaded] = []
    for released in release.files:
        entry = now.get(released.path)
        where = str(folder / released.path)
        if entry is not None and entry.sha256 == released.sha256:
            files.append(entry)
        elif entry is not None or released.path in failing or (folder / released.path).exists():
            reason = f": {failing[released.path].problems[0].message}" if released.path in failing else ""
            problems.append(file_problem(where, f"gewijzigd na release {release.number} (sha256 anders){reason}; "
                                                "zet het bestand terug zoals het was").problems[0])
        else:
            problems.append(file_problem(where, f"ontbreekt: het hoort bij release {release.number}; zet het "
                                                "bestand terug").problems[0])
    if problems:
        raise InputError(problems)
    fixed = {f.path for f in release.files}
    later = [path for path in [*now, *failing] if path not in fixed]
    warnings = []
    if later:
        hint = "; maak een nieuwe release met `ontwikkelscan feedback release`" if latest else ""
        warnings.append(f"{len(later)} bestand(en) staan niet in release {release.number} en tellen niet mee "
                        f"({', '.join(sorted(later))}){hint}")
    return files, warnings


def write_release(round_: Round, bank: Bank, files: Sequence[Loaded], today: str | None = None) -> Release:
    """Add release N+1 of `files` to ronde.yaml, atomically (the whole file is written anew)."""
    from .fsio import write_private

    release = Release(len(round_.releases) + 1, today or dt.date.today().isoformat(),
                      tuple(ReleasedFile(f.path, f.sha256, f.sheet.rater) for f in files))
    updated = round_._replace(releases=(*round_.releases, release))
    write_private(Path(round_.source).parent / ROUND_FILE, dump_round(updated, bank))
    return release
