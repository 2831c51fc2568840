"""`feedback invite`: per group an invitation and a reminder that counts, never lists (issue 19 item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_cli_feedback import fill, run, start


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from .roundkit import write_rater_bank

    monkeypatch.chdir(tmp_path)
    write_rater_bank(tmp_path / "bank")


def section(text: str, group: str) -> str:
    return text.split(f"## {group}\n", 1)[1].split("\n## ", 1)[0]


def test_the_reminder_names_how_many_more_each_group_needs_and_never_who() -> None:
    start()
    fill("m0", "medewerkers", (4, 2, 4, 3, 3, 3, 2, 2, 3))
    (Path("ronde") / "leeg.yaml").write_text('schema: ontwikkelscan/answers@1\nrater: "medewerkers"\n'
                                             "round: 2027-voorjaar-jansen\nanswers: {}\n", encoding="utf-8")
    code, out, err = run("feedback", "invite", "ronde", "--deadline", "2027-03-01", "--coach", "M. de Boer",
                         "--bank", "bank")
    assert (code, err) == (0, "")
    medewerkers = section(out, "Medewerkers")
    # one answer counted (the empty form is no rater): two more to reach the floor of 3
    assert ("voor de feedback over A. Jansen zijn nog 2 antwoorden nodig uit uw groep, zodat de antwoorden van "
            "deze groep samen getoond kunnen worden zonder dat iemand herkenbaar is.") in medewerkers
    assert "graag vóór 1 maart 2027" in medewerkers and "via M. de Boer" in medewerkers
    assert "nooit los en nooit met uw naam" in medewerkers and "m0" not in out and "leeg" not in out
    wethouders = section(out, "Wethouders")
    assert "zijn nog 3 antwoorden nodig" in wethouders
    burgemeester = section(out, "Burgemeester")
    assert "wordt met naam getoond" in burgemeester and "niet afzonderlijk" not in burgemeester
    assert "is nog één antwoord nodig uit uw groep, zodat het beeld van deze groep in het rapport staat" in burgemeester


def test_a_deadline_that_is_no_date_is_a_usage_error() -> None:
    start()
    code, out, err = run("feedback", "invite", "ronde", "--deadline", "1 maart", "--bank", "bank")
    assert (code, out) == (2, "")
    assert "`1 maart` is geen datum; schrijf hem als JJJJ-MM-DD, bijv. 2027-03-01" in err


def test_the_invitation_the_survey_and_the_printed_form_give_the_same_time() -> None:
    """One estimate (forms.rater_minutes): the invitation said 10 minutes where the survey it links to said 14."""
    from ontwikkelscan.analysis.feedback import asked
    from ontwikkelscan.render.feedback.forms import Form, rater_minutes
    from ontwikkelscan.render.feedback.paper import render_form_html

    from .conftest import bank_outside_a_test
    from .roundkit import ROUND

    start()
    bank = bank_outside_a_test()
    questions = asked(bank, bank.questions, (), observer=True)
    minutes = rater_minutes(len(questions), 2)
    assert minutes == round((len(questions) * 8 + 120) / 60)
    assert f"ongeveer {minutes} minuten" in render_form_html(Form(ROUND, bank, "medewerkers", questions))
    code, guide, _ = run("feedback", "forms", "ronde", "--rater", "medewerkers", "--format", "guide", "--bank", "bank")
    code, out, _ = run("feedback", "invite", "ronde", "--bank", "bank")
    small = rater_minutes(9, 2)  # the fixture bank's round: 9 observer statements, two open questions
    assert f"Invullen duurt ongeveer {small} minuten." in guide
    assert f"Aan het eind zijn er 2 open vragen. Het kost ongeveer {small} minuten." in out
