"""What changed between editions: compare two snapshots field by field.

Items are matched by id, so an edited field reads as a change of that item ("ML engineer ·
ml-theory level 2 → 3"), never as a removal plus an addition. Nested lists of records are
matched by their id, level or area the same way; lists of plain text compare as sets of entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import snapshot

KINDS = (*snapshot.ITEM_KINDS, snapshot.CALCULATOR)
KIND_TITLES = {
    "roles": "Roles",
    "skills": "Skills and level scales",
    "questions": "Interview questions",
    "composition": "Team composition rules",
    "fractional_tasks": "Fractional tasks",
    "interviewing": "Interviewing principles",
    "interview_stages": "Interview stages",
    "interview_loops": "Interview loops",
    "hire_rules": "Scorecard hire rule",
    "calculator": "Team calculator",
}
KIND_NOUNS = {
    "roles": "role",
    "skills": "skill",
    "questions": "question",
    "composition": "composition rule",
    "fractional_tasks": "fractional task",
    "interviewing": "interviewing principle",
    "interview_stages": "interview stage",
    "interview_loops": "interview loop",
    "hire_rules": "hire rule",
    "calculator": "calculator",
}
URLS = {
    "roles": "roles/{}/",
    "skills": "skills/#{}",
    "questions": "questions/#{}",
    "composition": "team-composition/#{}",
    "fractional_tasks": "team-composition/#task-{}",
    "interviewing": "interviewing/#{}",
    "interview_stages": "kits/",
    "interview_loops": "kits/",
    "hire_rules": "kits/#hire-rule",
    "calculator": "calculator/",
}
STATUSES = ("added", "removed", "changed")
FIELD_WORDS = {"guide": "answer guide", "strong": "strong answers", "follow_ups": "follow-ups"}
RECORD_KEYS = ("id", "level", "area")
SHORT = 60
LABEL_LENGTH = 90
MISSING = object()


@dataclass(frozen=True)
class FieldChange:
    """One field of an item: a one-line summary, plus the text taken out and put in."""

    summary: str
    removed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


@dataclass(frozen=True)
class Change:
    status: str
    kind: str
    id: str
    label: str
    fields: tuple[FieldChange, ...] = ()

    @property
    def url(self) -> str:
        """The item's page or anchor, relative to the site root."""
        return URLS[self.kind].format(self.id)

    def lines(self) -> list[str]:
        """Plain-text wording, one line per changed field."""
        head = f"{self.status.capitalize()} {KIND_NOUNS[self.kind]}: {self.label}"
        return [f"{head} · {f.summary}" for f in self.fields] or [head]


@dataclass(frozen=True)
class Comparison:
    """One edition (or the unreleased data) against the edition before it."""

    edition: str
    previous: str | None
    changes: tuple[Change, ...]
    totals: tuple[tuple[str, int], ...]

    def by_kind(self) -> list[tuple[str, dict[str, list[Change]]]]:
        """(kind, {status: changes}) for every kind with at least one change, in KINDS order."""
        groups = []
        for kind in KINDS:
            found = {
                s: [c for c in self.changes if c.kind == kind and c.status == s] for s in STATUSES
            }
            if any(found.values()):
                groups.append((kind, found))
        return groups

    def lines(self) -> list[str]:
        return [line for change in self.changes for line in change.lines()]

    def summary(self) -> str:
        """Items per status, leaving out statuses with none: "1 added, 2 changed"."""
        counts = [(sum(c.status == s for c in self.changes), s) for s in STATUSES]
        return ", ".join(f"{count} {status}" for count, status in counts if count)

    def contents(self) -> str:
        """What the edition holds: "5 roles, 10 skills, ..."."""
        return ", ".join(f"{n} {KIND_NOUNS[kind]}{'s' * (n != 1)}" for kind, n in self.totals)


def plain_value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(plain_value(item) for item in value)
    return " ".join(str(value).split())


def _short(value: Any) -> bool:
    return not isinstance(value, list) and len(plain_value(value)) <= SHORT


def _record_key(items: list) -> str | None:
    for key in RECORD_KEYS:
        values = [str(item.get(key)) for item in items if key in item]
        if len(values) == len(items) and len(set(values)) == len(values):
            return key
    return None


def flatten(value: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """Leaf fields by path; lists of records become keyed by their id/level/area (else 1, 2...)."""
    if isinstance(value, dict):
        return {p: v for key, item in value.items() for p, v in flatten(item, (*path, key)).items()}
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        key = _record_key(value)
        out: dict[tuple[str, ...], Any] = {}
        for number, item in enumerate(value, 1):
            name = str(item[key]) if key else str(number)
            out.update(flatten({k: v for k, v in item.items() if k != key}, (*path, name)))
        return out
    return {path: value}


def field_label(kind: str, path: tuple[str, ...]) -> str:
    if kind == "roles" and len(path) == 2 and path[0] == "skills":
        return f"{path[1]} level"
    if kind == "skills" and len(path) == 3 and path[0] == "levels":
        return f"level {path[1]} {path[2]}"
    if kind == "questions" and path == ("text",):
        return "question text"
    return " › ".join(FIELD_WORDS.get(part, part.replace("_", " ")) for part in path)


def _list_change(field: str, old: list, new: list) -> FieldChange:
    gone = tuple(plain_value(item) for item in old if item not in new)
    came = tuple(plain_value(item) for item in new if item not in old)
    if not gone and not came:
        return FieldChange(f"{field} reordered")
    if len(gone) + len(came) <= 3 and all(len(item) <= SHORT for item in gone + came):
        parts = [
            f"{word} {', '.join(entries)}"
            for word, entries in (("added", came), ("removed", gone))
            if entries
        ]
        return FieldChange(f"{field}: {'; '.join(parts)}")
    counts = [f"{len(came)} added"] * bool(came) + [f"{len(gone)} removed"] * bool(gone)
    return FieldChange(f"{field}: {', '.join(counts)}", removed=gone, added=came)


def field_change(field: str, old: Any, new: Any) -> FieldChange:
    """The wording of one changed field (old or new may be MISSING)."""
    if old is MISSING:
        if _short(new):
            return FieldChange(f"{field} added: {plain_value(new)}")
        return FieldChange(f"{field} added", added=(plain_value(new),))
    if new is MISSING:
        if _short(old):
            return FieldChange(f"{field} removed (was {plain_value(old)})")
        return FieldChange(f"{field} removed", removed=(plain_value(old),))
    if isinstance(old, list) and isinstance(new, list):
        return _list_change(field, old, new)
    if _short(old) and _short(new):
        return FieldChange(f"{field} {plain_value(old)} → {plain_value(new)}")
    return FieldChange(f"{field} revised", removed=(plain_value(old),), added=(plain_value(new),))


def field_changes(kind: str, old: dict, new: dict) -> tuple[FieldChange, ...]:
    before, after = flatten(old), flatten(new)
    paths = [*after, *(path for path in before if path not in after)]
    return tuple(
        field_change(field_label(kind, path), before.get(path, MISSING), after.get(path, MISSING))
        for path in paths
        if before.get(path, MISSING) != after.get(path, MISSING)
    )


def label(kind: str, item: dict) -> str:
    if kind == "calculator":
        return "Team calculator rules"
    text = plain_value(item.get("title") or item.get("name") or item.get("text") or item["id"])
    if len(text) <= LABEL_LENGTH:
        return text
    return text[:LABEL_LENGTH].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def items(shot: dict | None, kind: str) -> dict[str, dict]:
    """id -> item of one kind (the calculator's rules are one item, id "calculator")."""
    if shot is None or kind not in shot:
        return {}
    if kind == snapshot.CALCULATOR:
        return {"calculator": shot[kind]}
    return {item["id"]: item for item in shot[kind]}


def _compare_kind(kind: str, old: dict[str, dict], new: dict[str, dict]) -> list[Change]:
    added = [Change("added", kind, i, label(kind, item)) for i, item in new.items() if i not in old]
    removed = [Change("removed", kind, i, label(kind, it)) for i, it in old.items() if i not in new]
    changed = []
    for item_id, item in new.items():
        fields = field_changes(kind, old[item_id], item) if item_id in old else ()
        if fields:
            changed.append(Change("changed", kind, item_id, label(kind, item), fields))
    return added + removed + changed


def compare(old: dict | None, new: dict) -> Comparison:
    """new against old (None: new is the first edition, so nothing is listed as changed)."""
    changes: list[Change] = []
    if old is not None:
        for kind in KINDS:
            changes += _compare_kind(kind, items(old, kind), items(new, kind))
    totals = tuple((kind, len(new.get(kind, ()))) for kind in snapshot.ITEM_KINDS)
    return Comparison(new["edition"], old["edition"] if old else None, tuple(changes), totals)


def history(shots: list[dict]) -> list[Comparison]:
    """Every released snapshot (oldest first) against the one before it, newest first."""
    return [compare(old, new) for old, new in zip([None, *shots], shots, strict=False)][::-1]


def empty_snapshot(edition: str = "") -> dict:
    """A handbook with nothing in it: what the first edition is compared against."""
    return {"edition": edition, **{kind: [] for kind in snapshot.ITEM_KINDS}}
