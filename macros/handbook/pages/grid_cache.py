"""The calculator's precomputed grid plans, kept on disk between builds.

Computing every grid plan takes seconds, and the plans change only when the calculator's rules
or the engine change. They are kept as one JSON file per (rules, engine) digest under the
project's .cache/calculator-grid/ (or $HANDBOOK_GRID_CACHE_DIR), so a fresh `mkdocs build` reads
them instead (grid_plans.py). A file that cannot be read, or does not hold plans, counts as none;
files are written whole (a temporary file, then a rename), and only the newest few are kept.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

CACHE_ENV = "HANDBOOK_GRID_CACHE_DIR"
KEEP = 4


def cache_dir(project_root: Path) -> Path:
    return Path(os.environ.get(CACHE_ENV) or project_root / ".cache" / "calculator-grid")


def cache_key(rules_json: str, engine_digest: str) -> str:
    return hashlib.sha256(f"{engine_digest}\0{rules_json}".encode()).hexdigest()[:24]


def read(directory: Path, key: str) -> dict[str, str] | None:
    """The plans kept under key, or None if there are none (or the file is broken)."""
    path = directory / f"{key}.json"
    try:
        return as_plans(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def as_plans(value: object) -> dict[str, str] | None:
    """value, if it is plans as kept and shipped ({site path: plans JSON}); else None."""
    if not isinstance(value, dict) or not all(
        isinstance(name, str) and isinstance(text, str) for name, text in value.items()
    ):
        return None
    return value


def keep(directory: Path, key: str, plans: dict[str, str]) -> None:
    """Keep plans under key (whole or not at all), and only the newest few files."""
    path = directory / f"{key}.json"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(plans, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
        for old in sorted(directory.glob("*.json"), key=lambda p: p.stat().st_mtime)[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk only costs the next build the computing time
