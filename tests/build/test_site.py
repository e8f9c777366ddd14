"""Full strict builds of the real site: every id from data/ is in the HTML, a role and a question
added to the YAML alone appear everywhere, hostile titles stay inert, the calculator's assets and
links are complete, and a failed validation writes nothing.

Expectations come from the model (content.load) and the engine at run time, never from the
live YAML's specifics, so a valid content edit keeps these tests green.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from handbook import engine
from handbook.content.loader import load_text
from handbook.pages.calculator import engine_sources
from handbook.pages.questions import question_urls
from support import build_site, project_copy, real_handbook

HOSTILE_TITLE = "</title><script>alert(2)</script>"
HOSTILE_TEXT = "{{ 7*7 }} {% raw %} javascript:alert(1)"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def heading(page: BeautifulSoup) -> str:
    """The h1's text without the permalink anchor."""
    h1 = page.find("h1")
    for link in h1.select("a.headerlink"):
        link.decompose()
    return h1.get_text(strip=True)


@pytest.fixture(scope="module")
def hb():
    return real_handbook()


def test_every_role_axis_material_and_question_id_is_in_the_site(built_site, hb):
    questions = soup(built_site, "questions")
    skills = soup(built_site, "skills")
    for role in hb.roles:
        page = soup(built_site, f"roles/{role.id}")
        assert heading(page) == role.title
        assert skills.select_one(f'.hb-matrix tr[data-role="{role.id}"]') is not None
    for axis in hb.skills:
        assert skills.find(id=axis.id) is not None, axis.id
    urls = question_urls(hb)
    for question in hb.questions:
        entry = questions.find(id=question.id)  # the index keeps every question's old anchor
        assert entry is not None and entry["data-question"] == question.id, question.id
        guides = soup(built_site, urls[question.id].split("#")[0].rstrip("/"))
        article = guides.find("article", attrs={"data-question": question.id})
        assert article is not None and article.find(id=question.id) is not None, question.id
        assert article.select_one(".hb-guide") is not None
    assert len(questions.select("li.hb-question")) == len(hb.questions)
    for material in hb.materials:
        assert heading(soup(built_site, f"materials/{material.id}")) == material.title


def nav_links(site: Path, page: str) -> set[str]:
    """The primary nav's links on page, as paths from the site root."""
    base = "" if page == "." else f"{page.strip('/')}/"
    html = soup(site, page)
    return {urljoin(base, a["href"]) for a in html.select("nav.md-nav--primary a[href]")}


def test_nav_lists_every_role_and_no_other_origin_is_referenced(built_site, hb):
    # The nav is pruned (navigation.prune): a page carries the open branch, so the roles are
    # listed on the pages of the Roles section, and every other page links the section.
    assert soup(built_site, ".").select_one('nav.md-nav--primary a[href="roles/"]')
    for role in hb.roles:
        assert f"roles/{role.id}/" in nav_links(built_site, "roles")
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


def test_the_calculator_page_head_carries_the_grid_as_data(built_site, hb):
    page = soup(built_site, "calculator")
    grid = page.head.find("script", id="calculator-grid")
    assert grid["type"] == "application/json"
    assert json.loads(grid.get_text()) == engine.grid_description(hb.calculator_rules())
    sources = [s.get("src", "") for s in page.head.find_all("script")]
    grid_js = next(i for i, src in enumerate(sources) if src.endswith("calculator-grid.js"))
    assert sources[grid_js + 1].endswith("calculator-prefetch.js")


def test_the_calculator_head_preloads_exactly_the_scripts_before_its_first_answer(built_site):
    """The scripts up to calculator.js are fetched together from the head; a preload the page
    never uses (a renamed script) would be a wasted download and a console warning."""
    page = soup(built_site, "calculator")
    preloaded = [link["href"] for link in page.head.find_all("link", rel="preload")]
    scripts = [s["src"] for s in page.find_all("script", src=True)]
    first_answer = scripts[: scripts.index("../assets/javascripts/calculator.js") + 1]
    assert preloaded == first_answer
    assert all((built_site / "calculator" / src).resolve().is_file() for src in preloaded)


def test_the_shipped_engine_and_plans_are_the_engines(built_site, hb):
    rules = hb.calculator_rules()
    assert json.loads((built_site / "calculator" / "rules.json").read_text()) == rules
    for name, path in engine_sources().items():
        assert (built_site / "calculator" / "engine" / name).read_bytes() == path.read_bytes()
    requests = list(engine.grid_requests(rules))
    files = {
        path.stem: json.loads(path.read_text())
        for path in (built_site / "calculator" / "plans").rglob("*.json")
    }
    assert sum(len(plans) for plans in files.values()) == len(requests)
    for request in requests[:: max(1, len(requests) // 40)]:
        plan = files[engine.grid_setting(request)][str(request["headcount"])]
        assert plan == engine.recommend(rules, request)


def test_every_link_in_every_grid_plan_resolves_in_the_site(built_site, hb):
    """Rationale and fractional links point at pages and anchors that exist."""
    ids_by_page: dict[str, set[str]] = {}

    def ids_of(page: str) -> set[str]:
        if page not in ids_by_page:
            html = soup(built_site, page)
            ids_by_page[page] = {element["id"] for element in html.find_all(id=True)}
        return ids_by_page[page]

    links = set()
    for path in (built_site / "calculator" / "plans").rglob("*.json"):
        for plan in json.loads(path.read_text(encoding="utf-8")).values():
            links |= {reason["link"] for reason in plan["rationale"]}
            links |= {f"team-composition/#task-{task['id']}" for task in plan["fractional"]}
    assert links
    for link in sorted(links):
        parts = urlsplit(link)
        page = parts.path.strip("/")
        assert (built_site / page / "index.html").is_file(), link
        if parts.fragment:
            assert parts.fragment in ids_of(page), link


def append_item(path: Path, item: dict) -> None:
    """Add item to the end of the file's one top-level list (indented by two spaces)."""
    text = yaml.safe_dump([item], allow_unicode=True, sort_keys=False, width=1000)
    block = "".join(f"  {line}\n" for line in text.splitlines())
    current = path.read_text(encoding="utf-8")
    path.write_text(current.rstrip("\n") + "\n" + block, encoding="utf-8")


def _unused(prefix: str, taken: set[str]) -> str:
    return next(f"{prefix}-{n}" for n in range(1, 1000) if f"{prefix}-{n}" not in taken)


@pytest.fixture(scope="module")
def extended(tmp_path_factory, hb) -> tuple[Path, str, str, str]:
    """The real project plus a role (hostile title) and a question for it, added to the YAML
    alone; returns the site, the role's id and title, and the question's id."""
    project = project_copy(tmp_path_factory.mktemp("extended"))
    role_id = _unused("added-role", {role.id for role in hb.roles})
    question_id = _unused("added-question", {q.id for q in hb.questions})
    title = f"Added role {HOSTILE_TITLE}"
    axes = [axis.id for axis in hb.base_axes]
    area = axes[0]
    role = {
        "id": role_id,
        "title": title,
        "summary": "Turns research prototypes into reliable training code.",
        "responsibilities": ["Scale up experiments"],
        "profile": ["Strong engineer with research exposure"],
        "when_to_hire": "When research code slows the team down.",
        "pitfalls": ["Hiring a pure researcher instead"],
        "skills": dict.fromkeys(axes, 3),
        "interview_focus": [{"area": area, "why": "The job is making experiments run."}],
    }
    question = {
        "id": question_id,
        "text": f"How would you turn a notebook into a nightly job? {HOSTILE_TEXT}",
        "roles": [role_id],
        "difficulty": "intermediate",
        "guide": {
            "strong": ["Modular code with tests", "Configuration kept outside", "Monitored runs"],
            "red_flags": ["Keeps the notebook as the production artefact"],
            "calibration": {f"level_{n}": f"An answer at level {n}." for n in (2, 3, 4)},
            "follow_ups": [{"ask": "How do you notice a regression?", "good_answer": "Alerts."}],
        },
    }
    # Roles have levels and an interview loop: copy the first role's, in the YAML alone too.
    real_roles = yaml.safe_load((project / "data" / "roles.yaml").read_text(encoding="utf-8"))
    role["levels"] = real_roles["roles"][0]["levels"]
    role["skills"] = real_roles["roles"][0]["skills"]
    kits_path = project / "data" / "kits.yaml"
    kits = kits_path.read_text(encoding="utf-8")
    loop = yaml.safe_load(kits)["loops"][0]
    entry = yaml.safe_dump([{**loop, "role": role_id}], sort_keys=False, width=1000)
    kits = kits.replace(
        "\nkits:", "\n" + "".join(f"  {line}\n" for line in entry.splitlines()) + "kits:", 1
    )
    kits_path.write_text(kits, encoding="utf-8")
    append_item(project / "data" / "roles.yaml", role)
    append_item(project / "data" / "questions" / f"{area}.yaml", question)
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, role_id, title, question_id


def test_a_role_and_question_added_to_the_yaml_alone_appear_everywhere(extended):
    site, role_id, title, question_id = extended
    role_page = soup(site, f"roles/{role_id}")
    assert heading(role_page) == title
    assert role_page.select_one(f'a[href$="questions/#{question_id}"]')
    assert role_page.select_one("svg.hb-chart title").get_text() == f"Skill profile: {title}"
    assert f"roles/{role_id}/" in nav_links(site, "roles")
    assert soup(site, ".").select_one(f'.hb-cards a[href="roles/{role_id}/"]')
    assert soup(site, "skills").select_one(f'.hb-matrix tr[data-role="{role_id}"]')
    assert soup(site, "roles").select_one(f'article [data-role="{role_id}"]')
    questions = soup(site, "questions")
    article = questions.find(attrs={"data-question": question_id})
    assert article["data-roles"] == role_id
    assert questions.select_one(f'#filter-role option[value="{role_id}"]')
    assert soup(site, "calculator").find(id=f"calc-existing-{role_id}") is not None
    assert soup(site, "changes").select_one(f'a[href="../roles/{role_id}/"]')


def test_hostile_question_text_is_shown_literally(extended):
    site, _, _, question_id = extended
    questions = soup(site, "questions")
    shown = questions.find(id=question_id).get_text()
    assert HOSTILE_TEXT in shown
    assert "49" not in shown
    assert not [a for a in questions.find_all("a") if a.get("href", "").startswith("javascript:")]


def test_hostile_role_title_is_inert_in_title_nav_and_heading(extended):
    site, role_id, title, _ = extended
    page = soup(site, f"roles/{role_id}")
    assert page.title.get_text().startswith(title)
    assert len(page.head.find_all("title")) == 1
    assert not any("alert(2)" in s.get_text() for s in page.find_all("script"))
    other = soup(site, "roles")
    nav_titles = [a.get_text(strip=True) for a in other.select(f"nav a[href='{role_id}/']")]
    assert title in nav_titles


def _first_role_level(roles_text: str) -> tuple[int, str]:
    """The line of the first role's first skill level, and that skill's id."""
    located = load_text(roles_text)
    axis = next(iter(located.value["roles"][0]["skills"]))
    return located.lines[("roles", 0, "skills", axis)], axis


def test_failed_validation_stops_the_build_and_leaves_the_site_untouched(tmp_path):
    project = project_copy(tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    roles = project / "data" / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    line, axis = _first_role_level(text)
    lines = text.splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].split(":")[0] + ": 9\n"
    roles.write_text("".join(lines), encoding="utf-8")
    result = build_site(project, site)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Data validation failed; nothing was built." in output
    assert f"data/roles.yaml:{line}: roles[0].skills.{axis}: level 9 is outside 1-4" in output
    assert "Traceback" not in output
    after = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_macros_run_only_on_pages_that_opt_in(tmp_path):
    project = project_copy(tmp_path / "project")
    docs = project / "docs"
    (docs / "about.md").write_text(
        "---\nrender_macros: true\n---\n\n# About\n\n{{ no_such_macro() }}\n", encoding="utf-8"
    )
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no_such_macro" in result.stdout + result.stderr
    (docs / "about.md").write_text("# About\n\nTyped as is: {{ 7*7 }} {% raw %}\n", "utf-8")
    site = tmp_path / "site-2"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Typed as is: {{ 7*7 }} {% raw %}" in soup(site, "about").article.get_text()


def test_missing_pyodide_stops_the_build_with_a_clear_message(tmp_path):
    project = project_copy(tmp_path / "project")
    (project / "node_modules").unlink()
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Pyodide is not installed" in output and "run `make setup` (npm ci) first" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()
