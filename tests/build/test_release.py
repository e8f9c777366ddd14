"""`make release` for real, in a throw-away git repository holding a copy of the project: the
snapshot is committed, mike deploys the edition into the local gh-pages branch only, a second
release of the same edition is refused, --force replaces it, and --publish pushes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.content import load_handbook
from handbook.editions import snapshot
from support import git, git_project


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    return git_project(tmp_path / "handbook")


def run_release(root: Path, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "handbook.editions.release", *argv],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_release_commits_the_snapshot_and_deploys_locally_only(repo, tmp_path):
    edition = load_handbook(repo / "data").edition
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "--quiet", "--bare", str(origin))
    git(repo, "remote", "add", "origin", str(origin))

    result = run_release(repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Committed releases/{edition}.json (Release edition {edition}).",
        f"Released edition {edition} into the local gh-pages branch (latest → {edition}).",
        "Nothing was pushed; preview with `.venv/bin/mike serve -a 127.0.0.1:8001`, "
        "then `make publish`.",
    ]
    assert git(repo, "log", "-1", "--format=%s", "main") == f"Release edition {edition}\n"
    assert git(repo, "show", "--format=", "--name-only", "main") == f"releases/{edition}.json\n"
    assert git(repo, "status", "--porcelain") == ""
    stored = json.loads(git(repo, "show", f"main:releases/{edition}.json"))
    assert stored == snapshot.build(load_handbook(repo / "data"))

    versions = json.loads(git(repo, "show", "gh-pages:versions.json"))
    assert versions == [{"version": edition, "title": edition, "aliases": ["latest"]}]
    tree = git(repo, "ls-tree", "-r", "gh-pages").splitlines()
    assert not [entry for entry in tree if entry.startswith("120000")], "symlinks on gh-pages"
    assert 'href="latest/"' in git(repo, "show", "gh-pages:index.html")
    assert f'href="../{edition}/"' in git(repo, "show", "gh-pages:latest/index.html")
    files = {entry.split("\t")[1] for entry in tree}
    for own in (
        "calculator/index.html",
        "calculator/rules.json",
        "calculator/engine/engine/request.py",
        "changes/index.html",
        "calculator/pyodide/pyodide.asm.wasm",
        "assets/javascripts/calculator.js",
        "assets/javascripts/calculator-grid.js",
    ):
        assert f"{edition}/{own}" in files
    assert git(repo, "ls-remote", str(origin)) == "", "nothing may be pushed by default"

    again = run_release(repo)
    assert again.returncode == 1
    assert again.stderr.startswith(f"Refusing to release: edition {edition} is already released")

    forced = run_release(repo, "--force")
    assert forced.returncode == 0, forced.stderr
    unchanged = f"releases/{edition}.json is unchanged; nothing to commit."
    assert forced.stdout.splitlines()[0] == unchanged
    assert git(repo, "ls-remote", str(origin)) == ""

    published = run_release(repo, "--publish")
    assert published.returncode == 0, published.stderr
    assert published.stdout == "Pushed gh-pages and the current branch to origin.\n"
    pushed = {
        line.split("\t")[1]: line.split("\t")[0]
        for line in git(repo, "ls-remote", str(origin)).splitlines()
    }
    assert pushed["refs/heads/gh-pages"] == git(repo, "rev-parse", "gh-pages").strip()
    assert pushed["refs/heads/main"] == git(repo, "rev-parse", "main").strip()
