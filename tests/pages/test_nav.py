"""The nav from the model (every role and material gets its entry), escaped titles, and
relative paths from a page to the site root."""

from __future__ import annotations

import dataclasses

from handbook.pages.nav import STATIC_NAV, nav_title, navigation


def test_every_role_and_material_has_an_entry(tiny_handbook):
    nav = navigation(tiny_handbook)
    assert nav[0] == {"Home": "index.md"}
    assert nav[1] == {
        "Roles": [
            "roles/index.md",
            {"Engineer": "roles/engineer.md"},
            {"Scientist": "roles/scientist.md"},
            {"Ops engineer": "roles/ops.md"},
            {"Lead": "roles/lead.md"},
            {"Compare roles and levels": "roles/compare.md"},
        ]
    }
    assert nav[2] == {"Interview kits": ["kits/index.md", {"Debrief": "kits/debrief.md"}]}
    assert {
        "Interview materials": ["materials/index.md", {"A model card": "materials/model-card.md"}]
    } in nav
    assert {
        "Interview questions": [
            "questions/index.md",
            {"Practice": "questions/practice.md"},
            {"Theory": "questions/theory.md"},
            {"Culture": "questions/culture.md"},
        ]
    } in nav
    pages = [
        page if isinstance(page, str) else page[0]
        for entry in nav
        for page in entry.values()
        if isinstance(page, str) or page[0] == "questions/index.md"
    ]
    assert [page for _, page in STATIC_NAV] == [p for p in pages if p != "index.md"]


def test_nav_titles_are_escaped_and_carry_no_template_syntax(tiny_handbook):
    assert nav_title("R&D {{ 7*7 }} <b>") == "R&amp;D &#123;&#123; 7*7 &#125;&#125; &lt;b&gt;"
    role = dataclasses.replace(tiny_handbook.roles[0], title="{% raw %} <i>")
    hb = dataclasses.replace(tiny_handbook, roles=(role, *tiny_handbook.roles[1:]))
    (title,) = navigation(hb)[1]["Roles"][1]
    assert "{" not in title and "<" not in title
