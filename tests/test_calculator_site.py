"""Calculator assets: precomputed plans equal the engine's, links resolve, boot JSON is inert."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from handbook import calculator_site, engine
from handbook.validate import load_handbook
from support import DATA, ROOT

HB = load_handbook(DATA)
RULES = HB.calculator_rules()


def test_every_grid_plan_is_the_engines_answer():
    assets = calculator_site.assets(HB, ROOT)
    plans = {uri: text for uri, text in assets.items() if uri.startswith("calculator/plans/")}
    keys = calculator_site.grid_keys(RULES)
    assert len(plans) == len(keys) * calculator_site.GRID_MAX_HEADCOUNT
    for archetype, stage, data in keys[:: max(1, len(keys) // 5)]:
        for headcount in (1, 7, calculator_site.GRID_MAX_HEADCOUNT):
            request = {"archetype": archetype, "stage": stage, "data": data, "headcount": headcount}
            uri = f"calculator/plans/{archetype}.{stage}.{data}/{headcount}.json"
            assert json.loads(plans[uri]) == engine.recommend(RULES, request)


def test_engine_and_runtime_files_are_shipped():
    assets = calculator_site.assets(HB, ROOT)
    for name in calculator_site.engine_sources():
        assert f"calculator/engine/{name}" in assets
    for name in calculator_site.PYODIDE_FILES:
        assert assets[f"calculator/pyodide/{name}"].is_file()
    assert json.loads(assets["calculator/rules.json"]) == RULES


def test_boot_json_cannot_close_its_script_element():
    page = calculator_site.calculator_page(HB, "../")
    boot = page.split('id="calculator-boot">', 1)[1].split("</script>", 1)[0]
    assert "<" not in boot
    assert json.loads(boot)["default"]["plan"] == engine.recommend(
        RULES, calculator_site.default_request(RULES)
    )


def test_every_link_in_every_grid_plan_resolves_in_the_site(built_site):
    """Rationale and fractional links point at pages and anchors that exist."""
    ids_by_page: dict[str, set[str]] = {}

    def ids_of(page: str) -> set[str]:
        if page not in ids_by_page:
            html = (built_site / page / "index.html").read_text(encoding="utf-8")
            soup = BeautifulSoup(html, "html.parser")
            ids_by_page[page] = {element["id"] for element in soup.find_all(id=True)}
        return ids_by_page[page]

    links = set()
    for plans in calculator_site.grid_plans(RULES).values():
        for plan in plans:
            links |= {reason["link"] for reason in plan["rationale"]}
            links |= {f"team-composition/#task-{task['id']}" for task in plan["fractional"]}
    assert links
    for link in sorted(links):
        parts = urlsplit(link)
        page = parts.path.strip("/")
        assert (built_site / page / "index.html").is_file(), link
        if parts.fragment:
            assert parts.fragment in ids_of(page), link
