"""PyYAML's syntax errors in plain words, with a hint for the common mistakes."""

from __future__ import annotations

import re

import yaml

from .errors import LoadError

# (pattern over "problem | context", what is wrong, how to fix it), most specific first.
_HINTS: tuple[tuple[str, str, str], ...] = (
    (
        r"found character '\\t'",
        "a tab character",
        "YAML indents with spaces only; replace the tab with spaces",
    ),
    (
        r"mapping values are not allowed here",
        "a ': ' where YAML does not expect a new key",
        "if the text contains ': ', put the whole text in quotes; "
        "otherwise check this line's indentation",
    ),
    (
        r"could not find expected ':'",
        "a line that is neither a 'key: value' nor a list item",
        "add the ':' after the key (with a space after it), or close a quote left open above",
    ),
    (
        r"found unexpected end of stream.*quoted scalar|quoted scalar.*end of stream",
        "a quote that is never closed",
        "close the \" or ' that opens the text",
    ),
    (
        r"did not find expected ',' or '\]'|expected ',' or '\]'",
        "a '[' list that is not closed",
        "close the list with ']' and separate its items with ', '",
    ),
    (
        r"expected ',' or '\}'",
        "a '{' mapping that is not closed",
        "close it with '}' and separate its entries with ', '",
    ),
    (
        r"expected <block end>, but found '<block mapping start>'|expected <block end>",
        "a line indented differently from the lines it belongs with",
        "line it up with its siblings (same number of spaces)",
    ),
    (
        r"did not find expected key",
        "a line that does not line up with the keys above it",
        "check its indentation, and that list items start with '- '",
    ),
    (
        r"did not find expected '-' indicator",
        "a list whose items do not line up",
        "start every item with '- ' at the same indentation",
    ),
    (
        r"found undefined alias",
        "an alias (*name) with no matching anchor (&name)",
        "if the text starts with '*', put it in quotes",
    ),
    (
        r"while scanning an (alias|anchor)",
        "a '*' or '&' at the start of a value",
        "put text that starts with '*' or '&' in quotes",
    ),
    (
        r"found character '[@`%|>]' that cannot start any token|cannot start any token",
        "a value that starts with a character YAML reserves",
        "put text that starts with @, `, % or similar in quotes",
    ),
    (
        r"found unacceptable character|special characters are not allowed",
        "a control character YAML does not allow",
        "delete it (it is often pasted in invisibly) and save the file as plain UTF-8",
    ),
)


def syntax_error(error: yaml.MarkedYAMLError) -> LoadError:
    """One LoadError at the error's line: what is wrong in plain words, and a hint."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    detail = f"{error.problem or ''} | {error.context or ''}"
    for pattern, what, hint in _HINTS:
        if re.search(pattern, detail):
            return LoadError(line, f"YAML syntax error: {what}; {hint}")
    problem = error.problem or "not valid YAML"
    if error.context and error.context.startswith("while"):
        problem = f"{problem} ({error.context})"
    elif error.context:
        problem = f"{error.context}, {problem}"
    return LoadError(line, f"YAML syntax error: {problem}")
