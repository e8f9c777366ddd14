"""Shared fixtures: a copy of the real data to break on purpose, and the built site."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from support import ROOT, DataCopy, build_site

sys.path.insert(0, str(ROOT / "macros"))


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> DataCopy:
    monkeypatch.chdir(tmp_path)
    return DataCopy(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with --strict."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir
