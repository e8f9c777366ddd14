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
from handbook.engine.conditions import matches
from handbook.engine.levels import LEVEL_MAX
from handbook.engine.plan import next_hire
from handbook.engine.plan import settings as plan_settings

RULES = fixtures.rules()
ENG, SCI, OPS, LEAD = fixtures.ROLE_IDS
NOW = {"needed": "now", "until": None}
NO_LEAD = {
    "id": "interim-lead",
    "title": "Interim lead",
    "why": "Nobody leads the team yet.",
    **NOW,
}
NO_OPS = {"id": "ci-setup", "title": "CI set-up", "why": "Nobody runs CI yet.", **NOW}
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


def no_ops(hires: int) -> dict:
    return {"text": f"No ops engineer in {hires} hires.", "link": "roles/ops/"}


def hire(role: str, why: str, level: str = "senior") -> dict:
    return {
        "role": role,
        "level": level,
        "why": why,
        "link": f"roles/{role}/",
        "kit": f"kits/{role}/{level}/",
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
        "hires",
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
        "lead_now": False,
    }
    assert result["hiring_order"] == [ENG, SCI, ENG, SCI, ENG]
    assert result["hires"] == [
        hire(ENG, "An engineer comes first."),
        hire(
            SCI,
            (
                "Scientist is furthest below its share; this is the first, now that an engineer "
                "is here."
            ),
        ),
        hire(ENG, "Engineer is furthest below its share; this is the second.", "junior"),
        hire(SCI, "Scientist is furthest below its share; this is the second."),
        hire(ENG, "Engineer is furthest below its share; this is the third.", "junior"),
    ]
    assert result["composition"] == {ENG: 3, SCI: 2, OPS: 0, LEAD: 0}
    assert result["fractional"] == [NO_LEAD, NO_OPS]
    assert result["rationale"] == [RESEARCH, no_ops(5), STARTS, SCIENTISTS, FRACTIONAL]
    assert result["coverage"] == [
        {"axis": "practice", "needed": 2, "have": 3, "status": "met", "closed_by": []},
        {"axis": "theory", "needed": 4, "have": 4, "status": "met", "closed_by": []},
    ]


def test_a_need_met_by_a_fractional_task_gives_that_task_its_reason():
    """Without its own rule, CI set-up is listed because the scientist (hire 2) joined before
    ops (hire 10): needed before hire 2, until hire 10, with the need's reason."""
    rules = fixtures.changed_rules(lambda calc: calc["fractional_rules"].pop(1))
    result = plan("research", 10, rules=rules)
    assert result["hiring_order"] == [ENG, SCI, ENG, SCI, ENG, SCI, ENG, ENG, SCI, OPS]
    assert result["composition"] == {ENG: 5, SCI: 4, OPS: 1, LEAD: 0}
    assert result["fractional"] == [
        NO_LEAD,
        {
            "id": "ci-setup",
            "title": "CI set-up",
            "why": "A scientist joins before any ops engineer, so CI is set up part-time first.",
            "needed": "before hire 2",
            "until": 10,
        },
    ]
    # With its rule, the task is needed now: the more urgent of the two gives the reason.
    assert plan("research", 10)["fractional"][1] == {**NO_OPS, "until": 10}


def test_deadlines_and_a_minimum_share_decide_before_the_weights():
    """product/live/messy: ops is due by hire 2 (live), the lead by hire 3 (messy); the engineer
    must stay above 50% of the team, so it takes hires 1 and 4."""
    result = plan("product", 4, stage="live", data="messy")
    assert result["hiring_order"] == [ENG, OPS, LEAD, ENG]
    assert [entry["why"] for entry in result["hires"]] == [
        "An engineer comes first.",
        "Live needs an ops engineer by hire 2, now that an engineer is here.",
        "Messy data needs a lead by hire 3.",
        "Engineers stay above 50%; this is the second.",
    ]
    assert result["composition"] == {ENG: 2, SCI: 0, OPS: 1, LEAD: 1}
    # Each gap is open from the start and closes when its role joins.
    assert result["fractional"] == [{**NO_LEAD, "until": 3}, {**NO_OPS, "until": 2}]
    ops_joins = {
        "text": "An ops engineer joins at hire 2 (hire 2), after 1 engineer.",
        "link": "roles/ops/",
    }
    assert result["rationale"] == [PRODUCT, LIVE, ops_joins, STARTS, FRACTIONAL]
    # practice: 3 + 1 (live) + 2 (messy), capped at 4; the team's best is 3.
    assert result["coverage"] == [
        {"axis": "practice", "needed": LEVEL_MAX, "have": 3, "status": "gap", "closed_by": []},
        {"axis": "theory", "needed": 1, "have": 3, "status": "met", "closed_by": []},
    ]
    # A gap some role's usual level would close names that role.
    theory = plan("research", 1)["coverage"][1]
    # The lowest level of each role that reaches the need: the scientist's junior level does.
    closers = [{"role": SCI, "level": "junior"}]
    assert theory == {
        "axis": "theory",
        "needed": 4,
        "have": 2,
        "status": "gap",
        "closed_by": closers,
    }


def test_hires_come_in_at_the_levels_the_calculator_names_and_coverage_counts_them():
    """The engineer's first hire is senior (practice 3); later ones and the engineers already
    employed are junior (practice 2). The scientist has no levels named: its headline, senior."""
    result = plan("research", 4, existing={ENG: 2})
    assert [(entry["role"], entry["level"]) for entry in result["hires"]] == [
        (SCI, "senior"),
        (SCI, "senior"),
        (ENG, "junior"),
        (SCI, "senior"),
    ]
    assert result["hires"][2]["kit"] == f"kits/{ENG}/junior/"
    # Nobody on this team is a senior engineer, so the best practice is 2, not the role's 3.
    assert [row["have"] for row in result["coverage"]] == [2, 4]
    # A product team of one junior engineer plus one more: practice 3 is a gap, and the lowest
    # level of each role that reaches 3 would close it.
    gap = plan("product", 1, existing={ENG: 1})["coverage"][0]
    assert gap == {
        "axis": "practice",
        "needed": 3,
        "have": 2,
        "status": "gap",
        "closed_by": [
            {"role": ENG, "level": "senior"},
            {"role": OPS, "level": "senior"},
            {"role": LEAD, "level": "director"},
        ],
    }
    # The first engineer of a new team is the senior one.
    assert plan("product", 1)["hires"][0]["level"] == "senior"


def test_an_existing_generalist_base_makes_the_first_hire_a_specialist():
    result = plan("research", 2, existing={ENG: 2})
    assert result["input"]["existing"] == {ENG: 2}
    assert result["hiring_order"] == [SCI, SCI]
    assert result["hires"][0]["why"] == "2 engineers are the base, so a scientist comes first."
    assert result["composition"] == {ENG: 2, SCI: 2, OPS: 0, LEAD: 0}
    assert result["rationale"] == [RESEARCH, no_ops(2), BASE, SCIENTISTS, EXISTING, FRACTIONAL]
    below_base = plan("research", 2, existing={ENG: 1})
    assert below_base["hiring_order"][0] == SCI  # one engineer: its needs are met, 40/1 > 50/2
    assert STARTS in below_base["rationale"] and EXISTING in below_base["rationale"]


def _ops_before_second_scientist(calc: dict) -> None:
    calc["roles"]["scientist"]["needs"][2]["when"] = {"stage": ["early"]}
    calc["roles"]["scientist"]["needs"][2]["from"] = 2


def test_a_foundation_comes_before_the_role_that_waits_for_it():
    """With ops needed from the second scientist on: hire 4 would be that scientist (40/2 >
    engineer 50/3), so ops comes first, as its foundation; the scientist follows."""
    rules = fixtures.changed_rules(_ops_before_second_scientist)
    result = plan("research", 6, rules=rules)
    assert result["hiring_order"] == [ENG, SCI, ENG, OPS, SCI, ENG]
    assert [entry["why"] for entry in result["hires"]][3:5] == [
        "Your second scientist needs an ops engineer first.",
        (
            "Scientist is furthest below its share; this is the second, now that an ops "
            "engineer is here."
        ),
    ]
    assert result["fractional"][1] == {**NO_OPS, "until": 4}
    assert plan("research", 3, rules=rules)["hiring_order"] == [ENG, SCI, ENG]


def test_lead_now_makes_the_lead_due_by_its_hire_and_lifts_its_team_size():
    result = plan("research", 3)
    lead_now = recommend(RULES, {"archetype": "research", "headcount": 3, "lead_now": True})
    assert LEAD not in result["hiring_order"]
    assert lead_now["input"]["lead_now"] is True
    assert lead_now["hiring_order"] == [ENG, LEAD, SCI]
    assert lead_now["hires"][1]["why"] == (
        "You can afford a lead now, so by hire 2, now that an engineer is here."
    )
    # the interim lead covers only the time before the lead's hire
    assert lead_now["fractional"][0] == {**NO_LEAD, "until": 2}


def _lead_span(calc: dict) -> None:
    calc["roles"]["lead"]["span"] = 2


def test_a_lead_joins_before_any_lead_would_guide_more_than_its_span():
    """lead_now brings the lead at hire 2; with a span of 2, hire 4 would give it 3 others, so a
    second lead comes (weights would pick the engineer, 25 > 20); the third at hire 7, when the
    two would have 5 others. Hires 3, 5, 6 and 8 go by weight as usual."""
    rules = fixtures.changed_rules(_lead_span)
    request = {"archetype": "research", "headcount": 8, "lead_now": True}
    result = recommend(rules, request)
    assert result["hiring_order"] == [ENG, LEAD, SCI, LEAD, ENG, SCI, LEAD, ENG]
    whys = [entry["why"] for entry in result["hires"]]
    assert whys[3] == "One lead per 2 others; this is the second."
    assert whys[6] == "One lead per 2 others; this is the third."
    # An existing team far over the span catches up one lead at a time, never two in a row:
    # one lead to 7 others; hire 2 would be a lead again, so it goes by weight.
    caught_up = plan("research", 4, existing={ENG: 7, LEAD: 1}, rules=rules)
    assert caught_up["hiring_order"] == [LEAD, SCI, LEAD, SCI]


def test_without_a_lead_the_span_brings_the_first_once_the_others_outnumber_it():
    """research has no lead deadline; a lead may join from a team of four. With a span of 2 the
    first lead is due from hire 3 (3 others) but waits for that size: hire 5; hire 6 is not a
    second lead straight after it. With or without one existing lead, the same hires follow."""
    rules = fixtures.changed_rules(_lead_span)
    result = plan("research", 7, rules=rules)
    assert result["hiring_order"] == [ENG, SCI, ENG, SCI, LEAD, ENG, LEAD]
    assert result["hires"][4]["why"] == "More than 2 people and no lead; this is the first."
    assert result["hires"][6]["why"] == "One lead per 2 others; this is the second."
    assert plan("research", 6)["hiring_order"] == [ENG, SCI, ENG, SCI, ENG, SCI]
    without = plan("research", 2, existing={ENG: 2, SCI: 2}, rules=rules)["hiring_order"]
    with_lead = plan("research", 2, existing={ENG: 2, SCI: 2, LEAD: 1}, rules=rules)["hiring_order"]
    assert without == [LEAD, ENG] and with_lead == [LEAD, ENG]


def test_a_minimum_share_outranks_the_span():
    """product/live/messy with a span of 1: the lead arrives at hire 3 (messy); hire 4 would
    leave it 3 others, but the engineer's share floor (above 50%) comes first."""
    rules = fixtures.changed_rules(lambda calc: calc["roles"]["lead"].update(span=1))
    result = plan("product", 5, stage="live", data="messy", rules=rules)
    assert result["hiring_order"] == [ENG, OPS, LEAD, ENG, ENG]


def test_tasks_are_judged_along_the_plan():
    """etl-setup is needed before the first scientist; a gap closed by the existing team, or
    a task needed only after its gap closed, is not listed."""
    messy = plan("research", 3, data="messy")
    etl = next(task for task in messy["fractional"] if task["id"] == "etl-setup")
    assert (etl["needed"], etl["until"]) == ("before hire 2", None)
    assert [t["id"] for t in plan("research", 3, existing={OPS: 1})["fractional"]] == [
        "interim-lead"
    ]
    no_scientist = fixtures.changed_rules(
        lambda calc: calc["archetypes"][0].update(min_team={SCI: 9})
    )
    ids = [t["id"] for t in plan("research", 3, data="messy", rules=no_scientist)["fractional"]]
    assert "etl-setup" not in ids  # no scientist in these hires: not needed yet
    closes_first = fixtures.changed_rules(
        lambda calc: calc["fractional_rules"][2].update(closed_by=ENG)
    )
    ids = [t["id"] for t in plan("research", 3, data="messy", rules=closes_first)["fractional"]]
    assert "etl-setup" not in ids  # the engineer (hire 1) closes it before hire 2 needs it


def _launch_and_cap(calc: dict) -> None:
    calc["stages"][0]["prelaunch"] = True
    calc["fractional_rules"][0]["needed"] = "before-launch"
    calc["max_fractional"] = 1


def test_before_launch_ranks_last_and_the_cap_keeps_what_a_hire_relies_on():
    rules = fixtures.changed_rules(_launch_and_cap)
    early = plan("research", 3, rules=rules)
    # CI set-up (now) beats the interim lead (before launch); the cap of 1 drops the lead.
    assert [(t["id"], t["needed"]) for t in early["fractional"]] == [("ci-setup", "now")]
    live = plan("research", 3, stage="live", rules=rules)
    assert [(t["id"], t["needed"]) for t in live["fractional"]] == [("interim-lead", "now")]
    rules["calculator"]["max_fractional"] = 5
    assert [t["needed"] for t in plan("research", 3, rules=rules)["fractional"]] == [
        "now",
        "before launch",
    ]
    # a task a hire's need relies on stays even when the cap is full
    rules = fixtures.changed_rules(_launch_and_cap)
    rules["calculator"]["fractional_rules"].pop(1)
    ids = [t["id"] for t in plan("research", 3, rules=rules)["fractional"]]
    assert ids == ["ci-setup"]


def test_reason_texts_are_filled_in_by_plain_replacement():
    rules = fixtures.changed_rules(
        lambda calc: calc["hire_reasons"].update(generalist_first="{role} {0} {role.__class__} %s")
    )
    assert plan("research", 1, rules=rules)["hires"][0]["why"] == (
        "Engineer {0} {role.__class__} %s."
    )


def test_plan_reasons_come_from_positions_and_counts():
    rules = fixtures.changed_rules(_ops_before_second_scientist)
    result = plan("research", 8, existing={LEAD: 1}, rules=rules)
    assert result["hiring_order"].count(OPS) == 1
    assert {
        "text": "An ops engineer joins at hire 4 (hire 4), after 2 engineers, 1 scientist "
        "and 1 lead.",
        "link": "roles/ops/",
    } in result["rationale"]
    assert no_ops(3) in plan("research", 3)["rationale"]
    assert all("ops" not in r["text"] for r in plan("research", 3, existing={OPS: 1})["rationale"])


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
    assert [need["role"] for need in setup["needs"][SCI]] == [ENG, OPS]  # ops from 3: live only
    assert plan_settings(RULES, {**request, "stage": "live"})["needs"][SCI][2]["from"] == 3
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
