"""Kit pages in Chromium: the scorecard's verdict as an interviewer rates, kept across a reload
and cleared, Markdown and JSON exports, the debrief of two exports (and refused files), the
comparison of two levels, and a kit printed to PDF on A4 and Letter without the site's chrome."""

from __future__ import annotations

import io
import json

import pypdf
import pytest

from browser_support import run_axe
from handbook.cli.scorecard import result as cli_result
from handbook.content.kits import build_kit
from support import real_handbook

KIT = "ml-engineer/senior"
NAV_TEXT = ("Interview materials", "Team composition", "What changed", "Contributing", "Search")


@pytest.fixture(scope="module")
def hb():
    return real_handbook()


def rate(page, ratings: dict[str, str]) -> None:
    for axis, rating in ratings.items():
        page.check(f'#scorecard [data-axis="{axis}"] input[value="{rating}"]')


def verdict(page) -> tuple[str, str]:
    return (
        page.get_attribute("#verdict", "data-verdict"),
        page.text_content("#verdict-reason").strip(),
    )


def export(page, button: str, tmp_path, name: str):
    with page.expect_download() as info:
        page.click(button)
    path = tmp_path / name
    info.value.save_as(path)
    return path


def fill_card(page, hb, interviewer: str, ratings: dict[str, str]) -> None:
    page.fill("#scorecard-interviewer", interviewer)
    page.fill("#scorecard-candidate", "Ada")
    rate(page, ratings)


def test_the_kit_page_has_its_stages_and_the_verdict_follows_the_rule_like_the_cli(
    page, site_server, hb
):
    kit = build_kit(hb, KIT)
    page.goto(site_server.url(f"/kits/{KIT}/"))
    stages = page.eval_on_selector_all(
        "[data-stage]", "nodes => nodes.map(n => [n.dataset.stage, Number(n.dataset.minutes)])"
    )
    assert stages == [[s.stage.id, s.stage.minutes] for s in kit.stages]
    axes = [axis.id for axis in kit.axes]
    assert (
        page.eval_on_selector_all("form#scorecard [data-axis]", "n => n.map(x => x.dataset.axis)")
        == axes
    )
    assert verdict(page)[0] == "incomplete"
    ratings = dict.fromkeys(axes, "yes")
    steps = [
        ({axes[0]: "yes"}, "incomplete"),
        (ratings, "hire"),
        (
            {**ratings, axes[0]: "strong-yes", axes[1]: "strong-yes", axes[3]: "strong-yes"},
            "strong-hire",
        ),
        ({**ratings, axes[0]: "strong-no"}, "no-hire"),
    ]
    for given, expected in steps:
        page.goto(site_server.url(f"/kits/{KIT}/"))
        page.click("#scorecard-clear")
        rate(page, given)
        cli = cli_result(hb, KIT, [f"{a}={r}" for a, r in given.items()])
        assert verdict(page) == (expected, cli["reason"]) == (cli["verdict"], cli["reason"])


def test_ratings_survive_a_reload_until_cleared_and_export_as_markdown(
    page, site_server, hb, tmp_path
):
    kit = build_kit(hb, KIT)
    first = kit.axes[0]
    page.goto(site_server.url(f"/kits/{KIT}/"))
    page.click("#scorecard-clear")
    fill_card(page, hb, "Grace", {first.id: "no"})
    page.fill(f"#evidence-{first.id}", "Never shipped | a model")
    page.reload()
    assert page.is_checked(f'[data-axis="{first.id}"] input[value="no"]')
    assert page.input_value(f"#evidence-{first.id}") == "Never shipped | a model"
    assert verdict(page)[0] == "incomplete"
    markdown = export(page, "#scorecard-markdown", tmp_path, "card.md").read_text()
    assert markdown.startswith(f"# Scorecard: {kit.level.title}\n")
    assert "- Interviewer: Grace\n" in markdown
    assert f"| {first.name} | {first.expected} | No | Never shipped \\| a model |" in markdown
    page.click("#scorecard-clear")
    assert page.text_content("#scorecard-status") == "Scorecard cleared from this browser."
    page.reload()
    assert not page.is_checked(f'[data-axis="{first.id}"] input[value="no"]')
    keys = page.evaluate("() => Object.keys(window.localStorage)")
    assert [key for key in keys if key.startswith("handbook-scorecard:")] == []


def test_two_exports_load_into_the_debrief_and_bad_files_are_refused(
    page, site_server, hb, tmp_path
):
    kit = build_kit(hb, KIT)
    axes = [axis.id for axis in kit.axes]
    page.goto(site_server.url(f"/kits/{KIT}/"))
    page.click("#scorecard-clear")
    fill_card(page, hb, "Grace", dict.fromkeys(axes, "yes"))
    one = export(page, "#scorecard-json", tmp_path, "grace.json")
    page.click("#scorecard-clear")
    fill_card(page, hb, "Linus", {**dict.fromkeys(axes, "yes"), axes[0]: "strong-no"})
    two = export(page, "#scorecard-json", tmp_path, "linus.json")
    card = json.loads(one.read_text())
    assert (card["kit"], card["edition"], card["verdict"]) == (KIT, hb.edition, "hire")
    bad = {
        "notes.json": "{not json",
        "other-kit.json": json.dumps({**card, "kit": "ml-lead/director"}),
        "impossible.json": json.dumps({**card, "ratings": {**card["ratings"], axes[1]: "maybe"}}),
        "old.json": json.dumps({**card, "edition": "2020.01"}),
        "list.json": "[1, 2]",
    }
    for name, text in bad.items():
        (tmp_path / name).write_text(text)
    page.goto(site_server.url("/kits/debrief/"))
    page.set_input_files("#debrief-files", [str(one), str(two)])
    page.wait_for_selector("#debrief-table thead th:nth-child(3)")
    page.set_input_files("#debrief-files", [str(tmp_path / name) for name in bad])
    page.wait_for_function("() => document.querySelectorAll('.hb-debrief-error').length === 5")
    errors = page.eval_on_selector_all(".hb-debrief-error", "n => n.map(x => x.textContent)")
    assert errors == [
        "notes.json: is not valid JSON. Not loaded.",
        f"other-kit.json: comes from kit ml-lead/director; the scorecards loaded so far are from "
        f"kit {KIT}. Not loaded.",
        f"impossible.json: holds an impossible rating 'maybe' for {axes[1]} (allowed: strong-no, "
        "no, yes, strong-yes). Not loaded.",
        f"old.json: comes from edition 2020.01; this debrief is for edition {hb.edition}. "
        "Not loaded.",
        "list.json: is not a scorecard exported from a kit page of this handbook. Not loaded.",
    ]
    heads = page.eval_on_selector_all("#debrief-table thead th", "n => n.map(x => x.textContent)")
    assert heads == ["Axis (needed level)", "Grace", "Linus", "Agreement"]
    disagree = page.eval_on_selector_all(
        '#debrief-table tr[data-disagree="true"]', "n => n.map(x => x.dataset.axis)"
    )
    assert disagree == [axes[0]]
    verdicts = page.eval_on_selector_all(
        '#debrief-table tr[data-row="verdict"] td[data-verdict]',
        "n => n.map(x => x.dataset.verdict)",
    )
    assert verdicts == ["hire", "no-hire"]
    page.fill("#debrief-paste", two.read_text())
    page.click("#debrief-add")
    assert page.locator("#debrief-table thead th").count() == 5
    assert run_axe(page) == []


def test_compare_two_levels_with_the_selection_in_the_address(page, site_server, hb):
    page.goto(site_server.url("/roles/compare/?a=ml-engineer/senior&b=mlops-engineer/senior"))
    differs = page.eval_on_selector_all(
        '#compare-body tr[data-differs="true"]', "n => n.map(x => x.dataset.row)"
    )
    mle, mlops = hb.role("ml-engineer").level("senior"), hb.role("mlops-engineer").level("senior")
    expected = [s for s in (x.id for x in hb.skills) if mle.skills.get(s) != mlops.skills.get(s)]
    assert differs == [s for s in expected if s in mle.skills or s in mlops.skills] + ["scope"]
    page.select_option("#compare-b", "ml-lead/director")
    assert page.url.endswith("?a=ml-engineer%2Fsenior&b=ml-lead%2Fdirector")
    assert page.text_content("#compare-caption") == "Senior ML engineer compared with ML director"
    assert page.get_attribute('#compare-body tr[data-row="people"]', "data-differs") == "true"
    assert run_axe(page) == []


def test_compare_shows_a_default_without_javascript(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url("/roles/compare/"))
    assert page.text_content("#compare-caption").strip() == (
        "Senior ML engineer compared with Senior MLOps engineer"
    )
    assert not page.is_visible("#compare-form")
    assert page.locator(".hb-all-levels tbody tr").count() >= 10
    context.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_kit_prints_without_site_chrome_and_the_scorecard_on_its_own_page(
    page, site_server, hb, paper
):
    kit = build_kit(hb, KIT)
    page.goto(site_server.url(f"/kits/{KIT}/"))
    page.emulate_media(media="print")
    assert not page.is_visible(".md-header")
    assert not page.is_visible(".md-sidebar--primary")
    assert not page.is_visible(".md-footer")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
    texts = [p.extract_text() for p in pdf.pages]
    assert 3 <= len(texts) <= 12, len(texts)
    for word in NAV_TEXT:
        assert all(word not in text for text in texts), word
    scorecard = next(i for i, text in enumerate(texts) if "Rate each axis against" in text)
    assert texts[scorecard].lstrip().startswith("Scorecard")
    assert kit.stages[0].stage.title in "".join(texts[:scorecard])


@pytest.mark.parametrize("path", ["/kits/", f"/kits/{KIT}/", "/kits/debrief/", "/roles/compare/"])
def test_kit_pages_have_no_axe_violations_and_stay_on_their_origin(
    page, site_server, foreign_requests, path
):
    page.goto(site_server.url(path))
    page.wait_for_load_state("networkidle")
    if path == f"/kits/{KIT}/":
        page.check('#scorecard [data-axis="culture"] input[value="no"]')
        page.click("#copy-job-description")  # no clipboard permission: the fallback appears
        page.wait_for_timeout(400)
    assert run_axe(page) == []
    assert foreign_requests == []
