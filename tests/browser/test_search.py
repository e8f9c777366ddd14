"""Site search lands on the question itself, with its answer guide open and the match visible."""

from __future__ import annotations

import pytest

from support import real_handbook


@pytest.mark.parametrize(
    ("term", "question_id"), [("LoRA", "lora-low-rank-adaptation"), ("rebase", "git-rebase")]
)
def test_search_lands_on_the_question_with_its_guide_open(page, site_server, term, question_id):
    assert question_id in {q.id for q in real_handbook().questions}
    page.goto(site_server.url("/"))
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.fill("input.md-search__input", term)
    results = page.locator(".md-search-result__link")
    results.first.wait_for(timeout=15_000)
    target = page.locator(f'.md-search-result__link[href*="#{question_id}"]').first
    target.click()
    page.wait_for_url(f"**/questions/**#{question_id}")
    article = page.locator(f'article[data-question="{question_id}"]')
    guide = article.locator("details.hb-guide")
    page.wait_for_function(
        "(id) => document.querySelector(`article[data-question='${id}'] details`).open",
        arg=question_id,
    )
    assert guide.evaluate("node => node.open")
    mark = article.locator("mark").first
    mark.wait_for(timeout=5_000)
    assert mark.is_visible()


def test_the_search_index_downloads_only_when_a_reader_searches(page, site_server):
    """Most visits never search: the index (every answer guide) waits for the search box."""
    requested = []
    page.on("request", lambda r: requested.append(r.url) if "search_index.json" in r.url else None)
    page.goto(site_server.url("/roles/ml-engineer/"), wait_until="load")
    page.wait_for_timeout(1_500)
    assert requested == []
    with page.expect_request("**/search/search_index.json"):
        page.locator("label.md-search__icon, .md-search__input").first.click()
    page.fill("input.md-search__input", "LoRA")
    page.locator(".md-search-result__link").first.wait_for(timeout=15_000)
