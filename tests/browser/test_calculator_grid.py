"""The grid is defined once (engine/grid.py): the page head and calculator.js read the same data
through the same URL rules, so they make the same choice for every spelling of a link."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from handbook import engine
from handbook.content import load_handbook
from support import DATA

SPELLINGS = ["7", "07", "+7", "7.0", " 7", "1e1", "0", "31", "abc"]


@pytest.fixture(scope="module")
def grid_request() -> dict:
    return engine.default_request(load_handbook(DATA).calculator_rules())


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_head_and_page_make_the_same_choice(page, site_server, grid_request, spelling):
    query = (
        "&".join(f"{name}={grid_request[name]}" for name in ("archetype", "stage", "data"))
        + f"&headcount={quote(spelling)}"
    )
    page.goto(site_server.url(f"/calculator/?{query}"))
    page.wait_for_selector("#calculator-result[data-choice]")
    head = page.evaluate("window.handbookCalculatorChoice")
    body = page.get_attribute("#calculator-result", "data-choice")
    assert head == body
    expected = (
        "grid"
        if spelling.strip().isdigit() and 1 <= int(spelling) <= engine.GRID_MAX_HEADCOUNT
        else "engine"
    )
    assert body == expected


def test_the_grid_data_in_the_page_is_the_engines(page, site_server):
    rules = load_handbook(DATA).calculator_rules()
    page.goto(site_server.url("/calculator/"))
    embedded = page.evaluate("window.HandbookCalculatorUrl.grid")
    assert embedded == engine.grid_description(rules)
