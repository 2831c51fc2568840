"""Hold the shipped Dutch bank to the numbers of issue 3.

These tests read data/competencies.yaml and data/questions.yaml directly with
yaml.safe_load, so they guard the content independently of the package's loader.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "data"

# The 14 competencies of the profile, in bank order: id -> (name, kind, question prefix).
EXPECTED = {
    "bestuurlijke-sensitiviteit": ("Bestuurlijke en politieke sensitiviteit", "core", "bps"),
    "communicatieve-vaardigheid": ("Communicatieve vaardigheid", "core", "com"),
    "besluitvaardigheid": ("(Participatieve) besluitvaardigheid", "core", "bes"),
    "probleemoplossend-vermogen": ("Probleemoplossend vermogen", "core", "pov"),
    "persoonlijk-optreden": ("Persoonlijk optreden", "core", "po"),
    "zelfreflectie": ("Zelfreflectie", "core", "zr"),
    "adviesvaardigheid": ("Adviesvaardigheid", "situational", "adv"),
    "plannen-en-organiseren": ("Plannen en organiseren", "situational", "pen"),
    "resultaatgerichtheid": ("Resultaatgerichtheid", "situational", "res"),
    "ontwikkelingsgerichtheid": ("Coaching/ontwikkelingsgerichtheid", "situational", "coa"),
    "samenwerken": ("Samenwerken", "situational", "sam"),
    "visie": ("Visie", "situational", "vis"),
    "netwerkvaardigheid": ("Netwerkvaardigheid", "situational", "net"),
    "complexe-ontwikkelingsprocessen": (
        "Complexe organisatie-ontwikkelingsprocessen in dynamische omgeving",
        "situational",
        "cop",
    ),
}
CORE = [cid for cid, (_, kind, _) in EXPECTED.items() if kind == "core"]
SITUATIONAL = [cid for cid, (_, kind, _) in EXPECTED.items() if kind == "situational"]

COMPETENCY_KEYS = {"id", "name", "kind", "definition", "source", "indicators", "tips"}
TYPE_KEYS = {"name", "description", "targets", "rationale"}
QUESTION_KEYS = {"id", "competency", "text", "reverse"}

# Names of persons and places in the seed texts: items are about behaviour, not people.
SEED_NAMES = [
    "Ginkel", "Tamminga", "Berends", "Coumans", "Seetsen", "Hermans", "Markus",
    "Schiedam", "IJsselstreek", "Dalfsen", "Kerkrade", "Vaals",
]


@pytest.fixture(scope="module")
def comp_doc() -> dict:
    return yaml.safe_load((DATA / "competencies.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def q_doc() -> dict:
    return yaml.safe_load((DATA / "questions.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def competencies(comp_doc: dict) -> list[dict]:
    return comp_doc["competencies"]


@pytest.fixture(scope="module")
def questions(q_doc: dict) -> list[dict]:
    return q_doc["questions"]


@pytest.fixture(scope="module")
def types(comp_doc: dict) -> dict:
    return comp_doc["municipality_types"]


# --- competencies -----------------------------------------------------------


def test_fourteen_competencies_in_profile_order(competencies: list[dict]) -> None:
    assert len(competencies) == 14
    assert [c["id"] for c in competencies] == list(EXPECTED)


def test_six_core_and_eight_situational(competencies: list[dict]) -> None:
    kinds = Counter(c["kind"] for c in competencies)
    assert kinds == {"core": 6, "situational": 8}
    for c in competencies:
        assert (c["name"], c["kind"]) == EXPECTED[c["id"]][:2], c["id"]


def test_competency_ids_unique(competencies: list[dict]) -> None:
    ids = [c["id"] for c in competencies]
    assert len(set(ids)) == len(ids) == 14


def test_competencies_use_only_known_keys(competencies: list[dict]) -> None:
    for c in competencies:
        assert set(c) == COMPETENCY_KEYS, c["id"]


@pytest.mark.parametrize("field", ["name", "definition", "source"])
def test_competency_texts_present(competencies: list[dict], field: str) -> None:
    for c in competencies:
        assert isinstance(c[field], str) and c[field].strip(), (c["id"], field)


@pytest.mark.parametrize("field", ["indicators", "tips"])
def test_three_to_five_indicators_and_tips(competencies: list[dict], field: str) -> None:
    for c in competencies:
        items = c[field]
        assert isinstance(items, list), (c["id"], field)
        assert 3 <= len(items) <= 5, (c["id"], field, len(items))
        assert all(isinstance(i, str) and i.strip() for i in items), (c["id"], field)
        assert len(set(items)) == len(items), (c["id"], field)


def test_sources_point_to_the_profile(competencies: list[dict]) -> None:
    for c in competencies:
        assert c["source"].startswith("Profiel gemeentesecretaris (vs 2)"), c["id"]
        section = "kerncompetenties" if c["kind"] == "core" else "situatiegebonden competenties"
        assert section in c["source"], c["id"]


# --- scale and version ------------------------------------------------------


def test_version_is_a_string(q_doc: dict) -> None:
    assert isinstance(q_doc["version"], str) and q_doc["version"].strip()


def test_questions_file_top_level_keys(q_doc: dict) -> None:
    assert set(q_doc) == {"version", "scale", "questions"}


def test_scale_is_five_point_with_labels(q_doc: dict) -> None:
    scale = q_doc["scale"]
    assert set(scale) == {"min", "max", "labels", "not_applicable"}
    assert (scale["min"], scale["max"]) == (1, 5)
    assert set(scale["labels"]) == {1, 2, 3, 4, 5}
    labels = list(scale["labels"].values())
    assert all(isinstance(label, str) and label.strip() for label in labels)
    assert len(set(labels)) == 5
    assert isinstance(scale["not_applicable"], str) and scale["not_applicable"].strip()


# --- questions --------------------------------------------------------------


def test_at_least_seventy_questions(questions: list[dict]) -> None:
    assert len(questions) >= 70


def test_questions_use_only_known_keys(questions: list[dict]) -> None:
    for q in questions:
        assert {"id", "competency", "text"} <= set(q) <= QUESTION_KEYS, q.get("id")
        if "reverse" in q:
            assert q["reverse"] is True, f"{q['id']}: write reverse only when true"


def test_question_ids_unique(questions: list[dict]) -> None:
    ids = [q["id"] for q in questions]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert dupes == []


def test_question_texts_unique_ignoring_case_and_spacing(questions: list[dict]) -> None:
    norm = [" ".join(q["text"].lower().split()) for q in questions]
    dupes = [t for t, n in Counter(norm).items() if n > 1]
    assert dupes == []


def test_every_question_is_first_person(questions: list[dict]) -> None:
    bad = [q["id"] for q in questions if not q["text"].startswith("Ik ")]
    assert bad == []


def test_every_question_belongs_to_a_known_competency(questions: list[dict]) -> None:
    unknown = [q["id"] for q in questions if q["competency"] not in EXPECTED]
    assert unknown == []


def test_at_least_five_questions_per_competency(questions: list[dict]) -> None:
    per = Counter(q["competency"] for q in questions)
    assert set(per) == set(EXPECTED)
    short = {cid: n for cid, n in per.items() if n < 5}
    assert short == {}


def test_questions_grouped_in_bank_order_with_prefixed_ids(questions: list[dict]) -> None:
    seen_order = list(dict.fromkeys(q["competency"] for q in questions))
    assert seen_order == list(EXPECTED)
    numbers: dict[str, int] = Counter()
    for q in questions:
        prefix = EXPECTED[q["competency"]][2]
        numbers[prefix] += 1
        assert q["id"] == f"{prefix}-{numbers[prefix]}"


def test_reverse_share_overall(questions: list[dict]) -> None:
    reverse = sum(1 for q in questions if q.get("reverse"))
    share = reverse / len(questions)
    assert 0.15 <= share <= 0.40, share


def test_reverse_items_spread_over_competencies(questions: list[dict]) -> None:
    for cid in EXPECTED:
        items = [q for q in questions if q["competency"] == cid]
        reverse = sum(1 for q in items if q.get("reverse"))
        assert reverse >= 1, cid
        assert reverse <= len(items) / 2, cid


def test_items_are_short_and_single_barrelled(questions: list[dict]) -> None:
    # One behaviour per item: no "en"/"of" joining two clauses; keep items readable.
    for q in questions:
        words = q["text"].rstrip(".").split()
        assert len(words) <= 20, q["id"]
        assert "en" not in words and "of" not in words, q["id"]
        assert q["text"].endswith("."), q["id"]


def test_reverse_items_carry_no_negation(questions: list[dict]) -> None:
    # A negated reverse item turns into a double negation when scored.
    negations = {"niet", "geen", "nooit", "niets", "nergens"}
    for q in questions:
        if q.get("reverse"):
            words = set(re.findall(r"\w+", q["text"].lower()))
            assert not words & negations, q["id"]


def test_no_names_from_the_seed_texts(comp_doc: dict, q_doc: dict) -> None:
    text = yaml.safe_dump(comp_doc, allow_unicode=True) + yaml.safe_dump(q_doc, allow_unicode=True)
    found = [name for name in SEED_NAMES if name.lower() in text.lower()]
    assert found == []


# --- municipality types -----------------------------------------------------


def test_three_municipality_types(types: dict) -> None:
    assert set(types) == {"regie", "ontwikkel", "beheer"}


def test_types_have_name_and_description(types: dict) -> None:
    for key, t in types.items():
        assert set(t) == TYPE_KEYS, key
        assert isinstance(t["name"], str) and t["name"].strip(), key
        assert isinstance(t["description"], str) and len(t["description"]) >= 100, key


def test_every_type_targets_all_core_competencies(types: dict) -> None:
    for key, t in types.items():
        missing = [cid for cid in CORE if cid not in t["targets"]]
        assert missing == [], key


def test_every_type_targets_some_but_not_all_situational(types: dict) -> None:
    for key, t in types.items():
        situational = [cid for cid in t["targets"] if cid in SITUATIONAL]
        assert 3 <= len(situational) <= 7, (key, situational)


def test_targets_are_known_ints_within_the_scale(types: dict, q_doc: dict) -> None:
    lo, hi = q_doc["scale"]["min"], q_doc["scale"]["max"]
    for key, t in types.items():
        for cid, level in t["targets"].items():
            assert cid in EXPECTED, (key, cid)
            assert type(level) is int, (key, cid, level)
            assert lo <= level <= hi, (key, cid, level)


def test_every_target_has_a_rationale(types: dict) -> None:
    for key, t in types.items():
        assert set(t["rationale"]) == set(t["targets"]), key
        for cid, line in t["rationale"].items():
            assert isinstance(line, str) and line.strip(), (key, cid)


def test_targets_differ_between_types(types: dict) -> None:
    differing = [
        cid for cid in EXPECTED if len({t["targets"].get(cid) for t in types.values()}) > 1
    ]
    assert len(differing) >= 3, differing
    # Also among the core competencies, which every type targets.
    core_differing = [cid for cid in CORE if len({t["targets"][cid] for t in types.values()}) > 1]
    assert len(core_differing) >= 1, core_differing
    # No two types ask for the same set of situation-bound competencies.
    required = [frozenset(c for c in t["targets"] if c in SITUATIONAL) for t in types.values()]
    assert len(set(required)) == len(required)
