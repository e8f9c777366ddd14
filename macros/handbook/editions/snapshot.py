"""The canonical snapshot of an edition's content, and its file `releases/<edition>.json`.

A snapshot is plain JSON built from the validated model: every kind of item the change log
compares (roles with their skill levels, skills with their level scale, questions with their
answer guides, composition rules, fractional tasks, interviewing principles, and from kits.yaml
the interview stages, each role's loop with its kits' edits, and the scorecard's hire rule) as
a list sorted by id, plus the calculator's rules. Written with sorted keys, so the same content
always gives the same bytes and a release's diff in git shows only what changed.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..content.model import Handbook

FORMAT = 1
#: Kinds of item in a snapshot, in the order the change log lists them.
MODEL_KINDS = ("roles", "skills", "questions", "composition", "fractional_tasks", "interviewing")
KIT_KINDS = ("interview_stages", "interview_loops", "hire_rules")
ITEM_KINDS = (*MODEL_KINDS, *KIT_KINDS)
CALCULATOR = "calculator"


class SnapshotError(ValueError):
    """A file in releases/ is not a snapshot this code can read."""


def plain(value: Any) -> Any:
    """Model values as JSON values: dataclasses and mappings to dicts, tuples to lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict | MappingProxyType):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def _by_id(items: tuple) -> list[dict[str, Any]]:
    return sorted((plain(item) for item in items), key=lambda item: item["id"])


def _kit_items(hb: Handbook) -> dict[str, list[dict[str, Any]]]:
    """kits.yaml as items: its stages, one loop per role (with its kits' pins and exclusions)
    and the hire rule (one item, id "hire-rule")."""
    if hb.kits is None:
        return {kind: [] for kind in KIT_KINDS}
    settings = hb.kits
    loops = [
        {
            "id": role_id,
            "title": f"Interview loop: {hb.role(role_id).title}",
            "stages": list(stages),
            "kits": [
                plain(settings.edits[kit_id])
                for kit_id in sorted(settings.edits)
                if kit_id.startswith(f"{role_id}/")
            ],
        }
        for role_id, stages in settings.loops.items()
    ]
    rule = {
        "id": "hire-rule",
        "title": "Scorecard hire rule",
        "summary": settings.hire_rule_summary,
    }
    return {
        "interview_stages": _by_id(settings.stages),
        "interview_loops": sorted(loops, key=lambda loop: loop["id"]),
        "hire_rules": [{**rule, **plain(settings.hire_rule)}],
    }


def build(hb: Handbook) -> dict[str, Any]:
    """The snapshot of the handbook's current content (a fresh JSON-able dict)."""
    snapshot: dict[str, Any] = {"format": FORMAT, "edition": hb.edition, "title": hb.title}
    for kind in MODEL_KINDS:
        snapshot[kind] = _by_id(getattr(hb, kind))
    snapshot.update(_kit_items(hb))
    snapshot[CALCULATOR] = hb.calculator_rules()["calculator"]
    return snapshot


def dumps(snapshot: dict[str, Any]) -> str:
    """Canonical text: sorted keys, two-space indent, UTF-8 characters kept, final newline."""
    return json.dumps(snapshot, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def path_for(releases_dir: Path, edition: str) -> Path:
    return Path(releases_dir) / f"{edition}.json"


def write(snapshot: dict[str, Any], releases_dir: Path) -> Path:
    """Write releases/<edition>.json (creating releases/) and return its path."""
    path = path_for(releases_dir, snapshot["edition"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(snapshot), encoding="utf-8")
    return path


def read(path: Path) -> dict[str, Any]:
    """One snapshot file; SnapshotError if it is not JSON, not a snapshot or misnamed."""
    path = Path(path)
    try:
        snapshot = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SnapshotError(f"{path}: cannot read the snapshot ({error})") from None
    if not isinstance(snapshot, dict) or snapshot.get("format") != FORMAT:
        raise SnapshotError(f"{path}: not a snapshot of format {FORMAT}")
    if snapshot.get("edition") != path.stem:
        raise SnapshotError(f"{path}: holds edition {snapshot.get('edition')!r}, not {path.stem}")
    return snapshot


def edition_key(edition: str) -> tuple:
    """Sort key for editions: numbers compare as numbers (2026.9 before 2026.10)."""
    return tuple(int(part) if part.isdigit() else part for part in re.findall(r"\d+|\D+", edition))


def released(releases_dir: Path) -> list[dict[str, Any]]:
    """Every released snapshot, oldest edition first (an empty list when there is none)."""
    directory = Path(releases_dir)
    paths = sorted(directory.glob("*.json"), key=lambda p: edition_key(p.stem))
    return [read(path) for path in paths] if directory.is_dir() else []
