"""Relative paths from a page to the site root."""

from __future__ import annotations

import pytest

from handbook.pages.paths import root_of


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("", ""),
        ("/", ""),
        ("skills/", "../"),
        ("roles/ml-engineer/", "../../"),
        ("a/b/c/", "../../../"),
    ],
)
def test_root_of(url, root):
    assert root_of(url) == root
