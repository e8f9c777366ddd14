"""Helpers shared by the tests: project copies, strict builds, git repositories, line lookup."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing needle (so tests follow content edits)."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} not found {occurrence} times"
    return hits[occurrence - 1]


def build_site(
    project: Path, site_dir: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of project into site_dir (env: variables to set or change)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def project_copy(destination: Path) -> Path:
    """A copy of everything a build reads (data, docs, macros, overrides, mkdocs.yml)."""
    for name in ("data", "docs", "macros", "overrides"):
        shutil.copytree(
            ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


def git(root: Path, *args: str) -> str:
    """Run git in root; its standard output."""
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return result.stdout


def git_project(path: Path) -> Path:
    """A copy of the project as a fresh git repository with one commit on main."""
    root = project_copy(path)
    shutil.copy(ROOT / ".gitignore", root / ".gitignore")
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "config", "user.name", "Handbook Tests")
    git(root, "config", "user.email", "tests@handbook.invalid")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", "Handbook")
    return root


@functools.cache
def real_handbook():
    """The real data's validated model, loaded once per test session (raises DataError)."""
    from handbook.content import load_handbook

    return load_handbook(DATA)


def run_scorecard_js(rule: dict, axes, cases: list[dict]) -> list[dict]:
    """docs/assets/javascripts/scorecard-rule.js's verdicts for cases, run under Node."""
    node = shutil.which("node")
    assert node is not None, "Node is needed for this test: apt-get install -y nodejs"
    payload = {"rule": rule, "axes": [dataclasses.asdict(a) for a in axes], "cases": cases}
    result = subprocess.run(
        [node, str(ROOT / "tests" / "engine" / "run_scorecard_rule.mjs")],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def every_combination(axes) -> list[dict]:
    """Every way to rate axes: each axis unrated or given one of the four ratings."""
    from handbook.engine.scorecard import RATINGS

    return [
        {axis.id: state for axis, state in zip(axes, states, strict=True) if state}
        for states in itertools.product((None, *RATINGS), repeat=len(axes))
    ]


def mkdocs_serve(project: Path, port: int, output: int | None = subprocess.DEVNULL):
    """`mkdocs serve` on project at 127.0.0.1:port (a Popen; the caller stops it)."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return subprocess.Popen(
        [str(mkdocs), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_until_serving(url: str, process: subprocess.Popen, seconds: float = 120) -> bool:
    """Whether url answers within seconds while process runs (False: it exited or timed out)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.3)
    return False
