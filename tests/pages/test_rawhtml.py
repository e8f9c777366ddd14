"""Marked HTML passes through Markdown as written, and its ids are still anchors."""

from __future__ import annotations

import markdown

from handbook.pages.rawhtml import CLOSE, OPEN, RawHtmlExtension, anchor_ids, raw


def convert(text: str) -> str:
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "toc", RawHtmlExtension()])
    return md.convert(text)


def test_a_raw_region_reaches_the_page_exactly_as_written():
    html = '<div class="b" data-a="1">\n\n*not emphasis*  <span>x</span>\n\n</div>'
    out = convert("# Title\n" + raw(html))
    assert html in out
    assert "<em>" not in out
    assert "<p><div" not in out


def test_headings_between_raw_regions_are_markdown_with_their_ids():
    text = (
        raw('<article class="q">') + "\n## Why *this* {: #why }\n" + raw("<p>body</p>\n</article>")
    )
    out = convert(text)
    assert out.startswith('<article class="q">')
    assert '<h2 id="why">Why <em>this</em></h2>' in out
    assert out.rstrip().endswith("</article>")


def test_text_without_markers_is_converted_as_before():
    text = 'Some *text*\n\n<div markdown="1">\n**bold**\n</div>\n'
    plain = markdown.Markdown(extensions=["attr_list", "md_in_html", "toc"]).convert(text)
    assert convert(text) == plain


def test_markers_are_comments_escaped_text_cannot_contain():
    assert OPEN.startswith("<!--") and CLOSE.startswith("<!--")
    assert raw("<p>&lt;!--hb-raw--&gt;</p>").count(OPEN) == 1


def test_anchor_ids_lists_every_element_id_unescaped():
    page = '<h2 id="a">A</h2><div class="x" id=\'b\'><li data-id="no" id="c&amp;d"></li></div>'
    assert anchor_ids(page) == {"a", "b", "c&d"}
