"""The committed JSON Schemas match the specs, and every data file points at its schema."""

from __future__ import annotations

import json

import pytest

from handbook.schemas_gen import SCHEMA_DIR, schema_documents
from support import DATA, ROOT


def test_committed_schemas_are_fresh():
    documents = schema_documents()
    committed = {path.name for path in SCHEMA_DIR.glob("*.schema.json")}
    assert committed == set(documents), "run `make schemas` and commit schemas/"
    for name, text in documents.items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == text, (
            f"schemas/{name} is stale: run `make schemas` and commit it"
        )


def test_schema_rejects_unknown_fields_and_requires_fields():
    roles = json.loads(schema_documents()["roles.schema.json"])
    role = roles["properties"]["roles"]["items"]
    assert role["additionalProperties"] is False
    assert {"id", "title", "skills"} <= set(role["required"])
    levels = role["properties"]["skills"]["additionalProperties"]
    assert levels == {"type": "integer", "minimum": 1, "maximum": 4}


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: p.name)
def test_data_file_starts_with_its_schema_line(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    target = (path.parent / first.removeprefix(prefix)).resolve()
    assert target.parent == SCHEMA_DIR.resolve() and target.is_file(), target
    expected = "questions" if path.parent.name == "questions" else path.stem
    assert target.name == f"{expected}.schema.json"
    assert target.is_relative_to(ROOT)
