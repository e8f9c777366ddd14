"""The loader keeps line numbers, rejects duplicate keys and remembers raw scalars."""

from __future__ import annotations

import pytest

from handbook.loader import LoadError, decode, load_text


def test_lines_of_nested_values():
    located = load_text("a:\n  b:\n    - x\n    - y: 1\n")
    assert located.value == {"a": {"b": ["x", {"y": 1}]}}
    assert located.lines[("a", "b")] == 2
    assert located.lines[("a", "b", 1)] == 4
    assert located.line_of(("a", "b", 1, "y", "missing")) == 4


def test_duplicate_keys_are_reported_and_first_kept():
    located = load_text("a: 1\nb: 2\na: 3\n")
    assert located.value == {"a": 1, "b": 2}
    assert located.problems == [(("a",), 3, "duplicate key 'a' (first defined on line 1)")]


def test_raw_text_of_non_string_scalars():
    located = load_text("x: no\ny: 2026.10\nz: text\n")
    assert located.value == {"x": False, "y": 2026.1, "z": "text"}
    assert located.raw == {("x",): "no", ("y",): "2026.10"}


def test_non_text_keys_are_reported():
    located = load_text("1: a\n")
    assert located.problems == [((), 1, "key '1' must be text; put it in quotes")]


def test_merge_keys_and_anchors_work():
    located = load_text("base: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n")
    assert located.value["item"] == {"x": 1, "y": 2}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "file is empty"),
        (
            "a: [1\n",
            2,
            "YAML syntax error: expected ',' or ']', but got '<stream end>' "
            "(while parsing a flow sequence)",
        ),
        (
            "a: 1\n---\nb: 2\n",
            2,
            "YAML syntax error: expected a single document in the stream, "
            "but found another document",
        ),
    ],
)
def test_load_errors(text, line, message):
    with pytest.raises(LoadError) as error:
        load_text(text)
    assert (error.value.line, error.value.message) == (line, message)


def test_decode_reports_the_line_of_a_bad_byte():
    with pytest.raises(LoadError) as error:
        decode(b"ok\nalso ok\nbad \xff here\n")
    assert error.value.line == 3
    assert error.value.message == (
        "file is not valid UTF-8 (byte 0xff at column 5); save it as UTF-8"
    )
