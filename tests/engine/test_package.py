"""engine/__init__.py: the engine's public names, and the browser packages being self-contained.

The browser copies handbook/__init__.py, spec/ and engine/ (BROWSER_PACKAGES) into Pyodide and
nothing else; the same copy must import and answer in a bare CPython (the import rules per room
are in test_architecture.py).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import fixtures
from handbook import engine
from handbook.pages.calculator import engine_sources


def test_the_public_names_are_all_importable():
    assert sorted(engine.__all__) == sorted(set(engine.__all__))
    for name in engine.__all__:
        assert getattr(engine, name) is not None, name


def test_only_the_browser_packages_answer_in_a_bare_interpreter(tmp_path):
    for name, path in engine_sources().items():
        target = tmp_path / "handbook" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    assert sorted(p.name for p in (tmp_path / "handbook").iterdir()) == [
        "__init__.py",
        *sorted(engine.BROWSER_PACKAGES),
    ]
    code = (  # -S: no site-packages (and no editable install of the whole package); -c: cwd first
        "import json, sys\n"
        "from handbook.engine import recommend_json\n"
        "print(recommend_json(sys.argv[1], sys.argv[2]))\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('yaml', 'jinja2', 'markupsafe', 'mkdocs'))))\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('handbook.'))))\n"
    )
    request = json.dumps({"archetype": "research", "headcount": 3})
    result = subprocess.run(
        [sys.executable, "-S", "-E", "-c", code, fixtures.rules_json(), request],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answer, third_party, loaded = result.stdout.splitlines()
    assert json.loads(answer) == json.loads(engine.recommend_json(fixtures.rules_json(), request))
    assert json.loads(third_party) == []
    assert {name.split(".")[1] for name in json.loads(loaded)} <= set(engine.BROWSER_PACKAGES)
