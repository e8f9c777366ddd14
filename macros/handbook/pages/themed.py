"""Quicker rebuilds under `mkdocs serve`: a page's themed HTML, remembered from build to build.

After its Markdown is converted, each page goes through the theme's main.html, which repeats the
whole navigation around the page's content: some 0.4 s of every rebuild for 45 pages, though an
edit changes a handful. The theme's templates (wrapped by remember_themed_pages) give a page back
the last build's output when everything the theme reads is unchanged:

- the site: the configuration (what mkdocs.yml and the hooks set), the navigation with every
  page's title and address, the site's files, and each theme template file's size and time;
- the page: its template, address, source, canonical and edit addresses, title, metadata,
  headings and HTML.

The documentation pages' renders are remembered, and the theme's 404 page; the sitemap is
rendered as before. Like pages/rebuild.py, this imports nothing of MkDocs and changes how long
a rebuild takes, never what it builds.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from typing import Any

import jinja2

from . import memo
from .rebuild import files_digest, toc_rows

THEMED = "themed pages"
BUILD_ONLY = ("calculator_page_assets",)  # extra values set while pages are written, read after


def remember_themed_pages(env: jinja2.Environment) -> None:
    """env's templates, got through env.get_template as MkDocs does, remember page renders."""
    get_template = env.get_template
    site = _SiteKey(env)

    def remembered(name: Any, *args: Any, **kwargs: Any) -> Any:
        template = get_template(name, *args, **kwargs)
        if args or kwargs:  # a template's own {% extends %} or {% include %} (it names a parent)
            return template
        return RememberedTemplate(template, site)

    env.get_template = remembered


class RememberedTemplate:
    """A theme template whose render(context) for a page returns the last build's output when
    the site and the page are as they were; every other use goes to the template itself."""

    def __init__(self, template: jinja2.Template, site: Callable[[Mapping], bytes]) -> None:
        self._template = template
        self._site = site

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)

    def render(self, *args: Any, **kwargs: Any) -> str:
        context = args[0] if len(args) == 1 and not kwargs else None
        parts = _parts(context, str(self._template.name))
        if parts is None:
            return self._template.render(*args, **kwargs)
        key = memo.digest(self._site(context).hex(), str(self._template.name), *parts)
        memory = memo.memory(THEMED)
        output = memory.recall(key)
        if output is None:
            output = self._template.render(context)
            memory.keep(key, output)
        return output


def _parts(context: Any, name: str) -> list[str] | None:
    """What the render reads beyond the site: a page's own parts; for the theme's pages made
    from the site alone (404.html), only their address. None: not remembered (the sitemap,
    whose pages carry the build's date; anything rendered with more than a context)."""
    if not isinstance(context, Mapping):
        return None
    page = context.get("page")
    if page is None:
        return [str(context.get("base_url"))] if name.endswith(".html") else None
    if getattr(page, "file", None) is None:
        return None
    return [
        str(page.url),
        str(context.get("base_url")),
        str(page.file.src_uri),
        str(page.canonical_url),
        str(page.edit_url),
        str(page.title),
        str(page.is_homepage),
        _json(page.meta),
        _json(toc_rows(page.toc)),
        page.content or "",
    ]


class _SiteKey:
    """The digest of what every page's render shares, worked out once per build (a build has
    its own navigation object) on its first page, when every page's title is final."""

    def __init__(self, env: jinja2.Environment) -> None:
        self._env = env
        self._nav: Any = None
        self._key = b""

    def __call__(self, context: Mapping) -> bytes:
        nav = context.get("nav")
        if nav is None or nav is not self._nav:
            self._nav, self._key = nav, site_digest(context, self._env)
        return self._key


def site_digest(context: Mapping, env: jinja2.Environment) -> bytes:
    """A digest of the configuration, the navigation, the files and the templates' files."""
    config = dict(context.get("config") or {})
    plugins = config.pop("plugins", None) or {}
    extra = {k: v for k, v in dict(config.pop("extra", None) or {}).items() if k not in BUILD_ONLY}
    plugin_settings = {name: dict(getattr(p, "config", None) or {}) for name, p in plugins.items()}
    return memo.digest(
        _json([config, extra, plugin_settings]),
        _json(_nav(getattr(context.get("nav"), "items", None) or [])),
        files_digest(context.get("pages") or ()),
        _json(template_stamps(env)),
        str(context.get("mkdocs_version")),
    )


def _nav(items: Any) -> list:
    return [
        [
            type(item).__name__,
            str(item.title),
            str(getattr(item, "url", "")),
            _nav(item.children or []),
        ]
        for item in items
    ]


def template_stamps(env: jinja2.Environment) -> list[list]:
    """(folder, file, size, modification time) of every file the theme's loader can load."""
    searchpath = getattr(env.loader, "searchpath", None) or []
    stamps = []
    for root in searchpath:
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            for name in sorted(names):
                stat = os.stat(os.path.join(folder, name))
                where = os.path.relpath(folder, root)
                stamps.append([root, where, name, stat.st_size, stat.st_mtime_ns])
    return stamps


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=_plain)


def _plain(value: Any) -> str:
    """Objects as text; those whose text is only their address in memory (a Markdown extension
    instance, say) by their type, so that the same settings in a new build give the same key."""
    text = repr(value)
    if " at 0x" in text:
        return f"{type(value).__module__}.{type(value).__qualname__}"
    return text
