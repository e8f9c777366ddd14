"""The calculator page in Chromium: answers, URL state, hostile input, offline, a11y, export.

Every expected plan is computed here by the Python engine (handbook.engine.recommend) on the
rules of the real data, and every request is built from those rules (their archetypes, stages,
roles and limits), so the page must show exactly what the engine says whatever the content.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from browser_support import run_axe
from handbook.engine import default_request, grid_description, recommend, recommend_json
from support import real_handbook

HANDBOOK = real_handbook()
RULES = HANDBOOK.calculator_rules()
EDITION = HANDBOOK.edition
CALCULATOR = RULES["calculator"]
ROLE_IDS = [role["id"] for role in RULES["roles"]]
GENERALIST = CALCULATOR["generalist"]["role"]
OTHERS = [role for role in ROLE_IDS if role != GENERALIST]  # specialists, in role order
ARCHETYPES = [entry["id"] for entry in CALCULATOR["archetypes"]]
STAGES = [entry["id"] for entry in CALCULATOR["stages"]]
DATA_LEVELS = [entry["id"] for entry in CALCULATOR["data_complexity"]]
MAX_HEADCOUNT = CALCULATOR["max_headcount"]
GRID_MAX = grid_description(RULES)["maxHeadcount"]
DEFAULT = default_request(RULES)
# A request that differs from the default in every field the form has (on the grid).
OTHER = {
    "archetype": ARCHETYPES[1 % len(ARCHETYPES)],
    "stage": STAGES[-1],
    "data": DATA_LEVELS[-1],
    "headcount": min(DEFAULT["headcount"] + 4, GRID_MAX),
}
OFF_GRID_HEADCOUNT = min(GRID_MAX + 10, MAX_HEADCOUNT)
ENGINE_TIMEOUT = 90_000  # ms: Pyodide starts in a few seconds, slower on a busy machine

RENDERED_PLAN = """() => {
  const result = document.getElementById("calculator-result");
  const all = (selector) => Array.from(result.querySelectorAll(selector));
  return {
    composition: Object.fromEntries(all("[data-role][data-count]")
      .map((row) => [row.dataset.role, Number(row.dataset.count)])),
    hiring_order: all("#hiring-order > li").map((item) => item.dataset.role),
    hiring_titles: all("#hiring-order > li").map((item) => item.textContent.trim()),
    fractional: all("#calc-fractional > li").map((item) => ({
      title: item.querySelector("a").textContent,
      href: item.querySelector("a").getAttribute("href"),
      text: item.textContent})),
    rationale: all("#calc-rationale > li").map((item) => ({
      text: item.textContent, href: item.querySelector("a")?.getAttribute("href")})),
    coverage: all("#calc-coverage tbody tr").map((row) => ({
      axis: row.dataset.axis, needed: Number(row.cells[1].textContent),
      have: Number(row.cells[2].textContent), status: row.dataset.status})),
    role_links: all("[data-count] a, #hiring-order a:not(.hb-calc-kit)")
      .map((link) => link.getAttribute("href")),
    kits: all("#hiring-order > li").map((item) => ({
      level: item.dataset.level, href: item.querySelector("a.hb-calc-kit")?.getAttribute("href"),
      text: item.querySelector("a.hb-calc-kit")?.textContent})),
    closers: all("#calc-coverage tbody tr .hb-calc-closer").map((cell) => cell.textContent),
  };
}"""


def query_of(request: dict) -> str:
    """The query string the page writes for a request (fields in a fixed order)."""
    parts = [
        f"{name}={quote(str(request[name]), safe='')}"
        for name in DEFAULT
        if name not in ("existing", "lead_now")
    ]
    existing = ",".join(f"{role}:{count}" for role, count in request.get("existing", {}).items())
    if existing:
        parts.append(f"existing={existing}")
    if request.get("lead_now"):
        parts.append("lead=now")
    return "&".join(parts)


def calculator_url(site_server, query: str = "") -> str:
    return site_server.url("/calculator/" + (f"?{query}" if query else ""))


def wait_for_answer(page, status: str = "ready", query: str | None = None) -> None:
    """Wait until the result region shows an answer (optionally for one query string)."""
    page.wait_for_function(
        """([status, query]) => {
          const result = document.getElementById("calculator-result");
          const sameQuery = query === null || result.dataset.request === query;
          return result.dataset.status === status && sameQuery;
        }""",
        arg=[status, query],
        timeout=ENGINE_TIMEOUT,
    )


def wait_for_engine(page) -> None:
    page.wait_for_selector(
        "#calculator-engine-status[data-state=ready]", state="attached", timeout=ENGINE_TIMEOUT
    )


def assert_shows(page, request: dict) -> None:
    """The result region shows exactly the engine's plan for request."""
    expected = recommend(RULES, request)
    shown = page.evaluate(RENDERED_PLAN)
    assert shown["composition"] == expected["composition"]
    assert shown["hiring_order"] == expected["hiring_order"]
    titles = {role["id"]: role["title"] for role in RULES["roles"]}
    levels = {
        (role["id"], level["id"]): level["title"]
        for role in RULES["roles"]
        for level in role["levels"]
    }
    kits = [
        {
            "level": hire["level"],
            "href": f"../kits/{hire['role']}/{hire['level']}/",
            "text": f"Interview kit: {levels[hire['role'], hire['level']]}",
        }
        for hire in expected["hires"]
    ]
    assert shown["kits"] == kits
    assert shown["hiring_titles"] == [
        f"Hire {number} · {titles[hire['role']]}: {hire['why']} {kit['text']}"
        for number, (hire, kit) in enumerate(zip(expected["hires"], kits, strict=True), start=1)
    ]
    assert [(task["title"], task["href"]) for task in shown["fractional"]] == [
        (task["title"], f"../team-composition/#task-{task['id']}")
        for task in expected["fractional"]
    ]
    for task, item in zip(expected["fractional"], shown["fractional"], strict=True):
        assert task["why"] in item["text"]
        assert f"needed {task['needed']}" in item["text"]
        if task["until"] is not None:
            assert f"until hire {task['until']} (" in item["text"]
    assert [(r["text"], r["href"]) for r in shown["rationale"]] == [
        (r["text"], f"../{r['link']}") for r in expected["rationale"]
    ]
    assert shown["coverage"] == [
        {key: row[key] for key in ("axis", "needed", "have", "status")}
        for row in expected["coverage"]
    ]
    for row, closer in zip(expected["coverage"], shown["closers"], strict=True):
        assert (closer == "") == (row["status"] == "met")
        for entry in row["closed_by"]:
            assert levels[entry["role"], entry["level"]] in closer
    assert set(shown["role_links"]) <= {f"../roles/{role}/" for role in ROLE_IDS}
    assert len(shown["role_links"]) == len(expected["composition"]) + len(expected["hiring_order"])
    result = page.locator("#calculator-result")
    assert result.get_attribute("aria-busy") == "false"


@pytest.fixture
def dialogs(page) -> list[str]:
    seen: list[str] = []

    def record(dialog):
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return seen


# ------------------------------------------------------------------------- answers


def test_default_plan_is_shown_from_the_build(page, site_server, built_site):
    page.goto(calculator_url(site_server))
    wait_for_answer(page, query=query_of(DEFAULT))
    assert_shows(page, DEFAULT)
    result = page.locator("#calculator-result")
    assert result.get_attribute("data-source") == "build"
    for role in ROLE_IDS:  # every role link leads to a built role guide
        assert (built_site / "roles" / role / "index.html").is_file()
    kits = page.eval_on_selector_all("a.hb-calc-kit", "links => links.map((a) => a.href)")
    assert kits  # every hire links to its kit, and every kit link leads to a built kit
    for href in kits:
        relative = href.removeprefix(site_server.url("/"))
        assert relative.startswith("kits/") and (built_site / relative / "index.html").is_file()
    assert page.locator("#calc-headcount").input_value() == str(DEFAULT["headcount"])


@pytest.mark.parametrize(
    "request_",
    [
        {**DEFAULT, **OTHER},
        {**DEFAULT, "archetype": ARCHETYPES[-1], "stage": STAGES[0], "headcount": GRID_MAX},
    ],
    ids=["other-fields", "largest-grid-headcount"],
)
def test_shared_grid_url_is_answered_from_precomputed_plans(page, site_server, request_):
    page.goto(calculator_url(site_server, query_of(request_)))
    wait_for_answer(page, query=query_of(request_))
    assert page.locator("#calculator-result").get_attribute("data-source") == "build"
    assert_shows(page, request_)


@pytest.mark.parametrize(
    "request_",
    [
        {**DEFAULT, "existing": {GENERALIST: 2}},
        {**DEFAULT, "archetype": OTHER["archetype"], "headcount": OFF_GRID_HEADCOUNT},
        {
            **DEFAULT,
            "stage": STAGES[-1],
            "headcount": 12,
            "existing": {OTHERS[0]: 3, OTHERS[-1]: 1},
        },
    ],
    ids=["existing-generalists", "off-grid-headcount", "existing-specialists"],
)
def test_off_grid_input_is_answered_by_pyodide(page, site_server, request_):
    page.goto(calculator_url(site_server, query_of(request_)))
    wait_for_answer(page, query=query_of(request_))
    assert page.locator("#calculator-result").get_attribute("data-source") == "engine"
    assert page.locator("#calculator-engine-status").get_attribute("data-state") == "ready"
    assert_shows(page, request_)


def test_the_engine_warms_up_and_still_answers_every_change(page, site_server):
    """After "ready" the worker works out sample plans to get V8 to optimise the interpreter
    (calculator-worker.js), then says it is warm; changes made meanwhile and afterwards get the
    engine's exact answers."""
    start = {"archetype": "llm-api", "stage": "production", "data": "medium", "headcount": 12}
    during = {**start, "existing": {GENERALIST: 2}}
    page.goto(calculator_url(site_server, query_of(during)))
    wait_for_answer(page, query=query_of(during))
    assert_shows(page, during)
    status = page.locator("#calculator-engine-status")
    after = {**during, "headcount": 13}
    status_selector = "#calculator-engine-status[data-warm=true]"
    page.wait_for_selector(status_selector, state="attached", timeout=ENGINE_TIMEOUT)
    assert status.get_attribute("data-state") == "ready"
    page.fill("#calc-headcount", "13")
    wait_for_answer(page, query=query_of(after))
    assert_shows(page, after)


def test_changing_inputs_updates_result_and_url_without_reload(page, site_server):
    page.goto(calculator_url(site_server))
    wait_for_answer(page, query=query_of(DEFAULT))
    page.evaluate("window.__sameDocument = true")

    page.select_option("#calc-archetype", OTHER["archetype"])
    grid = {**DEFAULT, "archetype": OTHER["archetype"]}
    wait_for_answer(page, query=query_of(grid))
    assert_shows(page, grid)

    page.fill("#calc-headcount", "9")
    page.select_option("#calc-data", OTHER["data"])
    page.fill(f"#calc-existing-{OTHERS[-1]}", "1")
    changed = {**grid, "data": OTHER["data"], "headcount": 9, "existing": {OTHERS[-1]: 1}}
    wait_for_answer(page, query=query_of(changed))
    assert_shows(page, changed)
    assert page.locator("#calculator-result").get_attribute("data-source") == "engine"

    params = parse_qs(urlsplit(page.url).query)
    assert params == {
        "archetype": [OTHER["archetype"]],
        "stage": [DEFAULT["stage"]],
        "data": [OTHER["data"]],
        "headcount": ["9"],
        "existing": [f"{OTHERS[-1]}:1"],
    }
    assert page.evaluate("window.__sameDocument") is True  # replaceState, not a navigation


def test_shared_url_round_trips_into_a_fresh_browser(page, browser, site_server):
    page.goto(calculator_url(site_server))
    wait_for_answer(page)
    page.select_option("#calc-archetype", ARCHETYPES[-1])
    page.select_option("#calc-stage", STAGES[-1])
    page.fill("#calc-headcount", "7")
    page.fill(f"#calc-existing-{GENERALIST}", "3")
    page.fill(f"#calc-existing-{OTHERS[-1]}", "1")
    request = {
        "archetype": ARCHETYPES[-1],
        "stage": STAGES[-1],
        "data": DEFAULT["data"],
        "headcount": 7,
        "existing": {GENERALIST: 3, OTHERS[-1]: 1},
    }
    wait_for_answer(page, query=query_of(request))
    shared = page.url

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(shared)
        wait_for_answer(other, query=query_of(request))
        assert_shows(other, request)
        assert other.locator("#calc-archetype").input_value() == ARCHETYPES[-1]
        assert other.locator("#calc-stage").input_value() == STAGES[-1]
        assert other.locator("#calc-headcount").input_value() == "7"
        assert other.locator(f"#calc-existing-{GENERALIST}").input_value() == "3"
        assert other.locator(f"#calc-existing-{OTHERS[-1]}").input_value() == "1"
        assert other.locator(f"#calc-existing-{OTHERS[0]}").input_value() == "0"
        assert other.evaluate(RENDERED_PLAN) == page.evaluate(RENDERED_PLAN)
    finally:
        fresh.close()


def test_keyboard_alone_changes_the_plan(page, site_server):
    page.goto(calculator_url(site_server))
    wait_for_answer(page, query=query_of(DEFAULT))
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "calc-headcount":
            break
    else:
        pytest.fail("Tab never reached the headcount field")
    page.keyboard.press("ArrowUp")
    up = {**DEFAULT, "headcount": DEFAULT["headcount"] + 1}
    wait_for_answer(page, query=query_of(up))
    assert_shows(page, up)
    page.keyboard.press("Shift+Tab")  # back through the fieldset to the data select
    assert page.evaluate("document.activeElement.id") == "calc-data"


# ------------------------------------------------------------------------- bad input


def engine_error(request: dict) -> str:
    answer = json.loads(recommend_json(json.dumps(RULES), json.dumps(request)))
    assert answer["ok"] is False
    return answer["error"]


HOSTILE = [
    (
        "archetype=" + quote("<img src=x onerror=alert(1)>"),
        {**DEFAULT, "archetype": "<img src=x onerror=alert(1)>"},
        "<img src=x onerror=alert(1)>",
    ),
    (
        "existing=" + quote("<script>:1"),
        {**DEFAULT, "existing": {"<script>": 1}},
        "<script>",
    ),
    ("headcount=abc", {**DEFAULT, "headcount": "abc"}, "abc"),
    ("headcount=0", {**DEFAULT, "headcount": 0}, "0"),
    (
        f"headcount={MAX_HEADCOUNT + 1}",
        {**DEFAULT, "headcount": MAX_HEADCOUNT + 1},
        str(MAX_HEADCOUNT + 1),
    ),
    ("headcount=-3", {**DEFAULT, "headcount": -3}, "-3"),
    (f"existing={GENERALIST}:x", {**DEFAULT, "existing": {GENERALIST: "x"}}, "x"),
    (
        "stage=" + quote('"><svg onload=alert(1)>'),
        {**DEFAULT, "stage": '"><svg onload=alert(1)>'},
        "svg onload",
    ),
]


@pytest.mark.parametrize(
    ("query", "request_", "bad_value"), HOSTILE, ids=[case[0][:24] for case in HOSTILE]
)
def test_bad_parameters_show_the_engine_message_as_text(
    page, site_server, dialogs, query, request_, bad_value
):
    page.goto(calculator_url(site_server, query))
    wait_for_answer(page, status="error")
    message = page.locator("#calculator-error").text_content()
    expected = engine_error(request_)
    assert expected in message
    assert bad_value in message
    assert "allowed" in message or "whole number" in message
    result = page.locator("#calculator-result")
    assert result.get_attribute("aria-busy") == "false"
    assert result.locator("img, script, svg, iframe, [onerror], [onload]").count() == 0
    assert page.locator("img[src=x], svg[onload], [onerror], [onload]").count() == 0
    assert "Traceback" not in page.locator("body").text_content()
    page.wait_for_timeout(200)  # a payload would have fired by now
    assert dialogs == []


def test_the_page_explains_itself_and_uses_its_labels_in_errors(page, site_server):
    page.goto(calculator_url(site_server, "headcount=abc"))
    wait_for_answer(page, status="error")
    about = page.locator("#calc-about").text_content()
    assert " ".join(CALCULATOR["description"].split()) in " ".join(about.split())
    assert " ".join(CALCULATOR["how_it_works"].split()) in " ".join(about.split())
    label = page.locator("label[for=calc-headcount]").text_content()
    message = page.locator("#calculator-error").text_content()
    assert message.startswith(f"This plan cannot be worked out: {label}: must be a whole number")


def test_lead_now_is_in_the_form_the_url_and_the_grid(page, site_server):
    request = {**DEFAULT, "headcount": 6}
    page.goto(calculator_url(site_server, query_of(request)))
    wait_for_answer(page, query=query_of(request))
    page.check("#calc-lead-now")
    with_lead = {**request, "lead_now": True}
    wait_for_answer(page, query=query_of(with_lead))
    assert "lead=now" in page.url
    assert page.locator("#calculator-result").get_attribute("data-source") == "build"
    assert_shows(page, with_lead)
    lead = CALCULATOR["lead_now"]
    assert lead["role"] in recommend(RULES, with_lead)["hiring_order"][: lead["by_hire"]]
    page.goto(calculator_url(site_server, query_of(with_lead)))
    wait_for_answer(page, query=query_of(with_lead))
    assert page.locator("#calc-lead-now").is_checked()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_lead_checkbox_sits_beside_its_label(page, site_server, width):
    """A checkbox above its own label, centred, reads as a stray box (and on a phone the label
    fell under the summary that stays in view)."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(calculator_url(site_server))
    wait_for_answer(page)
    box = page.locator("#calc-lead-now").bounding_box()
    label = page.locator("label[for=calc-lead-now]").bounding_box()
    assert box["x"] + box["width"] <= label["x"]
    assert abs((box["y"] + box["height"] / 2) - (label["y"] + label["height"] / 2)) < 4


def test_a_short_summary_follows_every_change_on_a_phone(page, site_server):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(calculator_url(site_server))
    wait_for_answer(page)
    summary = page.locator("#calc-mini-summary")
    assert summary.is_visible()
    page.fill("#calc-headcount", "2")
    request = {**DEFAULT, "headcount": 2}
    wait_for_answer(page, query=query_of(request))
    titles = {role["id"]: role["title"] for role in RULES["roles"]}
    order = recommend(RULES, request)["hiring_order"]
    roles = ", ".join(titles[role] for role in order)
    assert summary.text_content().startswith(f"Your plan: 2 new hires: {roles};")

    # A larger plan: how many of each role, in the order they first come, and the first three.
    page.fill("#calc-headcount", "12")
    request = {**DEFAULT, "headcount": 12}
    wait_for_answer(page, query=query_of(request))
    order = recommend(RULES, request)["hiring_order"]
    mix = ", ".join(f"{titles[role]} ×{order.count(role)}" for role in dict.fromkeys(order))
    first = ", ".join(titles[role] for role in order[:3])
    assert summary.text_content().startswith(
        f"Your plan: 12 new hires ({mix}), starting with {first};"
    )
    page.set_viewport_size({"width": 1280, "height": 800})
    assert not summary.is_visible()


def test_bad_parameter_recovers_on_the_next_change(page, site_server):
    page.goto(calculator_url(site_server, "headcount=abc"))
    wait_for_answer(page, status="error")
    page.fill("#calc-headcount", "4")
    wait_for_answer(page, query=query_of({**DEFAULT, "headcount": 4}))
    assert_shows(page, {**DEFAULT, "headcount": 4})


def test_engine_load_failure_is_reported_and_grid_still_works(page, site_server):
    page.route("**/calculator/pyodide/pyodide.asm.wasm", lambda route: route.fulfill(status=404))
    page.goto(calculator_url(site_server, f"existing={GENERALIST}:2"))
    wait_for_answer(page, status="error")
    status = page.locator("#calculator-engine-status")
    assert status.get_attribute("data-state") == "failed"
    assert "could not load" in status.text_content()
    assert "could not load" in page.locator("#calculator-error").text_content()
    page.fill(f"#calc-existing-{GENERALIST}", "0")
    wait_for_answer(page, query=query_of(DEFAULT))
    assert_shows(page, DEFAULT)


# ------------------------------------------------------------------------- network


def test_calculator_makes_no_request_to_another_origin(page, site_server, foreign_requests):
    local: list[str] = []
    page.on("request", lambda request: local.append(request.url))
    request = {**DEFAULT, "headcount": OFF_GRID_HEADCOUNT}
    page.goto(calculator_url(site_server, query_of(request)))
    wait_for_answer(page, query=query_of(request))
    wait_for_engine(page)
    page.fill(f"#calc-existing-{OTHERS[0]}", "1")
    wait_for_answer(page, query=query_of({**request, "existing": {OTHERS[0]: 1}}))
    page.wait_for_load_state("networkidle")
    assert foreign_requests == []
    assert any(url.endswith("/calculator/pyodide/pyodide.asm.wasm") for url in local)
    assert any(url.endswith("/calculator/engine/engine/request.py") for url in local)
    assert any(url.endswith("/calculator/engine/spec/language.py") for url in local)


@pytest.mark.parametrize("path", ["/", "/questions/"])
def test_other_pages_download_none_of_the_calculator(page, site_server, path):
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(site_server.url(path))
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("handbook.css") for url in seen)
    assert [
        url for url in seen if "/calculator/" in url or "calculator" in url.rsplit("/", 1)[-1]
    ] == []


# ------------------------------------------------------------------------- accessibility


@pytest.mark.parametrize("query", ["", f"existing={GENERALIST}:2", "headcount=abc"])
def test_calculator_content_has_no_axe_violations(page, site_server, query):
    """The calculator's own markup in each state (the whole page is checked below)."""
    page.goto(calculator_url(site_server, query))
    wait_for_answer(page, status="error" if "abc" in query else "ready")
    assert run_axe(page, ".hb-calculator") == []


def test_calculator_page_has_no_axe_violations_when_ready(page, site_server):
    page.goto(calculator_url(site_server))
    wait_for_answer(page)
    wait_for_engine(page)
    assert run_axe(page) == []


def test_calculator_error_state_has_no_axe_violations(page, site_server):
    page.goto(calculator_url(site_server, "headcount=abc"))
    wait_for_answer(page, status="error")
    assert run_axe(page) == []


@pytest.mark.parametrize("path", ["/", "/questions/", f"/roles/{GENERALIST}/"])
def test_other_pages_have_no_axe_violations(page, site_server, path):
    page.goto(site_server.url(path))
    assert run_axe(page) == []


def test_result_region_is_announced(page, site_server):
    page.goto(calculator_url(site_server))
    wait_for_answer(page)
    result = page.locator("#calculator-result")
    assert result.get_attribute("aria-live") == "polite"
    assert result.get_attribute("aria-labelledby") == "calculator-result-title"
    assert page.locator("#calculator-result-title").count() == 1


# ------------------------------------------------------------------------- export


def test_download_json_is_the_exact_plan(page, site_server):
    request = {**DEFAULT, "archetype": OTHER["archetype"], "headcount": 11}
    request["existing"] = {GENERALIST: 1}
    page.goto(calculator_url(site_server, query_of(request)))
    wait_for_answer(page, query=query_of(request))
    with page.expect_download() as download_info:
        page.click("#calc-download-json")
    download = download_info.value
    assert download.suggested_filename.endswith(".json")
    exported = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert exported == {
        "edition": EDITION,
        "link": page.url,
        "plan": recommend(RULES, request),
    }
    assert "Downloaded" in page.locator("#calc-action-status").text_content()


def test_copy_plan_as_markdown_and_copy_link(page, context, site_server):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.origin)
    request = {**DEFAULT, "stage": STAGES[-1], "headcount": 6}
    page.goto(calculator_url(site_server, query_of(request)))
    wait_for_answer(page, query=query_of(request))
    expected = recommend(RULES, request)
    titles = {role["id"]: role["title"] for role in RULES["roles"]}

    page.click("#calc-copy-markdown")
    page.wait_for_function("() => document.getElementById('calc-action-status').textContent !== ''")
    markdown = page.evaluate("navigator.clipboard.readText()")
    assert markdown.startswith("# Hiring plan")
    order = [
        f"{n}. [{titles[hire['role']]}]({site_server.url('/' + hire['link'])}): {hire['why']}"
        for n, hire in enumerate(expected["hires"], 1)
    ]
    assert "\n".join(order) in markdown
    for task in expected["fractional"]:
        assert f"- **{task['title']}** — needed {task['needed']}" in markdown
        assert f": {task['why']}" in markdown
    assert f"edition {EDITION}: {page.url}" in markdown
    for role, count in expected["composition"].items():
        assert f"/roles/{role}/) | 0 | {count} | {count} |" in markdown
    assert page.url in markdown
    assert "Markdown" in page.locator("#calc-action-status").text_content()

    page.click("#calc-copy-link")
    page.wait_for_function(
        "() => document.getElementById('calc-action-status').textContent.includes('Link')"
    )
    assert page.evaluate("navigator.clipboard.readText()") == page.url


def test_copy_falls_back_to_a_selected_text_field(page, site_server):
    page.add_init_script(
        "Object.defineProperty(navigator, 'clipboard', {value: {writeText: () =>"
        " Promise.reject(new Error('denied'))}})"
    )
    page.goto(calculator_url(site_server))
    wait_for_answer(page)
    page.click("#calc-copy-link")
    fallback = page.locator("#calc-export-text")
    fallback.wait_for(state="visible")
    assert fallback.input_value() == page.url
    assert page.evaluate("document.activeElement.id") == "calc-export-text"
    selected = page.evaluate(
        "(() => { const field = document.activeElement;"
        " return field.value.slice(field.selectionStart, field.selectionEnd); })()"
    )
    assert selected == page.url
    assert "Ctrl+C" in page.locator("#calc-action-status").text_content()
    assert run_axe(page, "#calc-export-fallback") == []
