"""The plan builder on the tiny rules: exact plans worked out by hand, then each step's rule.

Weights multiply: an archetype's weight x the stage's percent x the data level's percent. The
tiny rules (tests/fixtures.py) give research/early: engineer 50x100x100, scientist 40x100x100,
ops 20x50x100, lead 10x100x100; each hire goes to the best weight / (count + 1) among the roles
whose needs are on the team, unless a deadline is due or a share would fall too low.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fixtures
from handbook.engine import recommend
from handbook.engine.plan import LEVEL_MAX, matches, next_hire
from handbook.engine.plan import settings as plan_settings

RULES = fixtures.rules()
ENG, SCI, OPS, LEAD = fixtures.ROLE_IDS
NO_LEAD = {"id": "interim-lead", "title": "Interim lead", "why": "Nobody leads the team yet."}
NO_OPS = {"id": "ci-setup", "title": "CI set-up", "why": "Nobody runs CI yet."}
RESEARCH = {"text": "Research needs scientists.", "link": "team-composition/#scientists"}
PRODUCT = {"text": "Products need engineers.", "link": "team-composition/#engineers"}
LIVE = {"text": "Live products need ops early.", "link": "roles/ops/"}
STARTS = {"text": "The plan starts from engineers.", "link": "team-composition/#engineers"}
BASE = {"text": "The existing engineers are the base.", "link": "team-composition/#engineers"}
SCIENTISTS = {
    "text": "Scientists join after their foundations.",
    "link": "team-composition/#scientists",
}
EXISTING = {"text": "The existing team counts.", "link": "team-composition/#engineers"}
FRACTIONAL = {
    "text": "Part-time specialists cover one-off work.",
    "link": "team-composition/#fractional",
}


def plan(archetype: str, headcount: int, stage="early", data="simple", existing=None, rules=RULES):
    request = {"archetype": archetype, "stage": stage, "data": data, "headcount": headcount}
    if existing is not None:
        request["existing"] = existing
    return recommend(rules, request)


def test_research_plan_of_five_exactly():
    """Hire 1: only the engineer has its needs met. Hire 2: scientist 40/1 beats engineer 50/2.
    Then engineer 50/2 > scientist 40/2, scientist 40/2 > engineer 50/3, engineer 50/3 > 40/3."""
    result = plan("research", 5)
    assert list(result) == [
        "input",
        "composition",
        "hiring_order",
        "fractional",
        "rationale",
        "coverage",
    ]
    assert result["input"] == {
        "archetype": "research",
        "stage": "early",
        "data": "simple",
        "headcount": 5,
        "existing": {},
    }
    assert result["hiring_order"] == [ENG, SCI, ENG, SCI, ENG]
    assert result["composition"] == {ENG: 3, SCI: 2, OPS: 0, LEAD: 0}
    assert result["fractional"] == [NO_LEAD, NO_OPS]
    assert result["rationale"] == [RESEARCH, STARTS, SCIENTISTS, FRACTIONAL]
    assert result["coverage"] == [
        {"axis": "practice", "needed": 2, "have": 3, "status": "met"},
        {"axis": "theory", "needed": 4, "have": 4, "status": "met"},
    ]


def test_a_need_met_by_a_fractional_task_gives_that_task_its_reason():
    """The scientist (hire 2) joined before ops (hire 10): CI set-up is listed with the need's
    reason, although the finished team has ops and the 'lacks ops' rule no longer holds."""
    result = plan("research", 10)
    assert result["hiring_order"] == [ENG, SCI, ENG, SCI, ENG, SCI, ENG, ENG, SCI, OPS]
    assert result["composition"] == {ENG: 5, SCI: 4, OPS: 1, LEAD: 0}
    assert result["fractional"] == [
        NO_LEAD,
        {
            "id": "ci-setup",
            "title": "CI set-up",
            "why": "A scientist joins before any ops engineer, so CI is set up part-time first.",
        },
    ]


def test_deadlines_and_a_minimum_share_decide_before_the_weights():
    """product/live/messy: ops is due by hire 2 (live), the lead by hire 3 (messy); the engineer
    must stay above 50% of the team, so it takes hires 1 and 4."""
    result = plan("product", 4, stage="live", data="messy")
    assert result["hiring_order"] == [ENG, OPS, LEAD, ENG]
    assert result["composition"] == {ENG: 2, SCI: 0, OPS: 1, LEAD: 1}
    assert result["fractional"] == []
    assert result["rationale"] == [PRODUCT, LIVE, STARTS]  # no fractional reason without tasks
    # practice: 3 + 1 (live) + 2 (messy), capped at 4; the team's best is 3.
    assert result["coverage"] == [
        {"axis": "practice", "needed": LEVEL_MAX, "have": 3, "status": "gap"},
        {"axis": "theory", "needed": 1, "have": 3, "status": "met"},
    ]


def test_an_existing_generalist_base_makes_the_first_hire_a_specialist():
    result = plan("research", 2, existing={ENG: 2})
    assert result["input"]["existing"] == {ENG: 2}
    assert result["hiring_order"] == [SCI, SCI]
    assert result["composition"] == {ENG: 2, SCI: 2, OPS: 0, LEAD: 0}
    assert result["rationale"] == [RESEARCH, BASE, SCIENTISTS, EXISTING, FRACTIONAL]
    below_base = plan("research", 2, existing={ENG: 1})
    assert below_base["hiring_order"][0] == SCI  # one engineer: its needs are met, 40/1 > 50/2
    assert STARTS in below_base["rationale"] and EXISTING in below_base["rationale"]


def test_a_role_waits_for_its_minimum_team_size():
    """research: the lead may join only once the team has four people."""
    rules = fixtures.changed_rules(lambda calc: calc["archetypes"][0]["weights"].update(lead=100))
    assert plan("research", 5, rules=rules)["hiring_order"][:5] == [ENG, SCI, ENG, SCI, LEAD]


def test_a_role_without_weight_is_never_hired_by_score():
    for n in (1, 5, 20):
        assert plan("product", n)["composition"][SCI] == 0


def test_trait_and_data_conditions_list_a_task():
    assert "etl-setup" in [t["id"] for t in plan("research", 3, data="messy")["fractional"]]
    assert "etl-setup" not in [t["id"] for t in plan("research", 3)["fractional"]]
    assert "etl-setup" not in [t["id"] for t in plan("product", 3, data="messy")["fractional"]]


def test_without_any_positive_weight_the_generalist_is_hired():
    rules = fixtures.changed_rules(
        lambda calc: calc["archetypes"][1].update(weights={ENG: 0, OPS: 0, LEAD: 0}, min_share={})
    )
    assert plan("product", 3, rules=rules)["hiring_order"] == [ENG, ENG, ENG]


def _equal_weights(calc: dict) -> None:
    calc["archetypes"][1].update(weights={ENG: 10, OPS: 10, LEAD: 10}, min_share={})
    calc["stages"][0]["weight_percent"] = {}


def test_ties_go_to_the_role_listed_first():
    rules = fixtures.changed_rules(_equal_weights)
    # hire 2: engineer 10/2 against ops 10/1 and lead 10/1: ops (listed before lead) wins.
    assert plan("product", 4, rules=rules)["hiring_order"] == [ENG, OPS, LEAD, ENG]


def test_next_hire_sees_only_the_team_so_far():
    request = {"archetype": "research", "stage": "early", "data": "simple"}
    setup = plan_settings(RULES, request)
    assert setup["weights"] == {ENG: 500000, SCI: 400000, OPS: 100000, LEAD: 100000}
    assert setup["hard_needs"] == {ENG: [], SCI: [ENG], OPS: [ENG], LEAD: [ENG]}
    empty = dict.fromkeys(fixtures.ROLE_IDS, 0)
    assert next_hire(setup, empty, 1, specialist=False) == ENG
    assert next_hire(setup, {**empty, ENG: 1}, 2, specialist=False) == SCI
    assert next_hire(setup, {**empty, ENG: 2}, 1, specialist=True) == SCI


@pytest.mark.parametrize(
    ("when", "holds"),
    [
        ({}, True),
        ({"lacks": LEAD}, True),
        ({"lacks": ENG}, False),
        ({"hires": SCI}, True),
        ({"hires": OPS}, False),
        ({"stage": ["early", "live"]}, True),
        ({"stage": ["live"]}, False),
        ({"data": ["simple"]}, True),
        ({"trait": "trains-models"}, True),
        ({"trait": "serves-models"}, False),
        ({"existing": False}, True),
        ({"generalist_base": True}, False),
        ({"fractional": True}, True),
        ({"lacks": LEAD, "hires": OPS}, False),
    ],
)
def test_conditions_hold_only_when_every_part_holds(when, holds):
    facts = {
        "counts": {ENG: 2, SCI: 1, OPS: 0, LEAD: 0},
        "hired": {ENG, SCI},
        "stage": "early",
        "data": "simple",
        "traits": ["trains-models"],
        "existing": False,
        "generalist_base": False,
        "fractional": True,
    }
    assert matches(when, facts) is holds


# --- properties of the builder itself (any rules): growth, determinism, consistent counts ----

requests = st.fixed_dictionaries(
    {
        "archetype": st.sampled_from(fixtures.ARCHETYPES),
        "stage": st.sampled_from(fixtures.STAGES),
        "data": st.sampled_from(fixtures.DATA_LEVELS),
        "headcount": st.integers(1, 39),
        "existing": st.dictionaries(st.sampled_from(fixtures.ROLE_IDS), st.integers(0, 100)),
    }
)


@settings(max_examples=80, deadline=None, derandomize=True, database=None)
@given(requests)
def test_a_larger_plan_starts_with_the_smaller_one(request):
    smaller = recommend(RULES, request)
    larger = recommend(RULES, {**request, "headcount": request["headcount"] + 1})
    assert larger["hiring_order"][:-1] == smaller["hiring_order"]
    existing = smaller["input"]["existing"]
    assert len(smaller["hiring_order"]) == request["headcount"]
    assert smaller["composition"] == {
        role: existing.get(role, 0) + smaller["hiring_order"].count(role)
        for role in fixtures.ROLE_IDS
    }
    assert json.dumps(recommend(RULES, request)) == json.dumps(smaller)
