"""The one module that talks to MkDocs and mkdocs-macros; everything else is plain Python.

Used twice from mkdocs.yml: as MkDocs `hooks` (validate before anything is written, generate
the nav, role pages and calculator assets, show data problems during `mkdocs serve`) and as
the mkdocs-macros module (page macros for the hand-written pages in docs/, which opt in with
`render_macros: true`; no text from data/ is ever rendered as a template).
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
import re
import sys
from pathlib import Path

import jinja2
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

PACKAGE = Path(__file__).parent / "handbook"
PREVIEW_FLAG = "HANDBOOK_LIVE_PREVIEW"
SNAPSHOT_FLAG = "HANDBOOK_SNAPSHOT"  # "off": build the calculator without a memory snapshot
NO_SNAPSHOT = (
    "The calculator's memory snapshot could not be made: {error}. Nothing was built. "
    "Set HANDBOOK_SNAPSHOT=off to build without it (the calculator then starts Pyodide the "
    "plain way, a few seconds slower)."
)
PREVIEW_POLL_S = 0.1  # how often `mkdocs serve` looks for edits (MkDocs' own server: 0.5 s)
log = logging.getLogger("mkdocs.handbook")
_grid_plans: list = []  # this build's pages.grid_plans.Plans, from on_config to on_post_build


def _import_handbook_fresh() -> None:
    """Import the handbook package beside this file (not another checkout's). MkDocs re-runs
    this file on every rebuild under `mkdocs serve`; forget the package when its source changed
    since it was imported, so edits in macros/ take effect."""
    if sys.path[:1] != [str(PACKAGE.parent)]:
        sys.path.insert(0, str(PACKAGE.parent))
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns) for p in PACKAGE.rglob("*.*")))
    loaded = sys.modules.get("handbook")
    foreign = loaded is not None and Path(loaded.__file__).parent != PACKAGE
    if loaded is not None and (foreign or getattr(loaded, "source_stamp", stamp) != stamp):
        for name in [n for n in sys.modules if n == "handbook" or n.startswith("handbook.")]:
            del sys.modules[name]
    importlib.import_module("handbook").source_stamp = stamp


_import_handbook_fresh()
content = importlib.import_module("handbook.content")
pages = importlib.import_module("handbook.pages.site")


def _project_root(config) -> Path:
    return Path(config["config_file_path"]).parent


def _model(config):
    """The validated model. Under `mkdocs serve`, invalid data keeps the last good model and
    its problems go to the banner on every page; otherwise nothing is built."""
    data_dir = _project_root(config) / "data"
    try:
        if os.environ.get(PREVIEW_FLAG):
            hb, problems = content.load_for_preview(data_dir)
            config["extra"]["data_problems"] = [str(problem) for problem in problems]
            return hb
        return content.load(data_dir)
    except content.DataError as error:
        raise Abort(f"Data validation failed; nothing was built.\n{error}") from None


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        os.environ[PREVIEW_FLAG] = "1"
        _git_info_once()


def _git_info_once() -> None:
    """mkdocs-macros asks git about the last commit on every build (twelve git processes, some
    40 ms here) for its `git` variables, which no page uses; under `mkdocs serve` it asks once."""
    context = importlib.import_module("mkdocs_macros.context")
    ask = getattr(context, "get_git_info", None)
    if callable(ask) and not hasattr(ask, "cache_info"):
        context.get_git_info = functools.cache(ask)


@event_priority(100)
def on_config(config):
    """Validate the data first: a failure stops the build before the site directory is touched."""
    hb = _model(config)
    try:
        pages.check_pyodide(_project_root(config))
    except pages.MissingPyodide as error:
        raise Abort(f"{error}; nothing was built.") from None
    config["nav"] = pages.navigation(hb)
    config["site_name"] = pages.nav_title(hb.title)
    config["copyright"] = pages.footer(hb)
    config["extra"]["edition"] = hb.edition  # the older-edition banner names it
    config["extra"]["calculator_grid"] = pages.grid_json(hb)
    _grid_plans[:] = [pages.start_grid_plans(hb, _project_root(config))]
    calculator = _calculator_build(config, hb)
    config["extra"]["calculator_build"] = calculator
    config["extra"]["calculator_offline"] = calculator.head_data
    config["markdown_extensions"].append(pages.RawHtmlExtension())
    _quicker_theme_env(config)
    return config


def _calculator_build(config, hb):
    """The snapshot (cached by its inputs) and key of this build's calculator."""
    with_snapshot = os.environ.get(SNAPSHOT_FLAG, "").lower() not in {"off", "0", "no"}
    if not with_snapshot:
        log.info("Building the calculator without a memory snapshot (%s=off).", SNAPSHOT_FLAG)
    try:
        return pages.calculator_build(hb, _project_root(config), with_snapshot)
    except pages.SnapshotError as error:
        raise Abort(NO_SNAPSHOT.format(error=error)) from None


def _quicker_theme_env(config) -> None:
    """The theme's Jinja environment, made once per theme, folders and language and then used
    by every build (MkDocs makes a new one on each, and the search plugin three more for its
    translations, each loading and compiling every template again: ~0.1 s a rebuild). It checks
    each template's file before using it (auto_reload), so edits in overrides/ still show; its
    loader skips hidden folders (pages.rebuild.ThemeLoader); bytecode is kept in .cache/."""
    theme = config.theme
    make_env = theme.get_env
    cache = _project_root(config) / ".cache" / "theme-templates"
    key = pages.memo.digest(*map(str, theme.dirs), str(theme.locale), str(theme.name))

    def get_env() -> jinja2.Environment:
        environments = pages.memo.memory("theme environments")
        env = environments.recall(key)
        if env is None:
            env = make_env()
            _quicken(env, cache)
            if os.environ.get(PREVIEW_FLAG):
                pages.themed.remember_themed_pages(env)
            environments.keep(key, env)
        return env

    theme.get_env = get_env


def _quicken(env: jinja2.Environment, cache: Path) -> None:
    loader = env.loader
    if type(loader) is jinja2.FileSystemLoader:
        env.loader = pages.rebuild.ThemeLoader(
            loader.searchpath, loader.encoding, loader.followlinks
        )
    env.auto_reload = True
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # no cache, just slower
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache))


def on_pre_build(config) -> None:
    """Each build may reuse what the last one worked out (pages.rebuild): the theme's search
    plugin parses every page's HTML again on each `mkdocs serve` rebuild (0.5-0.7 s here),
    though an edit changes a few pages."""
    pages.memo.new_build()
    index = getattr(config.plugins.get("material/search"), "search_index", None)
    if index is not None:
        pages.rebuild.remember_search_entries(index)


def on_nav(nav, config, files):
    """Every page converts its Markdown again only when what it is made from changed
    (pages.rebuild): the site's files are final here, and each page exists, not yet rendered."""
    pages.rebuild.remember_renders(files)
    return nav


def on_files(files: Files, config) -> Files:
    """Generated pages (one per role, keeping any hand-written prose) and calculator assets."""
    hb = _model(config)
    for uri, markdown in pages.generated_pages(hb).items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            markdown += "\n\n" + existing.content_string
            files.remove(existing)
        files.append(File.generated(config, uri, content=markdown))
    if files.get_file_from_path("versions.json") is None:
        files.append(File.generated(config, "versions.json", content=pages.versions_json(hb)))
    calculator = config["extra"]["calculator_build"]
    assets = pages.assets(hb, _project_root(config)) | pages.offline_assets(calculator.snapshot)
    for uri, payload in assets.items():
        if isinstance(payload, Path):
            files.append(File.generated(config, uri, abs_src_path=str(payload)))
        else:
            files.append(File.generated(config, uri, content=payload))
    if os.environ.get(PREVIEW_FLAG):
        pages.rebuild.link_static_files(files, config["docs_dir"])
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Ids inside the finished HTML that generated pages pass through Markdown unparsed are
    anchors too, so `validation: anchors` knows them."""
    page.present_anchor_ids = (page.present_anchor_ids or set()) | pages.anchor_ids(html)
    return html


def on_post_page(output: str, page, config) -> str:
    """Built pages get their Content-Security-Policy; the calculator page's scripts and styles
    are noted for its service worker. During `mkdocs serve` (whose live-reload script is
    inline) pages get no policy, and instead list the data's problems while they last."""
    if page.meta.get("calculator"):
        config["extra"]["calculator_page_assets"] = pages.page_assets(output)
    if not os.environ.get(PREVIEW_FLAG):
        return pages.with_policy(output)
    problems = config["extra"].get("data_problems")
    if not problems:
        return output
    banner = str(pages.problem_banner(problems))
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner, output, count=1)


def on_serve(server: LiveReloadServer, config, builder) -> LiveReloadServer:
    """The same server, looking for edits every PREVIEW_POLL_S: MkDocs polls the watched
    folders every 0.5 s, a quarter of a second of every preview on average. Its server takes
    the interval only when made, so this makes another one watching the same paths."""
    watched = getattr(server, "_watched_paths", None)
    if not isinstance(watched, dict):
        return server  # another MkDocs: keep its server, a little slower
    host, port = server.server_address[:2]
    faster = _PreviewServer(
        builder=builder,
        host=host,
        port=port,
        root=server.root,
        mount_path=server.mount_path,
        polling_interval=PREVIEW_POLL_S,
    )
    faster.error_handler = server.error_handler
    for path in watched:
        faster.watch(path)
    return faster


class _PreviewServer(LiveReloadServer):
    """MkDocs' server, sending the theme's assets whose names carry a digest of their content
    (main.<digest>.min.css and the like: 0.27 MB) with a year's caching, so that the reload
    after an edit takes them from the browser's cache instead of fetching them again. Every
    other file is sent as before, so an edited asset of the handbook's own still shows."""

    def _serve_request(self, environ, start_response):
        if not pages.rebuild.IMMUTABLE_ASSET.search(environ.get("PATH_INFO", "")):
            return super()._serve_request(environ, start_response)

        def cached(status: str, headers: list, *rest):
            if status.startswith("200"):
                headers = [*headers, ("Cache-Control", pages.rebuild.IMMUTABLE_CACHING)]
            return start_response(status, headers, *rest)

        return super()._serve_request(environ, cached)


def on_post_build(config) -> None:
    """The calculator's grid plans, worked out while pages were written (pages.grid_plans), and
    its service worker, written last, as it lists what the page loads."""
    if hasattr(config, "conf"):
        return  # mkdocs-macros calls this module's on_post_build(env) as well: nothing to do
    site = Path(config["site_dir"])
    files = dict(_grid_plans.pop().result())
    calculator = config["extra"]["calculator_build"]
    uri, script = calculator.service_worker(config["extra"].get("calculator_page_assets", []))
    files[uri] = script
    for uri, text in files.items():
        (site / uri).parent.mkdir(parents=True, exist_ok=True)
        (site / uri).write_text(text, encoding="utf-8")


def on_build_error(error) -> None:
    """A failed build stops the process working out its grid plans (nothing will be written)."""
    while _grid_plans:
        _grid_plans.pop().cancel()


def define_env(env) -> None:
    """mkdocs-macros entry point: the page macros. Each returns escaped HTML/Markdown."""
    releases = _project_root(env.conf) / "releases"

    def bind(name: str, renderer):
        def macro(*args):
            root = pages.root_of(env.page.url if env.page else "")
            return renderer(_model(env.conf), *args, root=root)

        env.macro(macro, name)

    for name, renderer in pages.page_macros(releases).items():
        bind(name, renderer)
