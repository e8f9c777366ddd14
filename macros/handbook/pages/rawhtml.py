"""Finished HTML through Markdown untouched, and unparsed.

Generated pages are mostly HTML that the render functions already escaped. Python-Markdown
would parse every tag of it twice (MkDocs looks for anchor ids, then the HTML-block step finds
where each block ends), which was the largest share of a build's time. Templates mark such HTML
with the `raw` filter; this extension stores each marked region in Markdown's HTML stash before
either parser runs, so it reaches the page exactly as written. What is left for Markdown is the
page's skeleton: headings (for the table of contents and permalinks) between raw regions.

A raw region starts with a block-level tag (or a closing one), as stash entries must to stay
out of a `<p>`. The markers are HTML comments: escaped text from data/ can never contain one.
Anchor ids inside raw regions are still anchors: `anchor_ids` finds them in the built page.
"""

from __future__ import annotations

import html
import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

OPEN = "<!--hb-raw-->"
CLOSE = "<!--/hb-raw-->"
_REGION = re.compile(re.escape(OPEN) + "(.*?)" + re.escape(CLOSE), re.S)
_ID = re.compile(r"""<[a-zA-Z][^>]*?\sid=(?:"([^"]*)"|'([^']*)')""")


def raw(text: str) -> Markup:
    """The Jinja filter: text (already escaped HTML) marked to pass through Markdown as is."""
    return Markup(f"\n\n{OPEN}{text.strip()}{CLOSE}\n\n")


class _StashRaw(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if OPEN not in text:
            return lines
        stash = self.md.htmlStash
        return _REGION.sub(lambda m: f"\n\n{stash.store(m.group(1))}\n\n", text).split("\n")


class RawHtmlExtension(Extension):
    """Registered by macros/main.py for every page (a page without markers is unchanged)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After normalize_whitespace (30), before fenced code (25), MkDocs' anchor scan (21)
        # and the HTML-block step (20).
        md.preprocessors.register(_StashRaw(md), "handbook_raw_html", 29)


def anchor_ids(page_html: str) -> set[str]:
    """Every element id in a page's HTML: the anchors a link may point at."""
    return {html.unescape(a or b) for a, b in _ID.findall(page_html)}
