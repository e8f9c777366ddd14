"""The real content in data/: it validates, its calculator reasons link to pages that explain
them, and every file names its JSON Schema for editors.

Editorial tests: they read data/ and hold for any valid edit that keeps these promises.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.cli.schemas import SCHEMA_DIR
from handbook.content import DataError
from handbook.engine import rule_problems
from support import DATA, ROOT, real_handbook

SCHEMA_LINE = "# yaml-language-server: $schema="


def test_the_real_data_validates():
    try:
        real_handbook()
    except DataError as error:
        pytest.fail(str(error))


def test_the_calculator_rules_have_no_problems():
    assert rule_problems(real_handbook().calculator_rules()) == []


def _rule_links(calculator: dict) -> list[str]:
    reasons = [
        entry["rationale"]
        for section in ("archetypes", "stages", "data_complexity")
        for entry in calculator[section]
        if "rationale" in entry
    ]
    return [reason["link"] for reason in [*reasons, *calculator["rationale_rules"]]]


def test_every_calculator_reason_links_to_a_principle_or_a_role_guide():
    """Each reason the calculator gives names the rule of thumb or role guide behind it."""
    hb = real_handbook()
    principles = {entry.id for entry in hb.composition}
    roles = {f"roles/{role.id}/" for role in hb.roles}
    links = _rule_links(hb.calculator_rules()["calculator"])
    assert links
    for link in links:
        page, _, anchor = link.partition("#")
        if page == "team-composition/":
            assert anchor in principles, link
        else:
            assert page in roles and not anchor, link


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: p.name)
def test_data_file_starts_with_its_schema_line(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(SCHEMA_LINE)
    target = (path.parent / first.removeprefix(SCHEMA_LINE)).resolve()
    assert target.parent == SCHEMA_DIR.resolve() and target.is_file(), target
    expected = "questions" if path.parent.name == "questions" else path.stem
    assert target.name == f"{expected}.schema.json"
    assert target.is_relative_to(ROOT)
