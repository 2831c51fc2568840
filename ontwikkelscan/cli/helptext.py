"""`--help` drawn without Rich: the same panels Typer draws with Rich, at a fraction of the start-up.

Typer's Rich help imports typer.rich_utils, which loads Rich's Markdown, Syntax and Traceback
machinery: about 55 ms, twice the cost of importing Typer itself. The help of this tool needs
none of it: its texts are plain Dutch. This module lays out the same thing (usage, the help
text, boxed panels of arguments, options and commands) with string operations, following
Rich's table and word-wrap rules so that the text is the same; colour only on a terminal.
"""

from __future__ import annotations

import inspect
import os
import re
import sys
from typing import Any

ARGUMENTS = "Argumenten"
OPTIONS = "Opties"
COMMANDS = "Opdrachten"
DEFAULT = "[standaard: {}]"
REQUIRED = "[verplicht]"

_WORD = re.compile(r"\s*\S+\s*")
_MARKUP = re.compile(r"(?<!\\)\[/?[a-z#@][^\[\]]*\]")  # Rich's [bold]...[/bold]; our texts have none to speak of


def _plain(text: str) -> str:
    return _MARKUP.sub("", text).replace("\\[", "[")


class _Style:
    """ANSI styles, or nothing when the help does not go to a colour terminal."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, codes: str) -> str:
        return f"\x1b[{codes}m{text}\x1b[0m" if self.color and codes and text.strip() else text


def width() -> int:
    """The width Rich would use: $COLUMNS, else the terminal of stdin, stdout or stderr, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return int(columns)
    for fd in (0, 1, 2):
        try:
            return os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def wrap(text: str, size: int, *, fold: bool = True) -> list[str]:
    """Rich's word wrap (rich._wrap.divide_line): lines of at most `size` cells. A word longer than a
    line is folded over several lines, or, without `fold`, cut short with an ellipsis (Rich's table
    cells do that)."""
    size = max(size, 1)
    out: list[str] = []
    for paragraph in text.split("\n"):
        lines: list[str] = []
        line = ""
        for word in _WORD.findall(paragraph):
            length = len(word.rstrip())
            if len(line) + length <= size:
                line += word
                continue
            if line:
                lines.append(line)
            line = word
            while fold and len(line.rstrip()) > size:
                lines.append(line[:size])
                line = line[size:]
        lines.append(line)
        out += [piece.rstrip() for piece in lines]
    return [line if len(line) <= size else line[:max(0, size - 1)] + "…" for line in out]


def _columns(items: list[str], size: int) -> list[str]:
    """Rich's Columns: the items side by side (one space apart) when they fit, else one under the other."""
    lines = [line for item in items for line in wrap(item, size, fold=False)]
    if len(items) > 1 and sum(len(item) for item in items) + len(items) - 1 <= size:
        return [" ".join(items)]
    return lines


def _table(rows: list[list[list[str]]], widths: list[int], styles: list[str], style: _Style) -> list[str]:
    """Cells (each a list of lines) under fixed column widths, two spaces apart, no outer padding."""
    out = []
    for row in rows:
        for i in range(max(len(cell) for cell in row)):
            parts = [style(text, code) + " " * (w - len(text))
                     for cell, w, code in zip(row, widths, styles, strict=True)
                     for text in [cell[i] if i < len(cell) else ""]]
            out.append("  ".join(parts))
    return out


def _panel(title: str, lines: list[str], total: int, style: _Style) -> list[str]:
    """Rich's Panel: a rounded box over the full width, the title in the top border."""
    border = style("│", "2")
    top = style("╭─", "2") + " " + title + " " + style("─" * max(0, total - len(title) - 5) + "╮", "2")
    return [top, *(f"{border} {line} {border}" for line in lines), style("╰" + "─" * (total - 2) + "╯", "2")]


def _param_row(param: Any, ctx: Any) -> list[list[str]]:
    """[*], long, short, secondary long, secondary short, type, help: Typer's columns for a parameter."""
    from typer.core import TyperArgument, TyperOption

    is_argument = isinstance(param, TyperArgument)
    metavar_name = (param.metavar or param.name or "") if is_argument else None
    longs = [o for o in param.opts if "--" in o]
    shorts = [metavar_name if metavar_name else o for o in param.opts if "--" not in o]
    if is_argument:
        kind = param.type.get_metavar(param=param, ctx=ctx) or f"<{param.type.name}>"
    else:
        kind = param.make_metavar(ctx=ctx)
    if "bool" in kind.lower():
        kind = ""
    items = []
    help_value = getattr(param, "help", None)
    if help_value:
        items.append(_plain("\n".join(p.replace("\n", " ").strip() for p in help_value.split("\n\n")).strip()))
    if isinstance(param, (TyperOption, TyperArgument)):
        from .typer_private import default_text

        default = default_text(param, ctx)
        if default:
            items.append(DEFAULT.format(default))
    if param.required:
        items.append(REQUIRED)
    return [["*" if param.required else ""], [",".join(longs)], [",".join(shorts)], [""], [""], [kind], items]


# Typer's colours: required mark, long, short, secondary long and short, type, help
_PARAM_STYLES = ["31", "1;36", "1;32", "1;35", "1;31", "1;33", ""]


def _params_panel(title: str, params: list[Any], ctx: Any, total: int, style: _Style) -> list[str]:
    if not params:
        return []
    rows = [_param_row(p, ctx) for p in params]
    styles = list(_PARAM_STYLES)
    if not any(row[0][0] for row in rows):  # no required parameter: no column for the mark
        rows = [row[1:] for row in rows]
        styles = styles[1:]
    natural = [max(len(row[j][0]) for row in rows) for j in range(len(rows[0]) - 1)]
    widths = _column_widths(natural, total - 4)
    table = [[*(wrap(cell[0], w, fold=j == len(widths) - 2) for j, (cell, w) in enumerate(zip(row[:-1], widths,
                                                                                              strict=False))),
              _columns(row[-1], widths[-1])] for row in rows]
    return _panel(title, _table(table, widths, styles, style), total, style)


def _column_widths(natural: list[int], inner: int) -> list[int]:
    """Content widths of the text columns and the help column, as Rich's Table(expand=True) sets them:
    each column's width includes its padding (one space on each inner side); the help column asks for
    the whole width, and the widest columns give way first (rich.table._collapse_widths)."""
    pads = [1] + [2] * len(natural)  # the first column has no left padding, the help column no right one
    widths = [max(n + pad, 1) for n, pad in zip(natural, pads, strict=False)] + [inner]
    excess = sum(widths) - inner
    while excess > 0:
        widest = max(widths)
        second = max((w for w in widths if w != widest), default=0)
        ratios = [1 if w == widest else 0 for w in widths]
        widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - inner
    if excess > 0:  # last resort: every column gives way alike
        widths = _reduce(excess, [1] * len(widths), widths, widths)
    measured = [min(w, n + pad) for w, n, pad in zip(widths, natural, pads, strict=False)] + [widths[-1]]
    return [max(0, w - pad) for w, pad in zip(measured, [*pads[:len(natural)], 1], strict=True)]


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """rich._ratio.ratio_reduce."""
    ratios = [r if m else 0 for r, m in zip(ratios, maximums, strict=True)]
    left = sum(ratios)
    out = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and left > 0:
            cut = min(maximum, round(ratio * total / left))
            out.append(value - cut)
            total -= cut
            left -= ratio
        else:
            out.append(value)
    return out


def _commands_panel(title: str, commands: list[Any], name_width: int, total: int, style: _Style) -> list[str]:
    text_width = total - 4 - name_width - 2
    rows = []
    for command in commands:
        first = inspect.cleandoc(command.short_help or command.help or "").split("\n\n")[0].strip()
        rows.append([[command.name or ""], wrap(_plain(first), text_width, fold=False)])
    return _panel(title, _table(rows, [name_width, text_width], ["1;36", ""], style), total, style)


def render_help(command: Any, ctx: Any, *, color: bool | None = None) -> str:
    """The help page of `command` (a Typer command or group) as text, laid out like Typer's Rich help."""
    total = width()
    if color is None:
        color = sys.stdout is not None and sys.stdout.isatty() and "NO_COLOR" not in os.environ \
            and os.environ.get("TERM") != "dumb"
    style = _Style(color)
    blank = " " * total
    usage = wrap(command.get_usage(ctx), total - 2)
    out = [blank, *(" " + style(line, "1") + " " * (total - 2 - len(line)) + " " for line in usage), blank]
    if command.help:
        first, *rest = inspect.cleandoc(command.help).partition("\f")[0].split("\n\n")
        body = [(line, "") for line in wrap(_plain(first.replace("\n", " ").strip()), total - 2)]
        if rest:
            body += [("", "")] + [(line, "2") for line in wrap(_plain(inspect.cleandoc("\n\n".join(rest))), total - 2)]
        out += [" " + style(line, code) + " " * (total - 2 - len(line)) + " " for line, code in body] + [blank]
    arguments, options = _params(command, ctx)
    out += _params_panel(ARGUMENTS, arguments, ctx, total, style)
    out += _params_panel(OPTIONS, options, ctx, total, style)
    panels = _command_panels(command, ctx)
    name_width = max((len(c.name or "") for cs in panels.values() for c in cs), default=0)
    for title, commands in panels.items():
        out += _commands_panel(title, commands, name_width, total, style)
    return "\n".join(out) + "\n"


def _params(command: Any, ctx: Any) -> tuple[list[Any], list[Any]]:
    from typer.core import TyperArgument, TyperOption

    visible = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    return ([p for p in visible if isinstance(p, TyperArgument)], [p for p in visible if isinstance(p, TyperOption)])


def _command_panels(command: Any, ctx: Any) -> dict[str, list[Any]]:
    panels: dict[str, list[Any]] = {}
    if not hasattr(command, "list_commands"):
        return panels
    default: list[Any] = []
    for name in command.list_commands(ctx):
        sub = command.get_command(ctx, name)
        if sub is not None and not sub.hidden:
            panel = getattr(sub, "rich_help_panel", None)
            (panels.setdefault(panel, []) if panel else default).append(sub)
    return {COMMANDS: default, **panels} if default else panels

