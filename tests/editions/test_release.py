"""`make release` refuses before writing anything: outside git, dirty tree, invalid data, an
edition already released or older than the last one; `--publish` without gh-pages or remote.

Runs in a throw-away git repository holding only the tiny handbook's data: each refusal comes
before the build (the real release, with mike, is in tests/build/test_release.py).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import fixtures
from handbook.content import load_handbook
from handbook.editions import release, snapshot
from support import git, line_of

DIRTY = [
    "Refusing to release: the working tree has uncommitted changes; commit or stash them first."
]


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", message)


def branches(root: Path) -> list[str]:
    return git(root, "branch", "--format=%(refname:short)").split()


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = tmp_path / "handbook"
    fixtures.write_data(root / "data")
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "config", "user.name", "Handbook Tests")
    git(root, "config", "user.email", "tests@handbook.invalid")
    commit_all(root, "Handbook")
    monkeypatch.chdir(root)
    return root


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
    root = tmp_path / "not-a-repo"
    fixtures.write_data(root / "data")
    monkeypatch.chdir(root)
    assert refused(capsys) == [f"Refusing to release: {root} is not a git repository."]
    assert not (root / "releases").exists()


def test_refuses_a_dirty_tree(repo, capsys):
    path = repo / "data" / "handbook.yaml"
    path.write_text(path.read_text().replace(fixtures.EDITION, "2030.02"), encoding="utf-8")
    assert refused(capsys) == DIRTY
    git(repo, "checkout", "--quiet", "--", "data")
    (repo / "draft.md").write_text("# Draft\n", encoding="utf-8")  # untracked counts too
    assert refused(capsys, "--force") == DIRTY
    (repo / "draft.md").unlink()
    assert_nothing_released(repo)


def test_refuses_data_that_does_not_validate_and_lists_every_problem(repo, capsys):
    path = repo / "data" / "handbook.yaml"
    text = path.read_text().replace(f'edition: "{fixtures.EDITION}"', "edition: 2030.10")
    path.write_text(text, encoding="utf-8")
    roles = repo / "data" / "roles.yaml"
    roles_text = roles.read_text().replace("abbreviation: ENG", "abbreviation: no")
    roles.write_text(roles_text, encoding="utf-8")
    commit_all(repo, "Broken edition")
    assert refused(capsys) == [
        "Refusing to release: the data does not validate (2 problems):",
        f"data/handbook.yaml:{line_of(text, 'edition:')}: edition: expected text, but YAML read "
        '2030.10 as a number; put it in quotes: "2030.10"',
        f"data/roles.yaml:{line_of(roles_text, 'abbreviation:')}: roles[0].abbreviation: "
        'expected text, but YAML read no as a boolean; put it in quotes: "no"',
    ]
    assert not (repo / "releases").exists() and branches(repo) == ["main"]


def test_refuses_an_edition_recorded_in_releases(repo, capsys):
    snapshot.write(snapshot.build(load_handbook(repo / "data")), repo / "releases")
    commit_all(repo, "Recorded by hand")
    assert refused(capsys) == [
        f"Refusing to release: edition {fixtures.EDITION} is already released; bump `edition` in "
        "data/handbook.yaml, or use --force (make release FORCE=1) to replace it."
    ]
    assert branches(repo) == ["main"]


def test_refuses_an_edition_that_gh_pages_already_has(repo, capsys):
    versions = json.dumps([{"version": fixtures.EDITION, "title": "x", "aliases": ["latest"]}])
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
        f"Refusing to release: edition {fixtures.EDITION} is already released; bump `edition` in "
        "data/handbook.yaml, or use --force (make release FORCE=1) to replace it."
    ]
    assert git(repo, "rev-parse", "gh-pages").strip() == commit
    assert not (repo / "releases").exists()


def test_refuses_an_edition_older_than_the_last_release(repo, capsys):
    newer = {**snapshot.build(load_handbook(repo / "data")), "edition": "2999.12"}
    snapshot.write(newer, repo / "releases")
    commit_all(repo, "A future edition")
    assert refused(capsys) == [
        f"Refusing to release: edition {fixtures.EDITION} is older than the last released "
        "edition 2999.12; use --force (make release FORCE=1) to release it anyway."
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


def test_record_commits_only_the_snapshot(repo, capsys):
    hb = load_handbook(repo / "data")
    release.record(repo, hb)
    assert capsys.readouterr().out == (
        f"Committed releases/{hb.edition}.json (Release edition {hb.edition}).\n"
    )
    assert git(repo, "show", "--format=%s", "--name-only", "HEAD").split() == [
        "Release",
        "edition",
        hb.edition,
        f"releases/{hb.edition}.json",
    ]
    release.record(repo, hb)
    assert (
        capsys.readouterr().out == f"releases/{hb.edition}.json is unchanged; nothing to commit.\n"
    )
    assert git(repo, "status", "--porcelain") == ""
