"""Every text field of every data file carries hostile text; the built site shows it literally.

The payloads: a Jinja expression that reads the build machine's working directory (mkdocs-macros'
Jinja is not sandboxed, so evaluating it would be code execution), a Jinja expression with a
recognisable result, a <script> element, an onerror= attribute and javascript: links. Which
fields are text comes from the specs themselves, so a new field is covered without a new test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from handbook.content.specs import QUESTIONS
from handbook.content.validate import FILE_SPECS
from handbook.engine.rules_spec import template_syntax
from handbook.spec.language import ListOf, MapOf, Obj, Spec, Text
from support import build_site, project_copy

JINJA_CWD = "{{ cycler.__init__.__globals__.os.getcwd() }}"
JINJA_MARK = '{{ "jinja" ~ "Ran" }}'  # evaluated: jinjaRan (no slug of the text can make it)
HOSTILE = (
    f"Sci {JINJA_CWD} {JINJA_MARK} {{% raw %}} <script>alert(1)</script> "
    '<img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a> [y](javascript:alert(4))'
)


# Guide text allows `inline code` (and refuses HTML outside it): there, the markup goes in code.
HOSTILE_PROSE = (
    f"Sci {JINJA_CWD} {JINJA_MARK} `<script>alert(1)</script>` "
    '`<img src=x onerror="alert(2)">` `<a href="javascript:alert(3)">x</a>`'
)


# Calculator reason templates treat {braces} as placeholders (and refuse unknown ones).
HOSTILE_TEMPLATE = (
    'Sci <script>alert(1)</script> <img src=x onerror="alert(2)"> '
    '<a href="javascript:alert(3)">x</a>'
)


def poison(value, spec: Spec):
    """value with every free-text string (a Text spec without a pattern) made hostile."""
    if isinstance(spec, Text) and spec.pattern is None and isinstance(value, str):
        if spec.refine is None:
            return HOSTILE
        return HOSTILE_TEMPLATE if spec.refine is template_syntax else HOSTILE_PROSE
    if isinstance(spec, Obj) and isinstance(value, dict):
        return {
            key: poison(item, spec.fields[key].spec) if key in spec.fields else item
            for key, item in value.items()
        }
    if isinstance(spec, ListOf) and isinstance(value, list):
        return [poison(item, spec.item) for item in value]
    if isinstance(spec, MapOf) and isinstance(value, dict):
        return {key: poison(item, spec.value) for key, item in value.items()}
    return value


def _poison_file(path: Path, spec: Obj) -> int:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    poisoned = poison(data, spec)
    path.write_text(yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False), "utf-8")
    return json.dumps(poisoned).count("alert(1)")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, Path, int]:
    project = project_copy(tmp_path_factory.mktemp("hostile"))
    fields = 0
    for name, spec in FILE_SPECS.items():
        fields += _poison_file(project / "data" / name, spec)
    for path in sorted((project / "data" / "questions").glob("*.yaml")):
        fields += _poison_file(path, QUESTIONS)
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site, fields


def _outputs(site: Path, suffix: str) -> list[Path]:
    return sorted(p for p in site.rglob(f"*{suffix}") if "pyodide" not in p.parts)


def test_every_text_field_was_poisoned(hostile_site):
    _, _, fields = hostile_site
    assert fields > 500  # roles, skills, questions, guides, composition, calculator, handbook


def test_no_template_ever_evaluated_the_text(hostile_site):
    project, site, _ = hostile_site
    for path in _outputs(site, ""):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".js", ".md"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "jinjaRan" not in text, path
            assert str(project) not in text, path


def test_pages_show_the_text_literally_and_run_none_of_it(hostile_site):
    _, site, _ = hostile_site
    pages = _outputs(site, ".html")
    assert len(pages) > 10
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            if script.get("type", "text/javascript") in ("text/javascript", "module"):
                assert "alert(" not in script.get_text(), path
        for tag in soup.find_all(True):
            assert not any(name.lower().startswith("on") for name in tag.attrs), (path, tag)
            for attr in ("href", "src", "action", "formaction"):
                value = str(tag.get(attr, "")).strip().lower()
                assert not value.startswith("javascript:"), (path, tag)
    role = BeautifulSoup((site / "roles" / "ml-engineer" / "index.html").read_text(), "html.parser")
    assert JINJA_CWD in role.title.get_text()
    nav = role.select_one("nav.md-nav--primary").get_text()
    assert JINJA_CWD in nav and JINJA_MARK in nav and "<script>alert(1)</script>" in nav
    assert JINJA_CWD in role.select_one("article").get_text()


def test_search_index_and_sitemap_hold_only_escaped_text(hostile_site):
    _, site, _ = hostile_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("alert(1)" in doc["text"] or "alert(1)" in doc["title"] for doc in index["docs"])
    for doc in index["docs"]:
        for key in ("title", "text"):
            assert not re.search(r"<(script|img|a)\b", doc[key], re.I), (doc["location"], key)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<script" not in sitemap and "alert(" not in sitemap


def test_calculator_data_carries_the_text_verbatim(hostile_site):
    _, site, _ = hostile_site
    rules = (site / "calculator" / "rules.json").read_text(encoding="utf-8")
    assert HOSTILE in json.loads(rules)["calculator"]["archetypes"][0]["title"]
    plans = _outputs(site / "calculator" / "plans", ".json")
    assert plans
    plan = next(iter(json.loads(plans[0].read_text(encoding="utf-8")).values()))
    reasons = [reason["text"] for reason in plan["rationale"]] + [h["why"] for h in plan["hires"]]
    assert any("<script>alert(1)</script>" in reason for reason in reasons)
