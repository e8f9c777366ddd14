"""pages/themed.py: a page's themed HTML comes back from the last build only when everything the
theme reads for it is as it was. Small fakes stand in for MkDocs' page, navigation and files;
tests/build/test_preview_builds.py checks a real rebuild against a fresh build."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

import jinja2
import pytest

from handbook.pages import memo, themed

MAIN = (
    "{% extends 'base.html' %}{% block body %}{{ count() }}{{ page.title }}|{{ page.content }}|"
    "{% for item in nav.items %}{{ item.title }};{% endfor %}{{ config.extra.note }}"
    "{% endblock %}"
)
BASE = "<html>{% block body %}{% endblock %}</html>"


@dataclass(frozen=True)
class File:
    src_uri: str = "a.md"
    dest_uri: str = "a/index.html"
    url: str = "a/"
    inclusion: str = "included"


@dataclass(frozen=True)
class Toc:
    id: str = "a"
    url: str = "#a"
    title: str = "A"
    level: int = 1
    children: tuple = ()


@dataclass(frozen=True)
class Page:
    title: str = "A"
    content: str = "<p>a</p>"
    url: str = "a/"
    file: File = File()
    canonical_url: str | None = None
    edit_url: str | None = None
    is_homepage: bool = False
    meta: dict = field(default_factory=dict)
    toc: tuple = (Toc(),)
    children: None = None


@dataclass
class Nav:
    items: list


@pytest.fixture(autouse=True)
def fresh_memories(monkeypatch):
    monkeypatch.setattr(memo, "_memories", {})


@pytest.fixture
def theme(tmp_path):
    (tmp_path / "main.html").write_text(MAIN, encoding="utf-8")
    (tmp_path / "base.html").write_text(BASE, encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("{{ count() }}<urlset/>", encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), auto_reload=True)
    renders = []
    env.globals["count"] = lambda: renders.append(1) or ""
    themed.remember_themed_pages(env)
    return env, renders, tmp_path


def build(env, page=None, *, templates=("main.html",), others=("B",), extra=None):
    """One build's render of each template, with a new navigation as each build has."""
    memo.new_build()
    nav = Nav([page or Page(), *(Page(title=title, url=f"{title}/") for title in others)])
    config = {"site_name": "Handbook", "extra": extra or {"note": "n"}, "plugins": {}}
    context = {"page": page, "nav": nav, "config": config, "pages": [File()], "base_url": ".."}
    outputs = [env.get_template(name).render(context) for name in templates]
    return outputs[0] if len(outputs) == 1 else outputs


def test_an_unchanged_page_gets_the_last_builds_output_back(theme):
    env, renders, _ = theme
    first = build(env, Page())
    second = build(env, Page())
    assert second == first == "<html>A|<p>a</p>|A;B;n</html>"
    assert len(renders) == 1


@pytest.mark.parametrize(
    "change",
    [
        {"page": Page(content="<p>b</p>")},
        {"page": Page(title="A2")},
        {"page": Page(meta={"hide": ["toc"]})},
        {"page": Page(toc=(Toc(title="Other"),))},
        {"page": Page(url="c/")},
        {"page": Page(file=replace(File(), src_uri="c.md"))},
        {"page": Page(edit_url="https://example.invalid/a.md")},
        {"others": ("B2",)},
        {"others": ("B", "C")},
        {"extra": {"note": "m"}},
    ],
)
def test_any_change_the_theme_could_read_renders_the_page_again(theme, change):
    env, renders, _ = theme
    build(env, Page())
    build(
        env,
        change.get("page", Page()),
        others=change.get("others", ("B",)),
        extra=change.get("extra"),
    )
    assert len(renders) == 2


def test_an_edited_template_file_renders_every_page_again(theme):
    env, renders, folder = theme
    build(env, Page())
    base = folder / "base.html"
    base.write_text("<body>{% block body %}{% endblock %}</body>", encoding="utf-8")
    stat = base.stat()
    os.utime(base, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert build(env, Page()).startswith("<body>")
    assert len(renders) == 2


def test_values_set_while_pages_are_written_do_not_count(theme):
    env, renders, _ = theme
    build(env, Page(), extra={"note": "n"})
    build(env, Page(), extra={"note": "n", "calculator_page_assets": ["x.js"]})
    assert len(renders) == 1


def test_the_404_page_is_remembered_and_the_sitemap_is_not(theme):
    env, renders, folder = theme
    (folder / "404.html").write_text("{{ count() }}404 {{ base_url }}", encoding="utf-8")
    for _ in range(2):
        assert build(env, templates=("404.html", "sitemap.xml")) == ["404 ..", "<urlset/>"]
    assert len(renders) == 3  # the 404 page once, the sitemap twice


def test_templates_used_from_templates_are_the_real_ones(theme):
    env, _, _ = theme
    assert isinstance(env.get_template("base.html", "main.html"), jinja2.Template)
    assert isinstance(env.get_template("main.html"), themed.RememberedTemplate)
    assert env.get_template("main.html").name == "main.html"
