"""The question bank's pages from the tiny handbook: the index with one entry per question, the
answer guides by area, and pages of at most N guides with a pager."""

from __future__ import annotations

import dataclasses

from bs4 import BeautifulSoup

from handbook.pages import questions


def html(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(markdown, "html.parser")


def test_each_area_with_questions_gets_one_page_at_its_own_url(tiny_handbook):
    pages = questions.question_pages(tiny_handbook)
    assert [(p.area.id, p.number, p.count, p.url, p.source) for p in pages] == [
        ("practice", 1, 1, "questions/practice/", "questions/practice.md"),
        ("theory", 1, 1, "questions/theory/", "questions/theory.md"),
        ("culture", 1, 1, "questions/culture/", "questions/culture.md"),
    ]
    assert questions.question_urls(tiny_handbook)["derive-a-loss"] == (
        "questions/theory/#derive-a-loss"
    )


def _many(hb, count: int):
    """hb with count copies of its theory question (ids derive-a-loss-1 ...)."""
    original = hb.question("derive-a-loss")
    copies = [dataclasses.replace(original, id=f"derive-a-loss-{n}") for n in range(1, count + 1)]
    return dataclasses.replace(hb, questions=(*hb.questions, *copies))


def test_a_large_area_is_split_into_numbered_pages_and_every_question_keeps_one_url(
    tiny_handbook,
):
    hb = _many(tiny_handbook, 4)  # theory: 5 questions, 2 per page -> pages 1, 2, 3
    theory = [p for p in questions.question_pages(hb, per_page=2) if p.area.id == "theory"]
    assert [(p.number, p.count, p.url, len(p.questions)) for p in theory] == [
        (1, 3, "questions/theory/", 2),
        (2, 3, "questions/theory/2/", 2),
        (3, 3, "questions/theory/3/", 1),
    ]
    assert theory[1].source == "questions/theory/2.md"
    assert theory[1].title == "Theory questions, page 2 of 3"
    urls = questions.question_urls(hb, per_page=2)
    assert urls["derive-a-loss-4"] == "questions/theory/3/#derive-a-loss-4"
    assert len(urls) == len(hb.questions)


def test_pager_links_every_page_and_marks_the_current_one(tiny_handbook):
    hb = _many(tiny_handbook, 45)  # 46 theory questions: two pages at the default size
    page = [p for p in questions.question_pages(hb) if p.area.id == "theory"][1]
    out = html(questions.question_page(hb, page))
    pagers = out.select("nav.hb-pager")
    assert len(pagers) == 2  # above and below the guides
    assert [a["href"] for a in pagers[0].find_all("a")] == ["../../../questions/theory/"]
    assert pagers[0].select_one("[aria-current=page]").get_text() == "2"
    assert len(out.select("article.hb-question")) == 46 - questions.QUESTIONS_PER_PAGE


def test_area_page_holds_the_guides_with_role_and_difficulty_filters(tiny_handbook):
    page = next(p for p in questions.question_pages(tiny_handbook) if p.area.id == "theory")
    out = questions.question_page(tiny_handbook, page)
    assert out.startswith("# Theory questions\n")
    assert "## Derive the cross\\-entropy loss\\. {: #derive-a-loss .hb-question-text }" in out
    soup = html(out)
    question = soup.find(attrs={"data-question": "derive-a-loss"})
    assert question["data-roles"] == "scientist" and question["data-difficulty"] == "advanced"
    guide = question.select_one(".hb-guide")
    assert [li.get_text() for li in guide.find_all("ul")[0].find_all("li")] == [
        "Starts from likelihood",
        "Takes the logarithm",
        "Explains the sign",
    ]
    assert [d["data-answer-level"] for d in guide.select("[data-answer-level]")] == ["2", "3", "4"]
    assert soup.find(id="question-filters").has_attr("hidden")
    assert soup.find(id="filter-area") is None and soup.find(id="guides-toggle") is not None
    assert not soup.select("nav.hb-pager")  # one page: no pager
    practice = questions.question_pages(tiny_handbook)[0]
    shipped = html(questions.question_page(tiny_handbook, practice))
    link = shipped.select_one('a[href="../../materials/model-card/"]')
    assert link.get_text() == "A model card"


def test_index_has_one_entry_per_question_linking_to_its_guide(tiny_handbook):
    out = questions.questions_index(tiny_handbook, "../")
    assert '## Theory {: #area-theory .hb-area-heading data-area="theory" }' in out
    soup = html(out)
    entries = soup.select("li.hb-question")
    assert [entry["id"] for entry in entries] == [q.id for q in tiny_handbook.questions]
    entry = soup.find(id="derive-a-loss")  # old links to /questions/#derive-a-loss land here
    assert entry.select_one("a.hb-question-link")["href"] == "../questions/theory/#derive-a-loss"
    assert entry["data-roles"] == "scientist" and entry["data-area"] == "theory"
    assert soup.select_one(".hb-guide") is None  # the guides live on the areas' pages
    assert soup.find(id="filter-area") is not None and soup.find(id="guides-toggle") is None
    assert len(soup.select("#filter-role option")) == len(tiny_handbook.roles) + 1
    for listing in soup.select("ul.hb-question-index"):
        assert listing.has_attr("data-search-exclude")  # search finds the guides, once
