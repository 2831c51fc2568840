"""One respondent twice in one export (issue 21 item 1): a double submission is imported once, a corrected
Google Forms response replaces the earlier one, a measurement months later is a scan of its own; the import
says so at import time. Scores are recomputed here by hand from the people's answers (docs/formats.md section 3)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ontwikkelscan.files.survey.repeats import moment
from tests import surveyexports as se
from tests.conftest import bank_outside_a_test
from tests.exportstyles import by_hand, close, invoke, scores

BANK = bank_outside_a_test()
PEOPLE = se.people(BANK, 3)


def test_a_double_submission_once_and_a_corrected_response_the_latest(tmp_path: Path) -> None:
    anna, bram, carla = PEOPLE
    corrected = dict(carla.answers, **{q: 1 for q in list(carla.answers)[:12]})
    rows = [anna, bram, carla, bram._replace(when=bram.when + dt.timedelta(minutes=2)),
            carla._replace(when=carla.when + dt.timedelta(days=1, hours=3), answers=corrected)]
    export = se.google_forms_csv(tmp_path / "Zelfscan (antwoorden).csv", BANK, rows)
    out = tmp_path / "scans"
    code, _, err = invoke("import-csv", str(export), "--out", str(out))
    assert code == 0
    assert err.splitlines() == [
        f"waarschuwing: {export}: 1 rij(en) overgeslagen: dubbel ingestuurd (zelfde respondent, zelfde antwoorden): "
        "rij 5 (telt: rij 3)",
        f"waarschuwing: {export}: 1 rij(en) overgeslagen: vervangen door een latere versie van hetzelfde antwoord: "
        "rij 4 (telt: rij 6)",
        f"{export}: 3 geïmporteerd in {out}, 2 overgeslagen (1 dubbel ingestuurd, 1 vervangen door een latere versie "
        "van hetzelfde antwoord)"]
    code, stdout, _ = invoke("report", str(out), "-f", "jsonl")
    assert code == 0
    expected = {anna.name: by_hand(BANK, anna.answers), bram.name: by_hand(BANK, bram.answers),
                carla.name: by_hand(BANK, corrected)}
    assert close(scores(stdout), expected)
    # the export read directly counts the same three people
    code, stdout, _ = invoke("report", str(export), "-f", "jsonl")
    assert (code, close(scores(stdout), expected)) == (0, True)


def test_a_measurement_months_later_in_the_same_form_is_a_scan_of_its_own(tmp_path: Path) -> None:
    anna = PEOPLE[0]
    later = anna._replace(when=anna.when + dt.timedelta(days=120), answers={q: 5 for q in anna.answers})
    export = se.google_forms_csv(tmp_path / "g.csv", BANK, [anna, later])
    code, stdout, err = invoke("report", str(export), "-f", "jsonl")
    assert (code, err) == (0, "")
    reports = [{c["id"]: c["score"] for c in json.loads(line)["competencies"]} for line in stdout.splitlines()]
    assert close({"voor": reports[0], "na": reports[1]},
                 {"voor": by_hand(BANK, anna.answers), "na": by_hand(BANK, later.answers)})


def test_the_same_response_id_twice_keeps_the_latest_whenever(tmp_path: Path) -> None:
    anna = PEOPLE[0]
    later = anna._replace(when=anna.when + dt.timedelta(days=90), answers={q: 2 for q in anna.answers})
    export = se.qualtrics_csv(tmp_path / "q.csv", BANK, [later, anna])  # not in time order: the time decides
    code, stdout, err = invoke("report", str(export), "-f", "jsonl")
    assert code == 0
    assert err == (f"waarschuwing: {export}: 1 rij(en) overgeslagen: vervangen door een latere versie van hetzelfde "
                   "antwoord: rij 5 (telt: rij 4)\n")
    assert close(scores(stdout), {anna.name: by_hand(BANK, later.answers)})


def test_moments_of_the_tools_time_stamps() -> None:
    assert moment("2026/11/07 8:29:44 PM GMT+1") == dt.datetime(2026, 11, 7, 20, 29, 44)
    assert moment("2026/11/07 12:05:00 AM CET") == dt.datetime(2026, 11, 7, 0, 5)
    assert moment("7-11-2026 08:29:44") == dt.datetime(2026, 11, 7, 8, 29, 44)
    assert moment("2026-11-07T08:29:44Z") == dt.datetime(2026, 11, 7, 8, 29, 44)
    assert moment("2026-11-07") == dt.datetime(2026, 11, 7)
    assert moment("gisteren") is None
