"""`make schemas`: the committed JSON Schemas match the specs, the calculator section included."""

from __future__ import annotations

import json

from handbook.cli import schemas
from handbook.cli.schemas import SCHEMA_DIR, schema_documents
from handbook.content.validate import FILE_SPECS
from support import ROOT


def test_committed_schemas_are_fresh():
    documents = schema_documents()
    committed = {path.name for path in SCHEMA_DIR.glob("*.schema.json")}
    assert committed == set(documents), "run `make schemas` and commit schemas/"
    for name, text in documents.items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == text, (
            f"schemas/{name} is stale: run `make schemas` and commit it"
        )


def test_one_schema_per_data_file_and_one_for_question_files():
    assert SCHEMA_DIR == ROOT / "schemas"
    expected = {name.removesuffix(".yaml") + ".schema.json" for name in FILE_SPECS}
    assert set(schema_documents()) == expected | {"questions.schema.json"}


def test_schema_rejects_unknown_fields_and_requires_fields():
    roles = json.loads(schema_documents()["roles.schema.json"])
    assert roles["$id"] == "roles.schema.json"
    role = roles["properties"]["roles"]["items"]
    assert role["additionalProperties"] is False
    assert {"id", "title", "skills"} <= set(role["required"])
    levels = role["properties"]["skills"]["additionalProperties"]
    assert levels == {"type": "integer", "minimum": 1, "maximum": 4}


def test_the_calculator_section_has_its_schema_too():
    composition = json.loads(schema_documents()["composition.schema.json"])
    calculator = composition["properties"]["calculator"]
    assert calculator["additionalProperties"] is False
    archetype = calculator["properties"]["archetypes"]["items"]
    assert archetype["properties"]["weights"]["additionalProperties"] == {
        "type": "integer",
        "minimum": 0,
        "maximum": 100,
    }


def test_main_writes_every_schema(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(schemas, "SCHEMA_DIR", tmp_path / "schemas")
    assert schemas.main() == 0
    written = {
        path.name: path.read_text(encoding="utf-8") for path in (tmp_path / "schemas").iterdir()
    }
    assert written == schema_documents()
    assert capsys.readouterr().out.splitlines() == [
        f"wrote schemas/{name}" for name in schema_documents()
    ]
