"""The radar ("spinnenweb") chart as SVG inline in HTML: one axis per competency, one polygon per series.

The centre is the bottom of the scale and the outer ring the top, so a point's distance
from the centre is (value - min) / (max - min) of the radius. A value that is missing
(no score, no target) gets no point: the series' line breaks there instead of dropping
to the centre, and the axis label says what is missing. The chart carries a <title> and
a <desc> with every number, for screen readers and for anyone who cannot see the colours.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .page import esc
from .termtable import LONGEST, wrap_words
from .view import nl

WIDTH, HEIGHT = 760, 590
CX, CY, RADIUS = 380, 292, 200
LABEL_GAP = 16
LINE = 14  # label line height in SVG units
WRAP = 19  # characters per label line


class Axis(NamedTuple):
    label: str
    note: str = ""  # a short second line under the label, e.g. "3,8 · doel 4" or "geen score"
    missing: bool = False  # draw the axis dashed and the label grey: something is missing here


class Series(NamedTuple):
    name: str
    values: tuple[float | None, ...]
    colour: str
    dash: str = ""  # stroke-dasharray; "" for a solid line
    marker: str = "circle"  # circle | square | diamond
    fill: bool = False


def _point(index: int, count: int, fraction: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return CX + RADIUS * fraction * math.cos(angle), CY + RADIUS * fraction * math.sin(angle)


def _f(value: float) -> str:
    return f"{value:.1f}"


def _marker(kind: str, x: float, y: float, colour: str, tooltip: str) -> str:
    title = f"<title>{esc(tooltip)}</title>"
    if kind == "square":
        return (f'<rect x="{_f(x - 3.5)}" y="{_f(y - 3.5)}" width="7" height="7" fill="#fff" '
                f'stroke="{colour}" stroke-width="1.6">{title}</rect>')
    if kind == "diamond":
        return (f'<path d="M{_f(x)} {_f(y - 5)} L{_f(x + 5)} {_f(y)} L{_f(x)} {_f(y + 5)} L{_f(x - 5)} {_f(y)} Z" '
                f'fill="{colour}">{title}</path>')
    return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="4" fill="{colour}">{title}</circle>'


def _series(series: Series, axes: tuple[Axis, ...], low: float, high: float) -> str:
    count = len(axes)
    points = [None if v is None else _point(i, count, (min(max(v, low), high) - low) / (high - low))
              for i, v in enumerate(series.values)]
    dash = f' stroke-dasharray="{series.dash}"' if series.dash else ""
    parts = []
    if all(p is not None for p in points):
        coords = " ".join(f"{_f(p[0])},{_f(p[1])}" for p in points if p)
        fill = f'fill="{series.colour}" fill-opacity="0.15"' if series.fill else 'fill="none"'
        parts.append(f'<polygon points="{coords}" {fill} stroke="{series.colour}" stroke-width="2.2"{dash}/>')
    else:  # a broken line: only between neighbours that both have a value
        segments = [f"M{_f(a[0])} {_f(a[1])} L{_f(b[0])} {_f(b[1])}"
                    for a, b in zip(points, points[1:] + points[:1], strict=True) if a and b]
        if segments:
            parts.append(f'<path d="{" ".join(segments)}" fill="none" stroke="{series.colour}" '
                         f'stroke-width="2.2"{dash}/>')
    for axis, value, point in zip(axes, series.values, points, strict=True):
        if point is not None and value is not None:
            parts.append(_marker(series.marker, *point, series.colour, f"{axis.label}: {series.name} {nl(value)}"))
    return f'<g class="series" aria-hidden="true">{"".join(parts)}</g>'


def _label(index: int, axis: Axis, count: int) -> str:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    cos, sin = math.cos(angle), math.sin(angle)
    x, y = CX + (RADIUS + LABEL_GAP) * cos, CY + (RADIUS + LABEL_GAP) * sin
    anchor = "start" if cos > 0.25 else "end" if cos < -0.25 else "middle"
    lines = wrap_words(axis.label, WRAP, cut=LONGEST)
    extra = 1 if axis.note else 0
    total = len(lines) + extra
    # Labels above the centre grow upwards, those below grow downwards, those beside are centred.
    first = y - (total - 1) * LINE if sin < -0.3 else y + LINE * 0.8 if sin > 0.3 else y - (total - 2) * LINE / 2
    colour = "#777" if axis.missing else "#1b1b1b"
    style = ' font-style="italic"' if axis.missing else ""
    spans = "".join(f'<tspan x="{_f(x)}" y="{_f(first + i * LINE)}">{esc(line)}</tspan>' for i, line in enumerate(lines))
    if axis.note:
        spans += (f'<tspan x="{_f(x)}" y="{_f(first + len(lines) * LINE)}" font-size="11.5" '
                  f'fill="#444">{esc(axis.note)}</tspan>')
    return f'<text text-anchor="{anchor}" font-size="13" fill="{colour}"{style}>{spans}</text>'


def radar_svg(axes: tuple[Axis, ...], series: tuple[Series, ...], *, low: int, high: int,
              title: str, desc: str, ident: str = "radar") -> str:
    """The chart; `ident` keeps the ids of its <title> and <desc> unique within one page."""
    count = len(axes)
    grid = []
    for step in range(low, high + 1):
        fraction = (step - low) / (high - low)
        ring = " ".join(f"{_f(x)},{_f(y)}" for x, y in (_point(i, count, fraction) for i in range(count)))
        grid.append(f'<polygon points="{ring}" fill="none" stroke="#d0d0d0" stroke-width="1"/>')
        grid.append(f'<text x="{CX + 4}" y="{_f(CY - RADIUS * fraction - 2)}" font-size="10" fill="#777">{step}</text>')
    for i, axis in enumerate(axes):
        x, y = _point(i, count, 1.0)
        dash = ' stroke-dasharray="2 3"' if axis.missing else ""
        grid.append(f'<line x1="{CX}" y1="{CY}" x2="{_f(x)}" y2="{_f(y)}" stroke="#bdbdbd" stroke-width="1"{dash}/>')
    labels = "".join(_label(i, axis, count) for i, axis in enumerate(axes))
    drawn = "".join(_series(s, axes, low, high) for s in series)
    return (f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" class="radar" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" font-family="DejaVu Sans, Arial, sans-serif">'
            f'<title id="{ident}-title">{esc(title)}</title><desc id="{ident}-desc">{esc(desc)}</desc>'
            f'<g aria-hidden="true">{"".join(grid)}</g>{drawn}<g aria-hidden="true">{labels}</g></svg>')


def legend_svg(series: tuple[Series, ...]) -> str:
    """A one-line legend for the chart, as its own small SVG (it prints with the chart)."""
    items, x = [], 10
    for s in series:
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        items.append(f'<line x1="{x}" y1="12" x2="{x + 34}" y2="12" stroke="{s.colour}" stroke-width="2.5"{dash}/>'
                     + _marker(s.marker, x + 17, 12, s.colour, s.name)
                     + f'<text x="{x + 42}" y="16" font-size="12">{esc(s.name)}</text>')
        x += 60 + 8 * len(s.name)
    return (f'<svg viewBox="0 0 {x} 24" width="{x}" height="24" '
            f'class="radar-legend" role="img" aria-label="Legenda: {esc(", ".join(s.name for s in series))}" '
            f'font-family="DejaVu Sans, Arial, sans-serif">{"".join(items)}</svg>')
