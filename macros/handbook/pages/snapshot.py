"""The calculator's Pyodide memory snapshot: made at build time by Node, cached by its inputs.

The snapshot holds Pyodide's heap with the engine already imported and warm (snapshot.mjs), so
the browser's worker restores it instead of starting Python and importing the engine. It is
shipped gzipped (the worker inflates it) as calculator/snapshot/engine-<key>.bin.gz, where key
digests everything it is made from: the Pyodide version, the engine's sources, the rules and
the recipe itself. Making one takes Node and several seconds, so it is cached under the project's
.cache/ (or $HANDBOOK_CACHE_DIR): `mkdocs serve` rebuilds that leave the calculator alone reuse it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .calculator import ASSET_DIR, engine_digest, engine_sources

RECIPE = Path(__file__).with_name("snapshot.mjs")
CACHE_ENV = "HANDBOOK_CACHE_DIR"
KEEP = 8  # snapshots kept in the cache (about 6 MB each)
TIMEOUT_S = 600


class SnapshotError(RuntimeError):
    """The snapshot could not be made; the message is one line saying why."""


@dataclass(frozen=True)
class Snapshot:
    key: str
    path: Path  # the gzipped snapshot in the cache
    raw_bytes: int
    gzip_bytes: int
    made_ms: int  # how long Node took to make it (0 if unknown)

    @property
    def uri(self) -> str:
        """Its path in the site, under the edition's folder."""
        return f"{ASSET_DIR}/snapshot/engine-{self.key}.bin.gz"


def pyodide_version(pyodide_dir: Path) -> str:
    return json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))["version"]


def snapshot_key(pyodide_dir: Path, rules_json: str) -> str:
    """A digest of everything the snapshot is made from (it is not reproducible byte for byte,
    so it is named after its inputs)."""
    digest = hashlib.sha256()
    for part in (pyodide_version(pyodide_dir), engine_digest(), rules_json, RECIPE.read_text()):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()[:16]


def cache_dir(project_root: Path) -> Path:
    return Path(os.environ.get(CACHE_ENV) or project_root / ".cache" / "calculator-snapshot")


def _cached(directory: Path, key: str) -> Snapshot | None:
    path, meta = directory / f"engine-{key}.bin.gz", directory / f"engine-{key}.json"
    if not (path.is_file() and meta.is_file()):
        return None
    info = json.loads(meta.read_text(encoding="utf-8"))
    return Snapshot(key, path, info["raw_bytes"], path.stat().st_size, info.get("made_ms", 0))


def _run_node(pyodide_dir: Path, rules_json: str, out: Path) -> dict:
    node = shutil.which("node")
    if node is None:
        raise SnapshotError("Node is not installed (it makes the snapshot: apt-get install nodejs)")
    sources = [[name, path.read_text(encoding="utf-8")] for name, path in engine_sources().items()]
    try:
        result = subprocess.run(
            [node, str(RECIPE), str(pyodide_dir), str(out)],
            input=json.dumps({"rules": rules_json, "sources": sources}),
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        raise SnapshotError(f"Node did not finish within {TIMEOUT_S} s") from None
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or [f"exit status {result.returncode}"]
        raise SnapshotError(f"Node failed: {lines[-1]}")
    return json.loads(result.stdout)


def _prune(directory: Path) -> None:
    """Keep the KEEP newest snapshots."""
    found = sorted(directory.glob("engine-*.bin.gz"), key=lambda p: p.stat().st_mtime)
    for old in found[:-KEEP]:
        old.unlink(missing_ok=True)
        old.with_name(old.name.replace(".bin.gz", ".json")).unlink(missing_ok=True)


def ensure_snapshot(pyodide_dir: Path, rules_json: str, directory: Path) -> Snapshot:
    """The cached snapshot for these inputs, made first if there is none."""
    key = snapshot_key(pyodide_dir, rules_json)
    cached = _cached(directory, key)
    if cached is not None:
        return cached
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=directory, prefix="making-") as temp:
        raw = Path(temp) / "snapshot.bin"
        made = _run_node(pyodide_dir, rules_json, raw)
        packed = Path(temp) / "snapshot.bin.gz"
        packed.write_bytes(gzip.compress(raw.read_bytes(), compresslevel=6, mtime=0))
        meta = {"raw_bytes": raw.stat().st_size, "made_ms": made.get("ms", 0)}
        meta["fingerprint"] = made.get("fingerprint")
        # the .json last: a snapshot counts as cached once both are in place
        os.replace(packed, directory / f"engine-{key}.bin.gz")
        (directory / f"engine-{key}.json").write_text(json.dumps(meta), encoding="utf-8")
    _prune(directory)
    return _cached(directory, key)
