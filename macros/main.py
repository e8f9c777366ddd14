"""The one module that talks to MkDocs and mkdocs-macros; everything else is plain Python.

Used twice from mkdocs.yml: as MkDocs `hooks` (validate before anything is written, generate
the nav, role pages and calculator assets) and as the mkdocs-macros module (page macros).
"""

from __future__ import annotations

import sys
from pathlib import Path


def _reload_changed_package() -> None:
    """Under `mkdocs serve`, forget the handbook package when its code changed, so that edits
    in macros/ take effect on the next rebuild (MkDocs re-runs this file on every rebuild)."""
    package = Path(__file__).parent / "handbook"
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in package.rglob("*.*")))
    loaded = sys.modules.get("handbook")
    if loaded is not None and getattr(loaded, "_source_stamp", stamp) != stamp:
        for name in [n for n in sys.modules if n == "handbook" or n.startswith("handbook.")]:
            del sys.modules[name]
    import handbook

    handbook._source_stamp = stamp


_reload_changed_package()

from markupsafe import escape  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from handbook import calculator_site, changes, render, site  # noqa: E402
from handbook.problems import DataError  # noqa: E402


def _project_root(config) -> Path:
    return Path(config["config_file_path"]).parent


def _data_dir(config) -> Path:
    return _project_root(config) / "data"


def _handbook(config):
    try:
        return site.load(_data_dir(config))
    except DataError as error:
        raise Abort(f"Data validation failed; nothing was built.\n{error}") from None


@event_priority(100)
def on_config(config):
    """Validate the data first: a failure stops the build before the site directory is touched."""
    hb = _handbook(config)
    try:
        calculator_site.pyodide_dir(_project_root(config))
    except calculator_site.MissingPyodide as error:
        raise Abort(f"{error}; nothing was built.") from None
    config["nav"] = site.navigation(hb)
    config["site_name"] = str(escape(hb.title))
    config["copyright"] = f"{escape(hb.title)} · edition {escape(hb.edition)}"
    config["extra"]["edition"] = hb.edition
    config["extra"]["calculator_grid_max"] = calculator_site.GRID_MAX_HEADCOUNT
    return config


def on_files(files: Files, config) -> Files:
    """Add a generated page per role (keeping any hand-written prose) and the calculator assets."""
    hb = _handbook(config)
    for role in hb.roles:
        uri = f"roles/{role.id}.md"
        prose = ""
        existing = files.get_file_from_path(uri)
        if existing is not None:
            prose = "\n\n" + existing.content_string
            files.remove(existing)
        content = f'{{{{ role_page("{role.id}") }}}}{prose}\n'
        files.append(File.generated(config, uri, content=content))
    for uri, payload in calculator_site.assets(hb, _project_root(config)).items():
        if isinstance(payload, Path):
            files.append(File.generated(config, uri, abs_src_path=str(payload)))
        else:
            files.append(File.generated(config, uri, content=payload))
    return files


def define_env(env) -> None:
    """mkdocs-macros entry point: page macros. Each returns escaped HTML/Markdown."""

    def page_root() -> str:
        return site.root_of(env.page.url if env.page else "")

    def model():
        return _handbook(env.conf)

    def bind(renderer):
        def macro(*args):
            return renderer(model(), *args, root=page_root())

        macro.__name__ = renderer.__name__
        return macro

    for renderer in (
        render.role_page,
        render.roles_overview,
        render.skills_page,
        render.questions_page,
        render.composition_page,
        render.interviewing_page,
        render.about_page,
        render.home_page,
        calculator_site.calculator_page,
    ):
        env.macro(bind(renderer))
    env.macro(lambda: str(escape(model().edition)), "edition")
    releases = Path(env.conf["config_file_path"]).parent / "releases"
    env.macro(lambda: changes.changes_page(model(), releases, root=page_root()), "changes_page")
