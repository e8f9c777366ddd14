"""The colour-scheme toggle: the system's scheme before first paint, a reader's choice kept."""

from __future__ import annotations

import pytest

SCHEME = "() => document.body.dataset.mdColorScheme"
SCHEME_IS = "(name) => document.body.dataset.mdColorScheme === name"
VISIBLE_TOGGLE = "form[data-hb-palette] label:not([hidden])"


@pytest.fixture
def dark_page(browser):
    context = browser.new_context(color_scheme="dark")
    yield context.new_page()
    context.close()


def test_the_system_scheme_is_on_the_page_before_any_script_file_runs(browser, site_server):
    context = browser.new_context(color_scheme="dark", java_script_enabled=True)
    page = context.new_page()
    # Block every script file: only the inline script in the header may set the scheme.
    page.route("**/*.js", lambda route: route.abort())
    page.goto(site_server.url("/roles/ml-engineer/"))
    assert page.evaluate(SCHEME) == "slate"
    assert page.locator(VISIBLE_TOGGLE).get_attribute("title") == "Switch to light mode"
    assert page.locator("form[data-hb-palette] label").count() == 2
    context.close()


def test_switching_restyles_the_page_and_the_choice_holds_on_the_next_page(dark_page, site_server):
    page = dark_page
    page.goto(site_server.url("/"))
    assert page.evaluate(SCHEME) == "slate"
    page.locator(VISIBLE_TOGGLE).click()
    page.wait_for_function(SCHEME_IS, arg="default")
    assert page.locator(VISIBLE_TOGGLE).get_attribute("title") == "Switch to dark mode"
    assert page.evaluate("() => document.querySelector('meta[name=theme-color]').content") == (
        "#4051b5"  # mkdocs-material's indigo header
    )
    page.goto(site_server.url("/skills/"))
    assert page.evaluate(SCHEME) == "default"  # although the system still prefers dark
    assert page.evaluate("() => document.querySelector('meta[name=theme-color]').content") == (
        "#4051b5"
    )


def test_the_keyboard_switches_too(dark_page, site_server):
    page = dark_page
    page.goto(site_server.url("/"))
    page.locator("#__palette_1").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(SCHEME_IS, arg="default")
    page.keyboard.press("Enter")
    page.wait_for_function(SCHEME_IS, arg="slate")
