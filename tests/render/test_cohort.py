"""`cohort --format html|md`: the radar of the group's mean against the target, the status spread, the floor."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from ontwikkelscan.analysis.cohort import Cohort, CohortBuilder
from ontwikkelscan.cli import app
from ontwikkelscan.render.cohort.htmlout import mean_target, render_cohort_html, spread_bar
from ontwikkelscan.render.cohort.markdown import render_cohort_md

from .test_report_html import assert_self_contained, shipped

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


def cohort() -> Cohort:
    reports = [shipped(name) for name in ("bakker", "de-vries", "jansen")]
    builder = CohortBuilder(reports[0].bank)
    for report in reports:
        builder.add(report)
    return builder.build()


def test_cohort_html_is_self_contained_with_a_radar_and_the_spread() -> None:
    document = render_cohort_html(cohort())
    parsed = assert_self_contained(document)
    text = "".join(parsed.text)
    assert "Ontwikkelscan · groepsoverzicht" in text and "Regiegemeente 1, Ontwikkelgemeente 1, Beheergemeente 1" in text
    assert "Doel (gemiddeld over de types)" in document  # three types: their targets differ
    desc = re.search(r'<desc id="groep-desc">(.*?)</desc>', document)
    assert desc and "Visie: gemiddelde 3,8 (n=2), doel 4,2" in desc.group(1)
    assert "op niveau 1, niet vereist 1, te weinig antwoorden 1" in text  # Visie's spread, in words too


def test_the_radar_target_is_the_mean_of_the_respondents_own_targets() -> None:
    stats = {s.competency.id: s for s in cohort().competencies}
    group = cohort()
    assert stats["visie"].targets == {"ontwikkel": 4.2}
    assert mean_target(group, stats["visie"]) == 4.2
    bps = stats["bestuurlijke-sensitiviteit"]
    assert mean_target(group, bps) == sum(bps.targets.values()) / 3  # one respondent of each type


def test_the_spread_bar_is_proportional() -> None:
    bar = spread_bar({"development": 2, "on_target": 1}, 3)  # type: ignore[dict-item]
    assert re.findall(r'<rect x="([\d.]+)" y="0" width="([\d.]+)"', bar)[:2] == [("0.0", "80.0"), ("80.0", "40.0")]


def test_cohort_markdown_table() -> None:
    document = render_cohort_md(cohort())
    assert document.startswith("# Ontwikkelscan · groepsoverzicht\n\n- **Respondenten:** 3\n")
    assert ("| Visie | situatie | 2 | 3,8 | 0,9 | 3,2 | 4,4 | 4,2 | 0 van 1 | op niveau 1, niet vereist 1, te weinig "
            "antwoorden 1 |") in document
    # bakker's context (ambtelijke fusie) makes Netwerkvaardigheid required for his beheer type
    assert "| Netwerkvaardigheid | situatie | 3 | 2,6 | 0,5 | 2,0 | 3,0 | 3,5–4,2\\* | 3 van 3 |" in document


def test_the_privacy_floor_holds_for_html_too() -> None:
    result = runner.invoke(app, ["cohort", str(EXAMPLES / "jansen.yaml"), str(EXAMPLES / "bakker.yaml"),
                                 "--format", "html"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert "een groep van 2 respondent(en) is te klein" in result.stderr
