"""Editing under `mkdocs serve`: broken data shows a banner with every FILE:LINE problem on the
last good site at once; fixing the data reloads the page clean."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import line_of, project_copy

BROKEN_WITHIN_MS = 120_000  # a bound, not a speed target: rebuilds on a loaded 2-core machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read()
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"mkdocs serve did not answer at {url}")


@pytest.fixture
def served(tmp_path) -> Iterator[tuple[Path, str]]:
    project = project_copy(tmp_path / "project")
    port = _free_port()
    mkdocs = Path(sys.executable).parent / "mkdocs"
    process = subprocess.Popen(
        [str(mkdocs), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        origin = f"http://127.0.0.1:{port}"
        _wait_until_up(origin + "/", process)
        yield project, origin
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_broken_data_shows_a_banner_then_the_fix_reloads_clean(served, page):
    project, origin = served
    roles = project / "data" / "roles.yaml"
    good = roles.read_text(encoding="utf-8")
    page.goto(origin + "/roles/ml-engineer/")
    assert page.locator("#data-problems").count() == 0

    broken = good.replace("ml-theory: ", "ml-theory: 9  # was ", 1)
    roles.write_text(broken, encoding="utf-8")
    line = line_of(broken, "ml-theory: 9")
    banner = page.locator("#data-problems")
    banner.wait_for(timeout=BROKEN_WITHIN_MS)
    expected = f"data/roles.yaml:{line}: roles[0].skills.ml-theory: level 9 is outside 1-4"
    assert expected in banner.inner_text()
    assert page.locator("article h1").count() == 1  # the last good page is still there

    started = time.monotonic()  # other pages are served at once, with the banner
    other = page.context.new_page()
    other.goto(origin + "/skills/", timeout=5_000)
    assert time.monotonic() - started < 5
    assert expected in other.locator("#data-problems").inner_text()
    other.close()

    roles.write_text(good, encoding="utf-8")
    banner.wait_for(state="detached", timeout=BROKEN_WITHIN_MS)
    assert page.locator("article h1").count() == 1
