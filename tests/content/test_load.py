"""content/__init__.py: the model loaded once per version of the data, and live preview's
last good model with the current problems."""

from __future__ import annotations

import hashlib
import os

import pytest

from handbook.content import DataError, load, load_for_preview
from handbook.content.files import DataFile, display_path, read_file
from handbook.spec.language import Obj, Text, required


def test_load_is_cached_until_a_file_changes(tiny_data):
    data = tiny_data.dir
    first = load(data)
    assert load(data) is first
    tiny_data.replace("handbook.yaml", "title: Tiny handbook", "title: Tiny handbook, revised")
    second = load(data)
    assert second is not first and second.title == "Tiny handbook, revised"


def test_a_changed_file_of_the_same_size_is_noticed(tiny_data):
    data = tiny_data.dir
    assert load(data).title == "Tiny handbook"
    path = data / "handbook.yaml"
    tiny_data.replace("handbook.yaml", "title: Tiny handbook", "title: Tiny handbooK")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load(data).title == "Tiny handbooK"


def test_preview_keeps_the_last_good_model_and_reports_the_problems(tiny_data):
    data = tiny_data.dir
    good, problems = load_for_preview(data)
    assert problems == [] and good.title == "Tiny handbook"
    tiny_data.replace("roles.yaml", "abbreviation: ENG", "abbreviation: no")
    kept, problems = load_for_preview(data)
    assert kept is good
    assert [p.path for p in problems] == ["roles[0].abbreviation"]
    tiny_data.replace("roles.yaml", "abbreviation: no", "abbreviation: EN")
    fixed, problems = load_for_preview(data)
    assert problems == [] and fixed.role("engineer").abbreviation == "EN"


def test_preview_of_data_that_never_validated_raises(tiny_data):
    tiny_data.write("interviewing.yaml", "")
    with pytest.raises(DataError) as error:
        load_for_preview(tiny_data.dir)
    assert [str(p) for p in error.value.problems] == tiny_data.problems()


def test_display_path_is_relative_inside_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "data" / "roles.yaml") == "data/roles.yaml"
    outside = tmp_path.parent / "elsewhere.yaml"
    assert display_path(outside) == outside.as_posix()


def test_read_file_checks_the_spec_and_reports_at_the_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "thing.yaml").write_text("# note\ntitle: 3\n", encoding="utf-8")
    data_file = read_file(tmp_path / "thing.yaml", "thing.yaml", Obj({"title": required(Text())}))
    assert [str(p) for p in data_file.problems] == [
        'thing.yaml:2: title: expected text, but YAML read 3 as a number; put it in quotes: "3"'
    ]
    assert not data_file.ok and data_file.value == {"title": 3}
    missing = read_file(tmp_path / "gone.yaml", "gone.yaml", Obj({}))
    assert [str(p) for p in missing.problems] == ["gone.yaml:1: file is missing"]
    assert missing.value is None and not missing.ok
    assert DataFile("x", "x").value is None


def test_unchanged_bytes_are_checked_once_and_each_read_gets_its_own_problems(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "thing.yaml").write_text("title: 3\nother: 1\n", encoding="utf-8")
    (tmp_path / "copy.yaml").write_text("title: 3\nother: 1\n", encoding="utf-8")
    checks = []

    class CountingText(Text):
        def check(self, value, path, report, raw):
            checks.append(path)
            return super().check(value, path, report, raw)

    spec = Obj({"title": required(CountingText())})
    first = read_file(tmp_path / "thing.yaml", "thing.yaml", spec)
    first.report(("title",), "a cross-file problem")  # as crossrefs.check adds them
    again = read_file(tmp_path / "thing.yaml", "thing.yaml", spec)
    assert len(checks) == 1
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems[:-1]]
    assert [p.message for p in again.problems][-1] == "unknown field 'other' (allowed: title)"
    same_bytes = read_file(tmp_path / "copy.yaml", "copy.yaml", spec)
    assert len(checks) == 2  # another file of the same bytes reports under its own name
    assert {p.file for p in same_bytes.problems} == {"copy.yaml"}
    wider = Obj({"title": required(CountingText()), "other": required(Text())})
    other_spec = read_file(tmp_path / "thing.yaml", "thing.yaml", wider)
    assert len(checks) == 3  # a different spec checks for itself
    assert "unknown field" not in " ".join(p.message for p in other_spec.problems)


def test_loading_leaves_the_remembered_files_as_parsed(tiny_data):
    """The loader hands the same parsed file to every load of the same bytes (loader.py), so
    nothing that checks or builds the model may change it."""
    from handbook.content import load_handbook, loader

    load_handbook(tiny_data.dir)
    paths = sorted(tiny_data.dir.rglob("*.yaml"))
    assert paths
    for path in paths:
        data = path.read_bytes()
        remembered = loader._remembered[hashlib.sha256(data).digest()]
        assert remembered == loader._load_bytes(data), path
