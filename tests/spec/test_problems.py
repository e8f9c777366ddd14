"""Problems: FILE:LINE: path: message, field paths in the editor's notation, DataError's text."""

from __future__ import annotations

from handbook.spec.problems import DataError, Problem, format_path


def test_format_path_reads_like_the_yaml():
    assert format_path(("roles", 2, "skills", "ml-theory")) == "roles[2].skills.ml-theory"
    assert format_path(("questions", 0, "roles", 1)) == "questions[0].roles[1]"
    assert format_path(()) == ""


def test_problem_text_with_and_without_a_path():
    assert str(Problem("data/roles.yaml", 38, "roles[0].title", "must not be empty")) == (
        "data/roles.yaml:38: roles[0].title: must not be empty"
    )
    assert str(Problem("data/roles.yaml", 1, "", "file is missing")) == (
        "data/roles.yaml:1: file is missing"
    )


def test_problems_sort_by_file_then_line():
    found = [
        Problem("b.yaml", 1, "", "x"),
        Problem("a.yaml", 9, "", "x"),
        Problem("a.yaml", 2, "", "x"),
    ]
    assert [(p.file, p.line) for p in sorted(found)] == [
        ("a.yaml", 2),
        ("a.yaml", 9),
        ("b.yaml", 1),
    ]


def test_data_error_carries_and_lists_every_problem():
    found = [Problem("a.yaml", 1, "", "one"), Problem("a.yaml", 2, "x", "two")]
    error = DataError(found)
    assert error.problems == found
    assert str(error) == "2 problems in the handbook data:\na.yaml:1: one\na.yaml:2: x: two"
    assert str(DataError(found[:1])).startswith("1 problem in the handbook data:")
