"""Guide markup renders escaped: code stays code, nothing becomes live HTML."""

from __future__ import annotations

from handbook.pages.markup import heading_markdown, prose, prose_inline
from handbook.pages.render import md_inline


def test_inline_code_and_text_are_escaped():
    assert str(prose_inline("Use `<script>` & <b> text")) == (
        "Use <code>&lt;script&gt;</code> &amp; &lt;b&gt; text"
    )


def test_code_blocks_keep_their_lines_and_escape_them():
    html = str(prose("Read:\n\n```python\nif a < b:\n    print('<i>')\n```"))
    assert html == (
        '<p>Read:</p><pre><code class="language-python">if a &lt; b:\n'
        "    print(&#39;&lt;i&gt;&#39;)</code></pre>"
    )


def test_a_question_heading_is_its_first_paragraph_escaped_for_markdown():
    head, body = heading_markdown("What does `a*b` print? #1\n\n```\nx = 1\n```", md_inline)
    assert str(head) == r"What does <code>a\*b</code> print? \#1"
    assert str(body) == "<pre><code>x = 1</code></pre>"
