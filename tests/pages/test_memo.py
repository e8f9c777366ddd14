"""pages/memo.py: values kept for the next build, and forgotten after one build unused."""

from __future__ import annotations

from handbook.pages.memo import Memory, digest


def test_a_value_is_recalled_in_the_next_build_and_forgotten_after_one_unused():
    memory = Memory()
    memory.keep(b"a", 1)
    memory.keep(b"b", 2)
    memory.new_build()
    assert memory.recall(b"a") == 1  # used in this build: kept for the next
    memory.new_build()
    assert memory.recall(b"a") == 1
    assert memory.recall(b"b") is None  # unused for a whole build: gone
    assert memory.recall(b"missing") is None


def test_digests_tell_apart_parts_that_join_to_the_same_text():
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("ab", "c") == digest("ab", "c")
    assert digest("") != digest()
