"""The plan's blocks as an HTML page in the report's style, to print."""

from __future__ import annotations

from collections.abc import Iterable

from ...models import Report
from ..common.page import esc, meta_list, page, status_chip
from ..formats import PLAIN, Options
from .blocks import plan_blocks


def render_plan_html(reports: Iterable[Report], options: Options = PLAIN) -> str:
    return "".join(plan_html(r) for r in reports)


def plan_html(report: Report) -> str:
    parts: list[str] = []
    title = ""
    for block in plan_blocks(report):
        if block.kind == "h1":
            title = block.text
            parts.append(f"<header><h1>{esc(block.text)}</h1>")
        elif block.kind == "meta":
            parts.append(meta_list([(label, value) for label, _, value in (i.partition("\t") for i in block.items)])
                         + "</header>")
        elif block.kind in ("h2", "h3"):
            chip = f" {status_chip(block.result.status)}" if block.result is not None else ""
            parts.append(f"<{block.kind}>{esc(block.text)}{chip}</{block.kind}>")
        elif block.kind == "note":
            parts.append(f'<p class="intro">{esc(block.text)}</p>')
        elif block.kind == "fill":
            parts.append(f'<p class="sub">{esc(block.text)}</p><div class="fill"></div>')
        elif block.kind in ("list", "todo"):
            box = "☐ " if block.kind == "todo" else ""
            items = "".join(f"<li>{box}{esc(i)}</li>" for i in block.items)
            label = f'<p class="sub">{esc(block.text)}</p>' if block.text else ""
            parts.append(f'{label}<ul class="{block.kind}">{items}</ul>')
        else:
            parts.append(f"<p>{esc(block.text)}</p>")
    return page(title, "".join(parts))
