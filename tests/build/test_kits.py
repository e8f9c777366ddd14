"""The built site's kits: one page per role and level, every kit question resolves on the
question bank page, the stages carry their hooks, and role pages link each level's kit."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.content.kits import all_kits
from support import real_handbook


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def kits():
    return all_kits(real_handbook())


def test_every_kit_question_resolves_on_the_question_bank(built_site, kits):
    anchors = {node["id"] for node in soup(built_site, "questions").select("[id]")}
    for kit in kits:
        page = soup(built_site, f"kits/{kit.id}")
        links = [a["href"] for a in page.select(".hb-kit-question-text a")]
        assert [link.split("#")[1] for link in links] == list(kit.question_ids), kit.id
        for link in links:
            assert link.startswith("../../../questions/#"), link
            assert link.split("#")[1] in anchors, (kit.id, link)


def test_every_kit_page_has_its_stages_and_scorecard(built_site, kits):
    for kit in kits:
        page = soup(built_site, f"kits/{kit.id}")
        stages = [(s["data-stage"], int(s["data-minutes"])) for s in page.select("[data-stage]")]
        assert stages == [(s.stage.id, s.stage.minutes) for s in kit.stages], kit.id
        axes = [g["data-axis"] for g in page.select("form#scorecard [data-axis]")]
        assert axes == [axis.id for axis in kit.axes]
        assert page.select_one("#verdict")["data-verdict"] == "incomplete"
        assert page.select_one("#job-description") is not None
        lead = page.select_one(".hb-lead").get_text(" ", strip=True)
        long_stages = "".join(f", plus “{s.title}” over {s.duration}" for s in kit.long_stages)
        assert f"stages ({kit.interview_time} of interviews{long_stages})" in lead, lead


def test_a_paid_trial_of_days_is_not_counted_as_interview_time(built_site, kits):
    """The ML lead's loop ends with a paid trial of two working days (kits.yaml)."""
    kit = next(kit for kit in kits if kit.role.id == "ml-lead")
    assert [stage.duration for stage in kit.long_stages] == ["2 working days"]
    page = soup(built_site, f"kits/{kit.id}")
    assert " min of interviews, plus “Paid trial (consult to hire)” over 2 working days" in (
        page.select_one(".hb-lead").get_text(" ", strip=True)
    )
    cells = soup(built_site, "kits").select(f'tr[data-kit="{kit.id}"] td[data-label="Time"]')
    assert [cell.get_text() for cell in cells] == [kit.time]
    assert kit.time.endswith(" + 2 working days")


def test_role_pages_link_the_kit_of_every_level(built_site, kits):
    for kit in kits:
        page = soup(built_site, f"roles/{kit.role.id}")
        row = page.select_one(f'table.hb-levels tr[data-level="{kit.level.id}"]')
        assert row.select_one("a")["href"] == f"../../kits/{kit.id}/"


def test_the_kits_index_lists_every_kit(built_site, kits):
    rows = [row["data-kit"] for row in soup(built_site, "kits").select("tr[data-kit]")]
    assert rows == [kit.id for kit in kits]
