"""The hand-written stylesheets are well formed: a lost brace makes the browser swallow every rule
after it without a word (a merge once dropped one and took the kits' print styles with it)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STYLESHEETS = sorted((ROOT / "docs" / "assets" / "stylesheets").glob("*.css"))
GROUP_RULES = ("@media", "@supports", "@layer", "@container")


def structure_problems(css: str) -> list[str]:
    """Unbalanced braces, and a rule opened inside a declaration block (outside @media etc.)."""
    text = re.sub(r"/\*.*?\*/", lambda m: " " * len(m.group()), css, flags=re.S)
    text = re.sub(
        r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'", lambda m: "x" * len(m.group()), text
    )
    stack: list[bool] = []  # True for a group rule, which may hold rules
    problems, start = [], 0
    for match in re.finditer(r"[{}]", text):
        line = text.count("\n", 0, match.start()) + 1
        if match.group() == "{":
            prelude = text[start : match.start()].strip()
            if stack and not stack[-1]:
                problems.append(f"line {line}: a rule opens inside a declaration block")
            stack.append(prelude.startswith(GROUP_RULES))
        elif stack:
            stack.pop()
        else:
            problems.append(f"line {line}: a closing brace closes nothing")
        start = match.end()
    if stack:
        problems.append(f"{len(stack)} block(s) never closed")
    return problems


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_stylesheet_is_well_formed(path: Path) -> None:
    assert structure_problems(path.read_text(encoding="utf-8")) == []


def test_the_check_catches_a_lost_brace() -> None:
    css = "a { color: red;\n/* next */\nb { color: blue; }\n"
    assert structure_problems(css) == [
        "line 3: a rule opens inside a declaration block",
        "1 block(s) never closed",
    ]


def test_media_rules_may_hold_rules_and_strings_may_hold_braces() -> None:
    css = '@media print { a { content: "}"; } }\n.b::after { content: "{"; }\n'
    assert structure_problems(css) == []
