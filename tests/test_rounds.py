"""A round folder (docs/formats.md section 6): ronde.yaml, answer files anywhere below, what is skipped and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontwikkelscan.errors import InputError
from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.analysis.released import candidate
from ontwikkelscan.files.rounds import dump_round, read_folder, read_round, round_id
from ontwikkelscan.models import Round

from .roundkit import ROUND, write_rater_bank

RONDE = """\
schema: ontwikkelscan/round@1
id: 2027-voorjaar-jansen
subject: {name: "A. Jansen", municipality: "Gemeente Voorbeeldrecht"}
municipality_type: regie
contexts: []
"""


def answer(rater: str, round_: str | None = "2027-voorjaar-jansen", extra: str = "") -> str:
    line = f"round: {round_}\n" if round_ else ""
    return f"schema: ontwikkelscan/answers@1\nrater: {rater}\n{line}{extra}answers: {{a-1: 4, a-2: 2, a-3: 4}}\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ronde"
    folder.mkdir()
    (folder / "ronde.yaml").write_text(RONDE, encoding="utf-8")
    return folder


def test_a_round_and_its_files_anywhere_below(tmp_path: Path, folder: Path) -> None:
    bank = load_bank(write_rater_bank(tmp_path / "bank"))
    (folder / "zelf.yaml").write_text(answer("self"), encoding="utf-8")
    (folder / "medewerkers").mkdir()
    (folder / "medewerkers" / "x7f3.yaml").write_text(
        answer("medewerkers", extra='respondent: {name: "P. de Vries"}\n'), encoding="utf-8")
    (folder / "oud.yaml").write_text(answer("directie", "2026-najaar-jansen"), encoding="utf-8")
    (folder / "los.yaml").write_text(answer("directie", None), encoding="utf-8")
    round_ = read_round(folder, bank)
    assert round_ == Round("2027-voorjaar-jansen", {"name": "A. Jansen", "municipality": "Gemeente Voorbeeldrecht"},
                           "regie", str(folder / "ronde.yaml"))
    state = read_folder(folder, round_, bank)
    assert [(f.path, f.sheet.rater, dict(f.sheet.respondent)) for f in state.loaded] == [
        ("medewerkers/x7f3.yaml", "medewerkers", {}), ("zelf.yaml", "self", {})]
    warnings = [message for _, message in state.warnings]
    assert warnings == [
        f"{folder / 'los.yaml'}: overgeslagen: hoort bij geen ronde (`round:` ontbreekt), niet bij `2027-voorjaar-jansen`",
        f"{folder / 'medewerkers' / 'x7f3.yaml'}: een anoniem antwoord met een naam (`respondent:`); "
        "de naam wordt nooit getoond",
        f"{folder / 'oud.yaml'}: overgeslagen: hoort bij ronde `2026-najaar-jansen`, niet bij `2027-voorjaar-jansen`",
    ]
    assert all("Vries" not in w for w in warnings)


def test_two_self_files_and_an_unknown_group_are_errors(tmp_path: Path, folder: Path) -> None:
    bank = load_bank(write_rater_bank(tmp_path / "bank"))
    (folder / "a.yaml").write_text(answer("self"), encoding="utf-8")
    (folder / "b.yaml").write_text(answer("self"), encoding="utf-8")
    (folder / "c.yaml").write_text(answer("raad"), encoding="utf-8")
    (folder / "b.yaml").write_text(answer("self").replace("a-3: 4", "a-3: 5"), encoding="utf-8")
    state = read_folder(folder, read_round(folder, bank), bank)
    assert [(path, [str(p) for p in error.problems]) for path, error in state.failed] == [
        ("c.yaml", [f"{folder / 'c.yaml'}:2:8: rater: onbekende beoordelaar `raad`; kies uit: self, burgemeester, "
                    "wethouders, directie, medewerkers, ondernemingsraad"])]
    with pytest.raises(InputError) as caught:
        candidate(folder, bank, ["c.yaml"])
    assert [str(p) for p in caught.value.problems] == [
        f"{folder / 'b.yaml'}: rater: een tweede zelfscan in de ronde (ook {folder / 'a.yaml'}); een ronde heeft "
        "één zelfscan: verwijder of verplaats er één",
    ]


def test_a_broken_ronde_yaml(tmp_path: Path, folder: Path) -> None:
    bank = load_bank(write_rater_bank(tmp_path / "bank"))
    (folder / "ronde.yaml").write_text(RONDE.replace("regie", "regio").replace("[]", "[fusie]"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_round(folder, bank)
    assert [str(p) for p in caught.value.problems] == [
        f"{folder / 'ronde.yaml'}:4:20: municipality_type: onbekend type gemeente `regio` (bedoelt u `regie`?); "
        "kies uit: regie, beheer",
        f"{folder / 'ronde.yaml'}:5:12: contexts[0]: onbekende context `fusie`; kies uit: (deze vragenbank heeft "
        "geen contexten)",
    ]
    with pytest.raises(InputError) as caught:
        read_round(tmp_path, bank)
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'ronde.yaml'}: geen ronde.yaml: is dit een rondemap? Maak er een met "
        "`ontwikkelscan feedback start`"]


def test_ronde_yaml_round_trips(tmp_path: Path, folder: Path) -> None:
    bank = load_bank(write_rater_bank(tmp_path / "bank"))
    (folder / "ronde.yaml").write_text(dump_round(ROUND, bank), encoding="utf-8")
    assert read_round(folder, bank) == ROUND._replace(source=str(folder / "ronde.yaml"), bank_version="t1",
                                                       bank_sha256=bank.sha256)
    assert round_id("A. (Anne) de Jong-Ébert", "2027-03-01") == "2027-03-jong-ebert"
