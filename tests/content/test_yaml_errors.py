"""YAML syntax errors read in plain words, at the right line, with a hint for the fix."""

from __future__ import annotations

import pytest

from handbook.content.errors import LoadError
from handbook.content.loader import load_text

CASES = [
    (
        "title: a\n\tsummary: b\n",
        2,
        "a tab character; YAML indents with spaces only; replace the tab with spaces",
    ),
    (
        "title: Note: this breaks\n",
        1,
        "a ': ' where YAML does not expect a new key; if the text contains ': ', put the whole "
        "text in quotes; otherwise check this line's indentation",
    ),
    (
        "title: a\nsummary\nx: 1\n",
        3,
        "a line that is neither a 'key: value' nor a list item; add the ':' after the key (with "
        "a space after it), or close a quote left open above",
    ),
    (
        'title: "never closed\n',
        2,
        "a quote that is never closed; close the \" or ' that opens the text",
    ),
    (
        "roles: [a, b\n",
        2,
        "a '[' list that is not closed; close the list with ']' and separate its items with ', '",
    ),
    (
        "when: {lacks: a\n",
        2,
        "a '{' mapping that is not closed; close it with '}' and separate its entries with ', '",
    ),
    (
        "roles:\n  - id: a\n    title: b\n   summary: c\n",
        4,
        "a line indented differently from the lines it belongs with; line it up with its "
        "siblings (same number of spaces)",
    ),
    (
        "title: a\n  summary: b\n",
        2,
        "a ': ' where YAML does not expect a new key; if the text contains ': ', put the whole "
        "text in quotes; otherwise check this line's indentation",
    ),
    (
        "title: *nothing\n",
        1,
        "an alias (*name) with no matching anchor (&name); if the text starts with '*', put it "
        "in quotes",
    ),
    (
        "title: @home\n",
        1,
        "a value that starts with a character YAML reserves; put text that starts with @, `, % "
        "or similar in quotes",
    ),
]


@pytest.mark.parametrize(("text", "line", "message"), CASES)
def test_syntax_errors_in_plain_words(text, line, message):
    with pytest.raises(LoadError) as caught:
        load_text(text)
    assert (caught.value.line, caught.value.message) == (line, f"YAML syntax error: {message}")


def test_an_empty_file():
    with pytest.raises(LoadError, match="^file is empty$"):
        load_text("# only a comment\n")
