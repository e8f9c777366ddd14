"""Editing under `mkdocs serve`: broken data shows a banner with every FILE:LINE problem on the
last good site at once; fixing the data reloads the page clean."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import line_of, mkdocs_serve, project_copy, wait_until_serving

BROKEN_WITHIN_MS = 120_000  # a bound, not a speed target: rebuilds on a loaded 2-core machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(tmp_path) -> Iterator[tuple[Path, str]]:
    project = project_copy(tmp_path / "project")
    port = _free_port()
    process = mkdocs_serve(project, port, output=subprocess.PIPE)
    try:
        origin = f"http://127.0.0.1:{port}"
        if not wait_until_serving(origin + "/", process):
            if process.poll() is not None:
                pytest.fail(process.stdout.read())
            pytest.fail(f"mkdocs serve did not answer at {origin}/")
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


def _search_texts(origin: str) -> list[str]:
    with urllib.request.urlopen(origin + "/search/search_index.json", timeout=10) as response:
        return [entry["text"] for entry in json.load(response)["docs"]]


def test_an_edit_reaches_the_page_and_the_search_index_and_nothing_else_changes(served, page):
    """Rebuilds reuse what the last build worked out for unchanged pages (pages/rebuild.py):
    the edited text must still reach its page and the search index, replacing the old."""
    project, origin = served
    questions = project / "data" / "questions" / "ml-theory.yaml"
    good = questions.read_text(encoding="utf-8")
    old = "overfitting"
    assert old in good
    before = _search_texts(origin)
    page.goto(origin + "/questions/ml-theory/")

    questions.write_text(good.replace(old, "overfittingzzq", 1), encoding="utf-8")
    page.wait_for_function(
        "() => document.body.textContent.includes('overfittingzzq')", timeout=BROKEN_WITHIN_MS
    )
    after = _search_texts(origin)
    assert len(after) == len(before)
    changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    assert changed and all("overfittingzzq" in a for _, a in changed)
    assert sum("overfittingzzq" in text for text in after) == len(changed)
