"""The snapshot's key and cache: named after its inputs, reused while they are unchanged, and a
failure to make one is a one-line SnapshotError (the real Node run is covered by the build)."""

from __future__ import annotations

import dataclasses
import gzip
import json
from pathlib import Path

import pytest

from handbook.pages import snapshot
from handbook.pages.snapshot import SnapshotError

RULES = '{"calculator": {}}'


@pytest.fixture
def pyodide(tmp_path) -> Path:
    directory = tmp_path / "node_modules" / "pyodide"
    directory.mkdir(parents=True)
    (directory / "package.json").write_text('{"version": "314.0.7"}', encoding="utf-8")
    return directory


def test_the_key_changes_with_the_rules_and_the_pyodide_version(pyodide):
    key = snapshot.snapshot_key(pyodide, RULES)
    assert key == snapshot.snapshot_key(pyodide, RULES)
    assert key != snapshot.snapshot_key(pyodide, '{"calculator": {"x": 1}}')
    (pyodide / "package.json").write_text('{"version": "314.0.8"}', encoding="utf-8")
    assert key != snapshot.snapshot_key(pyodide, RULES)


def test_a_cached_snapshot_is_reused_without_node(pyodide, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    key = snapshot.snapshot_key(pyodide, RULES)
    (cache / f"engine-{key}.bin.gz").write_bytes(gzip.compress(b"heap"))
    (cache / f"engine-{key}.json").write_text(json.dumps({"raw_bytes": 4}), encoding="utf-8")
    monkeypatch.setattr(snapshot.shutil, "which", lambda name: pytest.fail("Node was run"))
    made = snapshot.ensure_snapshot(pyodide, RULES, cache)
    assert (made.key, made.raw_bytes, made.path.parent) == (key, 4, cache)
    assert made.uri == f"calculator/snapshot/engine-{key}.bin.gz"


def test_without_node_the_error_says_so_in_one_line(pyodide, tmp_path, monkeypatch):
    monkeypatch.setattr(snapshot.shutil, "which", lambda name: None)
    with pytest.raises(SnapshotError, match=r"^Node is not installed") as error:
        snapshot.ensure_snapshot(pyodide, RULES, tmp_path / "cache")
    assert "\n" not in str(error.value)
    assert not list((tmp_path / "cache").glob("engine-*"))


def test_a_failing_recipe_gives_node_s_last_line(pyodide, tmp_path):
    """No pyodide.mjs in this node_modules: Node fails, nothing is cached."""
    with pytest.raises(SnapshotError, match=r"^Node failed: .*pyodide\.mjs") as error:
        snapshot.ensure_snapshot(pyodide, RULES, tmp_path / "cache")
    assert "\n" not in str(error.value)
    assert not list((tmp_path / "cache").glob("engine-*"))


def test_the_cache_keeps_only_the_newest(tmp_path):
    for n in range(snapshot.KEEP + 3):
        (tmp_path / f"engine-{n:02d}.bin.gz").write_bytes(b"x")
        (tmp_path / f"engine-{n:02d}.json").write_text("{}", encoding="utf-8")
    snapshot._prune(tmp_path)
    assert len(list(tmp_path.glob("*.bin.gz"))) == snapshot.KEEP
    assert len(list(tmp_path.glob("*.json"))) == snapshot.KEEP


def test_the_cache_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(snapshot.CACHE_ENV, str(tmp_path / "shared"))
    assert snapshot.cache_dir(Path("/project")) == tmp_path / "shared"
    monkeypatch.delenv(snapshot.CACHE_ENV)
    assert snapshot.cache_dir(Path("/project")) == Path("/project/.cache/calculator-snapshot")
    assert dataclasses.is_dataclass(snapshot.Snapshot)
