"""The one module that talks to MkDocs and mkdocs-macros; everything else is plain Python.

Used twice from mkdocs.yml: as MkDocs `hooks` (validate before anything is written, generate
the nav, role pages and calculator assets, show data problems during `mkdocs serve`) and as
the mkdocs-macros module (page macros for the hand-written pages in docs/, which opt in with
`render_macros: true`; no text from data/ is ever rendered as a template).
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

PACKAGE = Path(__file__).parent / "handbook"
PREVIEW_FLAG = "HANDBOOK_LIVE_PREVIEW"


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
    config["extra"]["edition"] = hb.edition  # the outdated-edition banner names it
    config["extra"]["calculator_grid"] = pages.grid_json(hb)
    return config


def on_files(files: Files, config) -> Files:
    """Generated pages (one per role, keeping any hand-written prose) and calculator assets."""
    hb = _model(config)
    for uri, markdown in pages.generated_pages(hb).items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            markdown += "\n\n" + existing.content_string
            files.remove(existing)
        files.append(File.generated(config, uri, content=markdown))
    for uri, payload in pages.assets(hb, _project_root(config)).items():
        if isinstance(payload, Path):
            files.append(File.generated(config, uri, abs_src_path=str(payload)))
        else:
            files.append(File.generated(config, uri, content=payload))
    return files


def on_post_page(output: str, page, config) -> str:
    """During `mkdocs serve`, every page lists the data's problems while they last."""
    problems = config["extra"].get("data_problems")
    if not problems:
        return output
    banner = pages.problem_banner(problems)
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner, output, count=1)


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
