"""Mapping files that round-trip (issue 21 item 3): what `--write-columns` writes is read by `--columns` as
it is and changes nothing, for every export fixture; codes per column; the template's 89 statements guessed;
a null that would switch off a filter is said; a cell that is no answer is said once per column, with the fix."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import exportstyles as es
from tests import surveyexports as se
from tests.conftest import bank_outside_a_test

BANK = bank_outside_a_test()
PEOPLE = se.people(BANK, 4)
invoke, scores = es.invoke, es.scores


def in_order(stdout: str) -> dict[str, dict[str, float | None]]:
    """A codes-only export has its names in a column nobody mapped: the scores by row."""
    return {str(n): {c["id"]: c["score"] for c in json.loads(line)["competencies"]}
            for n, line in enumerate(stdout.splitlines())}


EXPORTS: dict[str, Callable[[Path], Path]] = {
    "ms-forms.xlsx": lambda d: se.ms_forms_xlsx(d / "Zelfscan.xlsx", BANK, PEOPLE),
    "google-forms.csv": lambda d: se.google_forms_csv(d / "Zelfscan (antwoorden).csv", BANK, PEOPLE),
    "google-forms.csv.zip": lambda d: es.google_forms_zip(d / "Zelfscan (antwoorden).csv.zip", BANK, PEOPLE),
    "limesurvey-full.csv": lambda d: se.limesurvey_csv(d / "results-survey1.csv", BANK, PEOPLE, codes=False),
    "limesurvey-codetext.csv": lambda d: es.limesurvey(d / "r.csv", BANK, PEOPLE, unsent=(1,)),
    "limesurvey-text-no-datestamp.csv": lambda d: es.limesurvey(d / "r.csv", BANK, PEOPLE, headings="text",
                                                                datestamps=False),
    "qualtrics-labels.csv": lambda d: se.qualtrics_csv(d / "Zelfscan.csv", BANK, PEOPLE),
    "qualtrics-dutch.csv": lambda d: es.qualtrics(d / "Zelfscan.csv", BANK, PEOPLE, numeric=False, dutch=True,
                                                  preview=(2,), unfinished=(0,)),
}


@pytest.mark.parametrize("tool", list(EXPORTS))
def test_the_written_mapping_read_back_changes_nothing(tool: str, tmp_path: Path) -> None:
    export = EXPORTS[tool](tmp_path)
    plain = invoke("report", str(export), "-f", "jsonl")
    assert plain[0] == 0
    mapping = tmp_path / "koppeling.yaml"
    code, _, err = invoke("import-csv", str(export), "--write-columns", str(mapping))
    assert code == 0, err
    assert invoke("report", str(export), "-f", "jsonl", "--columns", str(mapping)) == plain
    again = tmp_path / "opnieuw.yaml"
    assert invoke("import-csv", str(export), "--columns", str(mapping), "--write-columns", str(again))[0] == 0
    assert again.read_text() == mapping.read_text()


def test_the_metadata_the_import_uses_is_written_as_a_target(tmp_path: Path) -> None:
    export = es.qualtrics(tmp_path / "Zelfscan.csv", BANK, PEOPLE, numeric=False)
    mapping = tmp_path / "k.yaml"
    invoke("import-csv", str(export), "--write-columns", str(mapping))
    lines = mapping.read_text().splitlines()
    for line in ('  "Status": status  # Response Type', '  "Finished": finished', '  "ResponseId": response_id  # Response ID',
                 '  "RecipientLastName": family_name  # Recipient Last Name', '  "RecipientEmail": email  # Recipient Email',
                 '  "RecipientFirstName": given_name  # Recipient First Name', '  "RecordedDate": date  # Recorded Date',
                 '  "StartDate": null  # metadata, niet gebruikt; Start Date'):
        assert line in lines


def test_null_on_a_filter_column_is_said(tmp_path: Path) -> None:
    export = es.qualtrics(tmp_path / "Zelfscan.csv", BANK, PEOPLE, numeric=False, preview=(1,))
    mapping = tmp_path / "k.yaml"
    invoke("import-csv", str(export), "--write-columns", str(mapping))
    text = mapping.read_text()
    assert '  "DistributionChannel": status  # Distribution Channel' in text.splitlines()
    mapping.write_text(text.replace('"Status": status', '"Status": null').replace('"DistributionChannel": status',
                                                                                  '"DistributionChannel": null'))
    code, out, err = invoke("report", str(export), "-f", "jsonl", "--columns", str(mapping))
    assert code == 0
    assert err.splitlines() == [
        f"waarschuwing: {export}: kolom C (Response Type) staat in de koppeling op null: testantwoorden (preview) "
        "en spam worden nu niet overgeslagen maar geteld; zet hem op `status` als dat niet de bedoeling is",
        f"waarschuwing: {export}: kolom M (Distribution Channel) staat in de koppeling op null: testantwoorden "
        "(preview) en spam worden nu niet overgeslagen maar geteld; zet hem op `status` als dat niet de bedoeling is"]
    assert len(out.splitlines()) == 4


def test_a_codes_only_survey_from_the_template_is_guessed_with_codes_per_column(tmp_path: Path) -> None:
    """89 statements (no context ones), the scale's codes AO01-AO06 and the type question's AO01-AO03."""
    export = es.limesurvey(tmp_path / "results-survey7.csv", BANK, PEOPLE, headings="code", codes=True,
                           template=True, code="AO{:02d}", unsent=(3,))
    code, out, err = invoke("report", str(export), "-f", "jsonl")
    assert code == 1  # codes without a mapping: refused, with the way out
    mapping = tmp_path / "koppeling.yaml"
    assert invoke("import-csv", str(export), "--write-columns", str(mapping))[0] == 0
    text = mapping.read_text()
    assert sum("# gok: de volgorde" in line for line in text.splitlines()) == 89
    assert '  "G00Q03": municipality_type  # gok: de codes van de type-vraag' in text
    assert '  "G00Q01": respondent  # gok: namen' in text  # "Gemeente 0" has a digit: no municipality guessed
    assert '  "G01Q01[SQ001]": bps-1  # gok: de volgorde van de vragenbank; ' in text
    assert text.endswith('  "AO01": 1\n  "AO02": 2\n  "AO03": 3\n  "AO04": 4\n  "AO05": 5\n'
                         '  "AO06": null  # weet ik niet? anders een getal\n'
                         '  "G00Q03":  # alleen voor deze kolom; een type-code op n: gok, het n-de type\n'
                         '    "AO01": regie\n    "AO02": ontwikkel\n    "AO03": beheer\n')
    code, out, err = invoke("report", str(export), "-f", "jsonl", "--columns", str(mapping))
    assert (code, err) == (0, f"waarschuwing: {export}: 1 rij(en) overgeslagen: niet afgerond (rij 5)\n")
    assert es.close(scores(out), {p.name: es.by_hand(BANK, p.answers) for p in PEOPLE[:3]})
    assert [json.loads(line)["municipality_type"] for line in out.splitlines()] == [p.mtype for p in PEOPLE[:3]]


def test_all_97_statements_are_guessed_too(tmp_path: Path) -> None:
    export = es.limesurvey(tmp_path / "r.csv", BANK, PEOPLE, headings="code", codes=True)
    mapping = tmp_path / "koppeling.yaml"
    invoke("import-csv", str(export), "--write-columns", str(mapping))
    assert sum("# gok: de volgorde" in line for line in mapping.read_text().splitlines()) == 97
    code, out, _ = invoke("report", str(export), "-f", "jsonl", "--columns", str(mapping))
    assert code == 0
    assert es.close(in_order(out), {str(n): es.by_hand(BANK, p.answers) for n, p in enumerate(PEOPLE)})


def test_qualtrics_numeric_with_a_type_question(tmp_path: Path) -> None:
    export = es.qualtrics(tmp_path / "Zelfscan.csv", BANK, PEOPLE, numeric=True)
    mapping = tmp_path / "koppeling.yaml"
    invoke("import-csv", str(export), "--write-columns", str(mapping))
    assert mapping.read_text().endswith('values:\n  "6": null  # weet ik niet? anders een getal\n'
                                        '  "Q1":  # alleen voor deze kolom; een type-code op n: gok, het n-de type\n'
                                        '    "1": regie\n    "2": ontwikkel\n    "3": beheer\n')
    code, out, err = invoke("report", str(export), "-f", "jsonl", "--columns", str(mapping))
    assert (code, err) == (0, "")
    assert es.close(scores(out), {p.name: es.by_hand(BANK, p.answers) for p in PEOPLE})
    assert [json.loads(line)["municipality_type"] for line in out.splitlines()] == [p.mtype for p in PEOPLE]


def test_a_code_not_in_the_mapping_is_said_once_with_the_fix(tmp_path: Path) -> None:
    export = es.limesurvey(tmp_path / "r.csv", BANK, PEOPLE, headings="code", codes=True)
    mapping = tmp_path / "koppeling.yaml"
    invoke("import-csv", str(export), "--write-columns", str(mapping))
    mapping.write_text(mapping.read_text().replace('  "A6": null  # weet ik niet? anders een getal\n', ""))
    order = [q for ids in es.asked(BANK, False) for q in ids]
    cells = [(row + 2, column + 10) for row, p in enumerate(PEOPLE) for column, q in enumerate(order)
             if p.answers[q] is None]
    code, _, err = invoke("import-csv", str(export), "--columns", str(mapping), "--out", str(tmp_path / "scans"))
    assert code == 1
    lines = err.splitlines()
    first, rest = cells[0], cells[1:]
    assert lines[0] == (f"{export}:{first[0]}:{first[1] + 1}: rij {first[0]}, kolom {_name(first[1])} "
                        f"({_header(first[1] - 10)}): `A6` is geen antwoord; toegestaan: 1 of \"(bijna) nooit\", 2 of "
                        "\"soms\", 3 of \"regelmatig\", 4 of \"vaak\", 5 of \"(bijna) altijd\", \"weet ik niet / n.v.t.\" of "
                        "leeg (overgeslagen); vul `A6` aan onder `values:` in de koppeling")
    assert lines[1].startswith(f"{export}:{rest[0][0]}:{rest[0][1] + 1}: rij {rest[0][0]}, kolom {_name(rest[0][1])} "
                               f"({_header(rest[0][1] - 10)}): nog {len(rest)} cel(len) met `A6`, dat hier geen "
                               "antwoord is (kolom ")
    assert lines[1].endswith("; vul `A6` aan onder `values:` in uw koppeling (voor één kolom alleen: onder `values:` "
                             "de kolomkop met de codes eronder)")
    assert lines[2:] == [f"{export}: 0 geïmporteerd in {tmp_path / 'scans'}, 4 geweigerd (4 met fouten)"]


def _name(index: int) -> str:
    from ontwikkelscan.files.survey.columns import column_name

    return column_name(index)


def _header(index: int) -> str:
    return [f"G{g + 1:02d}Q01[SQ{s + 1:03d}]" for g, ids in enumerate(es.asked(BANK, False))
            for s in range(len(ids))][index]


def test_the_questions_about_the_person_are_guessed_in_a_codes_only_export(tmp_path: Path) -> None:
    towns = ["Gemeente Utrecht", "Gemeente Elburg", "Gemeente Ede", "Gemeente Ede"]
    persons = [p._replace(municipality=town) for p, town in zip(PEOPLE, towns, strict=True)]
    export = es.limesurvey(tmp_path / "r.csv", BANK, persons, headings="code", codes=True)
    mapping = tmp_path / "koppeling.yaml"
    invoke("import-csv", str(export), "--write-columns", str(mapping))
    lines = mapping.read_text().splitlines()
    assert ['  "G00Q01": respondent  # gok: namen', '  "G00Q02": municipality  # gok: gemeenten',
            '  "G00Q03": municipality_type  # gok: de codes van de type-vraag'] == [
        line for line in lines if re.match(r'  "G00Q\d+": \w', line)]
    code, out, _ = invoke("report", str(export), "-f", "jsonl", "--columns", str(mapping))
    assert code == 0
    assert [json.loads(line)["respondent"] for line in out.splitlines()] == [
        {"name": p.name, "municipality": p.municipality} for p in persons]
