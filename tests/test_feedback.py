"""A feedback round scored per docs/formats.md section 6: exact numbers for the example of docs/formats.md section 6 and for every rule."""

from __future__ import annotations

import pytest

from ontwikkelscan.analysis.feedback import feedback
from ontwikkelscan.render.feedback.jsonout import feedback_dict

from .roundkit import ROUND, rater_bank, sheet, uniform

BANK = rater_bank(3)
REGIE = BANK.types["regie"]


def spec_example() -> list:
    """burgemeester 1, directie 5, medewerkers 4, ondernemingsraad 2, as in docs/formats.md section 6."""
    return [
        uniform("self", 4),
        uniform("burgemeester", 3, skip=("g-1", "g-2", "g-3")),
        *[uniform("directie", v, source=f"d{i}.yaml") for i, v in enumerate((4, 4, 4, 5, 5))],
        *[uniform("medewerkers", v, source=f"m{i}.yaml") for i, v in enumerate((2, 3, 3, 4))],
        uniform("ondernemingsraad", 2, source="or1.yaml"),
        uniform("ondernemingsraad", 3, skip=("b-1", "b-2"), source="or2.yaml"),
    ]


def test_the_spec_example() -> None:
    result = feedback_dict(feedback(BANK, ROUND, spec_example(), REGIE))
    assert result["raters"] == {"self": 1, "burgemeester": 1, "directie": 5, "medewerkers": 4, "overige": 2}
    assert result["anonymity_floor"] == 3
    alpha, beta, gamma = result["competencies"]
    statements = alpha.pop("statements")
    assert alpha == {
        "id": "alpha", "name": "Alfa", "kind": "core", "target": 4.0,
        "self": {"score": 4.0, "status": "on_target"},
        "groups": {"burgemeester": {"score": 3.0, "n": 1}, "directie": {"score": 4.4, "n": 5},
                   "medewerkers": None, "ondernemingsraad": None},
        "residue": {"score": pytest.approx(17 / 6), "n": 6},
        # 3, 4 4 4 5 5, 2 3 3 4, 2 3: mean 3.5, sample SD exactly 1.0 (low agreement at the boundary)
        "others": {"score": 3.5, "n": 12, "sd": 1.0, "gap": -0.5, "status": "development"},
        "self_minus_others": 0.5, "flag": "blind_spot", "agreement": "low",
        # medewerkers (4) is pooled with the ondernemingsraad (2) by rule 3; the ondernemingsraad is too small
        "hidden_by": {"groups.medewerkers": "6.rule3", "groups.ondernemingsraad": "6.rule2"},
    }
    # a-4 has no observer text: never in the others' numbers; a-2 (reverse) as answered: 6 - 4 and 6 - 3.5
    assert statements == [
        {"id": "a-1", "reverse": False, "self": 4.0, "others": 3.5, "n": 12, "difference": 0.5},
        {"id": "a-2", "reverse": True, "self": 2.0, "others": 2.5, "n": 12, "difference": -0.5},
        {"id": "a-3", "reverse": False, "self": 4.0, "others": 3.5, "n": 12, "difference": 0.5},
    ]
    # beta: the second OR member answered only b-3 of three (below half): the OR has n 1 here,
    # and medewerkers join the residue again
    assert beta["groups"] == {"burgemeester": {"score": 3.0, "n": 1}, "directie": {"score": 4.4, "n": 5},
                              "medewerkers": None, "ondernemingsraad": None}
    assert beta["residue"] == {"score": 2.8, "n": 5}
    assert beta["others"]["n"] == 11
    # the second OR member skipped b-1 and b-2: statement means next to the competency means could then
    # single out that rater's b-3 by subtraction; no statement of beta is shown
    assert beta["statements"] == []
    assert beta["hidden_by"] == {"groups.medewerkers": "6.rule3", "groups.ondernemingsraad": "6.rule2",
                                 "statements": "6.subtraction"}
    # gamma: the burgemeester skipped it: shown by name with no score
    assert gamma["groups"]["burgemeester"] == {"score": None, "n": 0}
    assert gamma["residue"] == {"score": pytest.approx(17 / 6), "n": 6}
    # gamma: 39 / 11 others against self 4 is 0.45: no blind spot, but below the target of 4 (attention)
    assert gamma["self_minus_others"] == pytest.approx(4 - 39 / 11)
    assert result["summary"] == {"blind_spots": ["alpha"], "hidden_strengths": [],
                                 "development": ["alpha", "gamma"], "not_determined": [], "roles": []}


def test_too_few_anonymous_raters_hide_the_others_and_everything_from_them() -> None:
    sheets = [uniform("self", 5), uniform("burgemeester", 2),
              uniform("medewerkers", 4, source="m1.yaml"), uniform("medewerkers", 3, source="m2.yaml")]
    result = feedback_dict(feedback(BANK, ROUND, sheets, REGIE))
    assert result["raters"] == {"self": 1, "burgemeester": 1, "overige": 2}
    alpha = result["competencies"][0]
    assert {k: alpha[k] for k in ("groups", "residue", "others", "self_minus_others", "flag", "agreement",
                                  "statements")} == {
        "groups": {"burgemeester": {"score": 2.0, "n": 1}, "medewerkers": None},
        "residue": None, "others": None, "self_minus_others": None, "flag": None, "agreement": None,
        "statements": [],
    }
    assert result["summary"]["blind_spots"] == []


def test_only_non_anonymous_raters_are_shown_and_compared() -> None:
    sheets = [uniform("self", 2), uniform("burgemeester", 4)]
    alpha = feedback_dict(feedback(BANK, ROUND, sheets, REGIE))["competencies"][0]
    assert alpha["groups"] == {"burgemeester": {"score": 4.0, "n": 1}}
    assert alpha["others"] == {"score": 4.0, "n": 1, "sd": None, "gap": 0.0, "status": "on_target"}
    assert (alpha["self_minus_others"], alpha["flag"], alpha["agreement"]) == (-2.0, "hidden_strength", None)


def test_without_a_self_scan_only_the_others() -> None:
    sheets = [uniform("directie", v, source=f"d{v}.yaml") for v in (3, 4, 5)]
    alpha = feedback_dict(feedback(BANK, ROUND, sheets, REGIE))["competencies"][0]
    assert alpha["self"] is None
    assert alpha["others"]["score"] == 4.0
    assert alpha["self_minus_others"] is None
    assert [s["self"] for s in alpha["statements"]] == [None, None, None]


def test_each_rater_weighs_the_same_and_observers_are_scored_over_their_own_questions() -> None:
    # observers see a-1, a-2 (reverse), a-3 (weight 2); a-4 (no observer text) is ignored even if answered
    one = sheet("directie", {"a-1": 5, "a-3": 5, "a-4": 1})  # 2 of 3: scored, 5.0
    two = sheet("directie", {"a-1": 2, "a-2": 4, "a-3": 2})  # (2 + 2 + 2*2) / 4 = 2.0
    three = sheet("directie", {"a-1": 3})  # 1 of 3: no score
    four = sheet("directie", {"a-1": 5, "a-2": 1, "a-3": 3})  # (5 + 5 + 6) / 4 = 4.0
    alpha = feedback_dict(feedback(BANK, ROUND, [one, two, three, four], REGIE))["competencies"][0]
    assert alpha["groups"]["directie"] == {"score": pytest.approx(11 / 3), "n": 3}
    assert alpha["others"]["n"] == 3


def test_hidden_strength_and_the_flag_boundaries() -> None:
    sheets = [uniform("self", 3), *[uniform("directie", 4, source=f"d{i}.yaml") for i in range(2)],
              uniform("directie", 3, source="d3.yaml")]
    row = feedback(BANK, ROUND, sheets, REGIE).rows[0]
    assert row.self_minus_others == pytest.approx(-2 / 3)
    assert row.flag == "hidden_strength"
    sheets[-1] = uniform("directie", 5, source="d3.yaml")
    sheets[1:3] = [uniform("directie", 2, source="d1.yaml"), uniform("directie", 2, source="d2.yaml")]
    row = feedback(BANK, ROUND, sheets, REGIE).rows[0]
    assert (row.self_minus_others, row.flag) == (0.0, None)


def _rater(rater: str, alpha: int, beta: int, gamma: int, source: str) -> object:
    """Every statement answered so that each competency's keyed score is the given one (a-2, b-3 reverse)."""
    values = {"a-1": alpha, "a-2": 6 - alpha, "a-3": alpha, "a-4": alpha, "b-1": beta, "b-2": beta, "b-3": 6 - beta,
              "g-1": gamma, "g-2": gamma, "g-3": gamma}
    return sheet(rater, values, source)


def test_the_role_balance_of_a_round_on_a_bank_with_roles() -> None:
    from tests.conftest import COMPETENCIES, QUESTIONS, bank_outside_a_test
    from tests.contextkit import with_roles
    from tests.roundkit import rater_questions

    bank = bank_outside_a_test(COMPETENCIES, rater_questions(3, with_roles(QUESTIONS)))
    sheets = [_rater("self", 5, 3, 1, "zelf.yaml"), *[_rater("directie", 2, 4, 5, f"d{i}.yaml") for i in range(3)]]
    roles = {r.id: (r.self, r.others) for r in feedback(bank, ROUND, sheets, bank.types["regie"]).summary.roles}
    # self over every statement of the role, others over those with an observer text (a-4 has none):
    # organisatie a-1, b-1, b-2, g-3; bestuur a-2, a-3, g-1; samenleving a-4 (self only), b-3, g-2
    assert roles == {"organisatie": (pytest.approx(3.0), pytest.approx(15 / 4)),
                     "bestuur": (pytest.approx(11 / 3), pytest.approx(3.0)),
                     "samenleving": (pytest.approx(3.0), pytest.approx(4.5))}
    # alpha unanswered by the others: the roles with alpha's observed statements have no score for them,
    # samenleving (no observed statement of alpha: a-4 has no observer text) keeps beta's and gamma's
    unanswered = [sheets[0], *[sheet("directie", {k: v for k, v in s.answers.items() if not k.startswith("a-")},
                                     s.source) for s in sheets[1:]]]
    roles = {r.id: r.others for r in feedback(bank, ROUND, unanswered, bank.types["regie"]).summary.roles}
    assert roles == {"organisatie": None, "bestuur": None, "samenleving": pytest.approx(4.5)}
    two = feedback(bank, ROUND, sheets[:3], bank.types["regie"]).summary.roles  # 2 anonymous raters: hidden
    assert [(r.id, r.others) for r in two] == [("organisatie", None), ("bestuur", None), ("samenleving", None)]


def test_the_others_standard_deviation_and_low_agreement() -> None:
    sheets = [uniform("self", 3), *[_rater("directie", a, 3, 3, f"d{i}.yaml") for i, a in enumerate((2, 3, 5))]]
    alpha = feedback(BANK, ROUND, sheets, REGIE).rows[0]
    assert (alpha.others.score, alpha.others.n) == (pytest.approx(10 / 3), 3)
    assert alpha.others.sd == pytest.approx((7 / 3) ** 0.5)  # sample sd of 2, 3, 5 (n - 1)
    assert alpha.agreement == "low"  # sd 1.53 >= 1
    close = [uniform("self", 3), *[_rater("directie", a, 3, 3, f"d{i}.yaml") for i, a in enumerate((2, 3, 4))]]
    alpha = feedback(BANK, ROUND, close, REGIE).rows[0]
    assert (alpha.others.sd, alpha.agreement) == (pytest.approx(1.0), "low")  # exactly 1: low agreement
    closer = [uniform("self", 3), *[_rater("directie", a, 3, 3, f"d{i}.yaml") for i, a in enumerate((3, 3, 4))]]
    alpha = feedback(BANK, ROUND, closer, REGIE).rows[0]
    assert (alpha.others.sd, alpha.agreement) == (pytest.approx(3 ** -0.5), None)


@pytest.mark.parametrize(("own", "flag"), [(3, "hidden_strength"), (4, "blind_spot")])
def test_a_difference_of_exactly_one_half_is_flagged(own: int, flag: str) -> None:
    sheets = [uniform("self", own), *[_rater("directie", a, 3, 3, f"d{i}.yaml") for i, a in enumerate((3, 4, 3, 4))]]
    row = feedback(BANK, ROUND, sheets, REGIE).rows[0]
    assert (row.self_minus_others, row.flag) == (own - 3.5, flag)
