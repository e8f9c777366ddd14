"""The layout's rules, enforced: what each room may import, no cycles, small modules.

Rooms (macros/handbook/<room>/), each with one dependency rule:
  spec      the one spec language and problem type: standard library only
  engine    the calculator (also runs in Pyodide): standard library and spec only
  content   YAML -> problems -> frozen model: adds PyYAML, and uses engine and spec
  pages     renderers and templates: adds Jinja2 and MarkupSafe
  editions  snapshots, changes, release: adds git and mike (as programs), no rendering
  cli       the `handbook` command
Only macros/main.py imports MkDocs or mkdocs-macros.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from support import ROOT

PACKAGE = ROOT / "macros" / "handbook"
ROOMS = ("spec", "engine", "content", "pages", "editions", "cli")
# room -> (third-party top-level modules allowed, handbook rooms allowed)
ALLOWED = {
    "spec": (set(), set()),
    "engine": (set(), {"spec"}),
    "content": ({"yaml"}, {"spec", "engine"}),
    "pages": ({"jinja2", "markupsafe", "markdown"}, {"spec", "engine", "content", "editions"}),
    "editions": (set(), {"spec", "content"}),
    "cli": (set(), {"spec", "engine", "content", "editions"}),
}
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 40


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Absolute names of everything path imports (relative imports resolved)."""
    inside = path.is_relative_to(PACKAGE)
    name = module_name(path) if inside else ""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def room_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0]


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_room_imports_only_what_its_rule_allows(path):
    if path.parent == PACKAGE:
        assert path.name == "__init__.py"
        return
    room = room_of(path)
    third_party, rooms = ALLOWED[room]
    for name in imports(path):
        top = name.split(".")[0]
        if top == "handbook":
            parts = name.split(".")
            if len(parts) > 1 and parts[1] in ROOMS:
                other = parts[1]
                assert other == room or other in rooms, f"{room} may not import handbook.{other}"
        elif top not in sys.stdlib_module_names and top != "__future__":
            assert top in third_party, f"{room} may not import {top}"


def test_only_main_imports_mkdocs():
    for path in [*modules(), *(ROOT / "bench").glob("*.py")]:
        tops = {name.split(".")[0] for name in imports(path)}
        assert not tops & {"mkdocs", "mkdocs_macros", "material"}, path
    assert "mkdocs" in {name.split(".")[0] for name in imports(ROOT / "macros" / "main.py")}


def test_no_import_cycles_between_modules():
    names = {module_name(path): path for path in modules()}
    graph = {
        name: {other for other in imports(path) if other in names and other != name}
        for name, path in names.items()
    }
    for name in graph:  # a package importing its own modules is not a cycle through itself
        graph[name] = {o for o in graph[name] if not o.startswith(name + ".")}
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for other in graph[name]:
            assert state.get(other) != "open", " -> ".join([*trail, name, other])
            if other not in state:
                visit(other, [*trail, name])
        state[name] = "done"

    for name in graph:
        if name not in state:
            visit(name, [])


def test_modules_and_functions_stay_small():
    for path in [*modules(), ROOT / "macros" / "main.py"]:
        text = path.read_text(encoding="utf-8")
        assert text.count("\n") <= MAX_MODULE_LINES, path
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                assert length <= MAX_FUNCTION_LINES, f"{path}:{node.lineno} {node.name}"


def test_the_rules_catch_a_forbidden_import(tmp_path):
    """The import reader resolves relative imports, so a rule break cannot hide behind one."""
    engine = tmp_path / "handbook" / "engine"
    engine.mkdir(parents=True)
    bad = engine / "bad.py"
    bad.write_text("from ..pages import render\nimport yaml\n", encoding="utf-8")
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path / "handbook"
    try:
        assert {"handbook.pages", "handbook.pages.render", "yaml"} <= imports(bad)
    finally:
        PACKAGE = saved
