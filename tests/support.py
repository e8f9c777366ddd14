"""Helpers shared by the tests: project copies, strict builds, git repositories, line lookup."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing needle (so tests follow content edits)."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} not found {occurrence} times"
    return hits[occurrence - 1]


class DataCopy:
    """A writable copy of data/ in a temporary directory, addressed relative to the cwd."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(DATA, root / "data")
        self.dir = root / "data"

    def text(self, name: str) -> str:
        return (self.dir / name).read_text(encoding="utf-8")

    def write(self, name: str, text: str | bytes) -> None:
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    def replace(self, name: str, old: str, new: str, count: int = 1) -> str:
        text = self.text(name)
        assert old in text, f"{old!r} not in {name}"
        updated = text.replace(old, new, count)
        self.write(name, updated)
        return updated

    def problems(self) -> list[str]:
        from handbook.content import collect_problems

        _, problems = collect_problems(Path("data"))
        return [str(p) for p in problems]


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
