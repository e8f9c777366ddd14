"""Calculator assets for the built site: engine source, rules, precomputed plans, Pyodide.

Plans for the standard grid (engine.grid) are computed at build time by the same engine that
runs in the browser, so shared links on the grid answer without waiting for Pyodide.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import engine
from ..content.model import Handbook
from . import grid_cache, grid_plans
from .grid_plans import compact_json
from .paths import CALCULATOR_DIR
from .render import render

PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
ASSET_DIR = CALCULATOR_DIR


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


def script_json(value: Any) -> Markup:
    """JSON for a <script type="application/json"> element: no "<", so no text from the data
    can close or comment the element."""
    return Markup(compact_json(value).replace("<", "\\u003c"))


def start_grid_plans(hb: Handbook, project_root: Path) -> grid_plans.Plans:
    """This build's grid plans (grid_plans.py): kept ones, or a process working them out."""
    cache = grid_cache.cache_dir(project_root)
    return grid_plans.start(hb.calculator_rules_json, engine_digest(), cache)


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
    """Site path -> text content or source file, for what the calculator page loads (but the
    grid plans: start_grid_plans)."""
    files: dict[str, str | Path] = {f"{ASSET_DIR}/rules.json": hb.calculator_rules_json}
    for name, path in engine_sources().items():
        files[f"{ASSET_DIR}/engine/{name}"] = path
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
