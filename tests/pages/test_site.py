"""pages/site.py, what macros/main.py uses: generated pages, page macros, footer, the live
preview's problem banner and the Pyodide check."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from handbook.pages import site


def test_generated_pages_are_finished_markdown_for_each_role_kit_and_material(tiny_handbook):
    pages = site.generated_pages(tiny_handbook)
    expected = {f"roles/{role.id}.md" for role in tiny_handbook.roles}
    expected |= {"materials/index.md", "materials/model-card.md", "roles/compare.md"}
    expected |= {"kits/index.md", "kits/debrief.md"}
    expected |= {f"questions/{area.id}.md" for area in tiny_handbook.skills}
    expected |= {
        f"kits/{role.id}/{level.id}.md" for role in tiny_handbook.roles for level in role.levels
    }
    assert set(pages) == expected
    assert pages["roles/scientist.md"].startswith("# Scientist\n")
    assert 'href="../../skills/' in pages["roles/scientist.md"]
    assert "{{" not in "".join(pages.values()) and "{%" not in "".join(pages.values())


def test_page_macros_render_every_hand_written_page(tiny_handbook, tmp_path):
    macros = site.page_macros(tmp_path / "releases")
    assert set(macros) == {
        "roles_overview",
        "skills_page",
        "questions_page",
        "composition_page",
        "interviewing_page",
        "about_page",
        "home_page",
        "calculator_page",
        "changes_page",
    }
    for name, renderer in macros.items():
        assert renderer(tiny_handbook, root="../").strip(), name


def test_footer_names_the_edition(tiny_handbook):
    assert site.footer(tiny_handbook) == "Tiny handbook · edition 2030.01"


def test_problem_banner_lists_every_problem_escaped():
    banner = site.problem_banner(["data/roles.yaml:3: title: <b>bad</b>", "data/x.yaml:1: two"])
    page = BeautifulSoup(str(banner), "html.parser")
    assert page.div["role"] == "alert" and page.div["id"] == "data-problems"
    assert "2 problems in the data." in page.get_text()
    assert [li.get_text() for li in page.select("li code")] == [
        "data/roles.yaml:3: title: <b>bad</b>",
        "data/x.yaml:1: two",
    ]
    assert page.find("b") is None
    assert "1 problem in the data." in str(site.problem_banner(["one"]))


def test_check_pyodide(tmp_path):
    with pytest.raises(site.MissingPyodide):
        site.check_pyodide(tmp_path)


def test_a_build_outside_mike_lists_its_one_edition_as_the_latest(tiny_handbook):
    """Without the `latest` alias the theme's banner calls the only edition an older one."""
    assert json.loads(site.versions_json(tiny_handbook)) == [
        {"version": tiny_handbook.edition, "title": tiny_handbook.edition, "aliases": ["latest"]}
    ]
