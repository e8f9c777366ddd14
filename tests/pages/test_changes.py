"""The /changes/ page from the tiny handbook and hand-made releases: unreleased edits first,
then every edition newest first; item links, escaping and the word diff."""

from __future__ import annotations

import copy

import pytest
from bs4 import BeautifulSoup

from handbook.editions import snapshot
from handbook.editions.changes import Change, compare, empty_snapshot
from handbook.pages.changes import changes_page, linker, word_diff


@pytest.fixture
def hb(tiny_handbook):
    return tiny_handbook


@pytest.fixture
def base(hb) -> dict:
    return snapshot.build(hb)


def find(shot: dict, kind: str, item_id: str) -> dict:
    return next(item for item in shot[kind] if item["id"] == item_id)


def edition(shot: dict, name: str) -> dict:
    return {**copy.deepcopy(shot), "edition": name}


def link(href: str, text: str) -> str:
    """An item link as the page writes it (underlined: it sits in running text)."""
    return f'<a href="{href}" style="text-decoration: underline">{text}</a>'


def test_before_the_first_release_everything_is_unreleased_and_new(hb, base, tmp_path):
    page = changes_page(hb, tmp_path / "releases", root="../")
    total = len(compare(empty_snapshot(), base).changes)
    assert "## Unreleased changes {: #unreleased }" in page
    assert (
        f"No edition has been released yet, so everything in the data is new: {total} added. "
        f"It will be listed as edition {hb.edition}'s initial release once that is released."
    ) in page
    assert f"<li>{link('../roles/engineer/', 'Engineer')}</li>" in page
    assert (
        f"<li>{link('../questions/#derive-a-loss', 'Derive the cross-entropy loss.')}</li>" in page
    )
    assert f"<li>{link('../calculator/', 'Team calculator rules')}</li>" in page
    assert "## Edition" not in page
    added = BeautifulSoup(page, "html.parser").select("ul.hb-changes-added > li")
    assert len(added) == total


def test_page_lists_editions_newest_first_and_the_unreleased_edits(hb, base, tmp_path):
    first = edition(base, "2029.10")
    find(first, "roles", "engineer")["skills"]["theory"] = 1
    second = edition(first, "2029.11")
    find(second, "roles", "engineer")["skills"]["theory"] = 3
    second["questions"].append({**second["questions"][0], "id": "gone", "text": "Old <q>?"})
    for shot in (first, second):
        snapshot.write(shot, tmp_path)
    page = changes_page(hb, tmp_path, root="../")
    assert (
        page.index("## Unreleased changes since 2029\\.11 {: #unreleased }")
        < page.index("## Edition 2029\\.11 {: #edition-2029-11 }")
        < page.index("## Edition 2029\\.10: initial release {: #edition-2029-10 }")
    )
    assert "Compared with edition 2029.10: 1 added, 1 changed." in page
    role = link("../roles/engineer/", "Engineer")
    assert f"<li>{role} · theory level 1 → 3</li>" in page  # in edition 2029.11
    assert f"<li>{role} · theory level 3 → 2</li>" in page  # unreleased: the data has 2
    # The removed question is not in the current data: named (escaped), not linked.
    assert "<li>Old &lt;q&gt;?</li>" in page
    assert f"listed under edition {hb.edition} once it is released" in page


def test_page_notes_when_nothing_is_unreleased(hb, base, tmp_path):
    snapshot.write(base, tmp_path)
    page = changes_page(hb, tmp_path, root="")
    assert f"No unreleased changes: the content is edition {hb.edition} as released." in page
    assert f"The first released edition: {compare(None, base).contents()}." in page
    assert "Unreleased changes" not in page


def test_unreleased_edits_of_the_released_edition_go_to_the_next_one(hb, base, tmp_path):
    old = copy.deepcopy(base)
    old["interviewing"][0]["title"] = "An older title"
    snapshot.write(old, tmp_path)
    page = changes_page(hb, tmp_path, root="")
    assert f"## Unreleased changes since {hb.edition.replace('.', chr(92) + '.')}" in page
    assert "they will be listed under the next edition once it is released" in page
    entry = base["interviewing"][0]
    item = link(f"interviewing/#{entry['id']}", entry["title"])
    assert f"<li>{item} · title An older title → {entry['title']}</li>" in page


def test_a_revised_text_shows_before_and_after_with_the_words_marked(hb, base, tmp_path):
    old = edition(base, "2029.12")
    question = find(old, "questions", "explain-a-trade-off")
    question["text"] = "Tell me about a trade-off you explained to a customer."
    snapshot.write(old, tmp_path)
    detail = BeautifulSoup(changes_page(hb, tmp_path, root=""), "html.parser").select_one(
        ".hb-change-detail"
    )
    assert [strong.get_text() for strong in detail.find_all("strong")] == ["Before:", "After:"]
    assert [d.get_text() for d in detail.find_all("del")] == ["a customer."]
    assert [i.get_text() for i in detail.find_all("ins")] == ["someone outside the team."]


def test_word_diff_marks_only_changed_words_and_escapes():
    before, after = word_diff("Use <b> a tree.", "Use <b> a forest, then stop.")
    assert str(before) == "Use &lt;b&gt; a <del>tree.</del>"
    assert str(after) == "Use &lt;b&gt; a <ins>forest, then stop.</ins>"
    same, again = word_diff("no  change", "no change")
    assert str(same) == str(again) == "no change"


def test_linker_links_only_items_in_the_current_data(base):
    href = linker(base, "../")
    assert href(Change("changed", "roles", "engineer", "Engineer")) == "../roles/engineer/"
    assert href(Change("removed", "roles", "wizard", "Wizard")) == ""
    assert href(Change("changed", "calculator", "calculator", "Rules")) == "../calculator/"
