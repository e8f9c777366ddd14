"""The standard grid: which requests are precomputed, their file names, the default request."""

from __future__ import annotations

import itertools

import fixtures
from handbook.engine import (
    GRID_MAX_HEADCOUNT,
    default_request,
    grid_description,
    grid_key,
    grid_requests,
    grid_setting,
    normalise_request,
)
from handbook.engine.grid import grid_max_headcount


def test_grid_description_is_what_the_browser_needs():
    rules = fixtures.rules()
    assert grid_description(rules) == {
        "fields": ["archetype", "stage", "data", "lead_now", "headcount"],
        "archetypes": fixtures.ARCHETYPES,
        "stages": fixtures.STAGES,
        "data": fixtures.DATA_LEVELS,
        "maxHeadcount": GRID_MAX_HEADCOUNT,
        "leadNow": True,
        "leadNowKey": ".lead-now",
        "defaults": {
            "archetype": "research",
            "stage": "early",
            "data": "simple",
            "headcount": 3,
            "existing": {},
            "lead_now": False,
        },
    }
    del rules["calculator"]["lead_now"]
    assert grid_description(rules)["leadNow"] is False


def test_the_default_request_is_on_the_grid_and_valid():
    rules = fixtures.rules()
    request = default_request(rules)
    assert request in list(grid_requests(rules))
    assert normalise_request(rules, request) == request
    del rules["calculator"]["default_headcount"]
    assert default_request(rules)["headcount"] == 5


def test_every_grid_request_once_in_a_fixed_order():
    rules = fixtures.rules()
    requests = list(grid_requests(rules))
    expected = [
        {"archetype": a, "stage": s, "data": d, "headcount": n, "existing": {}, "lead_now": lead}
        for a, s, d, lead, n in itertools.product(
            fixtures.ARCHETYPES,
            fixtures.STAGES,
            fixtures.DATA_LEVELS,
            (False, True),
            range(1, GRID_MAX_HEADCOUNT + 1),
        )
    ]
    assert requests == expected
    assert len({grid_key(request) for request in requests}) == len(requests)
    del rules["calculator"]["lead_now"]
    assert [request["lead_now"] for request in grid_requests(rules)] == [False] * (
        len(expected) // 2
    )


def test_the_grid_never_goes_beyond_the_rules_max_headcount():
    """With max_headcount below the grid's size, every grid request must still be valid."""
    rules = fixtures.rules()
    rules["calculator"]["max_headcount"] = 4
    rules["calculator"]["default_headcount"] = 4
    assert grid_max_headcount(rules) == 4
    assert grid_description(rules)["maxHeadcount"] == 4
    requests = list(grid_requests(rules))
    assert max(request["headcount"] for request in requests) == 4
    assert len(requests) == len(fixtures.ARCHETYPES) * len(fixtures.STAGES) * 2 * 2 * 4
    for request in requests:
        normalise_request(rules, request)
    rules["calculator"]["max_headcount"] = 3
    del rules["calculator"]["default_headcount"]
    assert default_request(rules)["headcount"] == 3


def test_grid_key_names_the_plans_file_and_the_plan_in_it():
    request = {"archetype": "research", "stage": "live", "data": "messy", "headcount": 12}
    assert grid_key(request) == "research.live.messy/12"
    assert grid_key({**request, "lead_now": False}) == "research.live.messy/12"
    assert grid_key({**request, "lead_now": True}) == "research.live.messy.lead-now/12"
    assert grid_setting(request) == "research.live.messy"
    assert (
        grid_setting({**request, "lead_now": True, "headcount": 3})
        == "research.live.messy.lead-now"
    )
