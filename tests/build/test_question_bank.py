"""The built question bank: every question calibrated, code shown as code, one search entry
per question. Expectations come from the model, so content edits need no test edits."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from handbook.content.markup import blocks
from support import real_handbook


@pytest.fixture(scope="module")
def bank(built_site):
    html = (built_site / "questions" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def hb():
    return real_handbook()


def test_every_question_has_calibration_and_answered_follow_ups(bank, hb):
    for question in hb.questions:
        article = bank.select_one(f'article[data-question="{question.id}"]')
        assert article is not None, question.id
        assert article.select_one(f"h3#{question.id}") is not None
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
    for question in hb.questions:
        assert f"questions/#{question.id}" in locations, question.id
