"""`feedback status` and `feedback release` (docs/formats.md sections 6.1 and 6.2) as a coach runs them day by day."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .roundkit import invoke, write_rater_bank

OBSERVED = ("a-1", "a-2", "a-3", "b-1", "b-2", "b-3", "g-1", "g-2", "g-3")


def run(*args: str) -> tuple[int, str, str]:
    return invoke(*args, "--bank", "bank")


@pytest.fixture(autouse=True)
def _round(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_rater_bank(tmp_path / "bank")
    code, _, err = run("feedback", "start", "--name", "A. Jansen", "--type", "regie", "--id", "2027-voorjaar-jansen",
                       "--out", "ronde")
    assert code == 0, err


def answer(name: str, rater: str, value: int | None, *, extra: str = "", last: int | None = None) -> Path:
    """An answer file: every observed statement `value` (None: an empty form), g-3 `last` when given."""
    values = {q: value for q in OBSERVED}
    if last is not None:
        values["g-3"] = last
    body = "\n".join(f"  {q}: {'null' if v is None else v}" for q, v in values.items())
    path = Path("ronde") / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"schema: ontwikkelscan/answers@1\nrater: {rater}\nround: 2027-voorjaar-jansen\n{extra}"
                    f"answers:\n{body}\n", encoding="utf-8")
    return path


def status_json() -> dict:  # type: ignore[type-arg]
    code, out, err = run("feedback", "status", "ronde", "--format", "json")
    assert (code, err) == (0, "")
    result: dict = json.loads(out)  # type: ignore[type-arg]
    return result


def test_a_report_waits_for_a_release() -> None:
    answer("m1.yaml", "medewerkers", 4)
    code, out, err = run("feedback", "report", "ronde")
    assert (code, out) == (2, "")
    assert err == ("fout: de ronde 2027-voorjaar-jansen heeft nog geen release: er is nog geen rapport. Bekijk de "
                   "stand met `ontwikkelscan feedback status ronde` en geef de antwoorden vrij met `ontwikkelscan "
                   "feedback release ronde`\n")
    code, _, err = run("plan", "ronde")
    assert code == 2 and "nog geen release" in err


def test_status_counts_raters_not_files_and_never_shows_a_score() -> None:
    answer("zelf.yaml", "self", 5)
    answer("b.yaml", "burgemeester", 2)
    for i, v in enumerate((4, 3, 2)):
        answer(f"m{i}.yaml", "medewerkers", v, last=i + 1)
    Path("ronde/Feedback (1).yaml").write_bytes(Path("ronde/m0.yaml").read_bytes())  # saved twice
    answer("m9.yaml", "medewerkers", None)  # a form that nobody filled in
    answer("w1.yaml", "wethouders", 1, extra="response_id: \"7\"\n")
    answer("export/w1-again.yaml", "wethouders", 3, extra="response_id: \"7\"\n")  # the export imported twice
    Path("ronde/m-05.yaml.txt").write_text("rater: medewerkers\n", encoding="utf-8")
    answer("kapot.yaml", "medewerkers", 4).write_text("rater: medewerkers\nanswers: {a-1: 9}\n", encoding="utf-8")
    code, out, err = run("feedback", "status", "ronde")
    assert (code, err) == (0, "")
    assert out == """\
Stand van ronde 2027-voorjaar-jansen (A. Jansen): open, nog geen release
Anonimiteitsgrens: 3 beoordelaars per getal uit anonieme groepen.

Groep         Beoordelaars  Leeg  Dubbel  Bij een release nu    Apart tonen
────────────  ────────────  ────  ──────  ────────────────────  ───────────
Zelf                     1     0       0  getoond
Burgemeester             1     0       0  getoond, met naam
Wethouders               1     0       1  samengevoegd bij de   nog 2
                                          overige beoordelaars
Medewerkers              3     1       1  samengevoegd bij de
                                          overige beoordelaars

Alle anderen samen: getoond bij elke competentie

Bestanden die niet laden (tellen niet mee; een release kan pas als ze verbeterd of met --without weggelaten zijn):
  kapot.yaml: regel 2: answers.a-1: antwoord 9 valt buiten de schaal;
    toegestaan: een geheel getal van 1 tot en met 5, of null (overgeslagen)

Niet gelezen (geen antwoordbestand .yaml of .yml):
  m-05.yaml.txt

Een release nu wordt geweigerd: eerst de bestanden die niet laden.
"""
    # every number is a count: small integers, never a decimal (a score, a mean, a gap)
    assert not re.search(r"\d[,.]\d", out)
    report = status_json()
    assert [(g["id"], g["raters"], g["empty"], g["doubles"], g["if_released"], g["needs"]) for g in report["groups"]] == [
        ("self", 1, 0, 0, {}, 0),
        ("burgemeester", 1, 0, 0, {"shown": 3, "pooled": 0, "hidden": 0}, 0),
        ("wethouders", 1, 0, 1, {"shown": 0, "pooled": 3, "hidden": 0}, 2),
        ("medewerkers", 3, 1, 1, {"shown": 0, "pooled": 3, "hidden": 0}, 0)]
    assert (report["failing"][0]["path"], report["not_read"], report["release"]) == (
        "kapot.yaml", ["m-05.yaml.txt"], {"allowed": False, "needs": {}})

    def numbers(value: object) -> list[object]:
        if isinstance(value, dict):
            return [n for v in value.values() for n in numbers(v)]
        if isinstance(value, list):
            return [n for v in value for n in numbers(v)]
        return [value] if isinstance(value, int | float) and not isinstance(value, bool) else []

    assert all(isinstance(n, int) for n in numbers(report))


def test_releases_one_after_another_and_the_subtraction_rule() -> None:
    answer("zelf.yaml", "self", 5)
    for i in range(3):
        answer(f"m{i}.yaml", "medewerkers", 4, last=i + 1)
    answer("kapot.yaml", "medewerkers", 4).write_text("answers: {a-1: 9}\n", encoding="utf-8")
    code, out, err = run("feedback", "release", "ronde")
    assert (code, out) == (1, "")
    assert err.startswith("ronde/kapot.yaml: laadt niet: antwoord 9 valt buiten de schaal")
    assert err.endswith("verbeter het, of laat het weg met --without kapot.yaml\n")
    code, out, err = run("feedback", "release", "ronde", "--without", "ronde/kapot.yaml")
    assert (code, err) == (0, "")
    assert out == (f"Release 1 van ronde 2027-voorjaar-jansen ({_today()}) vastgelegd in ronde.yaml.\n"
                   "4 bestand(en); beoordelaars: zelf 1, Medewerkers 3.\n"
                   "Het rapport: ontwikkelscan feedback report ronde\n")
    ronde = Path("ronde/ronde.yaml").read_text(encoding="utf-8")
    assert ronde.endswith(f"releases:\n  - number: 1\n    date: {_today()}\n    files:\n"
                          f"      - {{path: \"m0.yaml\", sha256: {_sha('m0.yaml')}, rater: medewerkers}}\n"
                          f"      - {{path: \"m1.yaml\", sha256: {_sha('m1.yaml')}, rater: medewerkers}}\n"
                          f"      - {{path: \"m2.yaml\", sha256: {_sha('m2.yaml')}, rater: medewerkers}}\n"
                          f"      - {{path: \"zelf.yaml\", sha256: {_sha('zelf.yaml')}, rater: self}}\n")
    assert Path("ronde/ronde.yaml").stat().st_mode & 0o777 == 0o600
    # one more medewerker: release 1 and 2 would give that one rater's scores by subtraction
    answer("m3.yaml", "medewerkers", 2)
    Path("ronde/kapot.yaml").unlink()
    code, out, err = run("feedback", "release", "ronde")
    assert (code, out) == (1, "")
    assert err == ("ronde/ronde.yaml: releases: release 2 geweigerd: naast release 1 zou aftrekken een getal geven "
                   "van 1 anonieme beoordelaar(s), minder dan de grens (21 keer, bijv. 'Medewerkers' bij Alfa). "
                   "Wacht op meer antwoorden: Medewerkers: nog 2 beoordelaar(s)\n")
    assert status_json()["release"] == {"allowed": False, "needs": {"medewerkers": 2}}
    code, out, err = run("feedback", "report", "ronde", "--format", "json")
    assert code == 0
    assert err == ("waarschuwing: 1 bestand(en) staan niet in release 1 en tellen niet mee (m3.yaml); maak een "
                   "nieuwe release met `ontwikkelscan feedback release`\n")
    assert (json.loads(out)["release"], json.loads(out)["raters"]) == (1, {"self": 1, "medewerkers": 3})
    answer("m4.yaml", "medewerkers", 3)
    answer("m5.yaml", "medewerkers", 1)
    code, out, err = run("feedback", "release", "ronde")
    assert (code, err) == (0, "") and out.startswith("Release 2 van ronde")
    code, out, _ = run("feedback", "report", "ronde", "--format", "json")
    assert (json.loads(out)["release"], json.loads(out)["raters"]) == (2, {"self": 1, "medewerkers": 6})
    code, out, err = run("feedback", "report", "ronde", "--format", "json", "--release", "1")
    assert (json.loads(out)["release"], json.loads(out)["raters"]) == (1, {"self": 1, "medewerkers": 3})
    assert err == ("waarschuwing: 3 bestand(en) staan niet in release 1 en tellen niet mee (m3.yaml, m4.yaml, "
                   "m5.yaml)\n")
    code, _, err = run("feedback", "report", "ronde", "--release", "3")
    assert (code, err) == (2, "fout: de ronde 2027-voorjaar-jansen heeft geen release 3; er zijn er 2 (1 tot en met 2)\n")


def test_a_released_file_missing_or_changed_is_an_error() -> None:
    answer("zelf.yaml", "self", 5)
    for i in range(3):
        answer(f"m{i}.yaml", "medewerkers", 4, last=i + 1)
    assert run("feedback", "release", "ronde")[0] == 0
    Path("ronde/m0.yaml").unlink()
    answer("m1.yaml", "medewerkers", 2)
    for args in (("feedback", "report", "ronde"), ("feedback", "release", "ronde"), ("plan", "ronde")):
        code, out, err = run(*args)
        assert (code, out) == (1, "")
        assert err == ("ronde/m0.yaml: ontbreekt: het hoort bij release 1; zet het bestand terug\n"
                       "ronde/m1.yaml: gewijzigd na release 1 (sha256 anders); zet het bestand terug zoals het was\n")


def test_items_with_a_rater_reads_only_released_answers() -> None:
    for i in range(3):
        answer(f"m{i}.yaml", "medewerkers", 4, last=i + 1)
    code, out, err = run("items", "ronde", "--rater", "medewerkers", "--format", "json")
    assert code == 1 and "geen bruikbare antwoorden" in err
    assert "3 antwoordbestand(en) uit feedbackrondes overgeslagen" in err
    assert run("feedback", "release", "ronde")[0] == 0
    Path("ronde/m3.yaml").write_bytes(Path("ronde/m2.yaml").read_bytes())  # a double: still three raters
    code, out, err = run("items", "ronde", "--rater", "medewerkers", "--format", "json")
    assert code == 0
    assert json.loads(out)["respondents"] == 3
    assert "1 antwoordbestand(en) uit feedbackrondes overgeslagen" in err


def _today() -> str:
    import datetime as dt

    return dt.date.today().isoformat()


def _sha(name: str) -> str:
    import hashlib

    return hashlib.sha256((Path("ronde") / name).read_bytes()).hexdigest()
