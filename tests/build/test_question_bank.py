"""The built question bank: every question calibrated, code shown as code, one search entry
per question, the index linking to every guide, and no page near 1 MB. Expectations come from
the model, so content edits need no test edits."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from handbook.content.kits import kit_ids
from handbook.content.markup import blocks
from handbook.pages.questions import question_urls
from support import real_handbook


@pytest.fixture(scope="module")
def bank(built_site):
    """Every page of answer guides, as one document (the index is not among them)."""
    pages = sorted((built_site / "questions").glob("*/**/index.html"))
    assert pages, "the bank has pages of answer guides"
    body = "".join(page.read_text(encoding="utf-8") for page in pages)
    return BeautifulSoup(body, "html.parser")


@pytest.fixture(scope="module")
def hb():
    return real_handbook()


def test_every_question_has_calibration_and_answered_follow_ups(bank, hb):
    for question in hb.questions:
        article = bank.select_one(f'article[data-question="{question.id}"]')
        assert article is not None, question.id
        assert article.select_one(f"h2#{question.id}") is not None
        levels = [node["data-answer-level"] for node in article.select("[data-answer-level]")]
        assert levels == ["2", "3", "4"], question.id
        for level, text in question.guide.calibration:
            node = article.select_one(f'[data-answer-level="{level}"] dd')
            shown = " ".join(node.get_text().split())
            assert shown == " ".join(text.replace("`", "").split()), (question.id, level)
        follow_ups = article.select(".hb-follow-ups > li")
        assert len(follow_ups) == len(question.guide.follow_ups)
        assert all("A good answer:" in item.get_text() for item in follow_ups)


def test_code_in_questions_renders_as_escaped_code(bank, hb):
    with_code = [q for q in hb.questions if any(b.kind == "code" for b in blocks(q.text))]
    assert with_code, "the bank has questions with code to read"
    for question in with_code:
        article = bank.select_one(f'article[data-question="{question.id}"]')
        expected = [b.code for b in blocks(question.text) if b.kind == "code"]
        shown = [pre.get_text() for pre in article.select(".hb-question-body > pre > code")]
        assert shown == expected, question.id


def test_each_question_is_its_own_search_entry(built_site, hb):
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    urls = question_urls(hb)
    for question in hb.questions:
        assert urls[question.id] in locations, question.id
    # The index lists the questions too, but out of the search index: one entry per question.
    assert not {f"questions/#{question.id}" for question in hb.questions} & locations


def test_search_finds_kits_through_their_index_not_each_kit(built_site, hb):
    """A question's text is indexed once, on its guide, not again on every kit that asks it."""
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    kit_pages = {doc["location"].split("#")[0] for doc in index["docs"]} & {
        f"kits/{kit_id}/" for kit_id in kit_ids(hb)
    }
    assert kit_pages == set()
    assert "kits/" in {doc["location"] for doc in index["docs"]}
    assert (built_site / "kits" / kit_ids(hb)[0] / "index.html").is_file()


def test_the_index_links_every_question_to_its_guide_under_its_old_anchor(built_site, hb):
    html = (built_site / "questions" / "index.html").read_text(encoding="utf-8")
    index = BeautifulSoup(html, "html.parser")
    urls = question_urls(hb)
    for question in hb.questions:
        link = index.select_one(f'li.hb-question[id="{question.id}"] a.hb-question-link')
        assert link["href"] == "../" + urls[question.id], question.id
        guide = built_site / urls[question.id].split("#")[0] / "index.html"
        assert f'id="{question.id}"' in guide.read_text(encoding="utf-8"), question.id


def test_no_page_of_the_bank_reaches_a_megabyte(built_site):
    sizes = {page: page.stat().st_size for page in (built_site / "questions").rglob("*.html")}
    assert max(sizes.values()) < 1_000_000, max(sizes, key=sizes.get)
