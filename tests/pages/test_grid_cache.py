"""Grid plans kept on disk: read back instead of computed, recomputed when the file is broken,
keyed by both the rules and the engine, and never more than KEEP files."""

from __future__ import annotations

import os

from handbook.pages import grid_cache


class Counter:
    def __init__(self, plans: dict[str, str]) -> None:
        self.plans, self.calls = plans, 0

    def __call__(self) -> dict[str, str]:
        self.calls += 1
        return dict(self.plans)


def test_plans_are_computed_once_then_read_from_disk(tmp_path):
    compute = Counter({"calculator/plans/a.json": '{"ok":1}'})
    first = grid_cache.cached_plans(tmp_path, "k1", compute)
    again = grid_cache.cached_plans(tmp_path, "k1", compute)
    assert first == again == compute.plans
    assert compute.calls == 1
    assert [p.name for p in tmp_path.iterdir()] == ["k1.json"]


def test_a_broken_or_foreign_file_is_computed_again(tmp_path):
    compute = Counter({"calculator/plans/a.json": "{}"})
    for text in ("{not json", '["a list"]', '{"a": 1}'):
        (tmp_path / "k.json").write_text(text, encoding="utf-8")
        assert grid_cache.cached_plans(tmp_path, "k", compute) == compute.plans
    assert compute.calls == 3
    assert grid_cache.cached_plans(tmp_path, "k", compute) == compute.plans
    assert compute.calls == 3  # the last computation replaced the broken file


def test_the_key_follows_the_rules_and_the_engine():
    key = grid_cache.cache_key('{"rules":1}', "engine-a")
    assert key != grid_cache.cache_key('{"rules":2}', "engine-a")
    assert key != grid_cache.cache_key('{"rules":1}', "engine-b")
    assert key == grid_cache.cache_key('{"rules":1}', "engine-a")


def test_only_the_newest_files_are_kept(tmp_path):
    for number in range(grid_cache.KEEP + 2):  # older files, oldest first
        (tmp_path / f"old{number}.json").write_text("{}", encoding="utf-8")
        os.utime(tmp_path / f"old{number}.json", (number, number))
    grid_cache.cached_plans(tmp_path, "new", Counter({}))
    kept = sorted(p.name for p in tmp_path.glob("*.json"))
    newest_old = [f"old{n}.json" for n in range(grid_cache.KEEP + 2)][-(grid_cache.KEEP - 1) :]
    assert kept == sorted(["new.json", *newest_old])


def test_an_unwritable_cache_still_answers(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    compute = Counter({"p": "{}"})
    assert grid_cache.cached_plans(blocker / "cache", "k", compute) == {"p": "{}"}
