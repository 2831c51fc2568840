"""One document per scan (HTML, PDF): where each goes, under which name.

- `--output MAP` (an existing folder, or a name without an extension): one file per scan
  in that folder, named after its input (`jansen.yaml` -> `jansen.html`, row 3 of
  `scans.csv` -> `scans-3.html`), with -2, -3 for twins; owner-only and atomic.
- `--output FILE.html` or stdout: exactly one scan; a second one stops the run (exit 2)
  before anything is written, with the advice to name a folder.
- PDF never goes to a terminal; a Word document (docx) only to a file or folder named with `--output`.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from ..errors import ScanError, UsageError
from ..files.fsio import write_private_bytes
from ..models import Report
from ..render.common.console import err, stdout_is_terminal
from ..render.formats import Format, Options, render


def is_folder(output: Path | None) -> bool:
    if output is None or str(output) == "-":
        return False
    return output.is_dir() or not output.suffix or str(output).endswith(("/", os.sep))


def file_name(source: str, extension: str, taken: set[str]) -> str:
    """A stable, safe file name for a scan's document, unique within `taken` (which it extends)."""
    base = Path(source.replace("\\", "/")).name
    stem, _, row = base.rpartition(":") if re.search(r":\d+$", base) else (base, "", "")
    stem = re.sub(r"\.(ya?ml|csv|tsv|xlsx)$", "", stem, flags=re.IGNORECASE)
    stem = re.sub(r"[^\w.-]+", "-", stem + (f"-{row}" if row else "")).strip(".-") or "scan"
    name, number = f"{stem}.{extension}", 1
    while name.lower() in taken:
        number += 1
        name = f"{stem}-{number}.{extension}"
    taken.add(name.lower())
    return name


def document(spec: Format, report: Report) -> bytes:
    if spec.binary:  # docx: the renderer makes the bytes itself
        data: bytes = render(spec.kind, spec.name, [report], Options())  # type: ignore[assignment]
        return data
    html = render(spec.kind, spec.name, [report], Options())
    if spec.name != "pdf":
        return html.encode("utf-8")
    from .pdf import html_to_pdf

    return html_to_pdf(html)


def write_per_scan(spec: Format, reports: Iterable[Report], output: Path | None) -> int:
    """Render and write every scan's document; returns how many were written."""
    if is_folder(output):
        assert output is not None
        output.mkdir(mode=0o700, parents=True, exist_ok=True)
        taken: set[str] = set()
        written = 0
        for report in reports:
            path = output / file_name(report.sheet.source, spec.extension, taken)
            write_private_bytes(path, document(spec, report))
            written += 1
        if written:
            err(f"Geschreven: {written} {'bestand' if written == 1 else 'bestanden'} in {output}")
        return written
    to_stdout = output is None or str(output) == "-"
    if spec.binary and to_stdout:
        example = "mijn-plan" if spec.kind == "plan" else "rapport"
        raise UsageError(f"een Word-document ({spec.name}) is een bestand: geef --output {example}.{spec.extension} "
                         "(of een map bij meer scans)")
    if spec.name == "pdf" and to_stdout and stdout_is_terminal():
        raise UsageError("een PDF hoort niet op het scherm; geef --output rapport.pdf (of een map bij meer scans)")
    first: Report | None = None
    for report in reports:
        if first is not None:
            where = "--output een map, bijvoorbeeld --output rapporten/" if to_stdout else \
                f"--output een map in plaats van het bestand {output}"
            raise UsageError(f"meer dan één scan, en een {spec.name.upper()}-rapport is één document per scan; "
                             f"geef {where}")
        first = report
    if first is None:
        return 0
    data = document(spec, first)
    if to_stdout:
        if sys.stdout is None:
            raise ScanError("er is geen standaarduitvoer om naar te schrijven; gebruik --output BESTAND")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        assert output is not None
        write_private_bytes(output, data)
        err(f"Geschreven: {output}")
    return 1
