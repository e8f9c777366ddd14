"""Each page kind rendered from the tiny handbook (with hostile text put in by hand): structure,
links and escaping."""

from __future__ import annotations

import dataclasses
import re

import pytest
from bs4 import BeautifulSoup

from handbook.pages import charts, questions, rawhtml, render

EVIL = "<b>bold</b> & {{ 7*7 }} *stars*"


@pytest.fixture
def hb(tiny_handbook):
    """The tiny handbook with hostile text in a role title and an interviewing principle."""
    roles = list(tiny_handbook.roles)
    roles[0] = dataclasses.replace(roles[0], title=EVIL)
    interviewing = list(tiny_handbook.interviewing)
    interviewing[0] = dataclasses.replace(interviewing[0], text=EVIL)
    return dataclasses.replace(tiny_handbook, roles=tuple(roles), interviewing=tuple(interviewing))


def html(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(markdown, "html.parser")


def test_role_page(hb):
    out = render.role_page(hb, "engineer", "../../")
    assert out.splitlines()[0] == r"# &lt;b&gt;bold&lt;/b&gt; &amp; \{\{ 7\*7 \}\} \*stars\*"
    page = html(out)
    assert page.find("b") is None
    assert page.select_one('a[href="../../questions/#ship-a-model"]') is not None
    assert page.select_one('a[href="../../questions/#explain-a-trade-off"]') is not None
    assert page.select_one('a[href="../../questions/#derive-a-loss"]') is None  # not for it
    rows = page.select("table.hb-table:not(.hb-levels) tbody tr")
    assert [r.th.get_text() for r in rows] == ["Practice", "Theory"]
    levels = page.select("table.hb-levels tbody tr")
    assert [(r["data-level"], r.th["id"]) for r in levels] == [
        ("junior", "level-junior"),
        ("senior", "level-senior"),
    ]
    assert [td.get_text() for td in levels[1].find_all("td")] == [
        "3 Strong",
        "2 Working",
        "3 Strong",
        "Kit",
    ]
    assert levels[1].select_one("a")["href"] == "../../kits/engineer/senior/"
    assert page.select_one(".hb-judgement").get_text() == (
        "Handbook's judgement: The tests' own judgement."
    )
    assert [r.find_all("td")[0].get_text() for r in rows] == ["3 (Strong)", "2 (Working)"]
    assert rows[1].find_all("td")[1].get_text() == "theory at level 2."
    assert page.find(id="variant-platform").get_text() == "Platform engineer"
    assert page.select_one('a[href="../../questions/?role=engineer"]') is not None


def test_role_without_questions_says_so(hb):
    hb = dataclasses.replace(hb, questions=(), materials=())
    assert "No questions in the bank are tagged for this role yet." in render.role_page(
        hb, "lead", "../../"
    )


def test_roles_overview_lists_every_role_with_levels(hb):
    page = html(render.roles_overview(hb, "../"))
    entries = page.select("[data-role]")
    assert [entry["data-role"] for entry in entries] == ["engineer", "scientist", "ops", "lead"]
    levels = entries[1].select("[class*=hb-level-]")
    assert [level.get_text(strip=True) for level in levels] == ["2", "4"]
    classes = [c for level in levels for c in level["class"] if c[-1].isdigit()]
    assert classes == ["hb-level-2", "hb-level-4"]
    assert entries[1].select_one("a")["href"] == "../roles/scientist/"


def test_skills_page_has_axes_matrix_and_charts(hb):
    out = render.skills_page(hb, "../")
    assert "### Practice {: #practice }" in out
    page = html(out)
    matrix = page.select_one("table.hb-matrix")
    assert matrix.caption is not None
    cell = matrix.select_one('tr[data-role="scientist"] td[data-axis="theory"]')
    assert cell["data-level"] == "4" and "hb-level-4" in cell["class"]
    assert len(page.select("svg.hb-chart")) == len(hb.roles)


def test_chart_has_text_alternative(hb):
    svg = html(str(charts.skill_chart(hb, hb.role("scientist"), "x"))).svg
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "x-scientist-title x-scientist-desc"
    assert svg.find("title").get_text() == "Skill profile: Scientist"
    assert svg.find("desc").get_text() == "Practice: 2 of 4 (Working); Theory: 4 of 4 (Expert)"
    widths = [rect["width"] for rect in svg.select("rect.hb-chart-bar")]
    assert widths == ["100", "200"]


def test_composition_page(hb):
    page = html(render.composition_page(hb, "../"))
    assert [p.get_text() for p in page.select(".hb-entry p")] == [
        entry.text for entry in hb.composition
    ]
    assert page.find(id="task-ci-setup").h3.get_text() == "CI set-up"


def test_interviewing_about_and_home(hb):
    interviewing = render.interviewing_page(hb, "../")
    assert EVIL not in interviewing and "&lt;b&gt;bold&lt;/b&gt;" in interviewing
    paragraphs = html(interviewing).select(".hb-entry")[1].find_all("p")
    assert [p.get_text() for p in paragraphs] == [
        "Score before the debrief.",
        "One strong opinion should not sway the panel.",
    ]
    about = html(render.about_page(hb, "../"))
    assert about.select_one(".hb-edition").get_text() == hb.edition
    assert about.find(id="source-tiny-source").cite.get_text() == "A tiny source"
    home = html(render.home_page(hb, ""))
    assert [a["href"] for a in home.select(".hb-cards a")] == [
        f"roles/{role.id}/" for role in hb.roles
    ]


def _opened(html: str) -> int:
    tags = ("<div", "<article")
    return sum(html.count(tag) - html.count(tag.replace("<", "</")) for tag in tags)


def test_html_blocks_have_no_blank_lines(hb):
    """Markdown ends a raw HTML block at a blank line, so every block outside the regions
    marked raw (pages/rawhtml.py, passed through whole) must stay whole; only an element marked
    markdown="1" (md_in_html parses its inside) may span blank lines, and then it must be closed
    later. Raw regions may open a container that a later one closes."""
    pages = [render.skills_page(hb, "../"), questions.questions_index(hb, "../")]
    pages += [questions.question_page(hb, page) for page in questions.question_pages(hb)]
    pages += [render.role_page(hb, role.id, "../../") for role in hb.roles]
    region = re.compile(re.escape(rawhtml.OPEN) + "(.*?)" + re.escape(rawhtml.CLOSE), re.S)
    for out in pages:
        raw_open = 0
        for part in region.findall(out):
            raw_open += _opened(part)
            assert raw_open >= 0, part
        assert raw_open == 0
        containers = 0
        for block in region.sub("", out).split("\n\n"):
            if not block.startswith("<"):
                continue
            opened = _opened(block)
            if 'markdown="1"' in block:
                assert opened == block.count('markdown="1"'), block
            elif opened < 0:
                assert set(block.split()) <= {"</div>", "</article>"}, block
            else:
                assert opened == 0, block
            containers += opened
            assert containers >= 0
        assert containers == 0


def test_markdown_inline_escaping_neutralises_every_special():
    assert str(render.md_inline("a_b *c* [d](e) #f <g>")) == (
        r"a\_b \*c\* \[d\]\(e\) \#f &lt;g&gt;"
    )
    assert str(render.paragraphs("one\n  two\n\n\nthree")) == "<p>one two</p><p>three</p>"
