"""Calculator assets for the built site: engine source, rules, precomputed plans, Pyodide.

Plans for the standard grid (every archetype x stage x data complexity x 1-30 hires, no existing
team) are computed at build time by the same engine that runs in the browser, so shared links on
the grid answer without waiting for Pyodide.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from handbook import engine
from handbook.model import Handbook
from handbook.render import render

GRID_MAX_HEADCOUNT = 30
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
ASSET_DIR = "calculator"


class MissingPyodide(FileNotFoundError):
    """The npm package is not installed: the calculator cannot be built."""


def engine_sources() -> dict[str, Path]:
    """Every stdlib-only engine module the browser loads (engine.ENGINE_FILES)."""
    package = Path(str(resources.files("handbook")))
    return {name: package / name for name in engine.ENGINE_FILES}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def grid_keys(rules: dict[str, Any]) -> list[tuple[str, str, str]]:
    calculator = rules["calculator"]
    return [
        (archetype["id"], stage["id"], data["id"])
        for archetype in calculator["archetypes"]
        for stage in calculator["stages"]
        for data in calculator["data_complexity"]
    ]


def grid_plans(rules: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """'archetype.stage.data' -> plans for 1..30 hires with no existing team (one file each)."""
    plans = {}
    for archetype, stage, data in grid_keys(rules):
        request = {"archetype": archetype, "stage": stage, "data": data, "existing": {}}
        plans[f"{archetype}.{stage}.{data}"] = [
            engine.recommend(rules, {**request, "headcount": n})
            for n in range(1, GRID_MAX_HEADCOUNT + 1)
        ]
    return plans


def pyodide_dir(project_root: Path) -> Path:
    directory = project_root / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (directory / name).is_file()]
    if missing:
        raise MissingPyodide(
            f"Pyodide is not installed ({', '.join(missing)} missing in {directory}); "
            "run `make setup` (npm ci) first"
        )
    return directory


def assets(hb: Handbook, project_root: Path) -> dict[str, str | Path]:
    """Site path -> text content or source file, for everything the calculator page loads."""
    rules = hb.calculator_rules()
    files: dict[str, str | Path] = {f"{ASSET_DIR}/rules.json": hb.calculator_rules_json}
    for name, path in engine_sources().items():
        files[f"{ASSET_DIR}/engine/{name}"] = path
    for key, plans in grid_plans(rules).items():
        for headcount, plan in enumerate(plans, start=1):
            files[f"{ASSET_DIR}/plans/{key}/{headcount}.json"] = _json(plan)
    directory = pyodide_dir(project_root)
    for name in PYODIDE_FILES:
        files[f"{ASSET_DIR}/pyodide/{name}"] = directory / name
    return files


def default_request(rules: dict[str, Any]) -> dict[str, Any]:
    calculator = rules["calculator"]
    return {
        "archetype": calculator["archetypes"][0]["id"],
        "stage": calculator["defaults"]["stage"],
        "data": calculator["defaults"]["data"],
        "headcount": calculator.get("default_headcount", 5),
        "existing": {},
    }


def calculator_page(hb: Handbook, root: str) -> str:
    """The calculator form and result region; the default plan is embedded as JSON."""
    rules = hb.calculator_rules()
    request = default_request(rules)
    boot = {
        "root": root,
        "assets": f"{root}{ASSET_DIR}/",
        "engine": list(engine_sources()),
        "gridMax": GRID_MAX_HEADCOUNT,
        "titles": {
            "roles": {role.id: role.title for role in hb.roles},
            "axes": {axis.id: axis.name for axis in hb.base_axes},
        },
        "default": {"request": request, "plan": engine.recommend(rules, request)},
    }
    # No "<" inside the JSON script element, so no text from the data can close or comment it.
    boot_json = Markup(_json(boot).replace("<", "\\u003c"))
    return render(
        "calculator.md.j2", hb=hb, rules=rules, request=request, boot=boot_json, root=root
    )
