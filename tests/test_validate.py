"""`ontwikkelscan validate` on broken banks: every error at once, exact place and message, exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.conftest import COMPETENCIES, QUESTIONS, BankMaker
from ontwikkelscan.cli import app

runner = CliRunner()
OK = "Vragenbank in orde: bank (versie t1, 3 competenties, 10 vragen, 2 typen gemeente)\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # so that messages name bank/..., as a user in the parent folder sees them
    monkeypatch.delenv("ONTWIKKELSCAN_BANK", raising=False)


def validate(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, list[str]]:
    result = runner.invoke(app, ["validate", *args], env={"NO_COLOR": "1", **(env or {})})
    return result.exit_code, result.stdout, result.stderr.splitlines()


def check(make_bank: BankMaker, competencies: str = COMPETENCIES, questions: str = QUESTIONS,
          *args: str) -> tuple[int, str, list[str]]:
    make_bank(competencies=competencies, questions=questions)
    return validate("--bank", "bank", *args)


def test_a_good_bank(make_bank: BankMaker) -> None:
    assert check(make_bank) == (0, OK, [])


def test_malformed_yaml_and_an_error_in_the_other_file_in_one_run(make_bank: BankMaker) -> None:
    assert check(
        make_bank,
        COMPETENCIES.replace("kind: situational", "kind: situatie"),
        QUESTIONS.replace('text: "Ik doe B2."}', 'text: "Ik doe: B2.}'),
    ) == (1, "", [
        "bank/competencies.yaml:13:11: competencies[2].kind: gevonden `situatie`; kies uit: core, situational "
        "(bedoelt u `situational`?)",
        "bank/questions.yaml:13:39: geen geldige YAML: de tekst tussen aanhalingstekens die hier begint, loopt door "
        "tot regel 14: het afsluitende `\"` ontbreekt; zet het aan het eind van de tekst",
        "   13 |   - {id: b-2, competency: beta, text: \"Ik doe: B2.}",
        "      |                                       ^",
        "2 fouten in de vragenbank in bank; de bank is niet bruikbaar.",
    ])


def test_a_tab_gets_a_hint(make_bank: BankMaker) -> None:
    code, _, err = check(make_bank, questions=QUESTIONS.replace("  min: 1", "\tmin: 1"))
    assert code == 1
    assert err[:3] == ["bank/questions.yaml:3:1: geen geldige YAML: een tab in de inspringing; YAML springt alleen "
                       "in met spaties: vervang de tab door spaties",
                       "    3 | →min: 1",
                       "      | ^"]


def test_unknown_keys_with_did_you_mean(make_bank: BankMaker) -> None:
    assert check(
        make_bank, COMPETENCIES.replace("    tips:", "    tipps:"), QUESTIONS.replace("weight: 2", "weigth: 2"),
    ) == (1, "", [
        "bank/competencies.yaml:6:5: competencies[0].tipps: onbekende sleutel `tipps` (bedoelt u `tips`?); "
        "toegestaan: id, name, kind, definition, source, indicators, tips",
        "bank/questions.yaml:10:54: questions[2].weigth: onbekende sleutel `weigth` (bedoelt u `weight`?); "
        "toegestaan: id, competency, text, reverse, weight, role, contexts, observer",
        "2 fouten in de vragenbank in bank; de bank is niet bruikbaar.",
    ])


def test_duplicate_keys_and_ids(make_bank: BankMaker) -> None:
    assert check(
        make_bank,
        COMPETENCIES.replace("    name: Gamma\n", "    name: Gamma\n    name: Gamma2\n"),
        QUESTIONS.replace("{id: b-2,", "{id: b-1,"),
    ) == (1, "", [
        "bank/competencies.yaml:7:9: competencies[1].id: waarschuwing: competentie `beta` heeft maar 2 vraag/vragen; "
        "minstens 3 geven een betrouwbaardere score",
        "bank/competencies.yaml:13:5: competencies[2].name: dubbele sleutel `name` (staat ook op regel 12); "
        "laat er één over",
        "bank/questions.yaml:13:10: questions[5].id: dubbele id `b-1` (ook questions[4]); geef elke vraag een eigen id",
        "2 fouten en 1 waarschuwing in de vragenbank in bank; de bank is niet bruikbaar.",
    ])


def test_duplicate_competency_id(make_bank: BankMaker) -> None:
    code, _, err = check(make_bank, COMPETENCIES.replace("id: gamma", "id: beta"))
    assert code == 1
    assert err[0] == ("bank/competencies.yaml:11:9: competencies[2].id: dubbele id `beta` (ook competencies[1]); "
                      "elke competentie heeft een eigen id")


def test_unknown_competency_and_competencies_without_enough_questions(make_bank: BankMaker) -> None:
    questions = QUESTIONS.replace('competency: gamma, text: "Ik doe G3."', 'competency: gama, text: "Ik doe G3."')
    questions = "".join(line for line in questions.splitlines(keepends=True) if "id: b-" not in line)
    assert check(make_bank, questions=questions) == (1, "", [
        "bank/competencies.yaml:7:9: competencies[1].id: competentie `beta` heeft geen vragen; voeg vragen toe in "
        "questions.yaml met `competency: beta`",
        "bank/competencies.yaml:11:9: competencies[2].id: waarschuwing: competentie `gamma` heeft maar 2 vraag/vragen; "
        "minstens 3 geven een betrouwbaardere score",
        "bank/questions.yaml:14:27: questions[6].competency: onbekende competentie `gama` (bedoelt u `gamma`?); "
        "bekend: alpha, beta, gamma",
        "2 fouten en 1 waarschuwing in de vragenbank in bank; de bank is niet bruikbaar.",
    ])


def test_scale_labels_targets_and_core_targets(make_bank: BankMaker) -> None:
    assert check(
        make_bank,
        COMPETENCIES.replace("beta: 3, gamma: 4}", "beta: 6, gamma: 4, delta: 3}")
        .replace("targets: {alpha: 3, beta: 4}", "targets: {beta: 4}"),
        QUESTIONS.replace('4: "vaak", ', "").replace('5: "altijd"}', '5: "altijd", 7: "nooit meer"}'),
    ) == (1, "", [
        "bank/competencies.yaml:18:31: municipality_types.regie.targets.beta: doel 6 valt buiten de schaal 1-5; "
        "kies een doel van 1 tot en met 5",
        "bank/competencies.yaml:18:44: municipality_types.regie.targets.delta: doel voor onbekende competentie "
        "`delta` (bedoelt u `beta`?)",
        "bank/competencies.yaml:21:14: municipality_types.beheer.targets: geen doel voor kerncompetentie `alpha`; "
        "elk type heeft een doel voor alle kerncompetenties",
        "bank/questions.yaml:5:11: scale.labels: schaalpunt 4 heeft geen label; voeg toe: `4: \"...\"`",
        "bank/questions.yaml:5:65: scale.labels[7]: label voor 7 valt buiten de schaal 1-5; verwijder het label of "
        "pas `min`/`max` aan",
        "5 fouten in de vragenbank in bank; de bank is niet bruikbaar.",
    ])


def test_min_not_below_max(make_bank: BankMaker) -> None:
    code, _, err = check(make_bank, questions=QUESTIONS.replace("max: 5", "max: 1"))
    assert code == 1
    assert err == ["bank/questions.yaml:4:8: scale.max: max (1) moet groter zijn dan min (1); maak max groter of min "
                   "kleiner", "1 fout in de vragenbank in bank; de bank is niet bruikbaar."]


def test_yaml_11_values_where_text_is_meant(make_bank: BankMaker) -> None:
    assert check(
        make_bank,
        COMPETENCIES.replace("name: Bèta", "name: no").replace("  beheer:", "  on:"),
        QUESTIONS.replace('version: "t1"', "version: 012")
        .replace('{id: g-3, competency: gamma, text: "Ik doe G3."}', "{id: g-3, competency: gamma, text: yes}"),
    ) == (1, "", [
        "bank/competencies.yaml:8:11: competencies[1].name: YAML leest `no` als ja/nee-waarde (false), maar hier hoort "
        "tekst; zet het tussen aanhalingstekens: \"no\"",
        "bank/competencies.yaml:19:3: municipality_types.on: YAML leest de sleutel `on` als ja/nee-waarde (true); "
        "zet hem tussen aanhalingstekens: \"on\"",
        "bank/questions.yaml:1:10: version: YAML leest `012` als getal (10), maar hier hoort tekst; zet het tussen "
        "aanhalingstekens: \"012\"",
        "bank/questions.yaml:17:40: questions[9].text: YAML leest `yes` als ja/nee-waarde (true), maar hier hoort "
        "tekst; zet het tussen aanhalingstekens: \"yes\"",
        "4 fouten in de vragenbank in bank; de bank is niet bruikbaar.",
    ])


def test_structural_and_cross_file_errors_in_one_run(make_bank: BankMaker) -> None:
    """`load_bank` stops after a schema error; validate goes on with the well-formed parts."""
    assert check(
        make_bank,
        COMPETENCIES.replace("kind: situational", "kind: situatie"),
        QUESTIONS.replace('competency: gamma, text: "Ik doe G3."', 'competency: gama, text: "Ik doe G3."'),
    ) == (1, "", [
        "bank/competencies.yaml:11:9: competencies[2].id: waarschuwing: competentie `gamma` heeft maar 2 vraag/vragen; "
        "minstens 3 geven een betrouwbaardere score",
        "bank/competencies.yaml:13:11: competencies[2].kind: gevonden `situatie`; kies uit: core, situational "
        "(bedoelt u `situational`?)",
        "bank/questions.yaml:17:27: questions[9].competency: onbekende competentie `gama` (bedoelt u `gamma`?); "
        "bekend: alpha, beta, gamma",
        "2 fouten en 1 waarschuwing in de vragenbank in bank; de bank is niet bruikbaar.",
    ])


def test_wrong_types_do_not_crash_the_cross_checks(make_bank: BankMaker) -> None:
    code, out, err = check(
        make_bank,
        COMPETENCIES.replace("targets: {alpha: 3, beta: 4}", "targets: [alpha, beta]").replace('tips: ["Tip A1", "Tip A2"]', "tips: 5"),
        QUESTIONS.replace("  min: 1\n", "  min: een\n").replace("weight: 2", "weight: zwaar"),
    )
    assert (code, out) == (1, "")
    assert err == [
        "bank/competencies.yaml:6:11: competencies[0].tips: verwacht lijst, gevonden getal (5)",
        "bank/competencies.yaml:21:14: municipality_types.beheer.targets: verwacht blok met sleutels, gevonden lijst",
        "bank/questions.yaml:3:8: scale.min: verwacht geheel getal, gevonden tekst (\"een\")",
        "bank/questions.yaml:10:62: questions[2].weight: verwacht getal, gevonden tekst (\"zwaar\")",
        "4 fouten in de vragenbank in bank; de bank is niet bruikbaar.",
    ]


REVERSED = (QUESTIONS.replace('text: "Ik doe G1."}', 'text: "Ik doe G1.", reverse: true}')
            .replace('text: "Ik doe G2."}', 'text: "Ik doe G2.", reverse: true}'))
REVERSE_WARNING = ("bank/competencies.yaml:11:9: competencies[2].id: waarschuwing: competentie `gamma`: 2 van 3 vragen "
                   "(67%) omgekeerd gescoord; houd dat tussen 0% en 50%: schrijf er een positief of voeg een gewone "
                   "vraag toe")


def test_warnings_alone_exit_0(make_bank: BankMaker) -> None:
    assert check(make_bank, questions=REVERSED.replace('"Ik doe B2."}', '"ik doe  B1."}')) == (0, OK, [
        REVERSE_WARNING,
        "bank/questions.yaml:13:39: questions[5].text: waarschuwing: dezelfde tekst als questions[4]; maak de vragen "
        "verschillend of verwijder er één",
        "2 waarschuwingen in de vragenbank in bank.",
    ])


def test_strict_turns_warnings_into_exit_1(make_bank: BankMaker) -> None:
    assert check(make_bank, COMPETENCIES, REVERSED, "--strict") == (1, OK, [
        REVERSE_WARNING, "1 waarschuwing in de vragenbank in bank.",
    ])
    assert check(make_bank, COMPETENCIES, QUESTIONS, "--strict") == (0, OK, [])


def test_reverse_share_of_the_whole_bank(make_bank: BankMaker) -> None:
    questions = REVERSED.replace('"Ik doe A1."}', '"Ik doe A1.", reverse: true}').replace(
        '"Ik doe G3."}', '"Ik doe G3.", reverse: true}')
    code, _, err = check(make_bank, questions=questions)
    assert code == 0
    assert err[-2:] == [
        "bank/questions.yaml:8:3: questions: waarschuwing: 60% van de vragen is omgekeerd gescoord; houd dat tussen "
        "0% en 50%: schrijf er een paar positief",
        "2 waarschuwingen in de vragenbank in bank.",
    ]


def test_errors_are_sorted_by_file_and_line(make_bank: BankMaker) -> None:
    _, _, err = check(
        make_bank,
        COMPETENCIES.replace("kind: situational", "kind: situatie").replace("name: Alfa", "naam: Alfa"),
        QUESTIONS.replace("{id: g-3", "{id: G-3").replace("{id: a-1", "{ID: a-1"),
    )
    places = [(line.split(":")[0], int(line.split(":")[1])) for line in err[:-1]]
    assert places == sorted(places) and len(places) == 6


def test_missing_bank_folder() -> None:
    assert validate("--bank", "weg") == (1, "", [
        "weg/competencies.yaml: bestand niet gevonden",
        "weg/questions.yaml: bestand niet gevonden",
        "2 fouten in de vragenbank in weg; de bank is niet bruikbaar.",
    ])


def test_bank_from_the_environment(make_bank: BankMaker) -> None:
    make_bank()
    assert validate(env={"ONTWIKKELSCAN_BANK": "bank"}) == (0, OK, [])


def test_the_shipped_bank_is_valid_even_strictly() -> None:
    code, out, err = validate("--strict")
    assert (code, err) == (0, [])
    assert out.startswith("Vragenbank in orde: ") and "14 competenties, 97 vragen, 3 typen gemeente" in out


def test_quoted_number_and_empty_values(make_bank: BankMaker) -> None:
    assert check(
        make_bank,
        COMPETENCIES.replace("alpha: 4,", 'alpha: "4",'),
        QUESTIONS.replace('competency: gamma, text: "Ik doe G3."', 'competency: , text: "Ik doe G3."'),
    ) == (1, "", [
        "bank/competencies.yaml:11:9: competencies[2].id: waarschuwing: competentie `gamma` heeft maar 2 vraag/vragen; "
        "minstens 3 geven een betrouwbaardere score",
        "bank/competencies.yaml:18:22: municipality_types.regie.targets.alpha: verwacht getal, gevonden tekst (\"4\"); "
        "laat de aanhalingstekens weg: 4",
        "bank/questions.yaml:17:27: questions[9].competency: vraag `g-3`: hier staat niets; vul een waarde in (tekst)",
        "2 fouten en 1 waarschuwing in de vragenbank in bank; de bank is niet bruikbaar.",
    ])


def test_a_malformed_competency_id_does_not_cascade(make_bank: BankMaker) -> None:
    """Every question and target of `Alpha` would be 'unknown': one error says it all."""
    assert check(make_bank, COMPETENCIES.replace("id: alpha", "id: Alpha")) == (1, "", [
        "bank/competencies.yaml:2:9: competencies[0].id: `Alpha` is geen geldige id: gebruik kleine letters, cijfers "
        "en streepjes, bijv. `bps-1`",
        "1 fout in de vragenbank in bank; de bank is niet bruikbaar.",
    ])


def test_labels_as_a_list_and_a_bad_label_key(make_bank: BankMaker) -> None:
    assert check(make_bank, questions=QUESTIONS.replace(
        'labels: {1: "nooit", 2: "soms", 3: "regelmatig", 4: "vaak", 5: "altijd"}', "labels: [nooit, soms]"),
    ) == (1, "", [
        "bank/questions.yaml:5:11: scale.labels: verwacht blok met sleutels, gevonden lijst",
        "1 fout in de vragenbank in bank; de bank is niet bruikbaar.",
    ])
    _, _, err = check(make_bank, questions=QUESTIONS.replace('1: "nooit"', 'een: "nooit"'))
    assert err == [
        "bank/questions.yaml:5:11: scale.labels: schaalpunt 1 heeft geen label; voeg toe: `1: \"...\"`",
        "bank/questions.yaml:5:12: scale.labels.een: sleutel `een` is geen schaalpunt: gebruik een geheel getal, "
        "bijv. `1`",
        "2 fouten in de vragenbank in bank; de bank is niet bruikbaar.",
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_validate_never_crashes_on_a_mangled_bank(make_bank: BankMaker, data: st.DataObject) -> None:
    """Delete, duplicate or garble lines of a good bank: always exit 0 or 1 with messages, never a crash."""
    files = {"competencies": COMPETENCIES.splitlines(), "questions": QUESTIONS.splitlines()}
    for lines in files.values():
        for _ in range(data.draw(st.integers(0, 3))):
            i = data.draw(st.integers(0, len(lines) - 1))
            action = data.draw(st.sampled_from(["drop", "dup", "garble"]))
            if action == "drop":
                del lines[i]
            elif action == "dup":
                lines.insert(i, lines[i])
            else:
                lines[i] = lines[i].replace(data.draw(st.sampled_from([":", "{", "a", " ", "1", '"', "-"])),
                                            data.draw(st.sampled_from(["", "x", "\t", "no", "{", "9"])), 1)
    code, out, err = check(make_bank, "\n".join(files["competencies"]) + "\n", "\n".join(files["questions"]) + "\n")
    assert code in (0, 1)
    assert (code == 0) == out.startswith("Vragenbank in orde")
    assert "Interne fout" not in "\n".join(err)
    assert all(line.startswith("bank/") or re.match(r" +([0-9]+ )?\| ", line) for line in err[:-1])
    # PyYAML's English only ever inside the Dutch frame "(YAML: ...)" of a message we do not know
    assert not [line for line in err if "geen geldige YAML" in line and "(YAML: " not in line and
                re.search(r"\b(expected|found|while|could not|allowed|character)\b", line)]
