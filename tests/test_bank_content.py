"""Hold the shipped Dutch bank to the numbers of issues 3, 11 and 14 (bank 2027.01: targets that carry a type are 4.2, issue 20).

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
QUESTION_KEYS = {"id", "competency", "role", "text", "observer", "reverse", "contexts"}
ROLES = ("organisatie", "bestuur", "samenleving")
# The four contexts the seed texts describe (docs/formats.md section 7), with the seed each comes from.
CONTEXTS = {
    "ambtelijke-fusie": "Seed 003",
    "onrustige-periode": "Seed 000",
    "maatschappelijke-opgave": "Seed 001",
    "organische-ontwikkeling": "Seed 004",
}
# The rater groups of the docs/formats.md section 6 example: id -> (name, anonymous).
RATERS = {
    "burgemeester": ("Burgemeester", False),
    "wethouders": ("Wethouders", True),
    "directie": ("Directie en management", True),
    "medewerkers": ("Medewerkers", True),
    "ondernemingsraad": ("Ondernemingsraad", True),
    "partners": ("Externe partners", True),
}
# Informal address: tips speak to the secretary as "u".
INFORMAL = {"je", "jij", "jou", "jouw", "jezelf", "jullie"}

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


@pytest.mark.parametrize(("field", "least", "most"), [("indicators", 3, 5), ("tips", 4, 6)])
def test_indicators_and_tips_per_competency(competencies: list[dict], field: str, least: int, most: int) -> None:
    for c in competencies:
        items = c[field]
        assert isinstance(items, list), (c["id"], field)
        assert least <= len(items) <= most, (c["id"], field, len(items))
        assert all(isinstance(i, str) and i.strip() for i in items), (c["id"], field)
        assert len(set(items)) == len(items), (c["id"], field)


def test_tips_address_the_secretary_as_u(competencies: list[dict]) -> None:
    informal = {(c["id"], tip) for c in competencies for tip in c["tips"]
                if INFORMAL & set(re.findall(r"\w+", tip.lower()))}
    assert informal == set()
    # Every competency has tips that speak to "u" directly, not only bare imperatives.
    for c in competencies:
        assert any({"u", "uw", "uzelf"} & set(re.findall(r"\w+", tip.lower())) for tip in c["tips"]), c["id"]


def test_no_informal_address_anywhere_in_the_competencies(comp_doc: dict) -> None:
    words = set(re.findall(r"\w+", yaml.safe_dump(comp_doc, allow_unicode=True).lower()))
    assert words & INFORMAL == set()


def test_sources_point_to_the_profile(competencies: list[dict]) -> None:
    for c in competencies:
        assert c["source"].startswith("Profiel gemeentesecretaris (vs 2)"), c["id"]
        section = "kerncompetenties" if c["kind"] == "core" else "situatiegebonden competenties"
        assert section in c["source"], c["id"]


# --- scale and version ------------------------------------------------------


def test_version_is_2027_01(q_doc: dict) -> None:
    assert q_doc["version"] == "2027.01"


def test_the_statements_2026_12_removed_are_retired(q_doc: dict) -> None:
    assert q_doc["retired"] == [
        {"id": "bes-5", "since": "2026.12", "text": "Ik neem tijdens een crisis een besluit op basis van onvolledige informatie."},
        {"id": "pen-6", "since": "2026.12",
         "text": "Ik besteed zoveel tijd buiten het gemeentehuis dat de interne sturing blijft liggen."},
        {"id": "coa-4", "since": "2026.12",
         "text": "Ik laat de leiding van een traject over aan de medewerker met de meeste kennis van zaken."},
        {"id": "net-6", "since": "2026.12", "text": "Ik bezoek bijeenkomsten in de lokale samenleving."},
    ]


def test_questions_file_top_level_keys(q_doc: dict, comp_doc: dict) -> None:
    assert set(q_doc) == {"version", "scale", "raters", "questions", "retired"}
    assert set(comp_doc) == {"competencies", "municipality_types", "contexts"}


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


def applying(questions: list[dict], cid: str, context: str | None = None) -> list[dict]:
    """The statements of a competency that a scan asks: the general ones, plus one context's own."""
    return [q for q in questions if q["competency"] == cid and ("contexts" not in q or context in q["contexts"])]


def test_five_to_seven_statements_per_competency_with_or_without_a_context(questions: list[dict]) -> None:
    assert {q["competency"] for q in questions} == set(EXPECTED)
    for cid in EXPECTED:
        assert 5 <= len(applying(questions, cid)) <= 7, cid
        for context in CONTEXTS:
            assert 5 <= len(applying(questions, cid, context)) <= 7, (cid, context)


def test_questions_grouped_in_bank_order_with_prefixed_ids(questions: list[dict]) -> None:
    # Ids stay stable across versions: a removed statement leaves a gap, a new one gets a new number.
    seen_order = list(dict.fromkeys(q["competency"] for q in questions))
    assert seen_order == list(EXPECTED)
    last: dict[str, int] = Counter()
    for q in questions:
        prefix = EXPECTED[q["competency"]][2]
        match = re.fullmatch(rf"{prefix}-(\d+)", q["id"])
        assert match, q["id"]
        assert int(match.group(1)) > last[prefix], q["id"]
        last[prefix] = int(match.group(1))


def test_statements_removed_in_2026_12_are_gone(questions: list[dict]) -> None:
    # Two claims or another competency measured (issue 11): the ids are not reused.
    ids = {q["id"] for q in questions}
    assert ids & {"bes-5", "pen-6", "coa-4", "net-6"} == set()


def test_reverse_share_overall(questions: list[dict]) -> None:
    reverse = sum(1 for q in questions if q.get("reverse"))
    share = reverse / len(questions)
    assert 0.15 <= share <= 0.40, share


def test_reverse_items_spread_over_competencies(questions: list[dict]) -> None:
    for cid in EXPECTED:
        for context in (None, *CONTEXTS):
            items = applying(questions, cid, context)
            reverse = sum(1 for q in items if q.get("reverse"))
            assert 1 <= reverse <= len(items) / 2, (cid, context)
        general = applying(questions, cid)
        assert sum(1 for q in general if q.get("reverse")) / len(general) >= 0.15, cid


# --- roles (docs/formats.md section 7) ---------------------------------------------------


def test_every_statement_has_one_of_the_three_roles(questions: list[dict]) -> None:
    assert [q["id"] for q in questions if q.get("role") not in ROLES] == []


def test_each_role_has_at_least_fifteen_statements(questions: list[dict]) -> None:
    per = Counter(q["role"] for q in questions)
    assert min(per[role] for role in ROLES) >= 15, per
    general = Counter(q["role"] for q in questions if "contexts" not in q)
    assert min(general[role] for role in ROLES) >= 15, general


# --- observer texts and rater groups (docs/formats.md section 6) -------------------------


def test_six_rater_groups_with_the_burgemeester_by_name(q_doc: dict) -> None:
    raters = q_doc["raters"]
    assert raters["anonymity_floor"] == 3
    groups = {gid: (g["name"], g.get("anonymous", True)) for gid, g in raters["groups"].items()}
    assert groups == RATERS


def test_every_statement_has_an_observer_key(questions: list[dict]) -> None:
    assert [q["id"] for q in questions if "observer" not in q] == []


def test_observer_texts_describe_behaviour_without_a_subject(questions: list[dict]) -> None:
    first_person = {"ik", "mijn", "me", "mij", "mezelf", "we", "wij", "onze", "ons"}
    negations = {"niet", "geen", "nooit", "niets", "nergens"}
    for q in questions:
        text = q["observer"]
        if text is None:
            continue
        words = re.findall(r"\w+", text.lower())
        assert text[0].isupper() and text.endswith("."), q["id"]
        assert not first_person & set(words), q["id"]
        assert text != q["text"], q["id"]
        # A third-person verb first ("Geeft ...", "Wordt ...", "Is ..."): no subject of its own.
        assert re.match(r"[A-Z][a-zë]*(t|dt|d|s)$", text.split()[0]), q["id"]
        if q.get("reverse"):
            assert not negations & set(words), q["id"]  # the same direction as the statement


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


def check_target(where: str, cid: str, level: object, rationale: str) -> None:
    """A target on the frequency scale: 3.5-4.5 in tenths, so that one decimal shows it exactly ("vaak" is 4;
    4.2 carries a type); a 5 only with an argued rationale."""
    assert cid in EXPECTED, (where, cid)
    assert type(level) in (int, float) and round(level, 1) == level, (where, cid, level)
    if level == 5:
        assert "(bijna) altijd" in rationale and "vereist" in rationale, (where, cid)
    else:
        assert 3.5 <= level <= 4.5, (where, cid, level)


def test_targets_lie_between_regelmatig_and_bijna_altijd(types: dict) -> None:
    for key, t in types.items():
        for cid, level in t["targets"].items():
            check_target(key, cid, level, t["rationale"].get(cid, ""))


def test_a_capable_secretary_meets_most_targets_with_vaak(types: dict) -> None:
    # Answering "vaak" (4) everywhere meets at least 60% of each type's targets (the 10% of issue 11 is gone).
    for key, t in types.items():
        met = sum(1 for level in t["targets"].values() if level <= 4)
        assert met / len(t["targets"]) >= 0.6, key


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


# --- contexts (docs/formats.md section 7) ------------------------------------------------


@pytest.fixture(scope="module")
def contexts(comp_doc: dict) -> dict:
    return comp_doc["contexts"]


def test_the_four_contexts_of_the_seeds(contexts: dict) -> None:
    assert set(contexts) == set(CONTEXTS)
    for cid, ctx in contexts.items():
        assert set(ctx) == {"name", "description", "source", "targets", "rationale"}, cid
        assert ctx["name"].strip() and len(ctx["description"]) >= 100, cid
        assert ctx["source"].startswith(CONTEXTS[cid]) and len(ctx["source"]) >= 100, cid


def test_context_targets_raise_with_a_rationale_each(contexts: dict, types: dict) -> None:
    for xid, ctx in contexts.items():
        assert len(ctx["targets"]) >= 3, xid
        assert set(ctx["rationale"]) == set(ctx["targets"]), xid
        for cid, level in ctx["targets"].items():
            check_target(xid, cid, level, ctx["rationale"][cid])
            assert ctx["rationale"][cid].strip(), (xid, cid)
        # A context colours the profile: for every type it raises or adds at least one target.
        for key, t in types.items():
            assert any(level > t["targets"].get(cid, 0) for cid, level in ctx["targets"].items()), (xid, key)


def test_context_statements_name_known_contexts(questions: list[dict]) -> None:
    used = Counter(x for q in questions for x in q.get("contexts", []))
    assert set(used) <= set(CONTEXTS)
    assert set(used) == set(CONTEXTS)  # each context has statements of its own
    # The statement for a shared civil service serving several boards (issue 11) lives in its context.
    assert next(q for q in questions if q["id"] == "cop-3")["contexts"] == ["ambtelijke-fusie"]
