"""People, not files (issue 21 item 1): a response read twice counts once in every batch command, and the
privacy floor counts persons (analysis/people.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from ontwikkelscan.analysis.batch import Batch
from ontwikkelscan.analysis.people import Distinct
from ontwikkelscan.cli import app
from ontwikkelscan.models import AnswerSheet, Bank
from ontwikkelscan.render.common.perkind import lines

from .batchdata import R1, R2, R3

Write = Callable[[str, str], Path]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def sheet(source: str, name: str = "", answers: dict[str, int | None] | None = None, rid: str | None = None,
          date: str | None = "2026-01-10", rater: str = "self") -> AnswerSheet:
    return AnswerSheet(source, answers if answers is not None else {"a-1": 4}, {"name": name} if name else {},
                       date, "regie", rater, response_id=rid)


def kept(*sheets: AnswerSheet) -> list[str]:
    distinct = Distinct()
    return [s.source for s in sheets if distinct.first(s)]


def test_the_same_answers_of_the_same_person_count_once() -> None:
    assert kept(sheet("a", "Anna"), sheet("b", " anna  "), sheet("c", "Bram"), sheet("d")) == ["a", "c", "d"]
    # "weet ik niet" and not answered are the same answer; another rater group is another person
    assert kept(sheet("a", "Anna", {"a-1": 4, "a-2": None}), sheet("b", "Anna", {"a-1": 4}),
                sheet("c", "Anna", rater="medewerkers")) == ["a", "c"]
    # nothing answered at all is nobody's fingerprint
    assert kept(sheet("a", "Anna", {}), sheet("b", "Anna", {})) == ["a", "b"]


def test_the_same_response_id_counts_once_but_only_for_the_same_person_and_date() -> None:
    edited = sheet("b", "Anna", {"a-1": 2}, rid="7")
    assert kept(sheet("a", "Anna", rid="7"), edited) == ["a"]
    # two forms both number from 1: another name, or another date, is another response
    assert kept(sheet("a", "Anna", rid="1"), sheet("b", "Bram", {"a-1": 2}, rid="1"),
                sheet("c", "Anna", {"a-1": 3}, rid="1", date="2026-06-01")) == ["a", "b", "c"]
    assert kept(sheet("a", rid="R_9x"), sheet("b", "", {"a-1": 1}, rid="R_9x", date=None)) == ["a"]


def test_people_counts_persons_not_scans() -> None:
    distinct = Distinct()
    for s in (sheet("a", "Anna"), sheet("b", "ANNA", {"a-1": 1}, date="2026-06-01"), sheet("c", "Bram"), sheet("d"),
              sheet("e", answers={"a-1": 2})):
        distinct.first(s)
    assert distinct.people == 4  # Anna twice, Bram, two without a name


def test_one_warning_with_a_count_and_the_first_examples() -> None:
    distinct = Distinct()
    for i in range(5):
        distinct.first(sheet(f"f{i}", "Anna"))
    assert lines(distinct.warnings()) == [
        "4 antwoord(en) dubbel, één keer geteld (zelfde antwoord-id, of dezelfde persoon met dezelfde antwoorden): "
        "f1 is f0; f2 is f0; f3 is f0 en nog 1 (gebruik --verbose om ze alle 4 te zien)"]
    assert lines(distinct.warnings(), verbose=True)[-1] == (
        "1 antwoord(en) dubbel, één keer geteld (zelfde antwoord-id, of dezelfde persoon met dezelfde antwoorden): "
        "f4 is f0")


def test_a_copied_file_does_not_pass_the_cohort_floor(bank_dir: Path, write: Write) -> None:
    a, b = write("scans/a.yaml", R1), write("scans/b.yaml", R2)
    write("scans/kopie van a.yaml", R1)
    code, _, err = invoke("cohort", str(a.parent), "--bank", str(bank_dir))
    assert code == 2
    assert err.splitlines() == [
        f"waarschuwing: 1 antwoord(en) dubbel, één keer geteld (zelfde antwoord-id, of dezelfde persoon met dezelfde "
        f"antwoorden): {a.parent / 'kopie van a.yaml'} is {a}",
        "fout: een groep van 2 respondent(en) is te klein: met minder dan 3 zijn personen herkenbaar; gebruik "
        "--allow-small als dat hier geen bezwaar is"]
    code, out, _ = invoke("cohort", str(a.parent), "--allow-small", "-f", "json", "--bank", str(bank_dir))
    assert code == 0
    assert json.loads(out)["respondents"] == 2
    assert b.exists()


def test_one_persons_two_scans_are_one_person_for_the_floor(bank_dir: Path, write: Write) -> None:
    write("scans/a.yaml", R1)
    write("scans/a-later.yaml", R1.replace("2026-01-10", "2026-06-10").replace("a-1: 4", "a-1: 5"))
    folder = write("scans/c.yaml", R3).parent
    code, _, err = invoke("cohort", str(folder), "--bank", str(bank_dir))
    assert code == 2
    assert err.splitlines()[-1] == ("fout: een groep van 2 respondent(en) (3 scans) is te klein: met minder dan 3 "
                                    "zijn personen herkenbaar; gebruik --allow-small als dat hier geen bezwaar is")


def test_every_batch_command_counts_a_response_once(bank_dir: Path, write: Write) -> None:
    table = write("scans/export.csv", "id,respondent,date,municipality_type,a-1,a-2,a-3,a-4,b-1,b-2,b-3,g-1,g-2,g-3\n"
                                      "1,R. Een,2026-01-10,regie,4,2,4,4,3,3,3,5,5,\n"
                                      "2,R. Twee,2025-06-01,regie,2,4,2,2,4,4,1,3,,\n")
    write("scans/r1.yaml", R1)  # the file imported from row 2
    write("scans/r3.yaml", R3)
    folder = table.parent
    code, out, err = invoke("report", str(folder), "-f", "jsonl", "--bank", str(bank_dir))
    assert code == 0
    assert [json.loads(line)["source"] for line in out.splitlines()] == [f"{table}:2", f"{table}:3", str(folder / "r3.yaml")]
    assert err == ("waarschuwing: 1 antwoord(en) dubbel, één keer geteld (zelfde antwoord-id, of dezelfde persoon met "
                   f"dezelfde antwoorden): {folder / 'r1.yaml'} is {table}:2\n")
    code, out, _ = invoke("cohort", str(folder), "-f", "json", "--bank", str(bank_dir))
    assert (code, json.loads(out)["respondents"]) == (0, 3)
    code, out, _ = invoke("items", str(folder), "-f", "json", "--bank", str(bank_dir))
    assert (code, json.loads(out)["respondents"]) == (0, 3)


def test_the_batch_reads_each_response_once_in_input_order(bank: Bank, write: Write) -> None:
    first, copy = write("a.yaml", R1), write("b.yaml", R1)
    run = Batch([copy, first], bank)
    assert [s.source for s in run.sheets()] == [str(copy)]
    assert (run.read, run.people) == (1, 1)


def test_compare_counts_each_side_once(bank_dir: Path, write: Write) -> None:
    old = write("oud/r1.yaml", R1).parent
    write("oud/r1 kopie.yaml", R1)
    write("oud/r2.yaml", R2)
    new = write("nieuw/r1.yaml", R1.replace("2026-01-10", "2026-09-10").replace("a-1: 4", "a-1: 5")).parent
    write("nieuw/r2.yaml", R2.replace("2025-06-01", "2026-09-01"))
    code, out, err = invoke("compare", str(old), str(new), "-f", "json", "--bank", str(bank_dir))
    assert code == 0
    assert [c["new"]["respondent"]["name"] for c in json.loads(out)["comparisons"]] == ["R. Een", "R. Twee"]
    assert err == ("waarschuwing: 1 antwoord(en) dubbel, één keer geteld (zelfde antwoord-id, of dezelfde persoon "
                   f"met dezelfde antwoorden): {old / 'r1.yaml'} is {old / 'r1 kopie.yaml'}\n")


def test_the_same_response_id_with_other_answers_says_which_counts() -> None:
    distinct = Distinct()
    for s in (sheet("oud.csv:2", "Anna", rid="R_1"), sheet("nieuw.csv:2", "Anna", {"a-1": 2}, rid="R_1")):
        distinct.first(s)
    assert lines(distinct.warnings()) == [
        "1 antwoord(en) met een antwoord-id dat al eerder kwam, maar andere antwoorden (een gewijzigd antwoord in een "
        "latere export?): alleen het eerste telt: nieuw.csv:2 (telt: oud.csv:2); geef alleen de nieuwste export, dan "
        "telt de laatste versie"]
