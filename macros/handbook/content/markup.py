"""The one markup that guide text may use: `inline code` and fenced code blocks, nothing else.

Everything else is plain text, shown as typed. `problems` says what is refused (HTML tags and
entities, Markdown links, bold, headings, unbalanced backticks, unclosed fences); `blocks`
splits accepted text into paragraphs and code blocks for the renderers, which escape it all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

FENCE = re.compile(r"^```([a-z0-9+-]*)[ \t]*$")
INLINE_CODE = re.compile(r"`([^`\n]+)`")
REFUSED = (
    (re.compile(r"<[A-Za-z/!?]"), "looks like an HTML tag; put code in backticks"),
    (
        re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);"),
        "looks like an HTML entity; type the character",
    ),
    (
        re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"),
        "Markdown links are not supported; name the page or paper",
    ),
    (re.compile(r"\*\*"), "bold markup is not supported"),
    (re.compile(r"(?m)^#{1,6} "), "headings are not supported"),
)
MARKUP_HINT = "markup allowed: `inline code` and fenced ``` blocks"


@dataclass(frozen=True)
class Block:
    """A paragraph (kind "text": runs of (is_code, text)) or a code block (kind "code")."""

    kind: str
    runs: tuple[tuple[bool, str], ...] = ()
    code: str = ""
    language: str = ""


def _split(text: str) -> tuple[list[tuple[str, str, str]], str | None]:
    """("text" | "code", body, language) chunks, or an error for an unclosed fence."""
    chunks: list[tuple[str, str, str]] = []
    lines = text.split("\n")
    prose: list[str] = []
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index].strip())
        if not opening:
            prose.append(lines[index])
            index += 1
            continue
        end = next((j for j in range(index + 1, len(lines)) if lines[j].strip() == "```"), None)
        if end is None:
            return chunks, f"a ``` fence opened on line {index + 1} of the text is never closed"
        chunks.append(("text", "\n".join(prose), ""))
        chunks.append(("code", "\n".join(lines[index + 1 : end]), opening.group(1)))
        prose = []
        index = end + 1
    chunks.append(("text", "\n".join(prose), ""))
    return chunks, None


def problems(text: str) -> list[str]:
    """What in text is not plain text, inline code or a fenced block (empty when it is fine)."""
    chunks, error = _split(text)
    if error:
        return [error]
    found: list[str] = []
    for kind, body, _ in chunks:
        if kind == "code":
            continue
        if "```" in body:
            found.append("``` must stand on a line of its own, opening and closing a block")
            continue
        if body.count("`") % 2:
            found.append("a backtick is not closed; inline code is `like this`")
            continue
        rest = INLINE_CODE.sub("", body)
        found += [
            f"{message} ({MARKUP_HINT})" for pattern, message in REFUSED if pattern.search(rest)
        ]
    return found


@lru_cache(maxsize=8192)
def blocks(text: str) -> tuple[Block, ...]:
    """Accepted text as paragraphs (split at blank lines) and code blocks (remembered: the
    same text is split again for each page that shows it)."""
    chunks, _ = _split(text)
    result: list[Block] = []
    for kind, body, language in chunks:
        if kind == "code":
            result.append(Block("code", code=body, language=language))
            continue
        for paragraph in re.split(r"\n\s*\n", body):
            words = " ".join(paragraph.split())
            if words:
                result.append(Block("text", runs=_runs(words)))
    return tuple(result)


def _runs(paragraph: str) -> tuple[tuple[bool, str], ...]:
    parts = INLINE_CODE.split(paragraph)
    return tuple((index % 2 == 1, part) for index, part in enumerate(parts) if part)
