"""Site-level helpers for the build: cached model loading and the generated navigation."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from markupsafe import escape

from handbook.model import Handbook
from handbook.validate import load_handbook

STATIC_NAV = [
    ("Skills", "skills.md"),
    ("Interview questions", "questions.md"),
    ("Interviewing", "interviewing.md"),
    ("Team composition", "team-composition.md"),
    ("Calculator", "calculator.md"),
    ("What changed", "changes.md"),
    ("About", "about.md"),
]


def fingerprint(data_dir: Path) -> tuple:
    """Names, sizes and modification times of every data file: changes when any file does."""
    return tuple(
        (str(path), stat.st_size, stat.st_mtime_ns)
        for path in sorted(data_dir.rglob("*.yaml"))
        for stat in [path.stat()]
    )


@lru_cache(maxsize=4)
def _load(data_dir: Path, _fingerprint: tuple) -> Handbook:
    return load_handbook(data_dir)


def load(data_dir: Path) -> Handbook:
    """The validated model, loaded once per version of the data (raises DataError)."""
    return _load(data_dir, fingerprint(data_dir))


def navigation(hb: Handbook) -> list:
    """MkDocs nav: every role from the data gets its entry (titles escaped for the theme)."""
    roles = [{str(escape(role.title)): f"roles/{role.id}.md"} for role in hb.roles]
    return [
        {"Home": "index.md"},
        {"Roles": ["roles/index.md", *roles]},
        *({title: page} for title, page in STATIC_NAV),
    ]


def root_of(page_url: str) -> str:
    """Relative path from a page (directory URL such as roles/ml-engineer/) to the site root."""
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
    return "../" * depth
