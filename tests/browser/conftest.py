"""Browser fixtures: Debian's Chromium driven by Playwright, and a static server on 127.0.0.1.

Every test here needs the built site and a browser: marked slow.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser_support import CHROMIUM_ARGS, StaticServer, run_axe  # noqa: F401 - re-exported

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.slow)


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.fail("Chromium is not installed: run `make test` (it installs Debian's chromium)")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium: Playwright cannot download a browser here."""
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site_server(built_site) -> Iterator[StaticServer]:
    """The real built site served on 127.0.0.1."""
    with StaticServer(built_site) as server:
        yield server


@pytest.fixture
def foreign_requests(context) -> list[str]:
    """Every request the page makes to another origin (the site must make none)."""
    seen: list[str] = []

    def record(request):
        url = request.url
        if not url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            seen.append(url)

    context.on("request", record)
    return seen
