"""Every built page, in both colour schemes, at desktop and phone width: no axe-core violation,
no Content-Security-Policy violation, no console error, no sideways scrolling. The pages come
from walking the built site, so a new page is covered without a new test."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import AXE, run_axe

WIDTHS = {"desktop": 1280, "phone": 375}
SCHEMES = ("light", "dark")
RECORD = """
window.__problems = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__problems.push(`CSP ${event.violatedDirective}: ${event.blockedURI || "inline"}`);
});
"""


def site_pages(site: Path) -> list[str]:
    """URL paths of every HTML page of the built site (the 404 page included)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(("calculator/pyodide/", "assets/")):
            continue
        pages.append("/" + relative.removesuffix("index.html"))
    return pages


@pytest.fixture(scope="module")
def pages(built_site) -> list[str]:
    found = site_pages(built_site)
    assert "/" in found and "/404.html" in found and "/questions/" in found
    return found


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_page_is_accessible_and_runs_under_its_policy(
    browser, site_server, pages, scheme, width
):
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": 900}, color_scheme=scheme
    )
    context.add_init_script(RECORD)
    context.add_init_script(path=str(AXE))  # init scripts are not subject to the page's policy
    failures: list[str] = []
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda msg: console.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: console.append(str(error)))
    try:
        for path in pages:
            console.clear()
            page.goto(site_server.url(path))
            page.wait_for_load_state("load")
            page.wait_for_timeout(150)
            found = [f"axe {v['id']}: {v['nodes'][:3]}" for v in run_axe(page)]
            found += page.evaluate("window.__problems")
            found += [f"console: {text}" for text in console if "favicon" not in text]
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 1:
                found.append(f"scrolls sideways by {overflow}px")
            failures += [f"{path} [{scheme}, {width}]: {problem}" for problem in found]
    finally:
        context.close()
    assert failures == [], "\n".join(failures)
