"""The calculator's memory snapshot and offline copy in Chromium.

The snapshot: an off-grid answer restored from it equals the CLI's JSON; a damaged snapshot and
the `?snapshot=off` switch still answer and the status line says why. The offline copy: after one
visit, with the HTTP server stopped (Playwright's set_offline does not reach a service worker's
own fetches), an off-grid link is answered; after a rebuild with changed rules, the next visit
answers with the new rules and says that an update was picked up. No test asserts a time.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser_support import StaticServer
from handbook.content import load
from handbook.engine import recommend
from support import build_site, project_copy, real_handbook

RULES = real_handbook().calculator_rules()
ENGINE_TIMEOUT = 120_000  # ms: a busy machine makes Pyodide slow
SAVED_TIMEOUT = 180_000  # ms: the service worker keeps about 20 MB first
REQUEST = {
    "archetype": "llm-api",
    "stage": "production",
    "data": "medium",
    "headcount": 12,
    "existing": {"ml-engineer": 2},
}
QUERY = "archetype=llm-api&stage=production&data=medium&headcount=12&existing=ml-engineer:2"
OTHER = {**REQUEST, "headcount": 13, "existing": {"ml-engineer": 1}}
OTHER_QUERY = "archetype=llm-api&stage=production&data=medium&headcount=13&existing=ml-engineer:1"


def cli_json(request: dict) -> dict:
    existing = [f"{role}={count}" for role, count in request["existing"].items()]
    command = [str(Path(sys.executable).parent / "handbook"), "recommend", "--json"]
    command += ["--archetype", request["archetype"], "--headcount", str(request["headcount"])]
    command += ["--stage", request["stage"], "--data-complexity", request["data"]]
    command += ["--existing", *existing] if existing else []
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def open_answer(page, url: str, query: str) -> None:
    page.goto(url)
    page.wait_for_selector(
        f"#calculator-result[data-status=ready][data-request='{query}']",
        state="attached",
        timeout=ENGINE_TIMEOUT,
    )
    assert page.get_attribute("#calculator-result", "data-source") == "engine"


def downloaded_plan(page) -> dict:
    with page.expect_download() as download:
        page.click("#calc-download-json")
    wrapped = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert set(wrapped) == {"edition", "link", "plan"}  # the download names where it came from
    return wrapped["plan"]


def engine_status(page) -> str:
    return page.text_content("#calculator-engine-status")


def wait_offline_state(page, state: str) -> str:
    selector = f"#calculator-offline-status[data-state={state}]"
    try:
        page.wait_for_selector(selector, state="attached", timeout=SAVED_TIMEOUT)
    except PlaywrightTimeout:
        pytest.fail(f"no {state!r}: {page.text_content('#calculator-offline-status')!r}")
    return page.text_content(selector)


def test_an_answer_from_the_snapshot_equals_the_cli(page, site_server, built_site):
    snapshots = list((built_site / "calculator" / "snapshot").glob("engine-*.bin.gz"))
    assert len(snapshots) == 1
    open_answer(page, site_server.url(f"/calculator/?{QUERY}"), QUERY)
    assert "from the build's snapshot" in engine_status(page)
    assert downloaded_plan(page) == cli_json(REQUEST)


def test_a_damaged_snapshot_falls_back_to_a_plain_start(page, site_server, built_site):
    snapshot = next((built_site / "calculator" / "snapshot").glob("*.bin.gz")).read_bytes()
    damaged = snapshot[: len(snapshot) // 2]  # gzip's length and CRC no longer match
    page.route("**/calculator/snapshot/*", lambda route: route.fulfill(body=damaged))
    open_answer(page, site_server.url(f"/calculator/?{QUERY}"), QUERY)
    status = engine_status(page)
    assert "without the snapshot: the snapshot did not restore" in status
    assert downloaded_plan(page) == cli_json(REQUEST)


def test_the_switch_starts_the_engine_without_the_snapshot(page, site_server):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_answer(page, site_server.url(f"/calculator/?{QUERY}&snapshot=off"), QUERY)
    assert "without a snapshot" in engine_status(page)
    assert not [url for url in requests if "/snapshot/" in url]
    assert downloaded_plan(page) == recommend(RULES, REQUEST)


def test_after_one_visit_an_off_grid_link_is_answered_with_the_server_stopped(context, built_site):
    with StaticServer(built_site) as server:
        first = context.new_page()
        open_answer(first, server.url(f"/calculator/?{QUERY}"), QUERY)
        assert "saved for offline use" in wait_offline_state(first, "saved")
    with pytest.raises(OSError):  # the server is gone
        urllib.request.urlopen(server.url("/"), timeout=5)
    page = context.new_page()
    open_answer(page, server.url(f"/calculator/?{OTHER_QUERY}"), OTHER_QUERY)
    assert "from the build's snapshot" in engine_status(page)
    assert downloaded_plan(page) == recommend(RULES, OTHER)
    assert "saved for offline use" in wait_offline_state(page, "saved")


def change_rules(data: Path) -> dict:
    """Raise the generalist base in the copy's rules; the new rules."""
    path = data / "composition.yaml"
    composition = yaml.safe_load(path.read_text(encoding="utf-8"))
    composition["calculator"]["generalist"]["base"] += 2
    path.write_text(yaml.safe_dump(composition, sort_keys=False, allow_unicode=True), "utf-8")
    return load(data).calculator_rules()


def test_after_a_rebuild_with_new_rules_the_next_visit_uses_them(context, tmp_path):
    project = project_copy(tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    with StaticServer(site) as server:
        page = context.new_page()
        open_answer(page, server.url(f"/calculator/?{QUERY}"), QUERY)
        wait_offline_state(page, "saved")
        new_rules = change_rules(project / "data")
        assert recommend(new_rules, REQUEST) != recommend(RULES, REQUEST)
        rebuilt = build_site(project, site)
        assert rebuilt.returncode == 0, rebuilt.stderr
        again = context.new_page()
        open_answer(again, server.url(f"/calculator/?{QUERY}"), QUERY)
        assert downloaded_plan(again) == recommend(new_rules, REQUEST)
        assert "update picked up" in wait_offline_state(again, "updated")
        again.reload()  # the page asks the new service worker, which drops any older copy again
        wait_offline_state(again, "saved")
        again.wait_for_function("async () => (await caches.keys()).length === 1", polling=500)
        names = again.evaluate("caches.keys()")
        assert names[0].startswith(f"handbook-calculator {load(project / 'data').edition} ")
