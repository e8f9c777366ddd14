"""`handbook scorecard` on the tiny handbook: verdicts as text and JSON, one-line errors, exit 2."""

from __future__ import annotations

import json

import pytest

from handbook.cli.scorecard import main
from handbook.content.kits import build_kit
from handbook.engine.scorecard import decide

PREFIX = "handbook scorecard: error: "


def run(capsys, hb, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv), hb)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_readable_verdict(capsys, tiny_handbook):
    code, out, err = run(
        capsys, tiny_handbook, "engineer/senior", "practice=strong-yes", "theory=yes", "culture=no"
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "engineer/senior: no-hire",
        "No on Culture, which this level needs at 3; a no on an axis needed at 3 or more means "
        "no-hire.",
    ]


def test_json_verdict_is_the_rule_of_the_kit(capsys, tiny_handbook):
    code, out, _ = run(capsys, tiny_handbook, "engineer/junior", "practice=yes", "--json")
    answer = json.loads(out)
    kit = build_kit(tiny_handbook, "engineer/junior")
    expected = decide(tiny_handbook.kits.hire_rule, kit.axes, {"practice": "yes"})
    assert code == 0
    assert answer == {
        "kit": "engineer/junior",
        "edition": "2030.01",
        "ratings": {"practice": "yes", "theory": None, "culture": None},
        "verdict": "incomplete",
        "reason": expected.reason,
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["engineer/boss"],
            "unknown kit 'engineer/boss' (known: engineer/junior, engineer/senior, "
            "scientist/junior, scientist/senior, ops/junior, ops/senior, lead/tech-lead, "
            "lead/director)",
        ),
        (
            ["engineer/senior", "maths=yes"],
            "unknown axis 'maths' for engineer/senior (allowed: practice, theory, culture)",
        ),
        (
            ["engineer/senior", "theory=maybe"],
            "unknown rating 'maybe' for theory (allowed: strong-no, no, yes, strong-yes)",
        ),
        (
            ["engineer/senior", "theory=yes", "theory=no"],
            "axis 'theory' is given twice (give each axis once)",
        ),
        (["engineer/senior", "theory"], "expected AXIS=RATING, got 'theory'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, tiny_handbook, argv, message):
    code, out, err = run(capsys, tiny_handbook, *argv)
    assert (code, out) == (2, "")
    assert err == PREFIX + message + "\n"


def test_no_arguments_prints_usage_and_exits_2(capsys, tiny_handbook):
    code, _, err = run(capsys, tiny_handbook)
    assert code == 2
    assert err == "usage: handbook scorecard ROLE-ID/LEVEL-ID AXIS=RATING ... [--json]\n"
