"""The baseline for `make bench-lighthouse`: a plain mkdocs-material site (the same theme
version, no macros, no handbook CSS or JavaScript, no web fonts) with one page per measured
page holding that page's text, taken from the built page's <article> as Markdown.

Headings stay headings, list items stay list items, tables stay tables; every other block of
text is a paragraph. Scripts, styles, SVG charts, <select> options, text areas and <noscript>
are left out (a reader does not see them as text); text hidden in a closed <details> is kept.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from bench_pages import strict_build

SKIPPED = {"script", "style", "template", "svg", "select", "textarea", "noscript"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
BLOCKS = {"p", "li", "dt", "dd", "pre", "blockquote", "caption", "figcaption", "summary"}
BLOCKS |= {"legend", "label", "div", "section", "article", "fieldset", "details", "form"}
BLOCKS |= {"ul", "ol", "dl", "figure", "header", "footer", "nav", "aside", "button"}
HEADINGS = {f"h{n}": n for n in range(1, 7)}
CELLS = {"td", "th"}
_ESCAPED = re.compile(r"([\\`*_{}\[\]()#+!|<>])")
CONFIG = """site_name: ML Hiring Handbook
docs_dir: docs
site_dir: site
theme:
  name: material
  font: false
"""


def markdown_text(text: str) -> str:
    """Collapsed text, escaped so that Markdown shows it as it reads."""
    text = _ESCAPED.sub(r"\\\1", " ".join(text.split()).replace("&", "&amp;"))
    return re.sub(r"^(\d*)([-.])", r"\1\\\2", text)  # not a list item: "- x", "1. x"


class ArticleText(HTMLParser):
    """The text of a page's outermost <article>, as Markdown blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.depth = 0  # open <article> elements
        self.skip = 0  # open elements inside a skipped one
        self.text: list[str] = []
        self.prefix = ""
        self.row: list[str] | None = None
        self.rows: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if self.skip:
            self.skip += tag not in VOID
        elif tag == "article":
            self.depth += 1
            self.flush()
        elif not self.depth:
            return
        elif tag in SKIPPED or (tag == "a" and "headerlink" in (dict(attrs).get("class") or "")):
            self.skip = 1
        elif tag == "br":
            self.text.append(" ")
        elif self.row is not None:
            self.table_start(tag)
        elif tag in HEADINGS or tag in BLOCKS or tag == "table":
            self.block_start(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def block_start(self, tag: str) -> None:
        """A new block; a list item's marker stays for a paragraph that starts the item."""
        self.flush(keep_prefix=True)
        if tag in HEADINGS:
            self.prefix = "#" * HEADINGS[tag] + " "
        elif tag == "li":
            self.prefix = "- "
        elif tag == "table":
            self.row = []

    def table_start(self, tag: str) -> None:
        if tag == "tr":
            self.row = []
        elif tag in CELLS:
            self.text = []

    def handle_endtag(self, tag):
        if self.skip:
            self.skip -= 1
        elif not self.depth:
            return
        elif self.row is not None and tag in CELLS:
            self.row.append(markdown_text("".join(self.text)))
            self.text = []
        elif self.row is not None and tag == "tr":
            self.rows.append(self.row)
        elif self.row is not None and tag == "caption":
            self.blocks.append(markdown_text("".join(self.text)))
            self.text = []
        elif tag == "table":
            self.table_end()
        elif tag in HEADINGS or tag in BLOCKS or tag == "article":
            self.flush()
            self.depth -= tag == "article"

    def table_end(self) -> None:
        rows = [row for row in self.rows if row]
        self.row, self.rows = None, []
        if rows:
            width = max(len(row) for row in rows)
            lines = [row + [""] * (width - len(row)) for row in rows]
            lines.insert(1, ["---"] * width)
            self.blocks.append("\n".join("| " + " | ".join(line) + " |" for line in lines))

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.text.append(data)

    def flush(self, keep_prefix: bool = False) -> None:
        text = markdown_text("".join(self.text))
        if text and self.row is None:
            self.blocks.append(self.prefix + text)
        self.text = []
        if text or not keep_prefix:
            self.prefix = ""


def page_markdown(html: str) -> str:
    parser = ArticleText()
    parser.feed(html)
    parser.close()
    if not parser.blocks:
        sys.exit("a measured page has no <article> text")
    return "\n\n".join(parser.blocks) + "\n"


def source_path(url_path: str) -> Path:
    """The Markdown file that builds url_path under use_directory_urls (/a/b/ -> a/b.md)."""
    parts = url_path.strip("/")
    return Path(f"{parts}.md") if parts else Path("index.md")


def built_page(site: Path, url_path: str) -> Path:
    return site / url_path.strip("/") / "index.html"


def build_plain(site: Path, url_paths: list[str], workdir: Path) -> Path:
    """Build the plain site for url_paths (text from site's pages) in workdir; its site/."""
    docs = workdir / "docs"
    for url_path in url_paths:
        html = built_page(site, url_path).read_text(encoding="utf-8")
        target = docs / source_path(url_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_markdown(html), encoding="utf-8")
    (workdir / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    result = strict_build(workdir, workdir / "site")
    if result.returncode != 0:
        sys.exit(f"the plain site did not build:\n{result.stdout}{result.stderr}")
    return workdir / "site"
