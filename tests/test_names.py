"""One person, however the name is typed (issue 21 item 5): names.name_key and every place that matches names."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ontwikkelscan.analysis.people import Distinct
from ontwikkelscan.analysis.selfjoin import same_person
from ontwikkelscan.cli import app
from ontwikkelscan.models import AnswerSheet
from ontwikkelscan.names import QUOTES, name_key

from .batchdata import R1, R2, R3

Write = Callable[[str, str], Path]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("name", "key"), [
    ("Joost 't Hart", "joost 't hart"),
    ("Joost ’t Hart", "joost 't hart"),
    ("joost  'T hart ", "joost 't hart"),
    ("Joost\u00a0‘t\tHart", "joost 't hart"),  # a non-breaking space and a tab are spaces
    ("Joost ʼt Hart", "joost 't hart"),  # the modifier letter apostrophe of a phone keyboard
    ("Joost `t Hart", "joost 't hart"),
    ("Joost ´t Hart", "joost 't hart"),  # the acute accent (NFKC would make it a space and a combining accent)
    ("Joost ′t Hart", "joost 't hart"),
    ("Joost ＇t Ｈart", "joost 't hart"),  # full-width forms (NFKC)
    ('Anna „Ans“ de Vries', "anna 'ans' de vries"),
    ('Anna "Ans" de Vries', "anna 'ans' de vries"),
    ("Anna ”Ans” de Vries", "anna 'ans' de vries"),
    ("STRAßE", "strasse"),
    ("Jánsen", "jánsen"),  # accents count: Jansen and Jánsen can be two people
    ("", ""),
    (None, ""),
    ("   ", ""),
])
def test_name_key(name: str | None, key: str) -> None:
    assert name_key(name) == key


def test_every_quote_look_alike_is_the_apostrophe() -> None:
    assert {name_key(f"a{q}b") for q in QUOTES} == {"a'b"}
    assert len(QUOTES) == len(set(QUOTES)) == 29


@given(st.text())
def test_name_key_is_idempotent(name: str) -> None:
    assert name_key(name_key(name)) == name_key(name)


_VARIANTS = st.sampled_from(["Joost 't Hart", "Joost ’t Hart", "joost  'T hart ", "JOOST ‘T HART", "Joost 't  Hart\u00a0",
                             "Anna de Vries", "anna DE vries", "Anna de  Vries", "", "Bram"])


@given(st.lists(_VARIANTS | st.text(max_size=8), max_size=8))
def test_equal_after_normalising_is_one_person_for_the_floor(names: list[str]) -> None:
    """Distinct.people (the cohort's privacy floor) counts one person per key, and each scan without a name."""
    distinct = Distinct()
    for i, name in enumerate(names):  # other answers each: no sheet is a double of another
        assert distinct.first(AnswerSheet(f"s{i}", {"a-1": i}, {"name": name} if name else {}, None, "regie"))
    keys = [name_key(name) for name in names]
    assert distinct.people == len({key for key in keys if key}) + keys.count("")


def test_the_round_s_self_scan_matches_the_subject_after_normalising() -> None:
    assert same_person("Joost ’t Hart", "joost  't HART")
    assert same_person("A. Jánsen", "a jansen")  # the self-join is laxer still: accents and dots
    assert not same_person("Joost 't Hart", "Joost Hart")


def _named(text: str, name: str) -> str:
    return text.replace('"R. Een"', f'"{name}"').replace('"R. Twee"', f'"{name}"')


def test_one_person_for_the_cohort_floor_whatever_the_apostrophe(bank_dir: Path, write: Write) -> None:
    write("scans/a.yaml", _named(R1, "Joost 't Hart"))
    write("scans/b.yaml", _named(R2, "joost  ’T hart "))
    folder = write("scans/c.yaml", R3).parent
    code, _, err = invoke("cohort", str(folder), "--bank", str(bank_dir))
    assert code == 2
    assert err == ("fout: een groep van 2 respondent(en) (3 scans) is te klein: met minder dan 3 zijn personen "
                   "herkenbaar; gebruik --allow-small als dat hier geen bezwaar is\n")


def test_compare_pairs_the_spellings_and_shows_the_newest(bank_dir: Path, write: Write) -> None:
    r2 = R2.replace("Gemeente B", "Gemeente A")
    old = write("oud/a.yaml", _named(r2, "Joost 't Hart")).parent
    write("oud/b.yaml", _named(R1, "Anna de Vries"))
    new = write("nieuw/a.yaml", _named(R1, "Joost ’t Hart")).parent
    write("nieuw/b.yaml", _named(r2, "anna  DE vries").replace("2025-06-01", "2026-06-01"))
    code, out, err = invoke("compare", str(old), str(new), "-f", "json", "--bank", str(bank_dir))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [(c["old"]["respondent"]["name"], c["new"]["respondent"]["name"]) for c in data["comparisons"]] == [
        ("Joost 't Hart", "Joost ’t Hart"), ("Anna de Vries", "anna  DE vries")]
    assert (data["only_old"], data["only_new"]) == ([], [])
    code, out, _ = invoke("compare", str(old), str(new), "-f", "csv", "--bank", str(bank_dir))
    assert [line.split(",")[0] for line in out.splitlines()[1:]] == ["Joost ’t Hart"] * 3 + ["anna  DE vries"] * 3


def test_two_single_scans_with_two_spellings_do_not_warn(bank_dir: Path, write: Write) -> None:
    old = write("oud.yaml", _named(R2, "Joost 't Hart").replace("Gemeente B", "Gemeente 's-Hertogenbosch"))
    new = write("nieuw.yaml", _named(R1, "Joost ’t Hart").replace("Gemeente A", "gemeente ’s-Hertogenbosch"))
    code, _, err = invoke("compare", str(old), str(new), "--bank", str(bank_dir))
    assert (code, err) == (0, "")
    other = write("ander.yaml", _named(R1, "Joost Hart"))
    code, _, err = invoke("compare", str(old), str(other), "--bank", str(bank_dir))
    assert err.splitlines()[0] == "waarschuwing: de scans hebben verschillende respondenten: Joost 't Hart en Joost Hart"


def test_one_respondent_in_one_export_whatever_the_apostrophe(bank_dir: Path, write: Write) -> None:
    """Two rows of one export by the same person (no id, no e-mail) with the same answers: sent in twice."""
    table = write("export.csv", "respondent,date,municipality_type,a-1,a-2,a-3,a-4,b-1,b-2,b-3,g-1,g-2,g-3\n"
                                "Joost 't Hart,2026-01-10,regie,4,2,4,4,3,3,3,5,5,\n"
                                "joost ’t hart,2026-01-10,regie,4,2,4,4,3,3,3,5,5,\n")
    code, out, err = invoke("report", str(table), "-f", "jsonl", "--bank", str(bank_dir))
    assert code == 0
    assert [json.loads(line)["respondent"]["name"] for line in out.splitlines()] == ["Joost 't Hart"]
    assert "1 rij(en) overgeslagen: dubbel ingestuurd" in err
