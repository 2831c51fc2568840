"""Qualtrics' response types (issue 21 item 4): previews, tests, spam and generated responses are never imported,
in numeric and in choice-text exports; imported, offline and EX responses are real; a value the import does not
know is read and said once. Codes and words as Qualtrics' SPSS value labels write them (survey/status.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import exportstyles as es
from tests import surveyexports as se
from tests.conftest import bank_outside_a_test

BANK = bank_outside_a_test()
PEOPLE = se.people(BANK, 14)
MAPPING = 'values:\n  "6": null\n  Q1: {"1": regie, "2": ontwikkel, "3": beheer}\n'
CODES = ["0", "1", "2", "4", "8", "9", "12", "16", "17", "32", "40", "48", "132", "256"]
WORDS = ["IP Address", "Survey Preview", "Survey Test", "Imported", "Spam", "Survey Preview Spam", "Imported Spam",
         "Offline", "Offline Survey Preview", "EX", "EX Spam", "EX Offline", "Reimported imported", "Synthetic"]
REAL = (0, 3, 7, 9, 11, 12)  # IP Address, Imported, Offline, EX, EX Offline, Reimported imported


def expected(*indexes: int) -> dict[str, dict[str, float | None]]:
    return {PEOPLE[i].name: es.by_hand(BANK, PEOPLE[i].answers) for i in indexes}


@pytest.mark.parametrize("numeric", [True, False])
def test_previews_tests_spam_and_generated_responses_are_left_out_with_one_notice_each(numeric: bool,
                                                                                      tmp_path: Path) -> None:
    values = CODES if numeric else WORDS
    export = es.qualtrics(tmp_path / "Zelfscan.csv", BANK, PEOPLE, numeric=numeric,
                          status=dict(enumerate(values)))
    mapping = tmp_path / "k.yaml"
    mapping.write_text(MAPPING if numeric else "")
    columns = ["--columns", str(mapping)] if numeric else []
    code, out, err = es.invoke("report", str(export), "-f", "jsonl", *columns)
    assert code == 0
    assert err.splitlines() == [
        f"waarschuwing: {export}: 4 rij(en) overgeslagen: testantwoord (preview) (rij 5, 6, 9, 12)",
        f"waarschuwing: {export}: 3 rij(en) overgeslagen: gemarkeerd als spam (rij 8, 10, 14)",
        f"waarschuwing: {export}: 1 rij(en) overgeslagen: gegenereerd antwoord (synthetisch) (rij 17)"]
    assert es.close(es.scores(out), expected(*REAL))
    scans = tmp_path / "scans"
    code, _, err = es.invoke("import-csv", str(export), "--out", str(scans), *columns)
    assert code == 0
    assert err.splitlines()[-1] == (f"{export}: 6 geïmporteerd in {scans}, 8 overgeslagen (4 testantwoord (preview), "
                                    "3 gemarkeerd als spam, 1 gegenereerd antwoord (synthetisch))")
    assert len(list(scans.iterdir())) == 6


def test_an_unknown_response_type_is_read_and_said_once(tmp_path: Path) -> None:
    export = es.qualtrics(tmp_path / "Zelfscan.csv", BANK, PEOPLE[:4], numeric=False,
                          status={1: "Proefantwoord", 3: "Proefantwoord"})
    code, out, err = es.invoke("report", str(export), "-f", "jsonl")
    assert code == 0
    assert err == (f"waarschuwing: {export}: 2 rij(en) met een onbekend antwoordtype `Proefantwoord` in kolom "
                   "Response Type (rij 5, 7) zijn als echte antwoorden gelezen; is het een voorvertoning, test of "
                   "spam, verwijder die rijen dan uit de export\n")
    assert es.close(es.scores(out), expected(0, 1, 2, 3))


def test_the_distribution_channel_counts_only_its_preview_and_test(tmp_path: Path) -> None:
    from ontwikkelscan.files.survey.columns import Column
    from ontwikkelscan.files.survey.status import PREVIEW, StatusCheck

    check = StatusCheck([Column(0, "DistributionChannel", "status")])
    assert [check.reason(2, [v]) for v in ("anonymous", "email", "preview", "test", "8", "")] == [
        None, None, PREVIEW, PREVIEW, None, None]
    assert check.messages() == []


@given(st.text(max_size=12) | st.sampled_from([*CODES, *WORDS, "", " 8 ", "spam", "PREVIEW"]))
def test_no_status_value_passes_in_silence(value: str) -> None:
    """Every value of the Status column is left out with a reason, read as a known real type, or said as unknown."""
    from ontwikkelscan.files.survey.columns import Column, norm
    from ontwikkelscan.files.survey.status import StatusCheck

    check = StatusCheck([Column(2, "Response Type", "status")])
    reason = check.reason(4, ["x", "y", value])
    known = norm(value) in {norm(v) for v in (*CODES, *WORDS)}
    assert reason is not None or not norm(value) or known or check.unknown == {
        f"`{value.strip()}` in kolom Response Type": [4]}
    if known:
        assert (reason is None) == (norm(value) in {norm(v) for i in REAL for v in (CODES[i], WORDS[i])})
