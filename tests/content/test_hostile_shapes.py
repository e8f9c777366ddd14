"""Hostile YAML shapes: one clear FILE:LINE message each, never a traceback, hang or blow-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.content.files import read_file
from handbook.content.loader import MAX_DEPTH, load_bytes
from handbook.spec.language import Obj, Text, required

SPEC = Obj({"title": required(Text())})


def problems_of(tmp_path: Path, data: bytes, spec: Obj = SPEC) -> list[str]:
    path = tmp_path / "thing.yaml"
    path.write_bytes(data)
    return [str(problem) for problem in read_file(path, "thing.yaml", spec).problems]


def test_deep_nesting_is_refused_at_its_line(tmp_path):
    deep = b"roles: " + b"[" * 20_000 + b"]" * 20_000 + b"\n"
    problems = problems_of(tmp_path, deep)
    assert problems == [
        f"{tmp_path}/thing.yaml:1: lists and mappings are nested more than {MAX_DEPTH} levels "
        "deep here; the handbook's files need only a few levels"
    ]


def test_nesting_within_the_limit_is_read():
    text = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert load_bytes(text.encode()).value["a"] is not None


def test_billion_laughs_is_refused_quickly(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    problems = problems_of(tmp_path, ("\n".join(lines) + "\n").encode())
    assert problems == [
        f"{tmp_path}/thing.yaml:1: the file expands to more than 200,000 values (aliases repeat "
        "anchored content); use fewer or smaller aliases"
    ]


def test_a_small_alias_is_fine(tmp_path):
    text = b"base: &b {title: x}\ntitle: *b\n"
    assert (
        problems_of(
            tmp_path,
            text,
            Obj(
                {
                    "base": required(Obj({"title": required(Text())})),
                    "title": required(Obj({"title": required(Text())})),
                }
            ),
        )
        == []
    )


def test_recursive_alias_is_refused(tmp_path):
    problems = problems_of(tmp_path, b"title: &a [1, *a]\n")
    assert problems == [f"{tmp_path}/thing.yaml:1: an alias (*name) refers to its own anchor"]


def test_a_fifty_megabyte_file_is_refused_before_parsing(tmp_path):
    big = b"title: " + b"x" * (50 * 1024 * 1024) + b"\n"
    assert problems_of(tmp_path, big) == [
        f"{tmp_path}/thing.yaml:1: file is 50.0 MB; a data file may be at most 5 MB "
        "(split it into smaller files)"
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [(b"just some text\n", "text"), (b"- a\n- b\n", "a list"), (b"42\n", "a number")],
)
def test_a_file_that_is_not_a_mapping(tmp_path, text, found):
    assert problems_of(tmp_path, text) == [
        f"{tmp_path}/thing.yaml:1: expected a mapping, got {found}"
    ]


def test_nul_bytes_are_refused_with_line_and_column(tmp_path):
    assert problems_of(tmp_path, b"title: ok\nsummary: a\x00b\n") == [
        f"{tmp_path}/thing.yaml:2: file contains a NUL byte (column 11); "
        "save it as plain UTF-8 text"
    ]


def test_a_utf8_bom_is_accepted(tmp_path):
    assert problems_of(tmp_path, b"\xef\xbb\xbftitle: Caf\xc3\xa9\n") == []
    assert load_bytes(b"\xef\xbb\xbftitle: x\n").value == {"title": "x"}


def test_crlf_line_ends_are_accepted_and_lines_still_count(tmp_path):
    text = b"title: x\r\nextra: y\r\n"
    assert problems_of(tmp_path, text) == [
        f"{tmp_path}/thing.yaml:2: extra: unknown field 'extra' (allowed: title)"
    ]
