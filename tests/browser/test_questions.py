"""The question bank in Chromium: keyboard filters, linkable filtered views, no-JS fallback, old
links to /questions/#<id> that land on the guide, and the filters on an area's page of guides.

The filter values are chosen from the model (content.load) at run time: a role that some but
not all questions suit, an area, a difficulty; the expected lists come from the model too.
"""

from __future__ import annotations

import re

from browser_support import run_axe
from support import real_handbook

HB = real_handbook()
ROLE = next(role.id for role in HB.roles if 0 < len(HB.questions_for(role.id)) < len(HB.questions))
AREA = next(skill.id for skill in reversed(HB.skills) if HB.questions_in(skill.id))
OTHER_AREA = next(skill.id for skill in HB.skills if skill.id != AREA and HB.questions_in(skill.id))
DIFFICULTY = HB.questions_in(AREA)[0].difficulty


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        ".hb-question:not([hidden])", "nodes => nodes.map(n => n.dataset.question)"
    )


def test_keyboard_filters_update_list_count_and_url(page, site_server):
    page.goto(site_server.url("/questions/"))
    assert len(visible_ids(page)) == len(HB.questions)
    page.focus("#filter-role")
    page.select_option("#filter-role", ROLE)
    expected = [q.id for q in HB.questions if ROLE in q.roles]
    assert visible_ids(page) == expected
    assert page.text_content("#question-count") == (
        f"{len(expected)} of {len(HB.questions)} questions shown"
    )
    assert f"role={ROLE}" in page.url
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-area"
    page.select_option("#filter-area", AREA)
    page.select_option("#filter-difficulty", DIFFICULTY)
    narrowed = [
        q.id
        for q in HB.questions
        if q.area == AREA and q.difficulty == DIFFICULTY and ROLE in q.roles
    ]
    assert visible_ids(page) == narrowed
    assert page.is_visible("#no-questions") == (not narrowed)
    assert not page.is_visible(f"#area-{OTHER_AREA}")
    page.focus("#filter-reset")
    page.keyboard.press("Enter")
    assert len(visible_ids(page)) == len(HB.questions)


def test_filtered_link_from_a_role_page(page, site_server):
    page.goto(site_server.url(f"/roles/{ROLE}/"))
    page.click("text=Open the question bank filtered to this role")
    page.wait_for_url(f"**/questions/?role={ROLE}")
    assert page.input_value("#filter-role") == ROLE
    assert visible_ids(page) == [q.id for q in HB.questions if ROLE in q.roles]


def test_unknown_filter_values_are_ignored(page, site_server):
    page.goto(site_server.url("/questions/?role=%3Cscript%3E&difficulty=impossible"))
    assert page.input_value("#filter-role") == ""
    assert len(visible_ids(page)) == len(HB.questions)


def test_every_question_shows_without_javascript(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url("/questions/"))
    assert len(visible_ids(page)) == len(HB.questions)
    assert not page.is_visible("#question-filters")
    context.close()


def test_an_old_link_to_a_question_lands_on_its_guide_with_the_guide_open(page, site_server):
    question = HB.questions_in(AREA)[-1]
    page.goto(site_server.url(f"/questions/#{question.id}"))
    page.wait_for_url(f"**/questions/{AREA}/**#{question.id}")
    guide = page.locator(f'article[data-question="{question.id}"] details.hb-guide')
    assert guide.evaluate("node => node.open")
    assert page.evaluate("window.scrollY") > 0  # scrolled to the question
    page.go_back()  # the index was replaced, not added to the history
    assert "/questions/#" not in page.url


def test_an_area_page_filters_its_guides_by_role_and_text(page, site_server):
    in_area = HB.questions_in(AREA)
    page.goto(site_server.url(f"/questions/{AREA}/"))
    assert visible_ids(page) == [q.id for q in in_area]
    assert page.locator("#filter-area").count() == 0
    page.select_option("#filter-role", ROLE)
    assert visible_ids(page) == [q.id for q in in_area if ROLE in q.roles]
    assert f"role={ROLE}" in page.url
    page.click("#filter-reset")
    word = re.findall(r"[A-Za-z]{5,}", in_area[0].guide.strong[0])[0].lower()
    page.fill("#filter-text", word)
    shown = visible_ids(page)
    assert in_area[0].id in shown  # the text filter reads the answer guides too


def test_answer_guides_open_all(page, site_server):
    page.goto(site_server.url(f"/questions/{AREA}/"))
    page.click("#guides-toggle")
    assert page.eval_on_selector_all(".hb-guide", "ds => ds.every(d => d.open)")
    assert page.get_attribute("#guides-toggle", "aria-pressed") == "true"


def test_a_local_build_does_not_call_its_one_edition_older(page, site_server):
    """Outside mike, versions.json lists the build's edition as `latest`: no outdated banner."""
    with page.expect_response("**/versions.json") as answer:
        page.goto(site_server.url("/questions/"))
    assert answer.value.ok
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-md-component=outdated]").is_hidden()
    page.locator(".md-version__alias").first.wait_for()  # the selector marks it as the latest
    assert run_axe(page, ".md-header") == []
    # Lighthouse's contrast audit measured the theme's faded label (opacity 0.7) at 4.28:1
    alias = page.locator(".md-version__alias").first
    assert alias.evaluate("node => getComputedStyle(node).opacity") == "1"
