"""Each page kind rendered from a small in-code model: structure, links and escaping."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from bs4 import BeautifulSoup

from handbook import charts, render
from handbook.model import (
    Entry,
    Focus,
    FractionalTask,
    Guide,
    Handbook,
    Level,
    Question,
    Role,
    Skill,
    Source,
    Variant,
)

EVIL = "<b>bold</b> & {{ 7*7 }} *stars*"


def skill(skill_id: str, base: bool = True) -> Skill:
    levels = tuple(Level(n, f"L{n}", f"level {n} of {skill_id}") for n in range(1, 5))
    return Skill(
        skill_id,
        skill_id.upper(),
        base,
        f"about {skill_id}",
        ("signal",),
        ("tool",),
        levels if base else (),
    )


def role(role_id: str, title: str, levels: tuple[int, int]) -> Role:
    return Role(
        role_id,
        title,
        "",
        (),
        f"{title} summary",
        ("does things",),
        ("profile",),
        "when needed",
        ("pitfall",),
        MappingProxyType(dict(zip(("ax-a", "ax-b"), levels, strict=True))),
        (Focus("ax-a", "because"),),
        (Variant("v-one", "Variant one", "a variant"),),
    )


@pytest.fixture
def hb() -> Handbook:
    return Handbook(
        title="Small handbook",
        edition="2026.11",
        summary="A summary.",
        audience=("founders",),
        sources=(Source("src", "A source", "An author", "Pub", "2023-06-16", "credited"),),
        editorial_note="Levels are our judgement.",
        skills=(skill("ax-a"), skill("ax-b"), skill("culture", base=False)),
        roles=(role("r-one", EVIL, (1, 4)), role("r-two", "Role two", (3, 2))),
        questions=(
            Question(
                "q-one",
                "ax-a",
                EVIL,
                ("r-one",),
                "advanced",
                Guide(("s1", "s2", "s3"), ("red",), ("follow",)),
            ),
            Question(
                "q-two",
                "culture",
                "Tell me about a time.",
                ("r-one", "r-two"),
                "foundational",
                Guide(("a", "b", "c"), ("d",), ("e",)),
            ),
        ),
        composition=(Entry("rule-one", "Rule one", "First paragraph.\n\nSecond paragraph."),),
        fractional_tasks=(FractionalTask("task-x", "Task X", "does X", "one-off"),),
        interviewing=(Entry("bar", "The bar", EVIL),),
        calculator_rules_json="{}",
    )


def html(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(markdown, "html.parser")


def test_role_page(hb):
    out = render.role_page(hb, "r-one", "../../")
    first_line = out.splitlines()[0]
    assert first_line == r"# &lt;b&gt;bold&lt;/b&gt; &amp; \{\{ 7\*7 \}\} \*stars\*"
    page = html(out)
    assert page.select_one('a[href="../../questions/#q-one"]').get_text() == EVIL
    assert page.select_one('a[href="../../questions/#q-two"]') is not None
    assert page.find("b") is None
    rows = page.select("table.hb-table tbody tr")
    assert [r.th.get_text() for r in rows] == ["AX-A", "AX-B"]
    assert rows[1].find_all("td")[0].get_text() == "4 (L4)"
    assert page.find(id="variant-v-one").get_text() == "Variant one"


def test_role_without_questions_says_so(hb):
    hb = Handbook(**{**hb.__dict__, "questions": ()})
    assert "No questions in the bank are tagged for this role yet." in render.role_page(
        hb, "r-two", "../../"
    )


def test_roles_overview_lists_every_role_with_levels(hb):
    page = html(render.roles_overview(hb, "../"))
    rows = page.select("tr[data-role]")
    assert [r["data-role"] for r in rows] == ["r-one", "r-two"]
    assert [td.get_text() for td in rows[1].select("td.hb-level-3, td.hb-level-2")] == ["3", "2"]


def test_skills_page_has_axes_matrix_and_charts(hb):
    out = render.skills_page(hb, "../")
    assert "### AX\\-A {: #ax-a }" in out
    page = html(out)
    matrix = page.select_one("table.hb-matrix")
    assert matrix.caption is not None
    cell = matrix.select_one('tr[data-role="r-two"] td[data-axis="ax-a"]')
    assert cell["data-level"] == "3" and "hb-level-3" in cell["class"]
    assert len(page.select("svg.hb-chart")) == 2


def test_chart_has_text_alternative(hb):
    svg = html(str(charts.skill_chart(hb, hb.role("r-two"), "x"))).svg
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "x-r-two-title x-r-two-desc"
    assert svg.find("desc").get_text() == "AX-A: 3 of 4 (L3); AX-B: 2 of 4 (L2)"
    widths = [rect["width"] for rect in svg.select("rect.hb-chart-bar")]
    assert widths == ["150", "100"]


def test_questions_page_groups_by_area_with_guides(hb):
    out = render.questions_page(hb, "../")
    assert '## AX\\-A {: #area-ax-a .hb-area-heading data-area="ax-a" }' in out
    page = html(out)
    question = page.find(id="q-one")
    assert question["data-roles"] == "r-one" and question["data-difficulty"] == "advanced"
    assert question.select_one(".hb-question-text").get_text().endswith(EVIL)
    assert [li.get_text() for li in question.select(".hb-guide ul")[0].find_all("li")] == [
        "s1",
        "s2",
        "s3",
    ]
    assert page.find(id="question-filters").has_attr("hidden")
    assert len(page.select("#filter-role option")) == 3


def test_composition_page(hb):
    page = html(render.composition_page(hb, "../"))
    assert [p.get_text() for p in page.select(".hb-entry p")] == [
        "First paragraph.",
        "Second paragraph.",
    ]
    assert page.find(id="task-task-x").h3.get_text() == "Task X"


def test_interviewing_about_and_home(hb):
    interviewing = render.interviewing_page(hb, "../")
    assert EVIL not in interviewing and "&lt;b&gt;bold&lt;/b&gt;" in interviewing
    about = html(render.about_page(hb, "../"))
    assert about.select_one(".hb-edition").get_text() == "2026.11"
    assert about.find(id="source-src").cite.get_text() == "A source"
    home = html(render.home_page(hb, ""))
    assert [a["href"] for a in home.select(".hb-cards a")] == ["roles/r-one/", "roles/r-two/"]


def test_html_blocks_have_no_blank_lines(hb):
    """Markdown ends a raw HTML block at a blank line; our blocks must stay whole."""
    for out in (render.questions_page(hb, "../"), render.skills_page(hb, "../")):
        for block in out.split("\n\n"):
            if block.startswith("<"):
                assert block.count("<div") == block.count("</div>")
