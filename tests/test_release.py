"""`make release` in throw-away git repositories: each refusal, then a real release with mike."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from handbook import release, snapshot
from handbook.validate import load_handbook
from support import git, git_project, line_of, project_copy

EDITION_LINE = re.compile(r'^edition: "([^"]+)"$', re.MULTILINE)


def set_edition(root: Path, edition: str) -> None:
    path = root / "data" / "handbook.yaml"
    path.write_text(EDITION_LINE.sub(f'edition: "{edition}"', path.read_text()), encoding="utf-8")


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", message)


def branches(root: Path) -> list[str]:
    return git(root, "branch", "--format=%(refname:short)").split()


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = git_project(tmp_path / "handbook")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def edition(repo) -> str:
    return load_handbook(repo / "data").edition


def refused(capsys, *argv: str) -> list[str]:
    """Run the release in-process; it must refuse. Returns its stderr lines."""
    assert release.main(list(argv)) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err.splitlines()


def assert_nothing_released(root: Path) -> None:
    assert not (root / "releases").exists()
    assert branches(root) == ["main"]
    assert git(root, "log", "--format=%s") == "Handbook\n"


def test_refuses_outside_a_git_repository(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = project_copy(tmp_path / "not-a-repo")
    monkeypatch.chdir(root)
    assert refused(capsys) == [f"Refusing to release: {root} is not a git repository."]
    assert not (root / "releases").exists()


def test_refuses_a_dirty_tree(repo, capsys):
    set_edition(repo, "2030.01")
    message = [
        "Refusing to release: the working tree has uncommitted changes; commit or stash them first."
    ]
    assert refused(capsys) == message
    git(repo, "checkout", "--quiet", "--", "data")
    (repo / "docs" / "draft.md").write_text("# Draft\n", encoding="utf-8")
    assert refused(capsys, "--force") == message
    (repo / "docs" / "draft.md").unlink()
    assert_nothing_released(repo)


def test_refuses_data_that_does_not_validate_and_lists_every_problem(repo, edition, capsys):
    path = repo / "data" / "handbook.yaml"
    text = path.read_text().replace(f'edition: "{edition}"', "edition: 2030.10")
    path.write_text(text, encoding="utf-8")
    commit_all(repo, "Broken edition")
    line = line_of(text, "edition:")
    assert refused(capsys) == [
        "Refusing to release: the data does not validate (1 problem):",
        f"data/handbook.yaml:{line}: edition: expected text, but YAML read 2030.10 as a number; "
        'put it in quotes: "2030.10"',
    ]
    assert not (repo / "releases").exists() and branches(repo) == ["main"]


def test_refuses_an_edition_recorded_in_releases(repo, edition, capsys):
    snapshot.write(snapshot.build(load_handbook(repo / "data")), repo / "releases")
    commit_all(repo, "Recorded by hand")
    assert refused(capsys) == [
        f"Refusing to release: edition {edition} is already released; bump `edition` in "
        "data/handbook.yaml, or use --force (make release FORCE=1) to replace it."
    ]
    assert branches(repo) == ["main"]


def test_refuses_an_edition_that_gh_pages_already_has(repo, edition, capsys):
    versions = json.dumps([{"version": edition, "title": edition, "aliases": ["latest"]}])
    blob = subprocess.run(
        ["git", "hash-object", "-w", "--stdin"],
        input=versions,
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    tree = subprocess.run(
        ["git", "mktree"],
        input=f"100644 blob {blob}\tversions.json\n",
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    commit = git(repo, "commit-tree", tree, "-m", "Deployed by hand").strip()
    git(repo, "update-ref", "refs/heads/gh-pages", commit)
    assert refused(capsys) == [
        f"Refusing to release: edition {edition} is already released; bump `edition` in "
        "data/handbook.yaml, or use --force (make release FORCE=1) to replace it."
    ]
    assert git(repo, "rev-parse", "gh-pages").strip() == commit
    assert not (repo / "releases").exists()


def test_refuses_an_edition_older_than_the_last_release(repo, edition, capsys):
    newer = {**snapshot.build(load_handbook(repo / "data")), "edition": "2999.12"}
    snapshot.write(newer, repo / "releases")
    commit_all(repo, "A future edition")
    assert refused(capsys) == [
        f"Refusing to release: edition {edition} is older than the last released edition "
        "2999.12; use --force (make release FORCE=1) to release it anyway."
    ]


def test_publish_refuses_without_gh_pages(repo, capsys):
    assert refused(capsys, "--publish") == [
        "Refusing to publish: there is no gh-pages branch yet; run `make release` first."
    ]


def test_publish_refuses_without_the_remote(repo, capsys):
    git(repo, "branch", "gh-pages")
    assert refused(capsys, "--publish", "--remote", "upstream") == [
        "Refusing to publish: there is no git remote named upstream (git remote add upstream URL)."
    ]


def run_release(root: Path, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "handbook.release", *argv],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_release_commits_the_snapshot_and_deploys_locally_only(repo, edition, tmp_path):
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
        "changes/index.html",
        "calculator/pyodide/pyodide.asm.wasm",
        "assets/javascripts/calculator.js",
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
