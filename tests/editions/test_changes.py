"""Field-level comparison of snapshots of the tiny handbook: wording, links and totals."""

from __future__ import annotations

import copy

import pytest

from handbook.editions import changes, snapshot


@pytest.fixture
def base(tiny_handbook) -> dict:
    return snapshot.build(tiny_handbook)


def edit(shot: dict, edition: str = "2030.02") -> dict:
    new = copy.deepcopy(shot)
    new["edition"] = edition
    return new


def find(shot: dict, kind: str, item_id: str) -> dict:
    return next(item for item in shot[kind] if item["id"] == item_id)


def test_identical_snapshots_have_no_changes(base):
    comparison = changes.compare(base, edit(base))
    assert comparison.changes == ()
    assert comparison.summary() == ""
    assert comparison.lines() == []


def test_skill_level_change_reads_as_a_change_not_remove_plus_add(base):
    new = edit(base)
    find(new, "roles", "engineer")["skills"]["theory"] = 3
    comparison = changes.compare(base, new)
    assert comparison.lines() == ["Changed role: Engineer · theory level 2 → 3"]
    assert comparison.summary() == "1 changed"
    (change,) = comparison.changes
    assert change.url == "roles/engineer/"
    assert [kind for kind, _ in comparison.by_kind()] == ["roles"]


def test_several_fields_of_one_item_each_get_a_line(base):
    new = edit(base)
    role = find(new, "roles", "engineer")
    role["title"] = "Software engineer"
    role["skills"]["practice"] = 4
    assert changes.compare(base, new).lines() == [
        "Changed role: Software engineer · title Engineer → Software engineer",
        "Changed role: Software engineer · practice level 3 → 4",
    ]


def test_question_text_revision_keeps_before_and_after(base):
    new = edit(base)
    question = find(new, "questions", "explain-a-trade-off")
    old_text = question["text"]
    question["text"] = old_text + " Keep it short."
    (change,) = changes.compare(base, new).changes
    assert change.status == "changed" and change.kind == "questions"
    assert change.url == "questions/#explain-a-trade-off"
    (field,) = change.fields
    assert field.summary == "question text revised"
    assert field.removed == (old_text,)
    assert field.added == (old_text + " Keep it short.",)


def test_short_question_text_changes_read_inline(base):
    new = edit(base)
    find(new, "questions", "derive-a-loss")["text"] = "Derive the hinge loss."
    assert changes.compare(base, new).lines() == [
        "Changed question: Derive the hinge loss. · question text Derive the cross-entropy "
        "loss. → Derive the hinge loss."
    ]


def test_answer_guide_entries_read_as_added_and_removed_entries(base):
    new = edit(base)
    guide = find(new, "questions", "derive-a-loss")["guide"]
    gone = guide["red_flags"].pop(0)
    guide["strong"].append("Mentions label smoothing")
    (change,) = changes.compare(base, new).changes
    assert [field.summary for field in change.fields] == [
        "answer guide › strong answers: added Mentions label smoothing",
        f"answer guide › red flags: removed {gone}",
    ]


def test_many_long_entries_are_counted_and_kept(base):
    new = edit(base)
    guide = find(new, "questions", "derive-a-loss")["guide"]
    added = [f"A long strong point number {n} that says a lot about the answer" for n in range(4)]
    guide["strong"] += added
    (change,) = changes.compare(base, new).changes
    (field,) = change.fields
    assert field.summary == "answer guide › strong answers: 4 added"
    assert field.added == tuple(added) and field.removed == ()


def test_reordering_a_list_is_named_as_such(base):
    new = edit(base)
    question = find(new, "questions", "explain-a-trade-off")
    question["roles"] = question["roles"][::-1]
    assert changes.compare(base, new).lines() == [
        f"Changed question: {question['text']} · roles reordered"
    ]


def test_skill_level_scale_changes_name_the_level(base):
    new = edit(base)
    find(new, "skills", "theory")["levels"][1]["name"] = "Practising"
    assert changes.compare(base, new).lines() == [
        "Changed skill: Theory · level 2 name Working → Practising"
    ]


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
    new["calculator"]["archetypes"][0]["title"] = "Own models"
    new["calculator"]["archetypes"][0]["weights"]["scientist"] = 45
    assert changes.compare(base, new).lines() == [
        "Changed calculator: Team calculator rules · archetypes › research › title "
        "Research → Own models",
        "Changed calculator: Team calculator rules · archetypes › research › weights › "
        "scientist 40 → 45",
        "Changed calculator: Team calculator rules · max headcount 40 → 50",
    ]


def test_initial_edition_lists_its_contents_not_every_item(base):
    comparison = changes.compare(None, base)
    assert comparison.changes == () and comparison.previous is None
    assert comparison.contents() == (
        "4 roles, 3 skills, 3 questions, 3 composition rules, 3 fractional tasks, "
        "2 interviewing principles, 2 interview stages, 4 interview loops, 1 hire rule"
    )


def test_a_changed_loop_and_hire_rule_read_as_changes_of_the_kits(base):
    new = copy.deepcopy(base)
    loop = next(item for item in new["interview_loops"] if item["id"] == "engineer")
    loop["stages"] = loop["stages"][:1]
    new["hire_rules"][0]["max_no"] += 1
    comparison = changes.compare(base, new)
    assert [(c.status, c.kind, c.id, c.url) for c in comparison.changes] == [
        ("changed", "interview_loops", "engineer", "kits/"),
        ("changed", "hire_rules", "hire-rule", "kits/#hire-rule"),
    ]
    assert comparison.changes[0].label == "Interview loop: Engineer"


def test_against_an_empty_handbook_everything_is_added(base):
    comparison = changes.compare(changes.empty_snapshot(), base)
    assert {change.status for change in comparison.changes} == {"added"}
    total = sum(len(base[kind]) for kind in snapshot.ITEM_KINDS) + 1  # + the calculator
    assert len(comparison.changes) == total
    assert comparison.summary() == f"{total} added"
    assert "Added calculator: Team calculator rules" in comparison.lines()


def test_history_compares_each_edition_with_the_one_before_newest_first(base):
    first = edit(base, "2030.01")
    second = edit(first, "2030.02")
    find(second, "roles", "lead")["title"] = "Team lead"
    sections = changes.history([first, second])
    assert [(s.edition, s.previous) for s in sections] == [
        ("2030.02", "2030.01"),
        ("2030.01", None),
    ]
    assert sections[0].lines() == ["Changed role: Team lead · title Lead → Team lead"]
    assert changes.history([]) == []


def test_long_labels_are_cut_at_a_word():
    label = changes.label("questions", {"id": "q", "text": "word " * 40})
    assert label.endswith("word…") and len(label) <= changes.LABEL_LENGTH + 1
    assert changes.label("roles", {"id": "r", "title": "Short"}) == "Short"


@pytest.mark.parametrize(
    ("value", "shown"),
    [(True, "yes"), (False, "no"), (["a", "b"], "a; b"), ("two\n  lines", "two lines"), (3, "3")],
)
def test_plain_value(value, shown):
    assert changes.plain_value(value) == shown


def test_field_change_wording():
    missing = changes.MISSING
    assert changes.field_change("title", missing, "New").summary == "title added: New"
    assert changes.field_change("title", "Old", missing).summary == "title removed (was Old)"
    long = "word " * 20
    added = changes.field_change("summary", missing, long)
    assert (added.summary, added.added) == ("summary added", (long.strip(),))
    assert changes.field_change("base", True, False).summary == "base yes → no"
