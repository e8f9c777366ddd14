"""Calculator assets from the tiny handbook: the engine's sources are shipped, the boot and grid
JSON cannot break out of their script elements."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import fixtures
from handbook import engine
from handbook.pages import calculator
from handbook.pages.calculator import PYODIDE_FILES, MissingPyodide

HOSTILE = "</script><script>alert(1)</script><!--"


@pytest.fixture
def project(tmp_path) -> Path:
    """A project root whose node_modules/pyodide holds (empty) runtime files."""
    pyodide = tmp_path / "node_modules" / "pyodide"
    pyodide.mkdir(parents=True)
    for name in PYODIDE_FILES:
        (pyodide / name).write_bytes(b"")
    return tmp_path


def test_engine_rules_and_runtime_files_are_shipped(tiny_handbook, project):
    assets = calculator.assets(tiny_handbook, project)
    for name, path in calculator.engine_sources().items():
        assert assets[f"calculator/engine/{name}"] == path
    for name in PYODIDE_FILES:
        assert assets[f"calculator/pyodide/{name}"] == project / "node_modules" / "pyodide" / name
    assert json.loads(assets["calculator/rules.json"]) == fixtures.rules()


def test_engine_sources_are_the_browser_packages(tmp_path):
    sources = calculator.engine_sources()
    package = Path(engine.__file__).parent.parent
    expected = ["__init__.py"] + [
        f"{name}/{path.name}"
        for name in engine.BROWSER_PACKAGES
        for path in sorted((package / name).glob("*.py"))
    ]
    assert list(sources) == expected
    assert "engine/request.py" in sources and "spec/language.py" in sources
    assert all(path.is_file() for path in sources.values())


def test_the_engine_digest_follows_its_sources(monkeypatch, tmp_path):
    digest = calculator.engine_digest()
    assert digest == calculator.engine_digest() and len(digest) == 16
    copy = tmp_path / "request.py"
    copy.write_bytes(calculator.engine_sources()["engine/request.py"].read_bytes() + b"\n")
    changed = {**calculator.engine_sources(), "engine/request.py": copy}
    monkeypatch.setattr(calculator, "engine_sources", lambda: changed)
    assert calculator.engine_digest() != digest


def test_missing_pyodide_names_the_files_and_the_fix(tmp_path, project):
    with pytest.raises(MissingPyodide) as error:
        calculator.pyodide_dir(tmp_path / "elsewhere")
    assert "Pyodide is not installed" in str(error.value)
    assert str(error.value).endswith("run `make setup` (npm ci) first")
    (project / "node_modules" / "pyodide" / "pyodide.asm.wasm").unlink()
    with pytest.raises(MissingPyodide, match=r"\(pyodide\.asm\.wasm missing in "):
        calculator.pyodide_dir(project)


def _hostile(hb):
    roles = (dataclasses.replace(hb.roles[0], title=HOSTILE), *hb.roles[1:])
    rules = hb.calculator_rules()
    rules["calculator"]["archetypes"][0]["title"] = HOSTILE
    rules["roles"][0]["title"] = HOSTILE
    return dataclasses.replace(hb, roles=roles, calculator_rules_json=json.dumps(rules))


def test_boot_json_cannot_close_its_script_element(tiny_handbook):
    hb = _hostile(tiny_handbook)
    page = calculator.calculator_page(hb, "../")
    boot = page.split('id="calculator-boot">', 1)[1].split("</script>", 1)[0]
    assert "<" not in boot
    data = json.loads(boot)
    rules = hb.calculator_rules()
    request = engine.default_request(rules)
    assert data["default"] == {"request": request, "plan": engine.recommend(rules, request)}
    assert data["engine"] == list(calculator.engine_sources())
    assert data["titles"]["roles"]["engineer"] == HOSTILE
    assert data["assets"] == "../calculator/"
    grid = str(calculator.grid_json(hb))
    assert "<" not in grid
    assert json.loads(grid) == engine.grid_description(rules)


def test_calculator_form_offers_what_the_rules_allow(tiny_handbook):
    page = BeautifulSoup(calculator.calculator_page(tiny_handbook, "../"), "html.parser")
    options = [o["value"] for o in page.select("#calc-archetype option")]
    assert options == fixtures.ARCHETYPES
    assert page.select_one("#calc-archetype option[selected]")["value"] == "research"
    assert [o["value"] for o in page.select("#calc-stage option")] == fixtures.STAGES
    assert [o["value"] for o in page.select("#calc-data option")] == fixtures.DATA_LEVELS
    headcount = page.select_one("#calc-headcount")
    assert (headcount["max"], headcount["value"]) == ("40", "3")
    existing = [field["data-existing-role"] for field in page.select("[data-existing-role]")]
    assert existing == fixtures.ROLE_IDS
    assert page.select_one("#calc-existing-ops")["max"] == "100"
    scripts = [s.get("src") for s in page.find_all("script") if s.get("src")]
    assert scripts == [
        "../assets/javascripts/calculator-plan.js",
        "../assets/javascripts/calculator-engine.js",
        "../assets/javascripts/calculator.js",
    ]
