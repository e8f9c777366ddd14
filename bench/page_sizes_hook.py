"""A MkDocs hook for the build benchmark (bench/build_bench.py adds it to a project copy's
mkdocs.yml): records the nav and each page's final Markdown size, so that a plain
mkdocs-material site with the same nav and page sizes can be built beside the handbook.

Writes {"nav": [...], "pages": {src_uri: bytes}} to $BENCH_PAGES_FILE after the build. Its
events run last (priority -100: after macros/main.py set the nav and after mkdocs-macros
rendered the pages that opt in). It imports nothing from MkDocs; the priority is the attribute
that mkdocs.plugins.event_priority would set.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

_nav: list = []
_pages: dict[str, int] = {}


def on_config(config):
    _nav[:] = config["nav"] or []
    _pages.clear()
    return config


def on_page_markdown(markdown: str, page, config, files) -> str:
    _pages[page.file.src_uri] = len(markdown.encode("utf-8"))
    return markdown


def on_post_build(config) -> None:
    target = os.environ.get("BENCH_PAGES_FILE")
    if target:
        Path(target).write_text(json.dumps({"nav": _nav, "pages": _pages}), encoding="utf-8")


for _event in (on_config, on_page_markdown, on_post_build):
    _event.mkdocs_priority = -100
