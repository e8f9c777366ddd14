"""The calculator's snapshot and offline copy in full builds: the built site holds a snapshot the
worker can restore and a service worker whose every file exists; a snapshot that cannot be made
stops the build with one clear line, and HANDBOOK_SNAPSHOT=off builds without one."""

from __future__ import annotations

import gzip
import json
import struct
from pathlib import Path

from bs4 import BeautifulSoup

from support import build_site, project_copy

SNAPSHOT_MAGIC = 0x706E7300  # Pyodide's memory snapshot header (pyodide.asm.mjs)


def head_data(site: Path) -> dict:
    page = BeautifulSoup((site / "calculator" / "index.html").read_text("utf-8"), "html.parser")
    return json.loads(page.head.find("script", id="calculator-offline").get_text())


def service_worker_files(site: Path) -> list[str]:
    script = (site / "calculator" / "service-worker.js").read_text(encoding="utf-8")
    line = next(line for line in script.splitlines() if line.startswith("self.HANDBOOK_OFFLINE"))
    return json.loads(line.removeprefix("self.HANDBOOK_OFFLINE = ").removesuffix(";"))["files"]


def test_the_site_ships_a_restorable_snapshot_named_in_the_page(built_site):
    data = head_data(built_site)
    worker, _, query = data["worker"].partition("?snapshot=")
    assert worker == "calculator/worker.js"
    snapshot = built_site / "calculator" / query
    assert snapshot.name.startswith("engine-") and snapshot.name.endswith(".bin.gz")
    raw = gzip.decompress(snapshot.read_bytes())
    assert struct.unpack_from("<I", raw)[0] == SNAPSHOT_MAGIC
    assert len(raw) > 10 * 2**20  # the heap: tens of MB raw, a few gzipped
    assert snapshot.stat().st_size < len(raw) / 3


def test_every_file_the_service_worker_keeps_is_in_the_site(built_site):
    files = service_worker_files(built_site)
    calculator = built_site / "calculator"
    for name in files:
        path = (calculator / name.split("?")[0]).resolve()
        target = path / "index.html" if path.is_dir() else path
        assert target.is_file(), name
        assert built_site.resolve() in target.parents, name
    assert any(name.startswith("../assets/javascripts/bundle.") for name in files)
    assert "snapshot/" + Path(head_data(built_site)["worker"]).name.split("/")[-1] in files


def test_a_snapshot_that_cannot_be_made_stops_the_build(tmp_path):
    project = project_copy(tmp_path / "project")
    env = {"PATH": "/nonexistent", "HANDBOOK_CACHE_DIR": str(tmp_path / "empty-cache")}
    result = build_site(project, tmp_path / "site", env)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "The calculator's memory snapshot could not be made: Node is not installed" in output
    assert "HANDBOOK_SNAPSHOT=off" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()


def test_the_switch_builds_without_a_snapshot_and_says_so(tmp_path):
    project = project_copy(tmp_path / "project")
    env = {"HANDBOOK_SNAPSHOT": "off", "HANDBOOK_CACHE_DIR": str(tmp_path / "empty-cache")}
    site = tmp_path / "site"
    result = build_site(project, site, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "without a memory snapshot (HANDBOOK_SNAPSHOT=off)" in result.stdout + result.stderr
    assert head_data(site)["worker"] == "calculator/worker.js"
    assert not (site / "calculator" / "snapshot").exists()
    assert not [name for name in service_worker_files(site) if "snapshot" in name]
    assert not (tmp_path / "empty-cache").exists()
