"""Content: data/*.yaml -> every problem (FILE:LINE: path: message) -> the frozen model.

Adds PyYAML to the standard library; knows nothing of pages, MkDocs or Jinja.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..spec.problems import DataError, Problem
from .model import Handbook
from .validate import collect_problems, load_handbook

__all__ = [
    "DataError",
    "Handbook",
    "Problem",
    "collect_problems",
    "load",
    "load_for_preview",
    "load_handbook",
]


def fingerprint(data_dir: Path) -> tuple:
    """Names, sizes and modification times of every data file: changes when any file does."""
    return tuple(
        (str(path), stat.st_size, stat.st_mtime_ns)
        for path in sorted(data_dir.rglob("*.yaml"))
        for stat in [path.stat()]
    )


@lru_cache(maxsize=4)
def _load(data_dir: Path, _fingerprint: tuple) -> Handbook:
    return load_handbook(data_dir)


def load(data_dir: Path) -> Handbook:
    """The validated model, loaded once per version of the data (raises DataError)."""
    return _load(data_dir, fingerprint(data_dir))


_last_good: dict[Path, Handbook] = {}


def load_for_preview(data_dir: Path) -> tuple[Handbook, list[Problem]]:
    """For live preview: the model and no problems, or the last model that validated and the
    current problems. Raises DataError when the data has never validated in this process."""
    try:
        hb = load(data_dir)
    except DataError as error:
        if data_dir not in _last_good:
            raise
        return _last_good[data_dir], error.problems
    _last_good[data_dir] = hb
    return hb, []
