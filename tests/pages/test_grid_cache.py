"""Grid plans kept on disk: read back as kept, a broken file counts as none, keyed by both the
rules and the engine, never more than KEEP files, and a disk that refuses costs nothing else."""

from __future__ import annotations

import os

import pytest

from handbook.pages import grid_cache

PLANS = {"calculator/plans/a.json": '{"ok":1}'}


def test_kept_plans_are_read_back(tmp_path):
    assert grid_cache.read(tmp_path, "k1") is None
    grid_cache.keep(tmp_path, "k1", PLANS)
    assert grid_cache.read(tmp_path, "k1") == PLANS
    assert grid_cache.read(tmp_path, "k2") is None
    assert [p.name for p in tmp_path.iterdir()] == ["k1.json"]  # no temporary file left


@pytest.mark.parametrize("text", ["{not json", '["a list"]', '{"a": 1}', ""])
def test_a_broken_or_foreign_file_counts_as_none(tmp_path, text):
    (tmp_path / "k.json").write_text(text, encoding="utf-8")
    assert grid_cache.read(tmp_path, "k") is None
    grid_cache.keep(tmp_path, "k", PLANS)
    assert grid_cache.read(tmp_path, "k") == PLANS  # keeping replaces the broken file


def test_the_key_follows_the_rules_and_the_engine():
    key = grid_cache.cache_key('{"rules":1}', "engine-a")
    assert key != grid_cache.cache_key('{"rules":2}', "engine-a")
    assert key != grid_cache.cache_key('{"rules":1}', "engine-b")
    assert key == grid_cache.cache_key('{"rules":1}', "engine-a")


def test_only_the_newest_files_are_kept(tmp_path):
    for number in range(grid_cache.KEEP + 2):  # older files, oldest first
        (tmp_path / f"old{number}.json").write_text("{}", encoding="utf-8")
        os.utime(tmp_path / f"old{number}.json", (number, number))
    grid_cache.keep(tmp_path, "new", {})
    kept = sorted(p.name for p in tmp_path.glob("*.json"))
    newest_old = [f"old{n}.json" for n in range(grid_cache.KEEP + 2)][-(grid_cache.KEEP - 1) :]
    assert kept == sorted(["new.json", *newest_old])


def test_an_unwritable_cache_is_passed_over(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    grid_cache.keep(blocker / "cache", "k", PLANS)  # no error
    assert grid_cache.read(blocker / "cache", "k") is None


def test_the_folder_is_the_projects_unless_told(tmp_path, monkeypatch):
    monkeypatch.delenv(grid_cache.CACHE_ENV, raising=False)
    assert grid_cache.cache_dir(tmp_path) == tmp_path / ".cache" / "calculator-grid"
    monkeypatch.setenv(grid_cache.CACHE_ENV, str(tmp_path / "shared"))
    assert grid_cache.cache_dir(tmp_path) == tmp_path / "shared"
