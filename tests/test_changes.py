"""Field-level comparison of snapshots, its wording and links, and the /changes/ page."""

from __future__ import annotations

import copy

import pytest

from handbook import changes, snapshot
from handbook.validate import load_handbook
from support import DATA


@pytest.fixture(scope="module")
def hb():
    return load_handbook(DATA)


@pytest.fixture
def base(hb):
    return snapshot.build(hb)


def edit(shot: dict, edition: str = "2026.12") -> dict:
    new = copy.deepcopy(shot)
    new["edition"] = edition
    return new


def find(shot: dict, kind: str, item_id: str) -> dict:
    return next(item for item in shot[kind] if item["id"] == item_id)


def test_identical_snapshots_have_no_changes(base):
    comparison = changes.compare(base, edit(base))
    assert comparison.changes == ()
    assert comparison.summary() == ""


def test_skill_level_change_reads_as_a_change_not_remove_plus_add(base):
    find(base, "roles", "ml-engineer")["skills"]["ml-theory"] = 2
    new = edit(base)
    find(new, "roles", "ml-engineer")["skills"]["ml-theory"] = 3
    comparison = changes.compare(base, new)
    assert comparison.lines() == ["Changed role: ML engineer · ml-theory level 2 → 3"]
    assert comparison.summary() == "1 changed"
    (change,) = comparison.changes
    assert change.url == "roles/ml-engineer/"


def test_several_fields_of_one_item_each_get_a_line(base):
    new = edit(base)
    role = find(new, "roles", "ml-engineer")
    role["title"] = "Machine learning engineer"
    role["skills"]["ml-systems"] = role["skills"]["ml-systems"] % 4 + 1
    old_level = find(base, "roles", "ml-engineer")["skills"]["ml-systems"]
    assert changes.compare(base, new).lines() == [
        "Changed role: Machine learning engineer · title ML engineer → Machine learning engineer",
        f"Changed role: Machine learning engineer · ml-systems level {old_level} → "
        f"{role['skills']['ml-systems']}",
    ]


def test_question_text_revision_keeps_before_and_after(base):
    new = edit(base)
    question = new["questions"][0]
    old_text = question["text"]
    question["text"] = old_text + " Keep it short."
    (change,) = changes.compare(base, new).changes
    assert change.status == "changed" and change.kind == "questions"
    assert change.url == f"questions/#{question['id']}"
    (field,) = change.fields
    assert field.summary == "question text revised"
    assert field.removed == (" ".join(old_text.split()),)
    assert field.added == (" ".join((old_text + " Keep it short.").split()),)


def test_answer_guide_entries_read_as_added_and_removed_entries(base):
    new = edit(base)
    guide = new["questions"][0]["guide"]
    gone = guide["red_flags"].pop(0)
    guide["follow_ups"].append("Why?")
    (change,) = changes.compare(base, new).changes
    summaries = [field.summary for field in change.fields]
    assert summaries[1] == "answer guide › follow-ups: added Why?"
    if len(gone) <= changes.SHORT:
        assert summaries[0] == f"answer guide › red flags: removed {gone}"
    else:
        assert summaries[0] == "answer guide › red flags: 1 removed"
        assert change.fields[0].removed == (" ".join(gone.split()),)


def test_reordering_a_list_is_named_as_such(base):
    new = edit(base)
    role = find(new, "roles", "ml-engineer")
    role["pitfalls"] = role["pitfalls"][::-1]
    assert changes.compare(base, new).lines() == ["Changed role: ML engineer · pitfalls reordered"]


def test_skill_level_scale_changes_name_the_level(base):
    new = edit(base)
    level = find(new, "skills", "ml-theory")["levels"][1]
    level["name"] = "Practising"
    skill = find(base, "skills", "ml-theory")
    (line,) = changes.compare(base, new).lines()
    assert line == (
        f"Changed skill: {skill['name']} · level 2 name {skill['levels'][1]['name']} → Practising"
    )


def test_added_and_removed_items_and_their_links(base):
    new = edit(base)
    removed_rule = new["composition"].pop(0)
    new["fractional_tasks"].append(
        {"id": "red-teaming", "title": "Red teaming", "description": "d", "why_fractional": "w"}
    )
    comparison = changes.compare(base, new)
    assert comparison.lines() == [
        f"Removed composition rule: {removed_rule['title']}",
        "Added fractional task: Red teaming",
    ]
    assert [c.url for c in comparison.changes] == [
        f"team-composition/#{removed_rule['id']}",
        "team-composition/#task-red-teaming",
    ]
    assert comparison.summary() == "1 added, 1 removed"


@pytest.mark.parametrize(
    ("kind", "url"),
    [
        ("roles", "roles/x/"),
        ("questions", "questions/#x"),
        ("composition", "team-composition/#x"),
        ("fractional_tasks", "team-composition/#task-x"),
        ("skills", "skills/#x"),
        ("interviewing", "interviewing/#x"),
        ("calculator", "calculator/"),
    ],
)
def test_every_kind_links_to_its_page_or_anchor(kind, url):
    assert changes.Change("added", kind, "x", "X").url == url


def test_calculator_rules_compare_field_by_field(base):
    new = edit(base)
    new["calculator"]["max_headcount"] = base["calculator"]["max_headcount"] + 10
    archetype = new["calculator"]["archetypes"][0]
    archetype["title"] = "Own models"
    assert changes.compare(base, new).lines() == [
        f"Changed calculator: Team calculator rules · archetypes › {archetype['id']} › title "
        f"{base['calculator']['archetypes'][0]['title']} → Own models",
        f"Changed calculator: Team calculator rules · max headcount "
        f"{base['calculator']['max_headcount']} → {new['calculator']['max_headcount']}",
    ]


def test_initial_edition_lists_its_contents_not_every_item(base):
    comparison = changes.compare(None, base)
    assert comparison.changes == () and comparison.previous is None
    assert comparison.contents().startswith(f"{len(base['roles'])} roles, ")


def test_long_labels_are_cut_at_a_word():
    label = changes.label("questions", {"id": "q", "text": "word " * 40})
    assert label.endswith("word…") and len(label) <= changes.LABEL_LENGTH + 1


def test_word_diff_marks_only_changed_words_and_escapes():
    before, after = changes.word_diff("Use <b> a tree.", "Use <b> a forest, then stop.")
    assert str(before) == "Use &lt;b&gt; a <del>tree.</del>"
    assert str(after) == "Use &lt;b&gt; a <ins>forest, then stop.</ins>"


def link(href: str, text: str) -> str:
    """An item link as the page writes it (underlined: it sits in running text)."""
    return f'<a href="{href}" style="text-decoration: underline">{text}</a>'


def release(releases, shot: dict) -> None:
    snapshot.write(shot, releases)


def test_page_without_releases_says_so(hb, tmp_path):
    page = changes.changes_page(hb, tmp_path / "releases", root="../")
    assert (
        f"No edition has been released yet. The first release records edition {hb.edition} "
        "here as the initial release."
    ) in page
    assert "## Edition" not in page


def test_page_lists_editions_newest_first_and_the_unreleased_edits(hb, base, tmp_path):
    first = {**copy.deepcopy(base), "edition": "2026.10"}
    find(first, "roles", "ml-engineer")["skills"]["ml-theory"] = 2
    second = edit(first, "2026.11")
    find(second, "roles", "ml-engineer")["skills"]["ml-theory"] = 3
    second["questions"].append({**second["questions"][0], "id": "gone", "text": "Old <q>?"})
    for shot in (first, second):
        release(tmp_path, shot)
    page = changes.changes_page(hb, tmp_path, root="../")
    assert (
        page.index("## Unreleased changes since 2026\\.11 {: #unreleased }")
        < page.index("## Edition 2026\\.11 {: #edition-2026-11 }")
        < page.index("## Edition 2026\\.10: initial release {: #edition-2026-10 }")
    )
    assert "Compared with edition 2026.10: 1 added, 1 changed." in page
    role_link = link("../roles/ml-engineer/", "ML engineer")
    assert f"<li>{role_link} · ml-theory level 2 → 3</li>" in page
    # The removed question is not in this edition: named (escaped), not linked.
    assert "<li>Old &lt;q&gt;?</li>" in page
    current = hb.role("ml-engineer").skills["ml-theory"]
    if current != 3:
        assert f"ML engineer</a> · ml-theory level 3 → {current}</li>" in page


def test_page_notes_when_nothing_is_unreleased(hb, base, tmp_path):
    release(tmp_path, base)
    page = changes.changes_page(hb, tmp_path, root="")
    assert (f"No unreleased changes: the content is edition {hb.edition} as released.") in page
    assert f"The first released edition: {changes.compare(None, base).contents()}." in page
    assert "Unreleased changes since" not in page


def test_unreleased_section_names_the_next_edition(hb, base, tmp_path):
    old = {**copy.deepcopy(base), "edition": "2000.01"}
    old["interviewing"][0]["title"] = "An older title"
    release(tmp_path, old)
    page = changes.changes_page(hb, tmp_path, root="")
    assert "## Unreleased changes since 2000\\.01 {: #unreleased }" in page
    assert f"listed under edition {hb.edition} once it is released" in page
    entry = base["interviewing"][0]
    item = link(f"interviewing/#{entry['id']}", entry["title"])
    assert f"<li>{item} · title An older title → {entry['title']}</li>" in page
