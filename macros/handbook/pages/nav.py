"""The site's navigation from the model."""

from __future__ import annotations

import math

from markupsafe import escape

from ..content.model import Handbook
from .questions import question_pages

STATIC_NAV = [
    ("Skills", "skills.md"),
    ("Interview questions", "questions/index.md"),
    ("Interviewing", "interviewing.md"),
    ("Team composition", "team-composition.md"),
    ("Calculator", "calculator.md"),
    ("What changed", "changes.md"),
    ("About", "about.md"),
    ("Contributing", "contributing.md"),
]


def nav_title(text: str) -> str:
    """A title for the theme's nav, <title> and breadcrumbs: HTML-escaped, and with braces as
    character references so that no template engine downstream can read it as a template."""
    return str(escape(text)).replace("{", "&#123;").replace("}", "&#125;")


FLAT_LIMIT = 24  # a branch with more entries is split into groups, so pages stay small


def grouped(entries: list[tuple[str, str]]) -> list[dict]:
    """Nav entries (title, page) in their data order. Up to FLAT_LIMIT stay one list; beyond it
    they are split into about sqrt(n) groups named after their first and last titles. With
    navigation.prune a page then carries the group titles and its own group (about 2 sqrt(n)
    links) rather than every entry, so the site's output grows with pages, not pages squared."""
    items = [{nav_title(title): page} for title, page in entries]
    if len(items) <= FLAT_LIMIT:
        return items
    size = math.ceil(math.sqrt(len(items)))
    groups = []
    for start in range(0, len(entries), size):
        chunk = entries[start : start + size]
        label = nav_title(f"{chunk[0][0]} – {chunk[-1][0]}")
        groups.append({label: items[start : start + size]})
    return groups


def navigation(hb: Handbook) -> list:
    """MkDocs nav: every role from the data gets its entry."""
    roles = grouped([(role.title, f"roles/{role.id}.md") for role in hb.roles])
    materials = grouped([(item.title, f"materials/{item.id}.md") for item in hb.materials])
    static = [{title: page} for title, page in STATIC_NAV]
    areas = [
        {nav_title(page.area.name): page.source} for page in question_pages(hb) if page.number == 1
    ]
    static[1] = {"Interview questions": ["questions/index.md", *areas]}
    kits = [{"Debrief": "kits/debrief.md"}]
    return [
        {"Home": "index.md"},
        {"Roles": ["roles/index.md", *roles, {"Compare roles and levels": "roles/compare.md"}]},
        {"Interview kits": ["kits/index.md", *kits]},
        *static[:2],
        {"Interview materials": ["materials/index.md", *materials]},
        *static[2:],
    ]
