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


@pytest.mark.parametrize("how", ["seconds after load", "the reader turns to the form"])
def test_a_grid_link_starts_python_only_later(page, site_server, grid_request, how):
    """A grid link's answer comes from the build; Python (18 MB, seconds of CPU) waits until a
    few seconds after load, or until the reader focuses the form, whichever comes first. The
    page's clock is held, so the wait is the page's and not the machine's."""
    asked = []
    page.on("request", lambda request: "/pyodide/" in request.url and asked.append(request.url))
    page.clock.install()
    query = "archetype={archetype}&stage={stage}&data={data}&headcount=3".format(**grid_request)
    page.goto(site_server.url(f"/calculator/?{query}"))
    page.wait_for_selector("#calculator-result[data-source=build]", state="attached")
    page.wait_for_load_state("load")
    status = page.locator("#calculator-engine-status")
    assert status.text_content() == (
        "Python engine: starts in a few seconds, or as soon as you use the form."
    )
    page.clock.run_for(2000)
    assert asked == []  # not at the first idle moment after load
    if how == "the reader turns to the form":
        page.focus("#calc-headcount")
    else:
        page.clock.run_for(5000)
    page.wait_for_selector(
        "#calculator-engine-status[data-state=ready]", state="attached", timeout=120_000
    )
    assert asked
