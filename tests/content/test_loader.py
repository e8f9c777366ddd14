"""The loader keeps line numbers, rejects duplicate keys, remembers raw scalars and refuses
files that are too big, too deep or expand too far (the wording of each syntax error is in
test_yaml_errors.py, hostile shapes in test_hostile_shapes.py)."""

from __future__ import annotations

import pytest

from handbook.content import loader
from handbook.content.errors import LoadError
from handbook.content.loader import MAX_BYTES, MAX_DEPTH, MAX_VALUES, decode, load_bytes, load_text


def load_error(text: str) -> tuple[int, str]:
    with pytest.raises(LoadError) as error:
        load_text(text)
    return error.value.line, error.value.message


def test_lines_of_nested_values():
    located = load_text("a:\n  b:\n    - x\n    - y: 1\n")
    assert located.value == {"a": {"b": ["x", {"y": 1}]}}
    assert located.lines[("a", "b")] == 2
    assert located.lines[("a", "b", 1)] == 4
    assert located.line_of(("a", "b", 1, "y", "missing")) == 4
    assert located.line_of(("nowhere",)) == 1


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
        ("# only a comment\n", 1, "file is empty"),
        (
            "a: 1\n---\nb: 2\n",
            2,
            "YAML syntax error: expected a single document in the stream, "
            "but found another document",
        ),
        (
            "a: [1\n",
            2,
            "YAML syntax error: a '[' list that is not closed; close the list with ']' and "
            "separate its items with ', '",
        ),
        ("a: &x\n  - *x\n", 1, "an alias (*name) refers to its own anchor"),
    ],
)
def test_load_errors_name_the_line_in_plain_words(text, line, message):
    assert load_error(text) == (line, message)


def test_decode_reports_the_line_of_a_bad_byte():
    with pytest.raises(LoadError) as error:
        decode(b"ok\nalso ok\nbad \xff here\n")
    assert error.value.line == 3
    assert error.value.message == (
        "file is not valid UTF-8 (byte 0xff at column 5); save it as UTF-8"
    )


def test_decode_refuses_nul_bytes():
    with pytest.raises(LoadError) as error:
        decode(b"a: 1\nb: x\0\n")
    assert (error.value.line, error.value.message) == (
        2,
        "file contains a NUL byte (column 5); save it as plain UTF-8 text",
    )


def test_a_byte_order_mark_and_windows_line_ends_are_accepted():
    located = load_bytes(b"\xef\xbb\xbfa: 1\r\nb: text\r\n")
    assert located.value == {"a": 1, "b": "text"}
    assert located.lines[("b",)] == 2


def test_files_over_the_size_limit_are_refused_before_parsing(monkeypatch):
    with pytest.raises(LoadError) as error:
        load_bytes(b"\xff" * (MAX_BYTES + 1))  # not even decoded
    assert (error.value.line, error.value.message) == (
        1,
        f"file is 5.0 MB; a data file may be at most {MAX_BYTES // 1024 // 1024} MB "
        "(split it into smaller files)",
    )
    monkeypatch.setattr(loader, "MAX_BYTES", 10)
    assert load_bytes(b"a: 123456\n").value == {"a": 123456}  # 10 bytes: at the limit
    with pytest.raises(LoadError):
        load_bytes(b"a: 1234567\n")


def test_nesting_beyond_the_depth_limit_is_refused():
    assert load_text("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)).value
    line, message = load_error("x: 1\na: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n")
    assert line == 2
    assert message.startswith(f"lists and mappings are nested more than {MAX_DEPTH} levels deep")


def test_aliases_that_expand_too_far_are_refused():
    """Ten aliases of ten aliases of ... (billion laughs) would hold millions of values."""
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for previous, name in zip("abcde", "bcdef", strict=True):
        text += f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]\n"
    line, message = load_error(text)
    assert line == 1
    assert message == (
        f"the file expands to more than {MAX_VALUES:,} values (aliases repeat anchored "
        "content); use fewer or smaller aliases"
    )
    small = "a: &a [x, x]\nb: [*a, *a]\n"
    assert load_text(small).value == {"a": ["x", "x"], "b": [["x", "x"], ["x", "x"]]}


def test_the_same_bytes_are_parsed_once_and_different_bytes_again(monkeypatch):
    monkeypatch.setattr(loader, "_remembered", loader.OrderedDict())
    calls = []
    parse = loader._load_bytes
    monkeypatch.setattr(loader, "_load_bytes", lambda data: calls.append(data) or parse(data))
    first = load_bytes(b"a: 1\n")
    assert load_bytes(b"a: 1\n") is first
    assert load_bytes(b"a: 2\n").value == {"a": 2}
    assert calls == [b"a: 1\n", b"a: 2\n"]
    with pytest.raises(LoadError):
        load_bytes(b"a: [\n")
    with pytest.raises(LoadError):  # a file that fails is not remembered as anything
        load_bytes(b"a: [\n")


def test_only_the_latest_files_are_remembered(monkeypatch):
    monkeypatch.setattr(loader, "_remembered", loader.OrderedDict())
    monkeypatch.setattr(loader, "REMEMBERED_FILES", 2)
    first = load_bytes(b"a: 1\n")
    load_bytes(b"a: 2\n")
    assert load_bytes(b"a: 1\n") is first  # used again: now the newest
    load_bytes(b"a: 3\n")
    assert len(loader._remembered) == 2
    assert load_bytes(b"a: 1\n") is first
    assert load_bytes(b"a: 2\n") is not None and len(loader._remembered) == 2
