"""Guide markup: `inline code` and fenced blocks are accepted; anything else is refused with
its FILE:LINE."""

from __future__ import annotations

import pytest

from handbook.content.files import read_file
from handbook.content.markup import blocks, problems
from handbook.content.specs import Prose
from handbook.spec.language import Obj, required

SPEC = Obj({"text": required(Prose())})
HINT = "(markup allowed: `inline code` and fenced ``` blocks)"


@pytest.mark.parametrize(
    "text",
    [
        "Plain text with a * star, a < b comparison and 5 > 3.",
        "Uses `torch.compile` and `List<int>` and `a & b`.",
        "Before.\n\n```python\ndef f(xs):\n    return [x for x in xs if x < 3]\n```\nAfter.",
        "Dunder names like __init__ are text; so is snake_case_name.",
    ],
)
def test_accepted(text):
    assert problems(text) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Use <b>bold</b> here", f"looks like an HTML tag; put code in backticks {HINT}"),
        ("A &amp; B", f"looks like an HTML entity; type the character {HINT}"),
        (
            "See [docs](https://x.invalid)",
            f"Markdown links are not supported; name the page or paper {HINT}",
        ),
        ("This is **important**", f"bold markup is not supported {HINT}"),
        ("# Heading\nthen text", f"headings are not supported {HINT}"),
        ("An `unclosed span", "a backtick is not closed; inline code is `like this`"),
        ("```\nno end", "a ``` fence opened on line 1 of the text is never closed"),
        (
            "inline ```fence``` here",
            "``` must stand on a line of its own, opening and closing a block",
        ),
    ],
)
def test_refused(text, message):
    assert problems(text) == [message]


def test_refusals_point_at_the_file_and_line(tmp_path):
    path = tmp_path / "q.yaml"
    path.write_text("text: >-\n  Compare <i>this</i>\n", encoding="utf-8")
    found = [str(p) for p in read_file(path, "q.yaml", SPEC).problems]
    assert found == [f"{path}:1: text: looks like an HTML tag; put code in backticks {HINT}"]


def test_blocks_split_paragraphs_code_runs_and_fences():
    parsed = blocks("One `a<b`\ntwo.\n\n```sql\nSELECT 1;\n```\nThree.")
    assert [(b.kind, b.runs, b.code, b.language) for b in parsed] == [
        ("text", ((False, "One "), (True, "a<b"), (False, " two.")), "", ""),
        ("code", (), "SELECT 1;", "sql"),
        ("text", ((False, "Three."),), "", ""),
    ]
