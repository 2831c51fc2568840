"""The draft development plan as a Word document (.docx), to write further: the blocks of
blocks.py, with real table cells to fill in (the goal, the actions with who helps and by when,
the appointments) instead of lines and checkboxes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docx.shared import Cm

from ...models import Report
from ..common import word
from ..common.view import status_words
from ..formats import PLAIN, Options
from .blocks import Block, plan_blocks

EMPTY_ROWS = 2  # rows left free under the appointments, for her own
ACTION_ROWS = 3  # empty rows for her actions
GOAL_HEIGHT = 3.0  # cm: room to write the goal in


def render_plan_docx(reports: Iterable[Report], options: Options = PLAIN) -> bytes:
    return b"".join(plan_docx(r) for r in reports)


def plan_docx(report: Report) -> bytes:
    blocks = plan_blocks(report)
    doc = word.new_document(blocks[0].text)
    for block in blocks:
        _block(doc, block)
    return word.to_bytes(doc)


def _block(doc: Any, block: Block) -> None:
    if block.kind == "h1":
        doc.add_heading(block.text, level=0)
    elif block.kind in ("h2", "h3"):
        status = f" ({status_words(block.result)})" if block.result is not None else ""  # the status, once
        doc.add_heading(block.text + status, level=int(block.kind[1]) - 1)
    elif block.kind == "meta":
        for label, _, value in (item.partition("\t") for item in block.items):
            word.paragraph(doc, value, bold=f"{label}: ")
    elif block.kind == "note":
        word.paragraph(doc, block.text, italic=True)
    elif block.kind == "fill" and not block.columns:
        _goal(doc, block.text)
    elif block.kind in ("fill", "todo") and block.columns:  # her actions, the appointments: a table to fill in
        if block.text:
            word.paragraph(doc, "", bold=block.text)
        rows = [(item, *("" for _ in block.columns[1:])) for item in block.items if item != "…"]
        rows += [tuple("" for _ in block.columns)] * (EMPTY_ROWS if block.items else ACTION_ROWS)
        word.table(doc, block.columns, rows, widths=(9.0, 4.0, 4.0))
    elif block.kind in ("list", "todo"):
        if block.text:
            word.paragraph(doc, "", bold=block.text)
        if block.kind == "todo":  # a checklist: boxes to tick, not bullets
            for item in block.items:
                word.paragraph(doc, item, bold="☐ ").paragraph_format.left_indent = Cm(0.6)
        else:
            word.bullets(doc, list(block.items))
    else:
        word.paragraph(doc, block.text)


def _goal(doc: Any, question: str) -> None:
    """The goal as a table of one cell under its question, tall enough to write in."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE

    grid = word.table(doc, (question,), [("",)], widths=(17.0,))
    row = grid.rows[1]
    row.height, row.height_rule = Cm(GOAL_HEIGHT), WD_ROW_HEIGHT_RULE.AT_LEAST
