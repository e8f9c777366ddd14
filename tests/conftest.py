"""Shared fixtures: the tiny handbook's data to break on purpose, and the real built site.

Tests run with --import-mode=importlib (so test file names may repeat across folders); this file
puts tests/, tests/browser/ and macros/ on sys.path (and macros/ on the PYTHONPATH of
subprocesses), so helpers (support, fixtures, browser_support) and the working tree's `handbook`
package import from any test.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
for path in (TESTS.parent / "macros", TESTS / "browser", TESTS):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))
# Subprocesses (the `handbook` script, python -m handbook..., mike) import this tree's package
# too, not whichever checkout the editable install points at (a copy of the project, say).
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(TESTS.parent / "macros"), *filter(None, [os.environ.get("PYTHONPATH")])]
)

import pytest  # noqa: E402

from fixtures import DataDir  # noqa: E402
from support import ROOT, build_site  # noqa: E402

# Every build the tests run (project copies too) shares the project's cache of calculator
# snapshots: a snapshot is named after everything it is made from, so sharing is safe.
os.environ.setdefault("HANDBOOK_CACHE_DIR", str(ROOT / ".cache" / "calculator-snapshot"))


@pytest.fixture
def tiny_data(tmp_path, monkeypatch) -> DataDir:
    """The tiny handbook's data in tmp_path/data, with the working directory at tmp_path."""
    monkeypatch.chdir(tmp_path)
    return DataDir(tmp_path)


@pytest.fixture(scope="session")
def tiny_handbook(tmp_path_factory):
    """The tiny handbook's validated model (see tests/fixtures.py)."""
    from fixtures import write_data
    from handbook.content import load_handbook

    return load_handbook(write_data(tmp_path_factory.mktemp("tiny") / "data"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with --strict."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir
