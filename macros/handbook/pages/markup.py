"""Guide text (content/markup.py) as HTML: paragraphs, `inline code` and code blocks, escaped.

The renderers are pure functions of their text and the same text is rendered many times (a
question appears in its guide, the bank, its roles' pages and every kit that asks it), so they
remember their last results (Markup is immutable)."""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

from ..content.markup import Block, blocks


def _runs(block: Block) -> Markup:
    return Markup("").join(
        Markup("<code>%s</code>") % text if is_code else escape(text)
        for is_code, text in block.runs
    )


def _code(block: Block) -> Markup:
    language = f' class="language-{block.language}"' if block.language else ""
    return Markup(f"<pre><code{language}>%s</code></pre>") % block.code


@lru_cache(maxsize=8192)
def prose(text: str) -> Markup:
    """Every block: <p> paragraphs with <code> runs, and <pre><code> blocks."""
    return Markup("").join(
        _code(block) if block.kind == "code" else Markup("<p>%s</p>") % _runs(block)
        for block in blocks(text)
    )


@lru_cache(maxsize=8192)
def prose_inline(text: str) -> Markup:
    """One list item's worth: paragraphs joined by line breaks, code blocks kept as blocks."""
    parts = blocks(text)
    if len(parts) == 1 and parts[0].kind == "text":
        return _runs(parts[0])
    return prose(text)


@lru_cache(maxsize=8192)
def first_paragraph(text: str) -> tuple[Markup, Markup]:
    """(the first paragraph inline, every later block): a question's heading and its body."""
    parts = blocks(text)
    head = _runs(parts[0]) if parts and parts[0].kind == "text" else Markup("")
    rest = parts[1:] if parts and parts[0].kind == "text" else parts
    body = Markup("").join(
        _code(b) if b.kind == "code" else Markup("<p>%s</p>") % _runs(b) for b in rest
    )
    return head, body


def heading_markdown(text: str, escape_inline) -> tuple[Markup, Markup]:
    """(the first paragraph as Markdown heading text, the rest as HTML): code runs become <code>,
    and every run is escaped for Markdown by escape_inline (render.md_inline)."""
    parts = blocks(text)
    if not parts or parts[0].kind != "text":
        return Markup(""), prose(text)
    head = Markup("").join(
        Markup("<code>%s</code>") % escape_inline(part) if is_code else escape_inline(part)
        for is_code, part in parts[0].runs
    )
    _, body = first_paragraph(text)
    return head, body
