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


def _with_roles(hb, count: int):
    role = hb.roles[0]
    roles = tuple(dataclasses.replace(role, id=f"r{n}", title=f"Role {n:03}") for n in range(count))
    return dataclasses.replace(hb, roles=roles)


def test_a_long_branch_is_split_into_groups_named_by_their_ends(tiny_handbook):
    flat = navigation(_with_roles(tiny_handbook, 24))[1]["Roles"]
    assert len(flat) == 26 and flat[1] == {"Role 000": "roles/r0.md"}
    branch = navigation(_with_roles(tiny_handbook, 100))[1]["Roles"]
    assert branch[0] == "roles/index.md"
    assert branch[-1] == {"Compare roles and levels": "roles/compare.md"}
    groups = branch[1:-1]
    assert [next(iter(group)) for group in groups[:2]] == [
        "Role 000 – Role 009",
        "Role 010 – Role 019",
    ]
    assert len(groups) == 10
    pages = [
        page
        for group in groups
        for item in group.values()
        for entry in item
        for page in entry.values()
    ]
    assert pages == [f"roles/r{n}.md" for n in range(100)]


def test_a_page_carries_about_two_square_roots_of_a_long_branch(tiny_handbook):
    """What a pruned page shows of the branch it is in: every group's title, and its own group."""
    for count, most in ((100, 20), (500, 45), (2000, 90)):
        groups = navigation(_with_roles(tiny_handbook, count))[1]["Roles"][1:-1]
        shown = len(groups) + max(len(next(iter(g.values()))) for g in groups)
        assert shown <= most, (count, shown)


def test_group_titles_are_escaped(tiny_handbook):
    hb = _with_roles(tiny_handbook, 30)
    role = dataclasses.replace(hb.roles[0], title="{{ 7*7 }} <b>")
    hb = dataclasses.replace(hb, roles=(role, *hb.roles[1:]))
    (label,) = navigation(hb)[1]["Roles"][1]
    assert label == "&#123;&#123; 7*7 &#125;&#125; &lt;b&gt; – Role 005"
