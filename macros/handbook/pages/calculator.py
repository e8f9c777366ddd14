"""Calculator assets for the built site: engine source, rules, precomputed plans, Pyodide.

Plans for the standard grid (engine.grid) are computed at build time by the same engine that
runs in the browser, so shared links on the grid answer without waiting for Pyodide.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import engine
from ..content.model import Handbook
from . import grid_cache
from .render import render

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
    """Every stdlib-only module the browser loads, by path inside the `handbook` package."""
    package = Path(str(resources.files("handbook")))
    sources = {"__init__.py": package / "__init__.py"}
    for name in engine.BROWSER_PACKAGES:
        for path in sorted((package / name).glob("*.py")):
            sources[f"{name}/{path.name}"] = path
    return sources


def engine_digest() -> str:
    """A digest of the engine's source: precomputed plans are valid while it is unchanged."""
    digest = hashlib.sha256()
    for name, path in engine_sources().items():
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


PLAN_WORKERS = 4  # processes for the grid plans at most
PARALLEL_FROM = 400  # plans: below this, starting processes costs more than it saves
PLANS_LAYOUT = "by-setting"  # part of the cache key: kept plans in an older layout are not reused


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def script_json(value: Any) -> Markup:
    """JSON for a <script type="application/json"> element: no "<", so no text from the data
    can close or comment the element."""
    return Markup(_json(value).replace("<", "\\u003c"))


@lru_cache(maxsize=4)
def grid_plan_files(rules_json: str, digest: str, cache: Path) -> dict[str, str]:
    """Plan file path -> JSON for every grid request, kept by the rules and engine digest in
    memory (`mkdocs serve` rebuilds) and on disk under cache (fresh builds; grid_cache.py)."""
    key = grid_cache.cache_key(rules_json, f"{digest}:{PLANS_LAYOUT}")
    return grid_cache.cached_plans(cache, key, lambda: _computed_plans(rules_json))


def _setting_file(rules: dict[str, Any], requests: list[dict[str, Any]]) -> str:
    """One setting's plans file: each headcount's plan under its number."""
    return _json({str(r["headcount"]): engine.recommend(rules, r) for r in requests})


def _computed_plans(rules_json: str, workers: int | None = None) -> dict[str, str]:
    """One file per grid setting (engine.grid_setting): a few dozen files rather than one per
    plan, which made writing the site slow. Settings are worked out in parallel processes when
    there are several CPUs and enough plans (a fresh build of a large handbook spent seconds
    here); if processes cannot be started, one after another."""
    rules = json.loads(rules_json)
    settings: dict[str, list[dict[str, Any]]] = {}
    for request in engine.grid_requests(rules):
        settings.setdefault(engine.grid_setting(request), []).append(request)
    names = list(settings)
    workers = workers or min(os.cpu_count() or 1, PLAN_WORKERS)
    texts = None
    if workers > 1 and sum(map(len, settings.values())) >= PARALLEL_FROM:
        texts = _in_processes(rules, [settings[name] for name in names], workers)
    if texts is None:
        texts = [_setting_file(rules, settings[name]) for name in names]
    return {f"{ASSET_DIR}/plans/{name}.json": text for name, text in zip(names, texts, strict=True)}


def _in_processes(rules: dict[str, Any], groups: list[list[dict[str, Any]]], workers: int):
    """Each group's file from a pool of fresh processes, or None when none can be used."""
    context = multiprocessing.get_context("spawn")  # no fork of a threaded `mkdocs serve`
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            return list(pool.map(_setting_file, [rules] * len(groups), groups))
    except (OSError, BrokenProcessPool, RuntimeError):
        return None


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
    files: dict[str, str | Path] = {f"{ASSET_DIR}/rules.json": hb.calculator_rules_json}
    for name, path in engine_sources().items():
        files[f"{ASSET_DIR}/engine/{name}"] = path
    cache = grid_cache.cache_dir(project_root)
    files.update(grid_plan_files(hb.calculator_rules_json, engine_digest(), cache))
    directory = pyodide_dir(project_root)
    for name in PYODIDE_FILES:
        files[f"{ASSET_DIR}/pyodide/{name}"] = directory / name
    return files


def grid_json(hb: Handbook) -> Markup:
    """The grid as data for the page head and calculator.js (see engine.grid)."""
    return script_json(engine.grid_description(hb.calculator_rules()))


def calculator_page(hb: Handbook, root: str) -> str:
    """The calculator form and result region; the default plan is embedded as JSON."""
    rules = hb.calculator_rules()
    request = engine.default_request(rules)
    boot = {
        "root": root,
        "edition": hb.edition,
        "assets": f"{root}{ASSET_DIR}/",
        "engine": list(engine_sources()),
        "titles": {
            "roles": {role.id: role.title for role in hb.roles},
            "levels": {
                role.id: {level.id: level.title for level in role.levels} for role in hb.roles
            },
            "axes": {axis.id: axis.name for axis in hb.base_axes},
        },
        "default": {"request": request, "plan": engine.recommend(rules, request)},
    }
    return render(
        "calculator.md.j2",
        hb=hb,
        rules=rules,
        request=request,
        boot=script_json(boot),
        root=root,
        labels=engine.FIELD_LABELS,
        lead_now_label=engine.lead_now_label(rules),
    )
