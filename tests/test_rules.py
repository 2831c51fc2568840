"""One source for every rule a user reads (rules.py): the README's tables, the legends of the terminal,
the HTML and the Markdown report, and docs/ say what the scoring does.

The tables and legends are parsed back into intervals of the gap (or of self minus others) and each
interval is compared with the scoring itself at and around every edge, so a band changed in one place
fails here, whichever place it is.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ontwikkelscan.analysis.scoring import status_for
from ontwikkelscan.models import STATUSES, Raters
from ontwikkelscan.render.common.page import status_legend
from ontwikkelscan.render.common.termtable import legend
from ontwikkelscan.render.report.markdown import render_markdown
from ontwikkelscan.rules import (
    BANDS,
    BLIND_SPOT,
    BORDERLINE,
    DEFAULT_FLOOR,
    LOW_AGREEMENT,
    MIN_FLOOR,
    SIGNALS,
    STATUS_TABLE,
    dutch,
    flag_for,
    low_agreement,
)

from .render.test_report_html import shipped

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
EDGES = sorted({edge for band in BANDS for edge in (band.upper,) if edge is not None})
PROBES = sorted({round(e + d, 10) for e in EDGES for d in (-0.25, -0.01, -1e-12, 0.0, 1e-12, 0.01, 0.25)} | {-3.0, 3.0})
NUMBER = r"([−-]?\d+(?:,\d+)?)"


def number(text: str) -> float:
    return float(text.replace("−", "-").replace(",", "."))


def markdown_table(text: str, header: tuple[str, ...], indent: str = "") -> list[tuple[str, ...]]:
    """The rows of the Markdown table in `text` whose header row is `header`, cell by cell."""
    lines = [line.removeprefix(indent) for line in text.splitlines()]
    head = "| " + " | ".join(header) + " |"
    start = lines.index(head)
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append(tuple(cell.strip() for cell in line.strip().strip("|").split("|")))
    return rows


def interval(rule: str) -> tuple[float | None, bool, float | None, bool]:
    """(low, low included, high, high included) of a README rule such as `−0,5 < verschil < 0`."""
    patterns = [
        (rf"^verschil ≤ {NUMBER}$", lambda a: (None, False, a, True)),
        (rf"^verschil ≥ {NUMBER}$", lambda a: (a, True, None, False)),
        (rf"^zelf − anderen ≥ {NUMBER}\b", lambda a: (a, True, None, False)),
        (rf"^zelf − anderen ≤ {NUMBER}\b", lambda a: (None, False, a, True)),
        (rf"^standaardafwijking van de anderen ≥ {NUMBER}$", lambda a: (a, True, None, False)),
    ]
    for pattern, shape in patterns:
        if m := re.match(pattern, rule):
            return shape(number(m.group(1)))  # type: ignore[no-untyped-call]
    m = re.match(rf"^{NUMBER} (<|≤) verschil (<|≤) {NUMBER}$", rule)
    assert m, f"a rule the test cannot read: {rule!r}"
    return number(m.group(1)), m.group(2) == "≤", number(m.group(4)), m.group(3) == "≤"


def legend_interval(short: str) -> tuple[float | None, bool, float | None, bool]:
    """The same for the terminal legend's words: `0,5 of meer onder het doel`, `tot 0,5 boven`, ..."""
    forms = [(rf"^{NUMBER} of meer onder", lambda a: (None, False, -a, True)),
             (rf"^minder dan {NUMBER} onder", lambda a: (-a, False, 0.0, False)),
             (rf"^tot {NUMBER} boven", lambda a: (0.0, True, a, False)),
             (rf"^{NUMBER} of meer boven", lambda a: (a, True, None, False))]
    for pattern, shape in forms:
        if m := re.match(pattern, short):
            return shape(number(m.group(1)))  # type: ignore[no-untyped-call]
    raise AssertionError(f"a legend the test cannot read: {short!r}")


def inside(value: float, bounds: tuple[float | None, bool, float | None, bool]) -> bool:
    low, low_in, high, high_in = bounds
    tolerance = 1e-9  # the scoring's tolerance at an edge (docs/formats.md section 3)
    above = low is None or (value >= low - tolerance if low_in else value > low + tolerance)
    below = high is None or (value <= high + tolerance if high_in else value < high - tolerance)
    return above and below


def assert_bands_match_scoring(bands: dict[str, tuple[float | None, bool, float | None, bool]]) -> None:
    """Every probe gap lies in exactly the band that status_for gives it."""
    for gap in PROBES:
        claimed = [status for status, bounds in bands.items() if inside(gap, bounds)]
        assert claimed == [status_for(gap)], (gap, claimed)


LABEL_TO_STATUS = {band.label: status for status, band in STATUS_TABLE.items()}


def test_the_table_has_every_status_once_in_order() -> None:
    assert tuple(STATUS_TABLE) == STATUSES
    assert [b.status for b in BANDS] == ["development", "attention", "on_target", "strength"]


def test_the_scoring_keeps_its_edges() -> None:
    assert [status_for(g) for g in (-0.5, -0.5 + 1e-12, -0.4999, -1e-12, 0.0, 0.4999, 0.5 - 1e-12, 0.5)] == [
        "development", "development", "attention", "on_target", "on_target", "on_target", "strength", "strength"]


def test_the_readme_status_table_is_the_scoring() -> None:
    rows = markdown_table(README, ("status", "betekenis (verschil = score − doel)"))
    assert [LABEL_TO_STATUS[label] for label, _ in rows] == list(STATUSES)
    assert {label: rule for label, rule in rows} == {b.label: b.rule for b in STATUS_TABLE.values()}
    assert_bands_match_scoring({LABEL_TO_STATUS[label]: interval(rule) for label, rule in rows[:len(BANDS)]})


def test_the_html_legend_is_the_scoring() -> None:
    items = [(html.unescape(label), html.unescape(rule)) for label, rule in
             re.findall(r'<li><span class="status"[^>]*>([^<]+)</span> ([^<]+)</li>', status_legend(STATUSES))]
    assert [LABEL_TO_STATUS[label] for label, _ in items] == list(STATUSES)
    assert_bands_match_scoring({LABEL_TO_STATUS[label]: interval(rule) for label, rule in items[:len(BANDS)]})


def test_the_terminal_legend_is_the_scoring() -> None:
    text = " ".join(legend(1000, marker=False).split()).removesuffix(".")
    parts = dict(part.split(": ", 1) for part in text.split("; "))
    assert list(parts)[:len(BANDS)] == [b.label for b in BANDS]
    assert_bands_match_scoring({LABEL_TO_STATUS[label]: legend_interval(parts[label]) for label in list(parts)[:len(BANDS)]})
    assert parts["niet vereist"] == STATUS_TABLE["not_required"].short


def test_the_markdown_legend_is_the_table() -> None:
    text = render_markdown(shipped())
    shown = re.findall(r"^- \*([^*]+)\*: (.+)$", text, re.MULTILINE)
    statuses = [(label, rule) for label, rule in shown if label != BORDERLINE.label]
    assert statuses and all(rule == STATUS_TABLE[LABEL_TO_STATUS[label]].rule for label, rule in statuses)
    assert (BORDERLINE.label, BORDERLINE.rule) in shown  # the shipped example has a borderline status


def test_the_readme_signals_table_is_the_feedback_scoring() -> None:
    rows = markdown_table(README, ("signaal", "betekenis"))
    assert rows == [(s.label, s.rule) for s in SIGNALS]
    blind, hidden, low = (interval(rule) for _, rule in rows)
    for value in sorted({round(e + d, 10) for e in (-BLIND_SPOT, BLIND_SPOT) for d in (-0.01, -1e-12, 0, 1e-12, 0.01)}):
        assert (inside(value, blind), inside(value, hidden)) == (flag_for(value) == "blind_spot",
                                                                 flag_for(value) == "hidden_strength"), value
    for sd in (LOW_AGREEMENT - 0.01, LOW_AGREEMENT - 1e-12, LOW_AGREEMENT, LOW_AGREEMENT + 0.01):
        assert inside(sd, low) == low_agreement(sd), sd


def test_the_readme_states_the_floor_the_bank_loader_uses() -> None:
    m = re.search(r"Geen getal in het rapport komt van minder dan\s+(\d+) mensen uit anonieme groepen "
                  r"\(de grens staat in de vragenbank, nooit lager dan (\d+)\)", README)
    assert m and (int(m.group(1)), int(m.group(2))) == (DEFAULT_FLOOR, MIN_FLOOR) == (Raters({}).anonymity_floor, 2)
    assert f"minstens {DEFAULT_FLOOR} mensen uit die groep" in README


def test_docs_feedback_states_the_thresholds() -> None:
    text = " ".join((ROOT / "docs" / "feedback.md").read_text(encoding="utf-8").split())
    assert f"vanaf {dutch(LOW_AGREEMENT)} staat er \"weinig eensgezind\"" in text
    assert f"vanaf +{dutch(BLIND_SPOT)} een *blinde vlek*" in text
    assert f"vanaf {dutch(-BLIND_SPOT)} een *verborgen sterkte*" in text


def test_docs_formats_tables_are_the_rules() -> None:
    text = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    rows = markdown_table(text, ("status", "Dutch label", "rule as the reports word it"), indent="   ")
    assert [(code.strip("`"), label) for code, label, _ in rows] == [(b.status, b.label) for b in STATUS_TABLE.values()]
    assert_bands_match_scoring({code.strip("`"): interval(rule) for code, _, rule in rows[:len(BANDS)]})
    signals = markdown_table(text, ("signal", "Dutch label", "rule"))
    assert [(code.strip("`"), label, rule) for code, label, rule in signals] == [(s.code, s.label, s.rule) for s in SIGNALS]


TEXTS = [p for folder in ("ontwikkelscan", "tests", "docs", "bench", "data", "schemas") for p in (ROOT / folder).rglob("*")
         if p.suffix in {".py", ".md", ".yaml", ".json", ".sh"} and "__pycache__" not in p.parts]
TEXTS += [ROOT / name for name in ("README.md", "Makefile", "pyproject.toml")]


def test_the_contract_is_cited_inside_the_repository() -> None:
    """Every rule is cited as docs/formats.md (in the repository), never as a file a clone does not have."""
    outside = re.compile(r"\b" + "SP" + r"EC\b")  # split, so that this test does not find itself
    assert [f"{p.relative_to(ROOT)}:{n}" for p in TEXTS for n, line in
            enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if outside.search(line)] == []


def test_every_cited_section_of_docs_formats_exists() -> None:
    headings = set(re.findall(r"^#{2,3} (\d+(?:\.\d+)?)\.? ", (ROOT / "docs" / "formats.md").read_text("utf-8"), re.M))
    cited = re.compile(r"docs/formats\.md,? (?:§|sections? |secties? )(\d+(?:\.\d+)?)(?:(?:,? and |,? en |-)(\d+(?:\.\d+)?))?")
    found = {n for p in TEXTS for m in cited.finditer(" ".join(p.read_text(encoding="utf-8").split()))
             for n in m.groups() if n}
    assert len(found) >= 8 and found <= headings, sorted(found - headings)


def test_the_exit_codes_of_the_readme_and_the_contract_are_the_tools() -> None:
    from ontwikkelscan.cli.boundary import BUG_EXIT, INTERRUPTED
    from ontwikkelscan.errors import InputError, UsageError

    used = {0, InputError.exit_code, UsageError.exit_code, BUG_EXIT, INTERRUPTED}
    readme = {int(code) for code, _ in markdown_table(README, ("exitcode", "wanneer"))}
    contract = {int(code) for code, _ in markdown_table((ROOT / "docs" / "formats.md").read_text("utf-8"),
                                                         ("code", "meaning"))}
    assert readme == contract == used == {0, 1, 2, 70, 130}


def test_docs_reports_names_the_edges_the_borderline_uses() -> None:
    from ontwikkelscan.rules import EDGES as THRESHOLDS  # the edges is_borderline tests against

    text = " ".join((ROOT / "docs" / "reports.md").read_text(encoding="utf-8").split())
    m = re.search(rf"een grens van de statussen \({NUMBER}, {NUMBER} of \+?{NUMBER} verschil met het doel\)", text)
    assert m and tuple(number(g) for g in m.groups()) == THRESHOLDS == (-0.5, 0.0, 0.5)
