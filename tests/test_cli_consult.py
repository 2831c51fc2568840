"""`schema`, `bank` and `items` through the real CLI: exit codes, streams, exact output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app, command_names
from ontwikkelscan.files.bankschemas import schema_files
from ontwikkelscan.files.schemas import ALL
from tests.conftest import BankMaker
from tests.test_itemstats import exact_alpha

runner = CliRunner()
IDS = ["a-1", "a-2", "a-3", "a-4", "b-1", "b-2", "b-3", "g-1", "g-2", "g-3"]
ROWS = [  # answers as given; a-2 and b-3 are reverse-keyed
    [1, 5, 1, 2, 3, 3, 3, 1, 1, 2],
    [2, 4, 2, 2, 4, 3, 2, 2, 2, 2],
    [4, 2, 5, 4, 4, 5, 1, 4, 4, 5],
    [5, 1, 4, 5, 2, 2, 4, 5, 5, 4],
]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_bank: BankMaker) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ONTWIKKELSCAN_BANK", raising=False)
    make_bank()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def write_csv(name: str, rows: list[list[int | str]]) -> Path:
    path = Path(name)
    path.write_text("respondent," + ",".join(IDS) + "\n"
                    + "".join(f"R{i}," + ",".join(map(str, row)) + "\n" for i, row in enumerate(rows)), encoding="utf-8")
    return path


# -- schema -------------------------------------------------------------------------


def test_schema_output_writes_the_committed_files() -> None:
    code, out, err = run("schema", "--output", "out")
    assert (code, out) == (0, "")
    assert err.splitlines() == [f"Geschreven: out/{name}" for name in schema_files()]
    root = Path(__file__).resolve().parent.parent / "schemas"
    for name in schema_files():
        assert (Path("out") / name).read_text(encoding="utf-8") == (root / name).read_text(encoding="utf-8")


def test_schema_of_one_kind_to_stdout() -> None:
    code, out, err = run("schema", "questions")
    assert (code, err) == (0, "")
    assert json.loads(out) == ALL["questions"]
    code, out, _ = run("schema")
    assert sorted(json.loads(out)) == ["answers.schema.json", "competencies.schema.json", "questions.schema.json",
                                       "round.schema.json"]


def test_schema_unknown_kind_is_a_usage_error() -> None:
    code, out, err = run("schema", "vragen")
    assert (code, out) == (2, "")
    assert "vragen" in err


# -- bank ---------------------------------------------------------------------------

BANK_OVERVIEW = """\
Vragenbank t1 (bank)
sha256 {sha}

Schaal 1-5: 1 = nooit, 2 = soms, 3 = regelmatig, 4 = vaak, 5 = altijd
Overslaan: weet ik niet / n.v.t.
3 competenties, 10 vragen, waarvan 2 omgekeerd (20%)

Competentie  Soort     Vragen  Omgekeerd  regie  beheer
───────────  ────────  ──────  ─────────  ─────  ──────
alpha        kern           4    1 (25%)    4,0     3,0
beta         kern           3    1 (33%)    3,0     4,0
gamma        situatie       3     0 (0%)    4,0       –

Doelniveaus per type gemeente; – = niet vereist (wel gescoord, geen verschil berekend).

Typen gemeente
  regie: Regiegemeente, 3 doelen
  beheer: Beheergemeente, 2 doelen
"""


def test_bank_overview() -> None:
    import hashlib

    sha = hashlib.sha256(Path("bank/competencies.yaml").read_bytes() + Path("bank/questions.yaml").read_bytes())
    assert run("bank", "--bank", "bank") == (0, BANK_OVERVIEW.format(sha=sha.hexdigest()), "")


def test_bank_overview_of_a_broken_bank_exits_1() -> None:
    Path("bank/questions.yaml").write_text("version: 1\n", encoding="utf-8")
    code, out, err = run("bank", "--bank", "bank")
    assert (code, out) == (1, "")
    assert err.startswith("bank/questions.yaml:1:1: verplichte sleutel `scale` ontbreekt; de antwoordschaal\n")


# -- items --------------------------------------------------------------------------

TABLE_BETA = """\
Bèta (beta): alfa 0,95* (95%-BI 0,66 tot 1,00), 3 vragen, n = 4 volledig
  ⚠ maar 4 volledige antwoorden (onder de 10): alfa en r(it) zijn onstabiel,
    lees ze als een eerste indruk
  Vraag  Omgekeerd  n  Gem.    SD  n.v.t.  r(it)  Alfa zonder  Signaal
  ─────  ─────────  ─  ────  ────  ──────  ─────  ───────────  ───────
  b-1               4  3,25  0,96      0%  0,87*        0,96*
  b-2               4  3,25  1,26      0%  0,87*        0,95*
  b-3    ja         4  2,50  1,29      0%  0,99*        0,85*
"""


def test_items_table_from_csv_warns_under_10_respondents() -> None:
    code, out, err = run("items", str(write_csv("s.csv", ROWS)), "--bank", "bank")
    assert code == 0
    assert err == ("waarschuwing: maar 4 respondent(en); onder de 10 zijn alfa en r(it) onbetrouwbaar: "
                   "lees ze als een eerste indruk\n")
    assert out.startswith("Itemanalyse: 4 respondent(en), vragenbank t1\n")
    assert TABLE_BETA in out


def test_items_json_numbers_match_an_independent_computation() -> None:
    code, out, _ = run("items", str(write_csv("s.csv", ROWS)), "--bank", "bank", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["schema"], data["respondents"], data["unstable"]) == ("ontwikkelscan/items@1", 4, True)
    keyed_beta = [[r[4], r[5], 6 - r[6]] for r in ROWS]
    beta = data["competencies"][1]
    assert beta["id"] == "beta" and beta["complete"] == 4
    assert beta["alpha"] == pytest.approx(float(exact_alpha(keyed_beta)), abs=1e-12)
    assert [i["mean"] for i in beta["items"]] == [3.25, 3.25, 2.5]
    assert [i["id"] for i in data["competencies"][0]["items"]] == ["a-1", "a-2", "a-3", "a-4"]


def test_items_csv_flags_a_weak_item_and_competency() -> None:
    # g-3 runs against g-1 and g-2 over 10 respondents: no warning, g-3 and gamma flagged
    rows: list[list[int | str]] = [[3, 3, 3, 3, 3, 3, 3, v, v, 6 - v] for v in [1, 2, 3, 4, 5, 1, 2, 3, 4, 5]]
    code, out, err = run("items", str(write_csv("s.csv", rows)), "--bank", "bank", "-f", "csv")
    assert (code, err) == (0, "")
    table = list(csv.DictReader(io.StringIO(out)))
    assert list(table[0]) == ["competency", "competency_alpha", "competency_complete", "weak_competency", "item",
                              "reverse", "answered", "mean", "sd", "na_rate", "item_total", "alpha_if_deleted",
                              "weak_item",  # the columns before issue 21 first, unchanged
                              "competency_alpha_low", "competency_alpha_high", "competency_unstable", "contexts",
                              "asked", "complete", "alpha_with", "keying", "signal", "unstable_item", "in_alpha"]
    g3 = table[-1]
    assert (g3["item"], g3["weak_item"], g3["weak_competency"], g3["item_total"]) == ("g-3", "true", "true", "-1.0")
    assert (g3["keying"], g3["signal"], g3["asked"], g3["complete"], g3["unstable_item"]) == (
        "true", "keying", "10", "10", "false")  # r(it) = -1 over 10: a keying error, not merely weak
    assert (table[0]["keying"], table[0]["signal"], table[0]["contexts"]) == ("false", "", "")
    assert float(g3["competency_alpha"]) == pytest.approx(-3.0)  # (3/2) * (1 - 3 / 1)
    assert float(g3["alpha_if_deleted"]) == pytest.approx(1.0)
    assert table[0]["item_total"] == ""  # a-1 has no spread: no correlation


def test_items_goes_on_after_a_bad_file_and_exits_1() -> None:
    write_csv("s.csv", ROWS)
    Path("kapot.yaml").write_text("answers: {a-1: 9}\n", encoding="utf-8")
    code, out, err = run("items", "s.csv", "kapot.yaml", "--bank", "bank")
    assert code == 1
    assert out.startswith("Itemanalyse: 4 respondent(en)")
    assert err.splitlines()[0] == ("kapot.yaml:1:16: answers.a-1: antwoord 9 valt buiten de schaal; toegestaan: "
                                   "een geheel getal van 1 tot en met 5, of null (overgeslagen)")


def test_items_without_usable_answers() -> None:
    Path("leeg").mkdir()
    code, out, err = run("items", "leeg", "--bank", "bank")
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == ("fout: geen bruikbare antwoorden gevonden; geef antwoordbestanden, mappen of "
                                    "CSV-bestanden op")


def test_items_on_the_shipped_examples() -> None:
    root = Path(__file__).resolve().parent.parent
    code, out, _ = run("items", str(root / "examples"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["respondents"] == 3 and len(data["competencies"]) == 14


def registered_pages() -> list[list[str]]:
    """Every command and sub-command the Typer app has registered (not a list kept by hand)."""
    from ontwikkelscan.cli import app_for

    full = app_for(["--help"])
    pages = [[str(c.name)] for c in full.registered_commands]
    for group in full.registered_groups:
        assert group.typer_instance is not None
        pages += [[str(group.name)], *([str(group.name), str(c.name)] for c in group.typer_instance.registered_commands)]
    return pages


def test_every_command_is_registered_and_its_help_shows_how_to_run_it() -> None:
    pages = registered_pages()
    assert sorted(page[0] for page in pages if len(page) == 1) == command_names()
    for page in pages:
        code, out, err = run(*page, "--help")
        assert (code, err) == (0, ""), page
        usage, examples = out.split("Voorbeeld", 1)  # an example after the usage, for every command
        assert f"ontwikkelscan {' '.join(page)}" in usage and f"ontwikkelscan {' '.join(page)}" in examples, page
