"""axe-core finds no violations on any kind of page, and no page requests another origin."""

from __future__ import annotations

import pytest

from browser_support import run_axe
from support import real_handbook

HB = real_handbook()
PAGES = [
    "/",
    "/roles/",
    f"/roles/{HB.roles[-1].id}/",
    "/skills/",
    "/questions/",
    "/materials/",
    *[f"/materials/{material.id}/" for material in HB.materials[:1]],
    "/interviewing/",
    "/team-composition/",
    "/changes/",
    "/about/",
    "/contributing/",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations_and_stays_on_its_origin(
    page, site_server, foreign_requests, path
):
    page.goto(site_server.url(path))
    page.wait_for_load_state("networkidle")
    assert run_axe(page) == []
    assert foreign_requests == []


def test_questions_page_with_open_guides_and_filters_has_no_axe_violations(page, site_server):
    area = next(skill.id for skill in HB.skills if HB.questions_in(skill.id))
    page.goto(site_server.url(f"/questions/{area}/?role={HB.roles[1].id}"))
    page.click("#guides-toggle")
    page.wait_for_timeout(400)  # let the theme's 250 ms hover/focus colour transition finish
    assert run_axe(page) == []
