"""The open comments of a round report (docs/formats.md section 6.3), one function per human format and for JSON.

A comment is shown verbatim and escaped: control and format characters (an escape sequence, a bell,
a right-to-left override) become visible `\\x1b`-style escapes in every format, HTML and Markdown
escape their markup, and long words are cut (text) or may break (HTML), so that no comment can
colour a terminal, open a tag, add a table column or run past the page.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NamedTuple

from ...analysis.comments import CommentBlock
from ...analysis.feedback import FeedbackReport
from ..common.markdown import md
from ..common.page import esc
from ..common.termtable import fill, wrap_words

TITLE = "Opmerkingen"
INTRO = ("Letterlijk zoals geschreven. De opmerkingen van anonieme beoordelaars staan samen op één lijst, "
         "zonder groep, op volgorde van de tekst.")
POOLED = "Anonieme beoordelaars (samen)"
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c]")


class Part(NamedTuple):
    heading: str
    comments: tuple[str, ...]


class Section(NamedTuple):
    question: str  # as others were asked it
    parts: tuple[Part, ...]
    note: str | None  # what is held back, or that there are none


def visible(text: str) -> list[str]:
    """A comment as lines of plain text in which every control or format character shows as an escape."""
    def shown(char: str) -> str:
        if char == "\t":
            return " "
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            code = ord(char)
            return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
        return char

    return ["".join(map(shown, line)) for line in _LINE_BREAKS.sub("\n", text).split("\n")]


def sections(report: FeedbackReport) -> list[Section]:
    raters = report.bank.raters
    if raters is None or not any(b.own or b.named or b.anonymous for b in report.comments):
        return []  # nobody wrote a comment: no section
    return [_section(block, report, raters.comment_floor) for block in report.comments]


def _section(block: CommentBlock, report: FeedbackReport, floor: int) -> Section:
    groups = report.bank.raters.groups if report.bank.raters else {}
    parts = [Part("Zelf", (block.own,))] if block.own else []
    parts += [Part(groups[gid].name, texts) for gid, texts in block.named]
    if block.pooled:
        parts.append(Part(POOLED, block.pooled))
    note = None
    if block.pooled is None:
        count = "1 opmerking" if block.anonymous == 1 else f"{block.anonymous} opmerkingen"
        note = (f"{count} van anonieme beoordelaars, achtergehouden: die worden pas getoond als minstens {floor} "
                "anonieme beoordelaars iets bij deze vraag schreven.")
    elif not parts:
        note = "Geen opmerkingen."
    return Section(block.question.observer, tuple(parts), note)


def comments_text(report: FeedbackReport, width: int) -> list[str]:
    found = sections(report)
    if not found:
        return []
    out = ["", TITLE, *fill(INTRO, width, "  ", "  ")]
    for section in found:
        out += ["", *fill(section.question, width, "  ", "  ")]
        for part in section.parts:
            out.append(f"    {part.heading}")
            for comment in part.comments:
                lines = [piece for line in visible(comment) for piece in wrap_words(line, width - 8)]
                out += [f"      • {lines[0]}", *(f"        {line}" for line in lines[1:])]
        if section.note:
            out += fill(section.note, width, "    ", "    ")
    return out


def comments_md(report: FeedbackReport) -> list[str]:
    found = sections(report)
    if not found:
        return []
    out = ["", f"## {TITLE}", "", md(INTRO)]
    for section in found:
        out += ["", f"### {md(section.question, opens_block=False)}"]
        for part in section.parts:
            out += ["", f"**{md(part.heading)}**", ""]
            out += ["- " + "  \n  ".join(md(line) for line in visible(comment) if line.strip())
                    for comment in part.comments]
        if section.note:
            out += ["", md(section.note)]
    return out


def comments_html(report: FeedbackReport) -> str:
    found = sections(report)
    if not found:
        return ""
    body = [f'<section id="opmerkingen"><h2>{TITLE}</h2><p class="small muted">{esc(INTRO)}</p>']
    for section in found:
        body.append(f"<h3>{esc(section.question)}</h3>")
        for part in section.parts:
            items = "".join(f'<li class="comment">{"<br>".join(esc(line) for line in visible(comment))}</li>'
                            for comment in part.comments)
            body.append(f'<p class="sub">{esc(part.heading)}</p><ul>{items}</ul>')
        if section.note:
            body.append(f'<p class="muted">{esc(section.note)}</p>')
    return "".join(body) + "</section>"


def comments_json(report: FeedbackReport) -> list[dict[str, Any]]:
    """Per open question what the report shows: nothing that is held back but the count."""
    groups = report.bank.raters.groups if report.bank.raters else {}
    return [{"id": b.question.id, "text": b.question.text, "observer": b.question.observer, "self": b.own,
             "groups": {gid: list(texts) for gid, texts in b.named if gid in groups},
             "anonymous": {"n": b.anonymous, "comments": list(b.pooled) if b.pooled is not None else None,
                           "held_back": b.pooled is None}} for b in report.comments]
