"""The /changes/ page: unreleased edits first, then every released edition, newest first."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup, escape

from ..content.model import Handbook
from ..editions import snapshot
from ..editions.changes import (
    KIND_TITLES,
    KINDS,
    STATUSES,
    Change,
    compare,
    empty_snapshot,
    history,
    items,
)
from .render import render


def word_diff(old: str, new: str) -> tuple[Markup, Markup]:
    """Both texts, escaped, with the words only in old in <del> and only in new in <ins>."""
    a, b = old.split(), new.split()
    before: list[Markup] = []
    after: list[Markup] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        left, right = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if op == "equal":
            before.append(escape(left))
            after.append(escape(right))
            continue
        if left:
            before.append(Markup("<del>%s</del>") % left)
        if right:
            after.append(Markup("<ins>%s</ins>") % right)
    return Markup(" ").join(before), Markup(" ").join(after)


def linker(current: dict, root: str) -> Callable[[Change], str]:
    """Change -> link from the page, or "" when the item is not in the edition being built."""
    present = {(kind, item_id) for kind in KINDS for item_id in items(current, kind)}
    return lambda change: root + change.url if (change.kind, change.id) in present else ""


def changes_page(hb: Handbook, releases_dir: Path, root: str) -> str:
    """The /changes/ page: unreleased edits first, then every edition, newest first."""
    current = snapshot.build(hb)
    shots = snapshot.released(releases_dir)
    last = shots[-1] if shots else None
    unreleased = compare(last or empty_snapshot(), current)
    return render(
        "changes.md.j2",
        hb=hb,
        sections=history(shots),
        unreleased=unreleased,
        last=last["edition"] if last else None,
        href=linker(current, root),
        titles=KIND_TITLES,
        statuses=STATUSES,
        word_diff=word_diff,
        root=root,
    )
