"""The standard grid: the requests whose plans are precomputed at build time.

Defined once, here. The build precomputes one plan per grid request, and the browser gets
`grid_description` as data: the page's <head> and calculator.js both read it (through
calculator-grid.js) to decide whether a link is answered from a file or by Pyodide.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

GRID_MAX_HEADCOUNT = 30
GRID_FIELDS = ("archetype", "stage", "data", "lead_now", "headcount")
LEAD_NOW_KEY = ".lead-now"


def _ids(entries: list[dict[str, Any]]) -> list[str]:
    return [entry["id"] for entry in entries]


def grid_max_headcount(rules: dict[str, Any]) -> int:
    """The grid's largest headcount: GRID_MAX_HEADCOUNT, or less when the rules allow less."""
    return min(GRID_MAX_HEADCOUNT, rules["calculator"]["max_headcount"])


def grid_description(rules: dict[str, Any]) -> dict[str, Any]:
    """What the browser needs to recognise a grid request: the ids and the headcount range."""
    calculator = rules["calculator"]
    return {
        "fields": list(GRID_FIELDS),
        "archetypes": _ids(calculator["archetypes"]),
        "stages": _ids(calculator["stages"]),
        "data": _ids(calculator["data_complexity"]),
        "maxHeadcount": grid_max_headcount(rules),
        "leadNow": "lead_now" in calculator,
        "leadNowKey": LEAD_NOW_KEY,
        "defaults": default_request(rules),
    }


def default_request(rules: dict[str, Any]) -> dict[str, Any]:
    """The request the calculator page opens with (a grid request)."""
    calculator = rules["calculator"]
    return {
        "archetype": calculator["archetypes"][0]["id"],
        "stage": calculator["defaults"]["stage"],
        "data": calculator["defaults"]["data"],
        "headcount": min(calculator.get("default_headcount", 5), grid_max_headcount(rules)),
        "existing": {},
        "lead_now": False,
    }


def grid_setting(request: dict[str, Any]) -> str:
    """The file a grid request's plan is in, one per setting: 'archetype.stage.data', with
    '.lead-now' after the data level when the request asks for a lead now. The file maps each
    headcount (as text) to its plan."""
    lead = LEAD_NOW_KEY if request.get("lead_now") else ""
    return f"{request['archetype']}.{request['stage']}.{request['data']}{lead}"


def grid_key(request: dict[str, Any]) -> str:
    """A grid request's plan: 'setting/headcount' (grid_setting; calculator-grid.js gridKey)."""
    return f"{grid_setting(request)}/{request['headcount']}"


def grid_requests(rules: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every grid request: archetype x stage x data complexity x lead now (when the rules
    offer it) x 1..maxHeadcount hires."""
    grid = grid_description(rules)
    most = grid["maxHeadcount"]
    for archetype in grid["archetypes"]:
        for stage in grid["stages"]:
            for data in grid["data"]:
                for lead_now in (False, True) if grid["leadNow"] else (False,):
                    for headcount in range(1, most + 1):
                        yield {
                            "archetype": archetype,
                            "stage": stage,
                            "data": data,
                            "headcount": headcount,
                            "existing": {},
                            "lead_now": lead_now,
                        }
