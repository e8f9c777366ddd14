"""macros/main.py's hooks that make `mkdocs serve` quicker, on MkDocs' own objects: the server
that polls for edits, and the theme's Jinja environment kept from build to build."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from handbook.pages import memo, rebuild

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def hooks():
    spec = importlib.util.spec_from_file_location("handbook_hooks", ROOT / "macros" / "main.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_serve_looks_for_edits_every_tenth_of_a_second_on_the_same_paths(hooks, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")

    def builder():
        return None

    def on_error(code):
        return b"not found"

    server = LiveReloadServer(builder, "127.0.0.1", 0, str(tmp_path / "site"), "/edition/")
    server.error_handler = on_error
    server.watch(str(tmp_path / "docs"))
    server.watch(str(tmp_path / "mkdocs.yml"))
    faster = hooks.on_serve(server, config=None, builder=builder)
    try:
        assert faster is not server
        assert server.observer.timeout == 0.5  # MkDocs' own
        assert faster.observer.timeout == hooks.PREVIEW_POLL_S == 0.1
        assert set(faster._watched_paths) == set(server._watched_paths)
        assert faster.builder is builder and faster.error_handler is on_error
        assert (faster.root, faster.mount_path, faster.server_address) == (
            server.root,
            server.mount_path,
            server.server_address,
        )
    finally:
        server.server_close()
        faster.server_close()


def test_the_preview_server_lets_browsers_keep_only_assets_named_by_their_content(hooks, tmp_path):
    site = tmp_path / "site"
    names = {
        "assets/stylesheets/main.57a0d79d.min.css": True,
        "assets/javascripts/workers/search.a7633da7.min.js": True,
        "assets/stylesheets/handbook.css": False,  # the handbook's own: edited in place
        "assets/javascripts/lunr/min/lunr.de.min.js": False,
        "main.57a0d79d.min.css": False,  # not under assets/
    }
    for name in names:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("x", encoding="utf-8")
    server = LiveReloadServer(lambda: None, "127.0.0.1", 0, str(site), "/")
    faster = hooks.on_serve(server, config=None, builder=server.builder)
    try:
        for name, kept in names.items():
            sent = []
            body = faster._serve_request(
                {"PATH_INFO": "/" + name}, lambda *a, sent=sent: sent.append(a)
            )
            assert b"".join(body) == b"x"
            ((status, headers),) = sent
            caching = [value for header, value in headers if header == "Cache-Control"]
            assert (status, caching) == ("200 OK", ["max-age=31536000, immutable"] if kept else [])
    finally:
        server.server_close()
        faster.server_close()


def test_under_serve_mkdocs_macros_asks_git_once_per_session(hooks, monkeypatch):
    context = importlib.import_module("mkdocs_macros.context")
    asked = []
    monkeypatch.setattr(context, "get_git_info", lambda: asked.append(1) or {"status": False})
    monkeypatch.setenv(hooks.PREVIEW_FLAG, "")
    hooks.on_startup("build", dirty=False)
    assert (context.get_git_info(), context.get_git_info()) == ({"status": False},) * 2
    assert len(asked) == 2  # a build asks every time
    hooks.on_startup("serve", dirty=False)
    hooks.on_startup("serve", dirty=False)
    first, again = context.get_git_info(), context.get_git_info()
    assert first is again and len(asked) == 3


def test_builds_share_one_theme_environment_that_still_notices_template_edits(hooks, monkeypatch):
    monkeypatch.setattr(memo, "_memories", {})
    first, second = (load_config(str(ROOT / "mkdocs.yml")) for _ in range(2))
    for config in (first, second):
        hooks._quicker_theme_env(config)
    env = first.theme.get_env()
    assert second.theme.get_env() is env  # another build, the same environment
    assert isinstance(env.loader, rebuild.ThemeLoader)
    assert env.auto_reload is True
    assert env.filters["url"] is not None  # MkDocs' own setup is kept
    assert "main.html" in env.loader.list_templates()


def test_a_failed_build_stops_its_grid_plans_worker(hooks, monkeypatch):
    class Worker:
        cancelled = 0

        def cancel(self):
            Worker.cancelled += 1

    monkeypatch.setattr(hooks, "_grid_plans", [Worker()])
    hooks.on_build_error(error=RuntimeError("a page failed"))
    assert Worker.cancelled == 1 and hooks._grid_plans == []
    hooks.on_build_error(error=RuntimeError("again"))  # nothing left to stop
    assert Worker.cancelled == 1
