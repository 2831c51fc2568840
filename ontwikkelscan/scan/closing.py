"""The end of a self-scan: the summary on the screen, the full report as HTML next to the answer
file, and one line that says where (docs/scan.md, "Na de laatste vraag")."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

from ..errors import InputError
from ..models import Report
from ..render.common.console import err, warn


def report_path(answers: Path) -> Path:
    """jansen.yaml -> jansen.html, in the same folder."""
    return answers.with_suffix(".html")


def close_scan(report: Report, answers: Path, *, write_html: bool = True) -> None:
    """Print the summary; write the whole report as an owner-only HTML file beside the answers.

    A round's self-scan writes no HTML into the round's folder: that folder travels to whoever
    makes the feedback report. A failed write only warns: the answers themselves are saved.
    """
    from ..render.report.text import render_summary

    width = max(40, min(100, shutil.get_terminal_size((80, 24)).columns))
    sys.stdout.write(render_summary(report, width))
    sys.stdout.flush()
    if not write_html:
        return
    from ..files.fsio import write_private
    from ..render.report.htmlout import render_html

    target = report_path(answers)
    try:
        write_private(target, render_html(report))
    except InputError as exc:  # fsio says why in Dutch: "<path>: kan hier niet schrijven (...)"
        warn(f"het volledige rapport is niet geschreven: {exc.problems[0]}; maak het later met "
             "`ontwikkelscan report BESTAND --format html -o rapport.html`")
        return
    # One line, not wrapped, the path quoted for the shell: it can be copied whole.
    err(f"\nHet volledige rapport (tabel, wat nu, uitleg) staat in: {shlex.quote(str(target))}")
