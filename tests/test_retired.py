"""Statements an earlier bank version had (`retired:` in questions.yaml): an old answer file still
scores, with one warning per file; any other unknown id stays an error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.errors import InputError
from ontwikkelscan.files.answers import parse_answer_text
from ontwikkelscan.files.bank import load_bank

from .conftest import QUESTIONS, BankMaker
from .test_cli_scan import FakeAsker, load, scan, terminal  # noqa: F401  (terminal is a fixture)

runner = CliRunner()
DATA = Path(__file__).resolve().parents[1] / "data"
JANSEN_2026_11 = Path(__file__).resolve().parent / "fixtures" / "jansen-2026.11.yaml"
RETIRED = QUESTIONS + 'retired:\n  - {id: a-9, since: "t1", text: "Ik deed A9."}\n  - {id: b-9, since: "t1"}\n'


def skipped(path: Path | str, ids: str, n: int) -> str:
    return (f"waarschuwing: {path}: {n} antwoord(en) overgeslagen ({ids}): die vragen horen bij een eerdere "
            "versie van de vragenbank en tellen niet mee in uw scores\n")


def test_the_shipped_bank_retires_what_2026_12_removed() -> None:
    bank = load_bank(DATA)
    assert (bank.version, bank.retired) == ("2027.01", frozenset({"bes-5", "pen-6", "coa-4", "net-6"}))
    assert not bank.retired & set(bank.question_index)


def test_an_answer_to_a_retired_statement_is_skipped(make_bank: BankMaker) -> None:
    bank = load_bank(make_bank(questions=RETIRED))
    sheet = parse_answer_text(b"answers: {a-1: 3, b-9: 2, a-9: null}\n", "oud.yaml", bank)
    assert (dict(sheet.answers), sheet.retired) == ({"a-1": 3}, ("b-9", "a-9"))
    with pytest.raises(InputError) as caught:
        parse_answer_text(b"answers: {a-1: 3, a-8: 2}\n", "oud.yaml", bank)
    assert str(caught.value) == ("oud.yaml:1:19: answers.a-8: onbekende vraag-id `a-8` (bedoelt u `a-4`?); "
                                 "deze vragenbank (t1) kent die vraag niet")


@pytest.mark.parametrize(("retired", "message"), [
    ('[{id: a-2, since: "t1"}]',
     "retired[0].id: vervallen vraag `a-2` is ook een vraag in deze bank; een vervallen id komt niet terug: "
     "geef de vraag een nieuwe id"),
    ('[{id: a-9, since: "t1"}, {id: a-9, since: "t1"}]',
     "retired[1].id: vervallen vraag `a-9` staat twee keer in `retired`; noem elke id één keer"),
    ('[{id: a-9}]', "retired[0]: vervallen vraag `a-9`: verplichte sleutel `since` ontbreekt; de versie van de bank "
     "waarin de vraag niet meer staat, bijv. `2026.12`"),
])
def test_a_wrong_retired_list_is_an_error(make_bank: BankMaker, retired: str, message: str) -> None:
    folder = make_bank(questions=QUESTIONS + f"retired: {retired}\n")
    result = runner.invoke(app, ["validate", "--bank", str(folder)])
    assert result.exit_code == 1
    assert message in result.stdout + result.stderr


def test_a_2026_11_file_scores_with_one_warning(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(JANSEN_2026_11), "-f", "json"])
    assert result.exit_code == 0
    assert result.stderr == skipped(JANSEN_2026_11, "`bes-5`, `pen-6`, `coa-4`, `net-6`", 4)
    # Scored exactly as the same file without the four answers.
    data = yaml.safe_load(JANSEN_2026_11.read_text(encoding="utf-8"))
    for qid in ("bes-5", "pen-6", "coa-4", "net-6"):
        del data["answers"][qid]
    without = tmp_path / "zonder.yaml"
    without.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result_without = runner.invoke(app, ["report", str(without), "-f", "json"])
    assert (result_without.exit_code, result_without.stderr) == (0, "")
    mine, theirs = json.loads(result.stdout), json.loads(result_without.stdout)
    assert mine["competencies"] == theirs["competencies"]


def test_a_truly_unknown_id_still_stops_the_report(tmp_path: Path) -> None:
    path = tmp_path / "oud.yaml"
    path.write_text(JANSEN_2026_11.read_text(encoding="utf-8").replace("  net-6: 3\n", "  net-9: 3\n"),
                    encoding="utf-8")
    result = runner.invoke(app, ["report", str(path)])
    assert result.exit_code == 1
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "net-9" in text)
    assert result.stderr == (f"{path}:{line}:3: answers.net-9: onbekende vraag-id `net-9` (bedoelt u `net-8`?); "
                             "deze vragenbank (2027.01) kent die vraag niet\n")


def test_a_batch_warns_once_for_all_files_and_verbose_for_each(make_bank: BankMaker, tmp_path: Path) -> None:
    folder = make_bank(questions=RETIRED)
    scans = tmp_path / "scans"
    scans.mkdir()
    for i in range(50):
        (scans / f"{i:02d}.yaml").write_text(
            f"respondent: {{name: r{i}}}\nmunicipality_type: regie\nanswers: {{a-1: 3, a-9: 4}}\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(scans), "-f", "jsonl", "--bank", str(folder)])
    assert result.exit_code == 0
    assert result.stderr == (f"waarschuwing: 50 bestanden met antwoorden op vragen die bij een eerdere versie van de "
                             f"vragenbank horen (overgeslagen: ze tellen niet mee in de scores): {scans / '00.yaml'}; "
                             f"{scans / '01.yaml'}; {scans / '02.yaml'} en nog 47 (gebruik --verbose om ze alle 50 te "
                             "zien)\n")
    result = runner.invoke(app, ["report", str(scans), "-f", "jsonl", "--verbose", "--bank", str(folder)])
    assert result.stderr == "".join(skipped(scans / f"{i:02d}.yaml", "`a-9`", 1) for i in range(50))


def test_one_file_reads_as_before(make_bank: BankMaker, tmp_path: Path) -> None:
    folder = make_bank(questions=RETIRED)
    (tmp_path / "a.yaml").write_text("municipality_type: regie\nanswers: {a-1: 3, a-9: 4}\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(tmp_path / "a.yaml"), "-f", "jsonl", "--bank", str(folder)])
    assert result.stderr == skipped(tmp_path / "a.yaml", "`a-9`", 1)


@pytest.mark.usefixtures("terminal")
def test_resume_of_an_older_version_is_refused_and_forced_drops_the_retired(
        monkeypatch: pytest.MonkeyPatch, make_bank: BankMaker, tmp_path: Path) -> None:
    folder = make_bank(questions=RETIRED)
    bank = load_bank(folder)
    old = tmp_path / "oud.yaml"
    old.write_text('municipality_type: regie\nbank: {version: "t0"}\nanswers: {a-1: 3, a-9: 4}\n', encoding="utf-8")
    warnings = f"waarschuwing: {old} is gemaakt met vragenbank t0; u scoort met t1\n" + skipped(old, "`a-9`", 1)
    code, _, stderr = scan(monkeypatch, None, "--bank", str(folder), "--resume", str(old))
    assert code == 1
    assert stderr == warnings + (f"fout: {old} is begonnen met vragenbank t0; dit is t1. Maak de scan af met die "
                                 "bank (--bank MAP), of ga toch verder met --force\n")
    assert "a-9" in old.read_text(encoding="utf-8")  # nothing rewritten

    asker = FakeAsker(old, [2] * 9)
    asker.reviews = [False]  # the same answer nine times: the answer-pattern check asks; the person goes on
    code, _, stderr = scan(monkeypatch, asker, "--bank", str(folder), "--resume", str(old), "--force")
    assert code == 0, stderr
    assert stderr.startswith(warnings)
    saved: dict[str, Any] = load(old)
    assert saved["bank"] == {"version": "t1", "sha256": bank.sha256}
    assert saved["answers"] == {q.id: 3 if q.id == "a-1" else 2 for q in bank.questions}


def test_a_table_column_of_a_retired_statement_is_skipped(make_bank: BankMaker, tmp_path: Path) -> None:
    folder = make_bank(questions=RETIRED)
    table = tmp_path / "oud.csv"
    table.write_text("naam,municipality_type,a-1,A_9,b-1\nR. Een,regie,3,4,2\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(table), "-f", "json", "--bank", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"waarschuwing: {table}: 1 kolom(men) overgeslagen (`a-9`): die vragen horen bij een eerdere versie van de "
        "vragenbank en tellen niet mee in uw scores")
    assert json.loads(result.stdout)["competencies"][0]["answered"] == 1
