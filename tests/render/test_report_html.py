"""The HTML and Markdown reports (docs/formats.md section 8): self-contained, escaped, and the radar's points are the numbers."""

from __future__ import annotations

import math
import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontwikkelscan.analysis.drivers import drivers
from ontwikkelscan.analysis.scoring import score
from ontwikkelscan.files.answers import read_answers
from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.models import Bank, Report, RoleResult
from ontwikkelscan.render.common.markdown import md
from ontwikkelscan.render.common.page import CSP
from ontwikkelscan.render.common.radar import CX, CY, RADIUS, WRAP
from ontwikkelscan.render.common.termtable import LONGEST
from ontwikkelscan.render.common.termtable import wrap_words as wrap
from ontwikkelscan.render.common.view import core_first, level, nl, of_result
from ontwikkelscan.render.report.htmlout import render_html
from ontwikkelscan.render.report.markdown import render_markdown
from ontwikkelscan.render.report.summary import status_words

from ..conftest import COMPETENCIES, QUESTIONS, BankMaker

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
LINK = "<a href='https://voorbeeld.invalid/x'>klik</a>"


def shipped(name: str = "jansen") -> Report:
    bank = load_bank(None)
    sheet = read_answers(ROOT / "examples" / f"{name}.yaml", bank)
    return score(bank, sheet, bank.types[sheet.municipality_type or "regie"])


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text, as the browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


SAFE_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "dl", "dt", "dd", "section",
             "ul", "li", "p", "strong", "span", "div", "table", "thead", "tbody", "tr", "th", "td", "svg", "g", "polygon",
             "path", "line", "circle", "rect", "text", "tspan", "desc", "footer", "br", "em", "wbr"}


def assert_self_contained(document: str) -> Tags:
    parsed = Tags()
    parsed.feed(document)
    assert document.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in document
    assert "default-src 'none'" in CSP and "script-src" not in CSP
    assert {tag for tag, _ in parsed.tags} <= SAFE_TAGS
    for tag, attrs in parsed.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("src", "href", "xlink:href", "action", "srcset", "poster"):
            value = attrs.get(name)
            assert value is None or value.startswith(("#", "data:")), (tag, name, value)
        assert not [v for v in attrs.values() if v and "url(" in v.lower()], (tag, attrs)
    style = document[document.index("<style>"):document.index("</style>")].lower()
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert "<script" not in document.lower()
    return parsed


def test_the_shipped_example_is_one_self_contained_page() -> None:
    report = shipped()
    document = render_html(report)
    parsed = assert_self_contained(document)
    assert "http:" not in document and "https:" not in document  # not even a namespace URL
    text = "".join(parsed.text)
    expected = ("Ontwikkelscan · A. Jansen", "Gemeente Voorbeeldrecht", "Regiegemeente", "20 november 2026",
                "<h2>Samenvatting", "<h2>Spinnenweb", "Wat deze scan is, en wat niet", "<h2>Scores per competentie",
                "<h2>Wat nu", "<h2>Hoe de scores tot stand komen", f"versie {report.bank.version}", report.bank.sha256, "jansen.yaml")
    body = document[document.index("<body"):]
    places = [body.find(part) for part in expected]
    assert -1 not in places and places == sorted(places), dict(zip(expected, places))  # summary first, details last
    assert document.count('class="new-page"') == 2  # page breaks: table, what now
    assert "@page { size: A4 portrait;" in document


def test_the_end_names_the_file_not_its_folders() -> None:
    assert "Antwoordbestand: <span class=hash>jansen.yaml</span>" in render_html(shipped())


def hostile_bank(make_bank: BankMaker) -> Bank:
    competencies = (COMPETENCIES.replace("name: Alfa", f"name: '{SCRIPT}'")
                    .replace("name: Bèta", f"name: '{IMG}'")
                    .replace('tips: ["Tip A1", "Tip A2"]', f'tips: ["{LINK.replace(chr(39), "")}", "{SCRIPT}"]')
                    .replace("name: Regiegemeente", f"name: '{SCRIPT} regie'"))
    questions = (QUESTIONS.replace('"Ik doe A1."', f"'{IMG} A1'").replace('"Ik doe B1."', f'"{SCRIPT} B1"')
                 .replace('1: "nooit"', f"1: '{IMG}'"))
    return load_bank(make_bank(competencies, questions))


def hostile_report(make_bank: BankMaker, tmp_path: Path) -> Report:
    bank = hostile_bank(make_bank)
    path = tmp_path / f"{SCRIPT.replace('/', '')}{IMG}.yaml"
    path.write_text(textwrap.dedent(f"""\
        schema: ontwikkelscan/answers@1
        respondent: {{name: '{IMG}', municipality: "{SCRIPT}"}}
        date: 2026-11-28
        answers: {{a-1: 1, a-2: 5, a-3: 3, a-4: 2, b-1: 1, b-2: 2, b-3: 4, g-1: 5, g-2: 5, g-3: 4}}
        """), encoding="utf-8")
    sheet = read_answers(path, bank)
    report = score(bank, sheet, bank.types["regie"])
    return report._replace(notes=(SCRIPT,), roles=(RoleResult("bestuur", IMG, 2.5, 3, 4),),
                           results=tuple(r._replace(relative=0.1) for r in report.results))


def test_hostile_bank_and_answer_texts_stay_text(make_bank: BankMaker, tmp_path: Path) -> None:
    report = hostile_report(make_bank, tmp_path)
    document = render_html(report)
    parsed = assert_self_contained(document)
    text = "".join(parsed.text)
    # Every hostile string arrives as text: in names, tips, statements, scale labels, the header and the file name.
    assert text.count(SCRIPT) >= 6 and text.count(IMG) >= 4
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in document


def test_hostile_texts_in_markdown_stay_text(make_bank: BankMaker, tmp_path: Path) -> None:
    document = render_markdown(hostile_report(make_bank, tmp_path))
    unquoted = "\n".join(line.removeprefix("> ") for line in document.splitlines())  # "> " starts our note quote
    assert "<" not in unquoted.replace("\\<", "")  # no tag can open; a lone ">" is no markup mid-line
    assert r"\<script>alert(1)\</script>" in document
    # A table row keeps its columns: a | in a name is escaped.
    rows = [line for line in document.splitlines() if line.startswith("| ")]
    assert {len(re.findall(r"(?<!\\)\|", row)) for row in rows} == {8, 4}  # the report table; the role table


def test_markdown_escapes_only_what_could_be_markup() -> None:
    assert md("(Participatieve) besluitvaardigheid") == "(Participatieve) besluitvaardigheid"
    assert md("a|b *c* [d] <e> _f_ `g` \\ &amp;") == r"a\|b \*c\* \[d\] \<e> \_f\_ \`g\` \\ \&amp;"
    # Only where it could be markup: Word and Teams show every other backslash (issue 20).
    assert md("P&O, snake_case, 3 < 4 > 2, 1 + 1 = 2") == "P&O, snake_case, 3 < 4 > 2, 1 + 1 = 2"
    assert md("# kop") == r"\# kop" and md("- punt") == r"\- punt" and md("2026. Een jaar") == r"2026\. Een jaar"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 .)#>+=-_*`[]()|~<>&;!/\\\n")) | st.characters(
    blacklist_categories=("Cs", "Cc")), max_size=40))
def test_escaped_markdown_renders_as_the_text_itself(text: str) -> None:
    """Whatever a bank or an answer file holds, CommonMark (markdown-it, which Rich brings) shows it as written."""
    import html

    from markdown_it import MarkdownIt

    flat = " ".join(text.split())
    rendered = MarkdownIt("commonmark").enable("table").render(md(text))
    assert html.unescape(rendered) == (f"<p>{flat}</p>\n" if flat else "")
    assert md("twee\nregels  en   ruimte") == "twee regels en ruimte"


def test_markdown_has_the_same_story_and_no_ansi() -> None:
    report = shipped()
    document = render_markdown(report)
    assert "\x1b" not in document
    worst = next(r for r in report.results if r.competency.id == report.summary.development[0])
    headings = ("# Ontwikkelscan · A. Jansen", "## Samenvatting", "## Scores per competentie", "## Wat nu",
                f"### {worst.competency.name}: {status_words(worst)}", "## Hoe de scores tot stand komen",
                "## Hoe dit rapport is berekend")
    places = [f"\n{document}".find(f"\n{heading}\n") for heading in headings]
    assert -1 not in places and places == sorted(places), dict(zip(headings, places))
    # Numbers from the scored report (the bank's content may change; the layout may not).
    first = report.results[0]
    assert (f"| {first.competency.name} | kern | {nl(first.score)} ± {nl(first.margin)} | {level(first.target)} | "
            f"{nl(first.gap, signed=True)} | {nl(first.relative, signed=True)} | ") in document  # relative: docs/formats.md section 3 rule 8
    driver = drivers(report.bank, report.sheet.answers, worst)[0]
    assert (f"- “{driver.question.text}” — uw antwoord: {report.bank.scale.label(driver.answer)} = "
            f"{driver.answer}") in document


def radar_points(document: str) -> list[tuple[float, float]]:
    """The score markers (circles) of the first radar, in drawing order."""
    radar = document[document.index('class="radar"'):document.index("</svg>")]
    return [(float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="4"', radar)]


def test_radar_points_are_the_scores_on_their_axes() -> None:
    report = shipped("bakker")  # Visie has no score: no point on its axis, the others in core-first order
    ordered = [r for r, _ in core_first(report.results, of_result)]
    low, high = report.bank.scale.min, report.bank.scale.max
    points = iter(radar_points(render_html(report)))
    for index, result in enumerate(ordered):
        if result.score is None:
            continue
        x, y = next(points)
        angle = -math.pi / 2 + 2 * math.pi * index / len(ordered)
        distance = (result.score - low) / (high - low) * RADIUS
        assert x == pytest.approx(CX + distance * math.cos(angle), abs=0.06), result.competency.id
        assert y == pytest.approx(CY + distance * math.sin(angle), abs=0.06), result.competency.id
    assert next(points, None) is None


def test_missing_score_and_target_are_said_not_drawn_at_the_centre() -> None:
    bakker = shipped("bakker")  # without its context (ambtelijke fusie), beheer leaves some competencies without a target
    document = render_html(score(bakker.bank, bakker.sheet, bakker.municipality_type, ()))
    radar = document[document.index('class="radar"'):document.index("</svg>")]
    assert ">geen score</tspan>" in radar and "· geen doel</tspan>" in radar
    assert "<polygon points" in radar and "<path d=\"M" in radar  # a broken line where a value is missing
    assert 'stroke-dasharray="2 3"' in radar  # the axis of a missing value is dotted
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", radar)
    assert desc and "Visie: score geen, doel geen" in desc.group(1)


def wrap_words(text: str) -> list[str]:
    return wrap(text, WRAP, cut=LONGEST)


def test_radar_labels_wrap_at_words_and_after_hyphens() -> None:
    assert wrap_words("Bestuurlijke en politieke sensitiviteit") == ["Bestuurlijke en", "politieke", "sensitiviteit"]
    assert wrap_words("Complexe organisatie-ontwikkelingsprocessen in dynamische omgeving") == [
        "Complexe", "organisatie-", "ontwikkelingsprocessen", "in dynamische", "omgeving"]
    assert wrap_words("Coaching/ontwikkelingsgerichtheid") == ["Coaching/", "ontwikkelingsgerichtheid"]
    assert wrap_words("x" * 60) == ["x" * 26, "x" * 26, "x" * 8]  # cut, so that it stays inside the chart


def test_drivers_are_the_statements_below_the_score_worst_first(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("schema: ontwikkelscan/answers@1\nanswers: {a-1: 2, a-2: 1, a-3: 4, a-4: 5, b-1: 3, b-2: 3, b-3: 3}\n",
                    encoding="utf-8")
    report = score(bank, read_answers(path, bank), bank.types["regie"])
    alpha = report.results[0]
    # keyed: a-1 2, a-2 (reverse) 5, a-3 4 (weight 2), a-4 5 -> score 20/5 = 4.0; only a-1 is below it
    assert alpha.score == 4.0
    found = drivers(bank, report.sheet.answers, alpha)
    assert [(d.question.id, d.answer, d.item_score, d.pull) for d in found] == [("a-1", 2, 2, -0.4)]
    beta = report.results[1]  # all 3: nothing pulls the score down
    assert drivers(bank, report.sheet.answers, beta) == ()


def test_markdown_through_a_markdown_renderer(make_bank: BankMaker, tmp_path: Path) -> None:
    """Pasted into a Markdown renderer (markdown-it, CommonMark with GitHub tables): tables, no live markup."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": True}).enable("table")
    html = renderer.render(render_markdown(hostile_report(make_bank, tmp_path)))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    shipped_html = renderer.render(render_markdown(shipped()))
    # the scores (header + 14 competencies) and the role balance (header + 3 roles)
    assert shipped_html.count("<table>") == 2 and shipped_html.count("<tr>") == 15 + 4
    assert "<h3>Netwerkvaardigheid: ontwikkelpunt</h3>" in shipped_html
