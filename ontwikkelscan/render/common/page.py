"""The one HTML page every HTML report shares: self-contained, no script, A4 print layout.

docs/formats.md section 8: no script and no external resource of any kind, a Content-Security-Policy
that says so, lang="nl", every text from a bank or an answer file escaped. Renderers build
their body from `esc()`-ed text only and hand it to `page()`.
"""

from __future__ import annotations

import re
from html import escape

from ...models import Status
from ...rules import BORDERLINE, STATUS_TABLE
from .view import STATUS_LABELS

# Nothing may load: no script, no fetch, no font, no image but inline data; styles only inline.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

STATUS_COLOURS: dict[Status, tuple[str, str]] = {  # (strong colour, light background)
    "development": ("#b3261e", "#fbe3e1"),
    "attention": ("#8a5a00", "#fdf0cf"),
    "on_target": ("#2e6b30", "#e3f1e2"),
    "strength": ("#0b5c7a", "#dcf0f7"),
    "not_required": ("#5f6368", "#f1f3f4"),
    "insufficient_data": ("#5f6368", "#ffffff"),
    "not_asked": ("#5f6368", "#ffffff"),
}
STATUS_MEANINGS: dict[Status, str] = {status: band.rule for status, band in STATUS_TABLE.items()}  # rules.py
BORDERLINE_MEANING = BORDERLINE.rule  # rules.py
SCORE_COLOUR = "#1f4e8c"
TARGET_COLOUR = "#444444"

_STYLE = """
@page { size: A4 portrait; margin: 14mm 14mm 15mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, Helvetica, sans-serif; font-size: 10pt;
  line-height: 1.4; color: #1b1b1b; margin: 0 auto; max-width: 182mm; padding: 0;
  overflow-wrap: anywhere; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1.5px solid #1f4e8c; padding-bottom: 1mm;
  break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
p, ul, ol, dl { margin: 1mm 0 2mm; }
ul, ol { padding-left: 6mm; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 2mm 0 3mm;
  font-size: 9.5pt; }
.meta dt { font-weight: bold; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.border { font-style: italic; white-space: nowrap; }
.hash { overflow-wrap: anywhere; }
td.state { white-space: nowrap; }
section { break-inside: auto; }
section.new-page, .new-page-before { break-before: page; }
.keep { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 2mm 0; }
th, td { border-bottom: 1px solid #cfcfcf; padding: 1mm 1.5mm; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { border-bottom: 1.5px solid #555; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th.wrap { white-space: normal; }
tr { break-inside: avoid; }
table.dense { font-size: 8pt; }
table.dense td { padding: 0.6mm 1.2mm; }
table.dense .small { font-size: 7.5pt; }
tr.last-core td { border-bottom: 1.5px solid #555; }
tr.kind th { text-align: left; font-size: 9pt; padding-top: 2mm; border-bottom: 1.5px solid #555; }
.status { display: inline-block; padding: 0 1.5mm; border-left: 2.5mm solid; border-radius: 1mm;
  white-space: nowrap; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 5mm; font-size: 8.5pt; margin: 1mm 0 2mm;
  padding: 0; list-style: none; }
.legend li { margin: 0; }
.muted { color: #555; }
.small { font-size: 8.5pt; }
.chart { text-align: center; margin: 1mm 0; }
.chart svg.radar { width: 100%; max-width: 138mm; height: auto; }
.chart svg.radar-legend { max-width: 100%; height: auto; }
.bar { display: inline-block; height: 3mm; vertical-align: middle; }
.note { border-left: 1mm solid #8a5a00; padding: 1mm 3mm; background: #fdf6e3; }
/* "Wat nu" in two columns that may break inside a point (never inside a statement or a tip),
   so that a scan with many points still prints on four pages. */
.points { columns: 2; column-gap: 6mm; }
.point { margin-bottom: 1.5mm; font-size: 8.5pt; line-height: 1.3; }
.point li { break-inside: avoid; }
.point h3 { break-after: avoid; break-inside: avoid; }
.point .sub { break-after: avoid; }
.point h3 { margin: 2mm 0 0.5mm; font-size: 9.5pt; }
.point ul { margin: 0.5mm 0 1mm; }
.sub { font-weight: bold; margin: 1mm 0 0; }
blockquote { margin: 0.5mm 0 0.5mm 4mm; }
.intro { font-size: 9pt; border-left: 1mm solid #1f4e8c; padding: 0.5mm 3mm; margin: 2mm 0; }
.intro p { margin: 0.5mm 0; }
.fill { border: 1px solid #999; border-radius: 1mm; height: 16mm; margin: 1mm 0 3mm; }
ul.todo { list-style: none; padding-left: 1mm; }
ul.todo li { padding-left: 5mm; text-indent: -5mm; }
footer { margin-top: 3mm; font-size: 8pt; color: #555; }
pre.paste { white-space: pre-wrap; border: 1px solid #999; border-radius: 1mm; padding: 1.5mm 2mm;
  background: #f6f6f6; font-size: 9pt; margin: 1mm 0 3mm; }
code { font-size: 9pt; }
@media screen { body { padding: 8mm 6mm; } }
"""


def esc(text: object) -> str:
    """Text from a bank or an answer file, safe in HTML content and in quoted attributes."""
    return escape(str(text), quote=True)


def breakable(text: object) -> str:
    """Escaped text for a table cell, with a break opportunity (<wbr>) after / and - in a compound and
    every 24 letters of a longer run, so that a table column can give way without breaking normal words."""
    raw = re.sub(r"([/-])(?=\S)", "\\1\x00", str(text))
    raw = re.sub(r"[^\s\x00]{25,}", lambda m: "\x00".join(m[0][i:i + 24] for i in range(0, len(m[0]), 24)), raw)
    return esc(raw).replace("\x00", "<wbr>")


def status_chip(status: Status) -> str:
    """The status in colour and in words, so that it also reads in black and white."""
    strong, light = STATUS_COLOURS[status]
    return (f'<span class="status" style="border-color:{strong};background:{light};color:{strong}">'
            f"{esc(STATUS_LABELS[status])}</span>")


def status_legend(statuses: tuple[Status, ...] | list[Status]) -> str:
    items = "".join(f"<li>{status_chip(s)} {esc(STATUS_MEANINGS[s])}</li>" for s in statuses)
    return f'<ul class="legend" aria-label="Betekenis van de statussen">{items}</ul>'


def meta_list(pairs: list[tuple[str, str]]) -> str:
    """A definition list of (label, value) pairs; values are escaped here, empty ones left out."""
    rows = "".join(f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>" for label, value in pairs if value)
    return f'<dl class="meta">{rows}</dl>'


def page(title: str, body: str, *, style: str = "") -> str:
    """The complete document around an already escaped body; `title` is escaped here. `style` adds the
    rules of one kind of document (a printed form's boxes) to the shared ones."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>{_STYLE}{style}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
