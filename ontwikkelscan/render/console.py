"""Turn Rich renderables into a string, so that renderers return text and only the CLI writes."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType


def to_text(renderable: RenderableType, *, width: int = 100, color: bool = True) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    console.print(renderable)
    return buffer.getvalue()
