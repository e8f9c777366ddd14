"""pages/kits.py on the tiny model: kit pages, the job description, debrief and compare pages."""

from __future__ import annotations

import dataclasses
import json

from bs4 import BeautifulSoup

from handbook.content.kits import build_kit
from handbook.pages import kits
from handbook.pages.site import generated_pages


def html(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(markdown, "html.parser")


def test_every_kit_and_the_kit_pages_are_generated(tiny_handbook):
    pages = generated_pages(tiny_handbook)
    for name in ("kits/index.md", "kits/debrief.md", "roles/compare.md"):
        assert name in pages
    assert "kits/engineer/senior.md" in pages and "kits/lead/director.md" in pages


def test_a_kit_page_has_the_pinned_hooks(tiny_handbook):
    page = html(kits.kit_page(tiny_handbook, "engineer/senior", root="../../../"))
    stages = [(s["data-stage"], s["data-minutes"]) for s in page.select("[data-stage]")]
    assert stages == [("chat", "30"), ("deep", "60")]
    links = [a["href"] for a in page.select(".hb-kit-question-text a")]
    assert links == ["../../../questions/#explain-a-trade-off", "../../../questions/#ship-a-model"]
    form = page.select_one("form#scorecard")
    groups = form.select("[data-axis]")
    assert [g["data-axis"] for g in groups] == ["practice", "theory", "culture"]
    for group in groups:
        values = [i["value"] for i in group.select("input[type=radio]")]
        assert values == ["strong-no", "no", "yes", "strong-yes"]
    assert page.select_one("#verdict")["data-verdict"] == "incomplete"
    assert page.select_one("#job-description") is not None
    boot = json.loads(page.select_one("#scorecard-boot").string)
    assert boot["rule"] == {"no_hire_at": 3, "max_no": 1, "strong_hire_min": 2}
    assert boot["axes"][0] == {"id": "practice", "name": "Practice", "expected": 3}


def test_what_to_listen_for_quotes_the_guide_at_the_kits_level(tiny_handbook):
    page = html(kits.kit_page(tiny_handbook, "engineer/senior", root=""))
    listen = page.select_one('[data-question="ship-a-model"] .hb-listen').get_text()
    assert listen == "What to listen for (level 3, Strong): Explains the idea."


def test_the_job_description_markdown(tiny_handbook):
    text = kits.job_description_markdown(tiny_handbook, build_kit(tiny_handbook, "lead/director"))
    assert text.splitlines()[:3] == ["# Senior lead", "", "The lead of the tiny team."]
    assert "## People leadership\n\nManages the team.\n" in text
    assert "- **Practice** (Strong): practice at level 3." in text
    assert text.endswith(
        "## The interview process\n\n1. Deep dive (1 h, Two engineers)\n"
        "2. Chat (30 min, The manager)\n"
    )


def test_text_from_the_data_is_escaped_everywhere(tiny_handbook):
    hostile = "</script><b>x</b>{{ 7*7 }}"
    role = tiny_handbook.role("engineer")
    level = dataclasses.replace(role.levels[1], title=hostile, scope=hostile)
    role = dataclasses.replace(role, levels=(role.levels[0], level))
    hb = dataclasses.replace(tiny_handbook, roles=(role, *tiny_handbook.roles[1:]))
    for page in (
        kits.kit_page(hb, "engineer/senior", root=""),
        kits.compare_page(hb, root=""),
        kits.debrief_page(hb, root=""),
        kits.kits_index(hb, root=""),
    ):
        assert "<b>x</b>" not in page and "</script><b>" not in page


def test_the_debrief_knows_every_kit_and_its_axes(tiny_handbook):
    page = html(kits.debrief_page(tiny_handbook, root=""))
    boot = json.loads(page.select_one("#debrief-boot").string)
    assert list(boot["kits"])[:2] == ["engineer/junior", "engineer/senior"]
    assert boot["edition"] == "2030.01"
    assert boot["format"] == "ml-hiring-handbook-scorecard"


def test_compare_marks_the_rows_that_differ(tiny_handbook):
    hb = tiny_handbook
    page = html(kits.compare_page(hb, root=""))
    table = page.select_one("#compare-table")
    assert (table["data-a"], table["data-b"]) == ("engineer/junior", "engineer/senior")
    differs = {row["data-row"]: row["data-differs"] for row in table.select("tbody tr")}
    assert differs == {
        "practice": "true",
        "theory": "false",
        "culture": "true",
        "scope": "true",
        "people": "false",
    }
