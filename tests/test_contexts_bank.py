"""Roles and contexts in the bank (docs/formats.md section 7): loading, `validate` errors, answer files, schemas."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.errors import InputError
from ontwikkelscan.files.answers import dump_answers, parse_answer_text
from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.files.bankschemas import for_bank
from ontwikkelscan.models import AnswerSheet
from tests.conftest import COMPETENCIES, QUESTIONS, BankMaker
from tests.contextkit import CONTEXT_COMPETENCIES, CONTEXT_QUESTIONS, CONTEXTS, with_roles

runner = CliRunner()


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def validate(make_bank: BankMaker, competencies: str = CONTEXT_COMPETENCIES,
             questions: str = CONTEXT_QUESTIONS) -> tuple[int, list[str]]:
    make_bank(competencies=competencies, questions=questions)
    result = runner.invoke(app, ["validate", "--bank", "bank"], env={"NO_COLOR": "1"})
    return result.exit_code, result.stderr.splitlines()


def test_contexts_and_roles_load(make_bank: BankMaker) -> None:
    bank = load_bank(make_bank(competencies=CONTEXT_COMPETENCIES, questions=CONTEXT_QUESTIONS))
    assert list(bank.contexts) == ["fusie", "onrust"]
    fusie = bank.contexts["fusie"]
    assert (fusie.id, fusie.name, fusie.description, fusie.source) == (
        "fusie", "Ambtelijke fusie", "Eén organisatie voor meer gemeenten.",
        "Seed 002, passage over de samenwerkingsorganisatie.")
    assert dict(fusie.targets) == {"beta": 4.5, "gamma": 3.0}
    assert dict(fusie.rationale) == {"beta": "Meer besturen vragen meer afstemming.", "gamma": "Ook hier nodig."}
    assert bank.question_index["a-2"].role == "bestuur"
    assert bank.question_index["g-4"].contexts == ("fusie", "onrust")
    assert bank.question_index["a-1"].contexts == ()
    assert [q.id for q in bank.items["beta"]] == ["b-1", "b-2", "b-3", "b-4"]


def test_a_bank_without_roles_and_contexts_still_loads(bank_dir: Path) -> None:
    bank = load_bank(bank_dir)
    assert dict(bank.contexts) == {}
    assert {q.role for q in bank.questions} == {None}


def test_context_and_role_errors_all_at_once(make_bank: BankMaker) -> None:
    competencies = CONTEXT_COMPETENCIES.replace("targets: {beta: 4.5, gamma: 3}", "targets: {beta: 6, gamma: 3, delta: 4}") \
        .replace('      gamma: "Ook hier nodig."\n', "")
    questions = CONTEXT_QUESTIONS.replace(", role: samenleving}", "}", 1) \
        .replace("contexts: [fusie]", "contexts: [fuzie]").replace("contexts: [fusie, onrust]", "contexts: [onrust, onrust]") \
        .replace("role: organisatie}", "role: ambtenaar}", 1)
    code, err = validate(make_bank, competencies, questions)
    assert code == 1
    assert err == [
        "bank/competencies.yaml:27:21: contexts.fusie.targets.beta: doel 6 valt buiten de schaal 1-5; "
        "kies een doel van 1 tot en met 5",
        "bank/competencies.yaml:27:24: contexts.fusie.targets.gamma: doel voor `gamma` zonder onderbouwing; "
        "voeg onder `rationale:` een regel toe: `gamma: \"...\"`",
        "bank/competencies.yaml:27:34: contexts.fusie.targets.delta: doel voor onbekende competentie `delta` (bedoelt u `beta`?)",
        "bank/competencies.yaml:27:34: contexts.fusie.targets.delta: doel voor `delta` zonder onderbouwing; "
        "voeg onder `rationale:` een regel toe: `delta: \"...\"`",
        "bank/questions.yaml:8:60: questions[0].role: gevonden `ambtenaar`; kies uit: organisatie, bestuur, samenleving",
        "bank/questions.yaml:11:5: questions[3]: vraag `a-4` heeft geen `role:`; in een bank met rollen heeft elke "
        "vraag er een: organisatie, bestuur, samenleving",
        "bank/questions.yaml:18:98: questions[10].contexts[0]: onbekende context `fuzie` (bedoelt u `fusie`?); "
        "bekend: fusie, onrust",
        "bank/questions.yaml:19:98: questions[11].contexts[1]: context `onrust` staat hier twee keer; "
        "noem elke context één keer",
        "8 fouten in de vragenbank in bank; de bank is niet bruikbaar.",
    ]


def test_a_context_without_rationale_block_or_source_breaks_the_schema(make_bank: BankMaker) -> None:
    competencies = CONTEXT_COMPETENCIES.replace('    source: "Seed 003."\n', "") \
        .replace('    rationale: {alpha: "Lager dan het type: een context verlaagt nooit."}\n', "")
    code, err = validate(make_bank, competencies)
    assert code == 1
    assert err == [
        "bank/competencies.yaml:32:5: contexts.onrust: verplichte sleutel `source` ontbreekt; welke brontekst, welke passage",
        "bank/competencies.yaml:32:5: contexts.onrust: verplichte sleutel `rationale` ontbreekt; "
        "competentie-id -> één regel die het doel in deze context onderbouwt; verplicht voor elk doel",
        "2 fouten in de vragenbank in bank; de bank is niet bruikbaar.",
    ]


def test_a_question_context_needs_contexts_in_the_bank(make_bank: BankMaker) -> None:
    code, err = validate(make_bank, COMPETENCIES, QUESTIONS + "  - {id: x-1, competency: beta, text: \"X.\", "
                                                         "contexts: [fusie]}\n")
    assert code == 1
    assert err[0] == ("bank/questions.yaml:18:56: questions[10].contexts[0]: onbekende context `fusie`; "
                      "bekend: (competencies.yaml heeft geen `contexts:`)")


def test_a_rationale_for_no_target_is_a_warning_and_the_target_lacks_one(make_bank: BankMaker) -> None:
    code, err = validate(make_bank, CONTEXT_COMPETENCIES.replace("{alpha: \"Lager", "{beta: \"Lager"))
    assert code == 1
    assert err == [
        "bank/competencies.yaml:35:15: contexts.onrust.targets.alpha: doel voor `alpha` zonder onderbouwing; "
        "voeg onder `rationale:` een regel toe: `alpha: \"...\"`",
        "bank/competencies.yaml:36:17: contexts.onrust.rationale.beta: waarschuwing: onderbouwing voor `beta`, dat "
        "geen doel heeft in deze context; voeg een doel toe of verwijder de onderbouwing",
        "1 fout en 1 waarschuwing in de vragenbank in bank; de bank is niet bruikbaar.",
    ]


def test_roles_only_bank_is_valid(make_bank: BankMaker) -> None:
    assert validate(make_bank, questions=with_roles())[0] == 0


def test_validate_counts_the_contexts(make_bank: BankMaker) -> None:
    make_bank(competencies=CONTEXT_COMPETENCIES, questions=CONTEXT_QUESTIONS)
    result = runner.invoke(app, ["validate", "--bank", "bank"], env={"NO_COLOR": "1"})
    assert (result.exit_code, result.stdout) == (0, "Vragenbank in orde: bank (versie t1, 3 competenties, 12 vragen, "
                                                    "2 typen gemeente, 2 contexten)\n")


def test_answer_file_contexts_round_trip_and_unknown_ones_fail(make_bank: BankMaker) -> None:
    bank = load_bank(make_bank(competencies=CONTEXT_COMPETENCIES, questions=CONTEXT_QUESTIONS))
    sheet = AnswerSheet("x.yaml", {"a-1": 4}, municipality_type="regie", contexts=("onrust", "fusie"))
    text = dump_answers(sheet, bank)
    assert "municipality_type: regie\ncontexts: [onrust, fusie]\nrater:" in text
    assert parse_answer_text(text.encode(), "x.yaml", bank).contexts == ("onrust", "fusie")
    assert parse_answer_text(b"answers: {}\n", "x.yaml", bank).contexts is None
    assert parse_answer_text(b"contexts: []\nanswers: {}\n", "x.yaml", bank).contexts == ()
    with pytest.raises(InputError) as caught:
        parse_answer_text(b"contexts: [fusie, fuzie]\nanswers: {}\n", "x.yaml", bank)
    assert [str(p) for p in caught.value.problems] == [
        "x.yaml:1:19: contexts[1]: onbekende context `fuzie` (bedoelt u `fusie`?); kies uit: fusie, onrust"]


def test_schemas_for_a_bank_name_its_contexts(make_bank: BankMaker) -> None:
    bank = load_bank(make_bank(competencies=CONTEXT_COMPETENCIES, questions=CONTEXT_QUESTIONS))
    schemas = for_bank(bank)
    assert schemas["answers"]["properties"]["contexts"]["items"] == {"enum": ["fusie", "onrust"]}
    assert schemas["round"]["properties"]["contexts"]["items"] == {"enum": ["fusie", "onrust"]}
    question = schemas["questions"]["properties"]["questions"]["items"]["properties"]
    assert question["contexts"]["items"] == {"enum": ["fusie", "onrust"]}
    assert question["role"]["enum"] == ["organisatie", "bestuur", "samenleving"]
    targets = schemas["competencies"]["properties"]["contexts"]["additionalProperties"]["properties"]["targets"]
    assert targets["propertyNames"] == {"enum": ["alpha", "beta", "gamma"]}
    assert targets["additionalProperties"] == {"type": "number", "minimum": 1, "maximum": 5}
    assert CONTEXTS.startswith("contexts:")


# every question of gamma belongs to the context fusie
GAMMA_ONLY_IN_FUSIE = "\n".join(
    (line.replace("contexts: [fusie, onrust]", "contexts: [fusie]") if "contexts:" in line else line[:-1] + ", contexts: [fusie]}")
    if "competency: gamma" in line else line for line in CONTEXT_QUESTIONS.splitlines()) + "\n"


def test_validate_warns_about_a_competency_that_only_a_context_asks(make_bank: BankMaker) -> None:
    assert GAMMA_ONLY_IN_FUSIE.count("contexts: [fusie]") == 5
    make_bank(competencies=CONTEXT_COMPETENCIES, questions=GAMMA_ONLY_IN_FUSIE)
    result = runner.invoke(app, ["validate", "--bank", "bank"], env={"NO_COLOR": "1"})
    assert (result.exit_code, result.stderr.splitlines()) == (0, [
        "bank/competencies.yaml:11:9: competencies[2].id: waarschuwing: elke vraag van competentie `gamma` hoort bij "
        "een context (fusie); wie die context niet kiest, krijgt voor `gamma` \"niet gevraagd\" (geen score); geef "
        "een vraag zonder `contexts:` als de competentie altijd gemeten moet worden",
        "1 waarschuwing in de vragenbank in bank.",
    ])


def test_a_report_says_not_asked_in_words_and_in_json(make_bank: BankMaker, tmp_path: Path) -> None:
    import json

    make_bank(competencies=CONTEXT_COMPETENCIES, questions=GAMMA_ONLY_IN_FUSIE)
    answers = tmp_path / "a.yaml"
    answers.write_text("schema: ontwikkelscan/answers@1\nmunicipality_type: regie\nanswers: {a-1: 4, b-1: 4, b-2: 4}\n",
                       encoding="utf-8")
    result = runner.invoke(app, ["report", "--bank", "bank", str(answers), "-f", "json"])
    gamma = json.loads(result.stdout)["competencies"][2]
    assert (result.exit_code, gamma["status"], gamma["items"], gamma["score"]) == (0, "not_asked", 0, None)
    result = runner.invoke(app, ["report", "--bank", "bank", str(answers), "-f", "md"])
    assert "| Gamma | situatie | – | 4,0 | – | – | niet gevraagd |\n" in result.stdout
    result = runner.invoke(app, ["report", "--bank", "bank", str(answers)], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert "  • Niet gevraagd (hun stellingen horen bij een context die u niet koos): Gamma.\n" in result.stdout
