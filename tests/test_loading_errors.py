"""Bad banks and bad answer files: every problem at once, each with file:line, path, value and fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontwikkelscan.files.answers import parse_answer_text, read_answers
from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.errors import InputError
from ontwikkelscan.models import Bank
from ontwikkelscan.files.yamlio import MAX_BYTES, parse

from .conftest import COMPETENCIES, QUESTIONS, BankMaker, fixture_bank

Write = Callable[[str, str], Path]


def messages(exc: pytest.ExceptionInfo[InputError], root: Path) -> list[str]:
    return [str(p).replace(str(root) + "/", "") for p in exc.value.problems]


def test_answer_file_errors_name_file_line_id_and_what_is_allowed(bank: Bank, write: Write, tmp_path: Path) -> None:
    path = write("jansen.yaml", """\
        municipality_type: regio
        answers:
          a-1: 4
          a-2: 7
          a-3: 2.5
          a-9: 3
          b-1: vier
          b-2: 012
          a-1: 5
        """)
    with pytest.raises(InputError) as exc:
        read_answers(path, bank)
    allowed = "toegestaan: een geheel getal van 1 tot en met 5, of null (overgeslagen)"
    assert messages(exc, tmp_path) == [
        "jansen.yaml:1:20: municipality_type: onbekend type gemeente `regio` (bedoelt u `regie`?); kies uit: regie, beheer",
        f"jansen.yaml:4:8: answers.a-2: antwoord 7 valt buiten de schaal; {allowed}",
        f"jansen.yaml:5:8: answers.a-3: antwoord `2.5` is geen geheel getal; {allowed}",
        "jansen.yaml:6:3: answers.a-9: onbekende vraag-id `a-9` (bedoelt u `a-4`?); deze vragenbank (t1) kent die vraag niet",
        f"jansen.yaml:7:8: answers.b-1: antwoord `vier` is geen geheel getal; {allowed}",
        f"jansen.yaml:8:8: answers.b-2: antwoord `012` is geen gewoon geheel getal; {allowed}",
        "jansen.yaml:9:3: answers.a-1: dubbele sleutel `a-1` (staat ook op regel 3); laat er één over",
    ]


def test_answer_file_structure_errors(bank: Bank, write: Write, tmp_path: Path) -> None:
    path = write("x.yaml", """\
        respondent: {name: no, gemeente: Ede}
        answer:
          a-1: 4
        """)
    with pytest.raises(InputError) as exc:
        read_answers(path, bank)
    assert messages(exc, tmp_path) == [
        "x.yaml:1:1: verplichte sleutel `answers` ontbreekt",
        "x.yaml:1:20: respondent.name: YAML leest `no` als ja/nee-waarde (false), maar hier hoort tekst; "
        "zet het tussen aanhalingstekens: \"no\"",
        "x.yaml:1:24: respondent.gemeente: onbekende sleutel `gemeente`; toegestaan: name, municipality",
        "x.yaml:2:1: answer: onbekende sleutel `answer` (bedoelt u `answers`?); toegestaan: schema, respondent, "
        "date, municipality_type, contexts, rater, round, response_id, order_seed, bank, answers, comments",
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"answers: [1, 2\n", "f.yaml:1:10: geen geldige YAML: de `[` op deze regel wordt niet gesloten: het bestand "
         "houdt eerder op; sluit af met `]`"),
        (b"- 1\n- 2\n", "f.yaml:1:1: dit is geen antwoordbestand: verwacht een blok met minstens `answers:`"),
        (b"", "f.yaml:1:1: dit is geen antwoordbestand: verwacht een blok met minstens `answers:`"),
        (b"\xff\xfe answers", "f.yaml:1:1: geen geldige UTF-8-tekst; sla het bestand op als UTF-8 (in een teksteditor: "
                               "Opslaan als, codering UTF-8)"),
        (b"answers:\n  a-1: 4\x00\n", "f.yaml:2:9: het teken U+0000 hoort niet in een tekstbestand; "
                                    "is dit wel een YAML-bestand?"),
        (b"answers: {a-1: !!python/object:os.system x}\n",
         "f.yaml:1:16: answers.a-1: onbekend YAML-type tag:yaml.org,2002:python/object:os.system voor `x`"),
    ],
)
def test_unreadable_answer_files(bank: Bank, raw: bytes, expected: str) -> None:
    with pytest.raises(InputError) as exc:
        parse_answer_text(raw, "f.yaml", bank)
    assert [str(p) for p in exc.value.problems] == [expected]


def test_missing_and_oversized_files(bank: Bank, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"weg\.yaml: bestand niet gevonden$"):
        read_answers(tmp_path / "weg.yaml", bank, "weg.yaml")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_BYTES + 1))
    with pytest.raises(InputError, match=r"bestand is te groot"):
        read_answers(big, bank)


def test_alias_bomb_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
              for i in range(1, 9)]
    with pytest.raises(InputError, match="te veel elementen"):
        parse("\n".join(lines).encode(), "bom.yaml")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_answer_parser_never_crashes(raw: bytes) -> None:
    try:
        parse_answer_text(raw, "fuzz.yaml", _BANK)
    except InputError as exc:
        assert exc.problems and all(p.file == "fuzz.yaml" for p in exc.problems)


def test_broken_bank_reports_all_errors_at_once(make_bank: BankMaker, tmp_path: Path) -> None:
    folder = make_bank(
        competencies=COMPETENCIES.replace("kind: situational", "kind: situatie")
        .replace("beta: 3, gamma: 4}", "beta: 9, gamma: 4, delta: 3}")
        .replace("targets: {alpha: 3, beta: 4}", "targets: {beta: 4}"),
        questions=QUESTIONS.replace("competency: gamma, text: \"Ik doe G3.\"", "competency: gama, text: \"Ik doe G3.\"")
        .replace('version: "t1"', "version: 1.10")
        .replace("{id: b-2,", "{id: b-1,"),
    )
    with pytest.raises(InputError) as exc:
        load_bank(folder)
    assert messages(exc, tmp_path) == [
        "bank/competencies.yaml:13:11: competencies[2].kind: gevonden `situatie`; kies uit: core, situational (bedoelt u `situational`?)",
        "bank/questions.yaml:1:10: version: YAML leest `1.10` als kommagetal (1.1), maar hier hoort tekst; "
        "zet het tussen aanhalingstekens: \"1.10\"",
    ]
    # structural errors stop before the cross-checks; fix them and the rest shows up, all at once
    (folder / "competencies.yaml").write_text(
        (folder / "competencies.yaml").read_text().replace("kind: situatie", "kind: situational"))
    (folder / "questions.yaml").write_text((folder / "questions.yaml").read_text().replace("1.10", '"1.10"'))
    with pytest.raises(InputError) as exc:
        load_bank(folder)
    assert messages(exc, tmp_path) == [
        "bank/competencies.yaml:18:31: municipality_types.regie.targets.beta: doel 9 valt buiten de schaal 1-5; "
        "kies een doel van 1 tot en met 5",
        "bank/competencies.yaml:18:44: municipality_types.regie.targets.delta: doel voor onbekende competentie "
        "`delta` (bedoelt u `beta`?)",
        "bank/competencies.yaml:21:14: municipality_types.beheer.targets: geen doel voor kerncompetentie `alpha`; "
        "elk type heeft een doel voor alle kerncompetenties",
        "bank/questions.yaml:13:10: questions[5].id: dubbele id `b-1` (ook questions[4]); geef elke vraag een eigen id",
        "bank/questions.yaml:17:27: questions[9].competency: onbekende competentie `gama` (bedoelt u `gamma`?); "
        "bekend: alpha, beta, gamma",
    ]


def test_bank_yaml_11_id(make_bank: BankMaker, tmp_path: Path) -> None:
    folder = make_bank(questions=QUESTIONS.replace("  - {id: g-3", "  - {id: no, competency: gamma, text: \"x\"}\n  - {id: g-3"))
    with pytest.raises(InputError) as exc:
        load_bank(folder)
    assert messages(exc, tmp_path) == [
        "bank/questions.yaml:17:10: questions[9].id: YAML leest `no` als ja/nee-waarde (false), maar hier hoort "
        "tekst; zet het tussen aanhalingstekens: \"no\"",
    ]


def test_bank_scale_without_label(make_bank: BankMaker, tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        load_bank(make_bank(questions=QUESTIONS.replace('4: "vaak", ', "")))
    assert messages(exc, tmp_path) == [
        "bank/questions.yaml:5:11: scale.labels: schaalpunt 4 heeft geen label; voeg toe: `4: \"...\"`",
    ]


_BANK = fixture_bank()


def test_answer_date_must_be_a_date(bank: Bank, write: Write, tmp_path: Path) -> None:
    path = write("d.yaml", 'date: "morgen: vroeg"\nanswers: {a-1: 3}\n')
    with pytest.raises(InputError) as exc:
        read_answers(path, bank)
    assert messages(exc, tmp_path) == [
        "d.yaml:1:7: date: `morgen: vroeg` is geen datum; schrijf JJJJ-MM-DD, bijv. 2026-11-28"]


def test_written_answer_files_read_back_unchanged(bank: Bank, tmp_path: Path) -> None:
    from types import MappingProxyType

    from ontwikkelscan.files.answers import write_answers
    from ontwikkelscan.models import AnswerSheet

    sheet = AnswerSheet(str(tmp_path / "r.yaml"), MappingProxyType({"a-1": 3, "b-2": None}),
                        respondent=MappingProxyType({"name": 'J. "Jan" # de Vries: no', "municipality": "yes"}),
                        date="2026-11-28", municipality_type="beheer", rater="self", order_seed=7)
    write_answers(tmp_path / "r.yaml", sheet, bank)
    again = read_answers(tmp_path / "r.yaml", bank)
    assert again == sheet._replace(bank_version="t1", bank_sha256=bank.sha256)


@pytest.mark.parametrize(("date", "line"), [("2026-11-29", "date: 2026-11-29"),
                                           ("2026-W48-7", 'date: "2026-W48-7"'), ("20261129", 'date: "20261129"')])
def test_a_written_date_stays_as_given(bank: Bank, date: str, line: str) -> None:
    # fromisoformat alone would turn the week date 2026-W48-7 into 2026-11-29
    from ontwikkelscan.files.answers import dump_answers
    from ontwikkelscan.models import AnswerSheet

    assert line in dump_answers(AnswerSheet("x.yaml", {}, date=date), bank).splitlines()
