"""The plan's blocks as Markdown, for the secretary to edit further."""

from __future__ import annotations

from collections.abc import Iterable

from ...models import Report
from ..common.markdown import md
from ..common.view import STATUS_LABELS
from ..formats import PLAIN, Options
from .blocks import Block, plan_blocks


def render_plan_md(reports: Iterable[Report], options: Options = PLAIN) -> str:
    return "\n---\n\n".join(plan_markdown(plan_blocks(r)) for r in reports)


def plan_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if block.kind in ("h1", "h2", "h3"):
            status = f": {STATUS_LABELS[block.result.status]}" if block.result is not None else ""
            out += [f"{'#' * int(block.kind[1])} {md(block.text, opens_block=False)}{status}", ""]
        elif block.kind == "meta":
            out += [f"- **{md(label)}:** {md(value)}" for label, _, value in (i.partition("\t") for i in block.items)]
            out.append("")
        elif block.kind == "note":
            out += [f"> {md(block.text)}", ""]
        elif block.kind == "fill":
            out += [f"**{md(block.text)}**", "", "> …", ""]
        elif block.kind in ("list", "todo"):
            mark = "- [ ] " if block.kind == "todo" else "- "
            out += ([f"**{md(block.text)}**", ""] if block.text else []) + [mark + md(i) for i in block.items] + [""]
        else:
            out += [md(block.text), ""]
    return "\n".join(out).rstrip("\n") + "\n"
