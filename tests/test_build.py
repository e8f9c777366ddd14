"""Full strict builds: every id from data/ is in the HTML, hostile strings stay inert, a role and
a question added to the YAML alone appear everywhere, and a failed validation writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.validate import load_handbook
from support import DATA, build_site, project_copy

HOSTILE = {
    "script": "<script>alert('x')</script>",
    "img": '<img src=x onerror="alert(1)">',
    "link": "javascript:alert(1)",
    "jinja": "{{ 7*7 }} {% raw %}",
    "title": "</title><script>alert(2)</script>",
}


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def heading(page: BeautifulSoup) -> str:
    """The h1's text without the permalink anchor."""
    h1 = page.find("h1")
    for link in h1.select("a.headerlink"):
        link.decompose()
    return h1.get_text(strip=True)


def test_every_role_axis_and_question_id_is_in_the_site(built_site):
    hb = load_handbook(DATA)
    questions = soup(built_site, "questions")
    skills = soup(built_site, "skills")
    for role in hb.roles:
        page = soup(built_site, f"roles/{role.id}")
        assert heading(page) == role.title
        assert skills.select_one(f'.hb-matrix tr[data-role="{role.id}"]') is not None
    for axis in hb.skills:
        assert skills.find(id=axis.id) is not None, axis.id
    for question in hb.questions:
        element = questions.find(id=question.id)
        assert element is not None and element.name == "article", question.id
        assert element.select_one(".hb-guide") is not None
    assert len(questions.select("article.hb-question")) == len(hb.questions)


def test_nav_lists_every_role_and_no_other_origin_is_referenced(built_site):
    hb = load_handbook(DATA)
    home = soup(built_site, ".")
    nav_links = {a["href"] for a in home.select("nav a[href]")}
    for role in hb.roles:
        assert f"roles/{role.id}/" in nav_links
    for page in built_site.rglob("*.html"):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src")):
            for element in html.find_all(tag):
                url = element.get(attr) or ""
                assert not url.startswith(("http:", "https:", "//")), (page, url)


def test_calculator_assets_only_on_the_calculator_page(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if page.parent.name != "calculator":
            assert "pyodide" not in text and "javascripts/calculator" not in text, page
    calculator = soup(built_site, "calculator")
    assert calculator.find(id="calculator-result")["data-status"] == "loading"
    assert (built_site / "calculator" / "pyodide" / "pyodide.asm.wasm").is_file()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = project_copy(tmp_path_factory.mktemp("hostile"))
    roles = project / "data" / "roles.yaml"
    roles.write_text(
        roles.read_text(encoding="utf-8").replace(
            "title: ML engineer", f"title: 'ML engineer {HOSTILE['title']}'", 1
        ),
        encoding="utf-8",
    )
    culture = project / "data" / "questions" / "culture.yaml"
    text = culture.read_text(encoding="utf-8")
    first_text = text.index("    text:")
    end = text.index("    roles:", first_text)
    hostile_text = " ".join(HOSTILE[key] for key in ("script", "img", "link", "jinja"))
    text = text[:first_text] + f"    text: {json.dumps(hostile_text)}\n" + text[end:]
    culture.write_text(text, encoding="utf-8")
    site = tmp_path_factory.mktemp("hostile-site")
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_hostile_question_text_is_inert(hostile_site):
    page = soup(hostile_site, "questions")
    question = page.select_one('article[data-area="culture"] .hb-question-text')
    shown = question.get_text()
    for key in ("script", "img", "link", "jinja"):
        assert HOSTILE[key] in shown
    assert "49" not in shown
    assert question.find("script") is None and question.find("img") is None
    assert not page.find_all(attrs={"onerror": True})
    assert not [a for a in page.find_all("a") if a.get("href", "").startswith("javascript:")]


def test_hostile_role_title_is_inert_in_title_nav_and_heading(hostile_site):
    expected = f"ML engineer {HOSTILE['title']}"
    page = soup(hostile_site, "roles/ml-engineer")
    assert page.title.get_text().startswith(expected)
    assert heading(page) == expected
    assert len(page.head.find_all("title")) == 1
    scripts = [s.get_text() for s in page.find_all("script")]
    assert not any("alert(2)" in s for s in scripts)
    other = soup(hostile_site, "skills")
    nav_titles = [a.get_text(strip=True) for a in other.select("nav a[href$='roles/ml-engineer/']")]
    assert expected in nav_titles


NEW_ROLE = """
  - id: research-engineer
    title: Research engineer
    summary: Turns research prototypes into reliable training code.
    responsibilities: [Scale up experiments]
    profile: [Strong engineer with research exposure]
    when_to_hire: When research code slows the team down.
    pitfalls: [Hiring a pure researcher instead]
    skills: {ml-practice: 3, software-engineering: 3, ml-theory: 3, ml-systems: 2}
    interview_focus:
      - area: ml-practice
        why: The job is making experiments run at scale.
"""
NEW_QUESTION = """
  - id: scaling-a-research-prototype
    text: How would you turn a notebook prototype into a training job that runs every night?
    roles: [research-engineer]
    difficulty: intermediate
    guide:
      strong:
        - Modular code with tests
        - Configuration kept outside the code
        - Scheduled, monitored runs
      red_flags:
        - Keeps the notebook as the production artefact
      follow_ups:
        - How do you know a nightly run regressed?
"""


def test_role_and_question_added_to_yaml_alone_appear_everywhere(tmp_path):
    project = project_copy(tmp_path / "project")
    with (project / "data" / "roles.yaml").open("a", encoding="utf-8") as roles:
        roles.write(NEW_ROLE)
    with (project / "data" / "questions" / "ml-practice.yaml").open("a", encoding="utf-8") as q:
        q.write(NEW_QUESTION)
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    role_page = soup(site, "roles/research-engineer")
    assert heading(role_page) == "Research engineer"
    assert role_page.select_one('a[href$="questions/#scaling-a-research-prototype"]')
    assert (
        role_page.select_one("svg.hb-chart title").get_text() == "Skill profile: Research engineer"
    )
    home = soup(site, ".")
    assert home.select_one('nav a[href="roles/research-engineer/"]')
    assert home.select_one('.hb-cards a[href="roles/research-engineer/"]')
    assert soup(site, "skills").select_one('.hb-matrix tr[data-role="research-engineer"]')
    assert soup(site, "roles").select_one('.hb-roles tr[data-role="research-engineer"]')
    questions = soup(site, "questions")
    question = questions.find(id="scaling-a-research-prototype")
    assert question["data-roles"] == "research-engineer"
    assert questions.select_one('#filter-role option[value="research-engineer"]')
    calculator = soup(site, "calculator")
    assert calculator.find(id="calc-existing-research-engineer") is not None


def test_failed_validation_stops_the_build_and_leaves_the_site_untouched(tmp_path):
    project = project_copy(tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    roles = project / "data" / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("ml-theory: 2", "ml-theory: 9", 1))
    result = build_site(project, site)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Data validation failed; nothing was built." in output
    line = roles.read_text(encoding="utf-8").splitlines().index("      ml-theory: 9") + 1
    assert f"data/roles.yaml:{line}: roles[0].skills.ml-theory: level 9 is outside 1-4" in output
    assert "Traceback" not in output
    after = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_macro_error_fails_the_build(tmp_path):
    project = project_copy(tmp_path / "project")
    (project / "docs" / "about.md").write_text("# About\n\n{{ no_such_macro() }}\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no_such_macro" in result.stdout + result.stderr


def test_missing_pyodide_stops_the_build_with_a_clear_message(tmp_path):
    project = project_copy(tmp_path / "project")
    (project / "node_modules").unlink()
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Pyodide is not installed" in output and "run `make setup` (npm ci) first" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()
