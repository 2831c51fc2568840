"""`ontwikkelscan plan`: the draft development plan (POP), in Markdown and HTML."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from ontwikkelscan.render.common.story import gap_phrase
from ontwikkelscan.render.common.view import STATUS_LABELS
from typer.testing import CliRunner

from ontwikkelscan.analysis.drivers import drivers
from ontwikkelscan.cli import app
from ontwikkelscan.render.plan.blocks import add_months, plan_blocks
from ontwikkelscan.render.plan.htmlout import plan_html
from ontwikkelscan.render.plan.markdown import plan_markdown

from ..conftest import BankMaker
from .test_report_html import assert_self_contained, hostile_report, shipped

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("day", "months", "expected"), [
    ("2026-11-20", 3, "2027-02-20"), ("2026-11-20", 6, "2027-05-20"), ("2026-08-31", 6, "2027-02-28"),
    ("2027-11-30", 3, "2028-02-29"), ("2026-01-31", 3, "2026-04-30"),
])
def test_months_later_is_the_same_day_or_the_month_end(day: str, months: int, expected: str) -> None:
    assert add_months(dt.date.fromisoformat(day), months).isoformat() == expected


def test_the_plan_takes_the_three_worst_points_with_actions_indicators_helpers_and_dates() -> None:
    report = shipped()
    text = plan_markdown(plan_blocks(report))
    worst = [next(r for r in report.results if r.competency.id == c) for c in report.summary.development[:3]]
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == ["# Persoonlijk ontwikkelplan (concept) · A. Jansen", "## Mijn ontwikkelpunten",
                        *(f"### {i}. {r.competency.name}: {STATUS_LABELS[r.status]}" for i, r in enumerate(worst, 1)),
                        "## Afspraken"]
    # The status is in the heading only (it stood twice: heading chip and the line under it, issue 20).
    assert f"\n\n{gap_phrase(worst[0])}.\n\n" in text and f"{STATUS_LABELS[worst[0].status]}: score" not in text
    # Her own words in the first person, the tool's suggestions to her: each part in one voice.
    assert text.count("**Suggesties om uit te kiezen (vink aan wat u wilt doen):**") == 3
    assert text.count("**Wat ik ga doen: wat, wanneer, met wie?**\n\n> …\n") == 3
    assert text.count("**Mijn doel, in mijn eigen woorden: wat wil ik over zes maanden anders doen, en waaraan ziet "
                      "een ander dat?**\n\n> …\n") == 3
    first = worst[0].competency
    assert "\n".join(f"- [ ] {tip}" for tip in first.tips[:3]) in text
    assert "\n".join(f"- {indicator}" for indicator in first.indicators) in text
    assert text.count("- [ ] mijn coach of intervisiegroep\n- [ ] een collega-secretaris in de regio\n") == 3
    assert report.sheet.date == "2026-11-20"
    assert "- [ ] Tussentijds gesprek rond 20 februari 2027 (drie maanden na de scan)" in text
    assert "- [ ] Vervolgscan rond 20 mei 2027 (zes maanden na de scan)" in text
    driver = drivers(report.bank, report.sheet.answers, worst[0], 2)[0]
    assert (f"- “{driver.question.text}” — mijn antwoord: {report.bank.scale.label(driver.answer)} = "
            f"{driver.answer}") in text
    assert "\x1b" not in text and "<" not in text


def test_without_points_below_target_the_plan_takes_the_lowest_scores() -> None:
    report = shipped()
    results = tuple(r._replace(status="on_target", gap=0.0) if r.gap is not None else r for r in report.results)
    report = report._replace(results=results, summary=report.summary._replace(development=()))
    text = plan_markdown(plan_blocks(report))
    assert "## Wat ik verder wil ontwikkelen" in text
    lowest = sorted((r for r in report.results if r.score is not None), key=lambda r: r.score or 0.0)[:2]
    assert [line for line in text.splitlines() if line.startswith("### ")] == [
        f"### {i}. {r.competency.name}: {STATUS_LABELS[r.status]}" for i, r in enumerate(lowest, 1)]


def test_plan_html_is_self_contained_and_escaped(make_bank: BankMaker, tmp_path: Path) -> None:
    document = plan_html(hostile_report(make_bank, tmp_path))
    parsed = assert_self_contained(document)
    assert "<script>alert(1)</script>" in "".join(parsed.text)
    assert "☐ " in document and '<div class="fill"></div>' in document


def test_plan_command_writes_markdown_or_html(tmp_path: Path) -> None:
    code, out, err = run("plan", str(ROOT / "examples" / "jansen.yaml"))
    assert (code, err) == (0, "") and out.startswith("# Persoonlijk ontwikkelplan (concept) · A. Jansen\n")
    target = tmp_path / "plan.html"
    code, out, err = run("plan", str(ROOT / "examples" / "jansen.yaml"), "--format", "html", "-o", str(target))
    assert (code, out, err) == (0, "", f"Geschreven: {target}\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_plan_wants_one_scan(tmp_path: Path) -> None:
    rows = tmp_path / "twee.csv"
    rows.write_text("respondent,municipality_type,bps-1\nA,regie,3\nB,regie,4\n", encoding="utf-8")
    code, out, err = run("plan", str(rows))
    assert (code, out) == (2, "")
    # the file's notices come first, as in `report` (the batch loop that plan shares)
    assert err.splitlines()[0].startswith(f"waarschuwing: {rows}: 88 vraag/vragen van de vragenbank staan niet in")
    assert err.splitlines()[-1] == f"fout: {rows} bevat 2 respondenten; een plan is voor één scan: geef één antwoordbestand"


def test_plan_context_option_raises_the_bar_and_is_named() -> None:
    code, out, err = run("plan", str(ROOT / "examples" / "jansen.yaml"), "--context", "ambtelijke-fusie")
    assert (code, err) == (0, "")
    assert "- **Context:** Ambtelijke fusie of samenwerkingsorganisatie\n" in out
    code, out, err = run("plan", str(ROOT / "examples" / "jansen.yaml"), "--context", "fuzie")
    assert (code, out) == (2, "") and "onbekende context `fuzie`" in err
