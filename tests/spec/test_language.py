"""The one spec language: each spec's problems (path, message) and the JSON Schema it emits."""

from __future__ import annotations

import pytest

from handbook.spec.language import (
    ID_PATTERN,
    Bool,
    Enum,
    Id,
    Int,
    ListOf,
    MapOf,
    Number,
    Obj,
    Text,
    document_schema,
    is_id,
    optional,
    required,
    type_name,
    unknown_id,
)


def problems(spec, value, raw=None) -> list[tuple[tuple, str]]:
    found: list[tuple[tuple, str]] = []
    spec.check(value, ("root",), lambda path, message: found.append((path, message)), raw or {})
    return found


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (True, "a boolean"),
        (3, "a number"),
        (2.5, "a number"),
        ({}, "a mapping"),
        ([], "a list"),
        (None, "nothing (null)"),
        ("x", "text"),
        (b"x", "a bytes"),
    ],
)
def test_type_name_speaks_yaml(value, name):
    assert type_name(value) == name


def test_text_accepts_text_and_rejects_other_types_empty_text_and_bad_patterns():
    assert problems(Text(), "fine") == []
    assert problems(Text(), 7) == [(("root",), "expected text, got a number")]
    assert problems(Text(), "  ") == [(("root",), "must not be empty")]
    assert problems(Text(pattern=r"^a+$"), "b") == [(("root",), "'b' does not match ^a+$")]
    assert problems(Text(pattern=r"^a+$", hint="is not all a's"), "b") == [
        (("root",), "'b' is not all a's")
    ]


def test_text_names_what_yaml_read_and_suggests_quotes():
    """A YAML scalar read as a boolean or number: the message quotes the source text."""
    assert problems(Text(), False, raw={("root",): "no"}) == [
        (("root",), 'expected text, but YAML read no as a boolean; put it in quotes: "no"')
    ]
    assert problems(Text(), 2026.1, raw={("root",): "2026.10"}) == [
        (
            ("root",),
            'expected text, but YAML read 2026.10 as a number; put it in quotes: "2026.10"',
        )
    ]


def test_id_is_kebab_case():
    assert problems(Id(), "ml-engineer-2") == []
    assert problems(Id(), "Rank_On_Axes") == [
        (
            ("root",),
            "'Rank_On_Axes' is not a valid id (use lowercase letters, digits and single "
            "hyphens, e.g. ml-engineer)",
        )
    ]
    assert [is_id(value) for value in ("a-b", "a--b", "-a", "a-", "A", 3, "a1")] == [
        True,
        False,
        False,
        False,
        False,
        False,
        True,
    ]


def test_int_checks_type_and_range_with_its_noun():
    spec = Int(0, 100, noun="weight")
    assert problems(spec, 100) == []
    assert problems(spec, 120) == [(("root",), "weight 120 is outside 0-100")]
    assert problems(spec, -1) == [(("root",), "weight -1 is outside 0-100")]
    assert problems(spec, True) == [(("root",), "expected a whole number, got a boolean")]
    assert problems(spec, 2.0) == [(("root",), "expected a whole number, got a number")]
    assert problems(Int(1, 4), 9) == [(("root",), "value 9 is outside 1-4")]


def test_number_bool_and_enum():
    assert problems(Number(0, 1), 0.5) == []
    assert problems(Number(0, 1), 2) == [(("root",), "2 is outside 0-1")]
    assert problems(Number(0, 1), False) == [(("root",), "expected a number, got a boolean")]
    assert problems(Bool(), True) == []
    assert problems(Bool(), "yes") == [(("root",), "expected true or false, got text")]
    spec = Enum(("low", "high"))
    assert problems(spec, "low") == []
    assert problems(spec, "mid") == [(("root",), "'mid' is not one of low, high")]
    assert problems(spec, 1) == [(("root",), "expected text, got a number")]


def test_list_checks_its_length_and_every_item_at_its_index():
    spec = ListOf(Int(1, 4), min_items=2)
    assert problems(spec, [1, 2]) == []
    assert problems(spec, [5]) == [
        (("root",), "needs at least 2 items, found 1"),
        (("root", 0), "value 5 is outside 1-4"),
    ]
    assert problems(ListOf(Text(), min_items=1), []) == [
        (("root",), "needs at least 1 item, found 0")
    ]
    assert problems(spec, {"a": 1}) == [(("root",), "expected a list, got a mapping")]


def test_map_checks_its_keys_are_ids_and_its_values():
    spec = MapOf(Int(1, 4, noun="level"))
    assert problems(spec, {"ml-theory": 2}) == []
    assert problems(spec, {"ML theory": 2, "ok": 7}) == [
        (("root", "ML theory"), "'ML theory' is not a valid id"),
        (("root", "ok"), "level 7 is outside 1-4"),
    ]
    assert problems(spec, [1]) == [(("root",), "expected a mapping, got a list")]


SPEC = Obj(
    {
        "title": required(Text()),
        "weights": optional(MapOf(Int(0, 100))),
        "description": optional(Text()),
    }
)


def test_object_reports_unknown_fields_with_a_suggestion_and_missing_required_fields():
    assert problems(SPEC, {"title": "x"}) == []
    assert problems(SPEC, {"titel": "x"}) == [
        (("root", "titel"), "unknown field 'titel' (did you mean 'title'?)"),
        (("root", "title"), "required field is missing"),
    ]
    assert problems(SPEC, {"title": "x", "zzz": 1}) == [
        (("root", "zzz"), "unknown field 'zzz' (allowed: title, weights, description)")
    ]
    assert problems(SPEC, "x") == [(("root",), "expected a mapping, got text")]


def test_every_problem_is_reported_not_only_the_first():
    value = {"title": "", "weights": {"a": 101, "b": -1}, "extra": True}
    assert [path for path, _ in problems(SPEC, value)] == [
        ("root", "title"),
        ("root", "weights", "a"),
        ("root", "weights", "b"),
        ("root", "extra"),
    ]


def test_unknown_id_lists_what_is_known():
    assert unknown_id("role", "ml-enginer", ["a", "b"]) == "unknown role 'ml-enginer' (known: a, b)"
    assert unknown_id("trait", "x", []) == "unknown trait 'x' (known: none)"


def test_json_schema_of_each_spec():
    assert Text("Shown.").json_schema() == {
        "description": "Shown.",
        "type": "string",
        "minLength": 1,
    }
    assert Id().json_schema()["pattern"] == ID_PATTERN
    assert Int(1, 4).json_schema() == {"type": "integer", "minimum": 1, "maximum": 4}
    assert Number(0, 1).json_schema() == {"type": "number", "minimum": 0, "maximum": 1}
    assert Bool().json_schema() == {"type": "boolean"}
    assert Enum(("a", "b")).json_schema() == {"type": "string", "enum": ["a", "b"]}
    assert ListOf(Bool(), min_items=1).json_schema() == {
        "type": "array",
        "items": {"type": "boolean"},
        "minItems": 1,
    }
    assert MapOf(Bool()).json_schema() == {
        "type": "object",
        "propertyNames": {"pattern": ID_PATTERN},
        "additionalProperties": {"type": "boolean"},
    }
    schema = Obj({"a": required(Bool()), "b": optional(Bool())}, title="T").json_schema()
    assert schema == {
        "type": "object",
        "title": "T",
        "properties": {"a": {"type": "boolean"}, "b": {"type": "boolean"}},
        "required": ["a"],
        "additionalProperties": False,
    }


def test_document_schema_names_the_draft_and_its_id():
    document = document_schema(Obj({"a": required(Bool())}), "x.schema.json")
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"] == "x.schema.json"
    assert document["required"] == ["a"]
