"""The question bank in Chromium: keyboard filters, linkable filtered views, no-JS fallback."""

from __future__ import annotations

from pathlib import Path

from handbook.content import load_handbook

HB = load_handbook(Path(__file__).resolve().parents[2] / "data")


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "article.hb-question:not([hidden])", "nodes => nodes.map(n => n.id)"
    )


def test_keyboard_filters_update_list_count_and_url(page, site_server):
    page.goto(site_server.url("/questions/"))
    assert len(visible_ids(page)) == len(HB.questions)
    page.focus("#filter-role")
    page.select_option("#filter-role", "mlops-engineer")
    expected = [q.id for q in HB.questions if "mlops-engineer" in q.roles]
    assert visible_ids(page) == expected
    assert page.text_content("#question-count") == (
        f"{len(expected)} of {len(HB.questions)} questions shown"
    )
    assert "role=mlops-engineer" in page.url
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-area"
    page.select_option("#filter-area", "culture")
    page.select_option("#filter-difficulty", "advanced")
    culture_advanced = [
        q.id
        for q in HB.questions
        if q.area == "culture" and q.difficulty == "advanced" and "mlops-engineer" in q.roles
    ]
    assert visible_ids(page) == culture_advanced
    assert page.is_visible("#no-questions") == (not culture_advanced)
    assert not page.is_visible("#area-ml-theory")
    page.focus("#filter-reset")
    page.keyboard.press("Enter")
    assert len(visible_ids(page)) == len(HB.questions)


def test_filtered_link_from_a_role_page(page, site_server):
    page.goto(site_server.url("/roles/ml-scientist/"))
    page.click("text=Open the question bank filtered to this role")
    page.wait_for_url("**/questions/?role=ml-scientist")
    assert page.input_value("#filter-role") == "ml-scientist"
    assert visible_ids(page) == [q.id for q in HB.questions if "ml-scientist" in q.roles]


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


def test_answer_guides_open_all(page, site_server):
    page.goto(site_server.url("/questions/"))
    page.click("#guides-toggle")
    assert page.eval_on_selector_all(".hb-guide", "ds => ds.every(d => d.open)")
    assert page.get_attribute("#guides-toggle", "aria-pressed") == "true"
