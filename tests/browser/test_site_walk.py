"""Every built page, in both colour schemes, at desktop and phone width: no axe-core violation,
no Content-Security-Policy violation, no console error, no sideways scrolling, no word in a table
split across two lines, and on a phone no table scrolling inside its frame (it fits, or shows
its rows as cards). The pages come from walking the built site, so a new page is covered without
a new test."""

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

# Words (letters and digits) of table cells whose text runs over more than one line: a word the
# browser split, because its column was sized below it.
SPLIT_WORDS = r"""() => {
  const split = new Set();
  for (const cell of document.querySelectorAll("table th, table td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
        if (lines.size > 1) split.add(match[0]);
      }
    }
  }
  return [...split];
}"""
# Tables wider than the frame that lets them scroll (.hb-matrix-wrap): caption and pixels.
SCROLLING_TABLES = """() => Array.from(document.querySelectorAll(".hb-matrix-wrap"))
  .filter((frame) => frame.scrollWidth - frame.clientWidth > 1)
  .map((frame) => {
    const caption = frame.querySelector("caption");
    const name = caption ? caption.textContent : "a table";
    return `${name} (${frame.scrollWidth - frame.clientWidth}px)`;
  })"""

# The site name in the header, when the bar cuts it short (beside the edition selector).
CUT_SITE_NAME = """() => {
  const name = document.querySelector(".md-header__topic:first-child > .md-ellipsis");
  return name && name.scrollWidth - name.clientWidth > 1 ? name.textContent.trim() : null;
}"""


def layout_problems(page, width: str) -> list[str]:
    """What a reader would fight on this page at this width: sideways scrolling, split words,
    a site name the header cuts short and, on a phone, tables that scroll inside their
    frame."""
    found = []
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 1:
        found.append(f"scrolls sideways by {overflow}px")
    found += [f"a table splits the word {word!r}" for word in page.evaluate(SPLIT_WORDS)]
    cut = page.evaluate(CUT_SITE_NAME)
    if cut:
        found.append(f"the header cuts the site name {cut!r} short")
    if width == "phone":
        found += [f"table scrolls sideways: {t}" for t in page.evaluate(SCROLLING_TABLES)]
    return found


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
            found += layout_problems(page, width)
            failures += [f"{path} [{scheme}, {width}]: {problem}" for problem in found]
    finally:
        context.close()
    assert failures == [], "\n".join(failures)
