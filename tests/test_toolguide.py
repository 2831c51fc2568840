"""`feedback forms ROUND --format guide`: the survey per tool with the exact texts to paste (issue 19 item 2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import bank_outside_a_test
from tests.test_cli_feedback import run

BANK = bank_outside_a_test()
OBSERVED = [q for q in BANK.questions if q.observer and not q.contexts]


@pytest.fixture(autouse=True)
def _round(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = run("feedback", "start", "--name", "A. <b>Jansen</b>", "--municipality", "Voorbeeldrecht",
                     "--type", "regie", "--id", "2027-voorjaar-jansen", "--out", "ronde")
    assert code == 0


def blocks(markdown: str) -> dict[str, list[str]]:
    return {label: body.split("\n") for label, body in re.findall(r"\*\*(.+?)\*\*\n\n```text\n(.*?)\n```", markdown,
                                                                   re.DOTALL)}


def test_one_survey_for_all_groups_in_md() -> None:
    code, md, err = run("feedback", "forms", "ronde", "--format", "guide")
    assert (code, err) == (0, "")
    assert re.findall(r"^#+ .*", md, re.MULTILINE) == [
        "# De enquête voor alle groepen bouwen: ronde 2027-voorjaar-jansen", "## 1. De teksten (voor elke tool dezelfde)",
        "## 2. Microsoft Forms", "## 3. Google Forms", "## 4. LimeSurvey", "## 5. Qualtrics", "## 6. Inlezen"]
    found = blocks(md)
    assert found["Titel:"] == ["Feedback over A. <b>Jansen</b>"]
    assert found["Vraag `Ik ben` (één keuze, verplicht); de keuzes:"] == [
        "Burgemeester", "Wethouders", "Directie en management", "Medewerkers", "Ondernemingsraad", "Externe partners"]
    assert found["De schaal: de kolommen van elke matrix, in deze volgorde:"] == [
        "(bijna) nooit", "soms", "regelmatig", "vaak", "(bijna) altijd", "weet ik niet / n.v.t."]
    intro = found["Inleiding (de beschrijving van de enquête):"]
    assert intro[1] == ("Uw antwoorden zijn anoniem: ze worden alleen getoond samen met die van minstens 3 "
                        "beoordelaars uit anonieme groepen, nooit los en nooit met uw naam. Vul dus nergens uw naam "
                        "in. Uitzondering: Burgemeester wordt met naam getoond.")
    assert intro[2] == f"Invullen duurt ongeveer {round((len(OBSERVED) * 8 + 2 * 60) / 60)} minuten."
    assert found["Open vragen (lang antwoord, niet verplicht), elke regel een eigen vraag:"] == [
        "Wat moet deze secretaris vooral blijven doen?", "Wat zou deze secretaris meer of anders kunnen doen?"]
    matrices = [(label, lines) for label, lines in found.items() if label.startswith("Vraag ") and " van " in label]
    assert [label for label, _ in matrices] == [f"Vraag {i} van 14: `{c.name}`; de uitspraken (de rijen):"
                                                for i, c in enumerate(BANK.competencies, 1)]
    assert [line for _, lines in matrices for line in lines] == [q.observer for q in OBSERVED]
    assert "```sh\nontwikkelscan import-csv EXPORT --round ronde\n```" in md
    steps = md[md.index("## 2. Microsoft Forms"):md.index("## 3. Google Forms")]
    assert "3. **Nieuwe vraag** → **Keuze**: vraag `Ik ben`, de keuzes zoals hierboven, **Verplicht** aan." in steps
    assert "Download: **Antwoorden** → **Openen in Excel**." in steps


def test_a_survey_for_one_group_has_its_own_promise_and_no_group_question() -> None:
    code, md, _ = run("feedback", "forms", "ronde", "--rater", "burgemeester", "--format", "guide")
    assert code == 0
    found = blocks(md)
    assert md.startswith("# De enquête voor Burgemeester bouwen: ronde 2027-voorjaar-jansen\n")
    assert not any(label.startswith("Vraag `") for label in found)
    assert found["Inleiding (de beschrijving van de enquête):"][1] == (
        "Let op: de groep Burgemeester wordt met naam getoond, ook als u de enige bent. A. <b>Jansen</b> kan uw "
        "antwoorden dus herkennen.")
    assert "ontwikkelscan import-csv EXPORT --round ronde --rater burgemeester" in md
    assert "Ik ben" not in md


def test_the_html_guide_is_one_safe_page_with_the_same_texts() -> None:
    code, _, err = run("feedback", "forms", "ronde", "--format", "guide", "-o", "gids.html")
    assert (code, err) == (0, "Geschreven: gids.html\n")
    html = Path("gids.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    assert "<b>Jansen" not in html and "Feedback over A. &lt;b&gt;Jansen&lt;/b&gt;" in html
    assert "<h2>2. Microsoft Forms</h2>" in html
    assert '<pre class="paste">(bijna) nooit\nsoms\nregelmatig\nvaak\n(bijna) altijd\nweet ik niet / n.v.t.</pre>' in html
    assert all(q.observer.replace("'", "&#x27;").replace('"', "&quot;") in html for q in OBSERVED if q.observer)
    assert "<strong>Openen in Excel</strong>" in html and "<script" not in html
    code, same, _ = run("feedback", "forms", "ronde", "--format", "guide-html")
    assert same == html


def test_a_survey_for_the_self_scan_asks_the_statements_themselves() -> None:
    code, md, _ = run("feedback", "forms", "ronde", "--rater", "self", "--format", "guide")
    assert code == 0
    found = blocks(md)
    assert found["Titel:"] == ["Zelfscan A. <b>Jansen</b>"]
    first = BANK.competencies[0]
    assert found[f"Vraag 1 van 14: `{first.name}`; de uitspraken (de rijen):"] == [
        q.text for q in BANK.items[first.id] if not q.contexts]
    assert found["Open vragen (lang antwoord, niet verplicht), elke regel een eigen vraag:"] == [
        "Wat wilt u vooral blijven doen?", "Wat wilt u meer of anders doen?"]
