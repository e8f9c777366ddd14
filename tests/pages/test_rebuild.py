"""pages/rebuild.py: a rebuild reuses what the last build worked out only for inputs equal to
its inputs. MkDocs' objects are stood in for by small fakes with the attributes the wrappers
read and write; tests/browser/test_live_preview.py checks the same under `mkdocs serve`."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import pytest

from handbook.pages import memo, rebuild


@pytest.fixture(autouse=True)
def fresh_memories(monkeypatch):
    monkeypatch.setattr(memo, "_memories", {})


def test_the_theme_loader_lists_every_file_outside_hidden_folders(tmp_path):
    for name in ("base.html", "partials/nav.html", ".icons/a/b.svg", "assets/.hidden/x.js"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / ".top.txt").write_text("x", encoding="utf-8")
    everything = jinja2.FileSystemLoader(str(tmp_path)).list_templates()
    listed = rebuild.ThemeLoader(str(tmp_path)).list_templates()
    assert listed == [".top.txt", "base.html", "partials/nav.html"]
    assert set(everything) - set(listed) == {".icons/a/b.svg", "assets/.hidden/x.js"}


@dataclass
class Toc:
    id: str
    url: str
    title: str
    children: list = field(default_factory=list)
    level: int = 1


@dataclass
class Page:
    url: str = "questions/ml-theory/"
    title: str = "ML theory"
    content: str = "<h2 id='q'>Q</h2><p>text</p>"
    meta: dict = field(default_factory=dict)
    toc: list = field(default_factory=lambda: [Toc("q", "#q", "Q")])


class Index:
    def __init__(self) -> None:
        self.entries: list[dict] = []
        self.parsed: list[str] = []

    def add_entry_from_context(self, page) -> None:
        self.parsed.append(page.url)
        self.entries.append({"location": page.url, "text": page.content, "tags": ["a"]})


def search_build(*pages: Page) -> Index:
    memo.new_build()
    index = Index()
    rebuild.remember_search_entries(index)
    for page in pages:
        index.add_entry_from_context(page)
    return index


def test_a_page_unchanged_since_the_last_build_gets_its_search_entries_without_parsing():
    first = search_build(Page(), Page(url="roles/"))
    second = search_build(Page(), Page(url="roles/"))
    assert first.parsed == ["questions/ml-theory/", "roles/"]
    assert second.parsed == []
    assert second.entries == first.entries
    second.entries[0]["tags"].append("changed")  # the kept entries are copies
    assert search_build(Page()).entries[0]["tags"] == ["a"]


@pytest.mark.parametrize(
    "change",
    [
        {"content": "<p>new text</p>"},
        {"title": "Another title"},
        {"meta": {"search": {"exclude": True}}},
        {"toc": [Toc("q", "#q", "Renamed")]},
        {"url": "questions/other/"},
    ],
)
def test_any_change_the_search_plugin_could_see_parses_the_page_again(change):
    search_build(Page())
    again = search_build(Page(**change))
    assert again.parsed == [Page(**change).url]


@dataclass
class File:
    src_uri: str = "questions/ml-theory.md"
    dest_uri: str = "questions/ml-theory/index.html"


@dataclass
class RenderedPage:
    markdown: str = "# Title\n\n[a link](missing.md)"
    file: File = field(default_factory=File)
    url: str = "questions/ml-theory/"
    content: str | None = None
    toc: list = field(default_factory=list)
    _title_from_render: str | None = None
    present_anchor_ids: set | None = None
    links_to_anchors: dict | None = None
    renders: int = 0

    def render(self, config, files) -> None:
        self.renders += 1
        self.content = f"<h1 id='title'>Title</h1><p>{self.markdown[-12:]}</p>"
        self.toc = [Toc("title", "#title", "Title")]
        self._title_from_render = "Title"
        self.present_anchor_ids = {"title"}
        logging.getLogger("mkdocs.structure.pages").warning("a link to missing.md")


CONFIG = {
    "markdown_extensions": ["toc", rebuild.ThemeLoader("/")],
    "mdx_configs": {"toc": {"permalink": True}},
    "use_directory_urls": True,
    "validation": {"links": {"not_found": 30}},
}


def render_build(page: RenderedPage, files: str = "files-1", config: dict = CONFIG) -> RenderedPage:
    memo.new_build()
    rebuild.remember_render(page, files)
    page.render(config, files=None)
    return page


def test_an_unchanged_page_gets_its_html_back_and_its_warnings_again(caplog):
    first = render_build(RenderedPage())
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        second = render_build(RenderedPage())
    assert (first.renders, second.renders) == (1, 0)
    assert second.content == first.content
    assert second.toc == first.toc and second.toc is not first.toc
    assert second._title_from_render == "Title"
    assert second.present_anchor_ids == {"title"}
    assert [record.getMessage() for record in caplog.records] == ["a link to missing.md"]


@pytest.mark.parametrize(
    "change",
    [
        {"page": RenderedPage(markdown="# Title\n\nother text")},
        {"page": RenderedPage(url="questions/other/")},
        {"page": RenderedPage(file=File(src_uri="questions/other.md"))},
        {"files": "files-2"},
        {"config": {**CONFIG, "use_directory_urls": False}},
        {"config": {**CONFIG, "mdx_configs": {"toc": {"permalink": False}}}},
    ],
)
def test_a_change_to_what_a_page_renders_from_renders_it_again(change):
    render_build(RenderedPage())
    page = change.get("page", RenderedPage())
    render_build(page, change.get("files", "files-1"), change.get("config", CONFIG))
    assert page.renders == 1


@dataclass
class StaticFile:
    abs_src_path: str | None
    abs_dest_path: str
    page: bool = False
    copies: int = 0

    def is_documentation_page(self) -> bool:
        return self.page

    def copy_file(self, dirty: bool = False) -> None:
        self.copies += 1
        Path(self.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        Path(self.abs_dest_path).write_bytes(Path(self.abs_src_path).read_bytes())


def test_preview_links_static_files_from_outside_docs_and_copies_the_rest(tmp_path):
    docs, theme, site = tmp_path / "docs", tmp_path / "theme", tmp_path / "site"
    for folder in (docs, theme):
        folder.mkdir()
        (folder / "asset.js").write_text(f"from {folder.name}", encoding="utf-8")
    from_theme = StaticFile(str(theme / "asset.js"), str(site / "assets/theme.js"))
    from_docs = StaticFile(str(docs / "asset.js"), str(site / "assets/docs.js"))
    generated = StaticFile(None, str(site / "plans.json"))
    assert rebuild.link_static_files([from_theme, from_docs, generated], str(docs)) == 1
    for file in (from_theme, from_docs):
        file.copy_file()
        file.copy_file()  # again, as on the next rebuild
    assert os.readlink(site / "assets/theme.js") == str(theme / "asset.js")
    assert (site / "assets/theme.js").read_text(encoding="utf-8") == "from theme"
    assert (from_theme.copies, from_docs.copies) == (0, 2)
    assert not (site / "assets/docs.js").is_symlink()
