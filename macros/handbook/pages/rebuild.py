"""Quicker rebuilds under `mkdocs serve`: what macros/main.py wraps around MkDocs' own steps.

A rebuild redoes every page, though an edit changes a few. These wrappers give a page back what
the last build worked out for it when everything that result was made from is unchanged (memo:
digests of the inputs), so they change how long a rebuild takes, never what it builds. They are
handed MkDocs' objects (pages, files, config, the search plugin's index) by macros/main.py and
import nothing of MkDocs, which stays in that one file.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from . import memo

# The theme's assets named by a digest of their content (main.57a0d79d.min.css): never changed
# under that name, so the preview server may let the browser keep them.
IMMUTABLE_ASSET = re.compile(r"/assets/(?:[\w-]+/)+[\w-]+\.[0-9a-f]{8}\.min\.(?:css|js)$")
IMMUTABLE_CACHING = "max-age=31536000, immutable"

RENDERED = "rendered pages"
SEARCH_ENTRIES = "search entries"
RENDER_LOGGER = "mkdocs"  # MkDocs' link and anchor warnings while a page renders come from here


class ThemeLoader(jinja2.FileSystemLoader):
    """The theme's template loader, listing its files without entering hidden folders. MkDocs
    lists every theme file on every build to copy the static ones, and drops anything under a
    hidden folder (its filter excludes '*/.*'); the theme's .icons/ alone holds some 14,000
    SVGs, which took 0.2-0.4 s of each rebuild to walk."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                for name in names:
                    found.add(
                        Path(os.path.relpath(os.path.join(folder, name), searchpath)).as_posix()
                    )
        return sorted(found)


def remember_search_entries(index: Any) -> None:
    """index (the theme search plugin's SearchIndex) parses a page's HTML only when the page's
    text, title, headings or search settings differ from the last build's."""
    memory = memo.memory(SEARCH_ENTRIES)
    add = index.add_entry_from_context

    def add_entry_from_context(page: Any) -> None:
        key = _search_key(page)
        entries = memory.recall(key)
        if entries is None:
            start = len(index.entries)
            add(page)
            memory.keep(key, copy.deepcopy(index.entries[start:]))
        else:
            index.entries.extend(copy.deepcopy(entries))

    index.add_entry_from_context = add_entry_from_context


def _search_key(page: Any) -> bytes:
    """A digest of everything the search plugin reads from a page."""
    meta = {name: page.meta.get(name) for name in ("search", "title", "tags")}
    return memo.digest(
        page.url,
        str(page.title),
        json.dumps(meta, sort_keys=True, default=str),
        json.dumps(toc_rows(page.toc)),
        page.content or "",
    )


def toc_rows(items: Any) -> list:
    """A page's headings (MkDocs' table of contents) as nested lists, for a digest."""
    return [[item.id, item.url, item.title, item.level, toc_rows(item.children)] for item in items]


def remember_renders(files: Any) -> None:
    """Each documentation page in files (MkDocs' Files, once final) remembers its render."""
    digest = files_digest(files)
    for file in files.documentation_pages():
        if file.page is not None:
            remember_render(file.page, digest)


def remember_render(page: Any, files_key: str) -> None:
    """page converts its Markdown only when its Markdown, its place, the site's files (files_key:
    their digest, which its links resolve against) or the Markdown settings differ from the last
    build's; otherwise it gets back that build's HTML, headings, title, anchors and links, and
    its warnings again."""
    render = page.render

    def remembered(config: Any, files: Any) -> None:
        memory = memo.memory(RENDERED)
        key = memo.digest(
            page.markdown or "",
            page.file.src_uri,
            page.file.dest_uri,
            page.url,
            files_key,
            _markdown_settings(config),
        )
        kept = memory.recall(key)
        if kept is None:
            kept = _render_and_keep(render, page, config, files)
            memory.keep(key, kept)
        else:
            for record in kept["warnings"]:
                logging.getLogger(record.name).handle(record)
        _give_back(kept, page, files)

    page.render = remembered


def files_digest(files: Any) -> str:
    """What a page's links resolve against: each file's source, destination, URL and inclusion."""
    rows = (f"{f.src_uri}\0{f.dest_uri}\0{f.url}\0{f.inclusion}" for f in files)
    return memo.digest(*rows).hex()


def _markdown_settings(config: Any) -> str:
    extensions = [
        name if isinstance(name, str) else f"{type(name).__module__}.{type(name).__qualname__}"
        for name in config["markdown_extensions"]
    ]
    settings = (
        config["mdx_configs"],
        config["use_directory_urls"],
        config["validation"],
        logging.getLogger(RENDER_LOGGER).getEffectiveLevel(),
    )
    return json.dumps([extensions, *settings], sort_keys=True, default=str)


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _render_and_keep(render: Callable, page: Any, config: Any, files: Any) -> dict:
    recorder = _Recorder()
    logger = logging.getLogger(RENDER_LOGGER)
    logger.addHandler(recorder)
    try:
        render(config, files)
    finally:
        logger.removeHandler(recorder)
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": copy.deepcopy(page.toc),
        "title": page._title_from_render,
        "anchors": frozenset(page.present_anchor_ids or ()),
        "links": None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
        "warnings": recorder.records,
    }


def _give_back(kept: dict, page: Any, files: Any) -> None:
    page.content = kept["content"]
    page.toc = copy.deepcopy(kept["toc"])
    page._title_from_render = kept["title"]
    page.present_anchor_ids = set(kept["anchors"])
    if kept["links"] is not None:
        found = {uri: files.get_file_from_path(uri) for uri in kept["links"]}
        page.links_to_anchors = {
            found[uri]: dict(links) for uri, links in kept["links"].items() if found[uri]
        }


def link_static_files(files: Any, docs_dir: str) -> int:
    """For live preview only: the site's copy of each static file from outside docs/ (the
    theme's assets, Pyodide, the calculator's snapshot: some 33 MB, written again on every
    rebuild) becomes a symbolic link to it, where the system allows one, else a copy. The
    files served are the same bytes. Returns how many files it will link."""
    docs = os.path.join(os.path.realpath(docs_dir), "")
    count = 0
    for file in files:
        source = file.abs_src_path
        if file.is_documentation_page() or source is None:
            continue
        if os.path.realpath(source).startswith(docs):
            continue
        file.copy_file = _linker(file, file.copy_file)
        count += 1
    return count


def _linker(file: Any, copy_file: Callable[[bool], None]) -> Callable[[bool], None]:
    def link(dirty: bool = False) -> None:
        target = file.abs_dest_path
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if os.path.lexists(target):
                os.remove(target)
            os.symlink(os.path.realpath(file.abs_src_path), target)
        except OSError:
            copy_file(dirty)

    return link
