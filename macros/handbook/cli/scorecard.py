"""`handbook scorecard`: the kit's hire rule on the command line.

Usage: handbook scorecard ROLE-ID/LEVEL-ID AXIS=RATING ... [--json]

Prints the verdict and its reason, worked out by the same rule as the kit page's scorecard
(engine/scorecard.py). Bad input (an unknown kit, axis or rating, or an axis given twice)
prints one line to stderr naming the value and what is allowed, and exits 2.
"""

from __future__ import annotations

import json
import sys

from ..content.kits import Kit, build_kit, kit_ids
from ..content.model import Handbook
from ..engine.scorecard import RATINGS, decide

PROG = "handbook scorecard"
USAGE = f"usage: {PROG} ROLE-ID/LEVEL-ID AXIS=RATING ... [--json]"
USAGE_ERROR = 2


class ScorecardInputError(ValueError):
    """One line: the bad value and what is allowed."""


def _kit(hb: Handbook, kit_id: str) -> Kit:
    known = kit_ids(hb)
    if kit_id not in known:
        raise ScorecardInputError(f"unknown kit {kit_id!r} (known: {', '.join(known)})")
    return build_kit(hb, kit_id)


def parse_ratings(kit: Kit, pairs: list[str]) -> dict[str, str]:
    """AXIS=RATING arguments -> {axis id: rating}, checked against the kit's scorecard."""
    axes = [axis.id for axis in kit.axes]
    ratings: dict[str, str] = {}
    for pair in pairs:
        axis, sep, rating = pair.partition("=")
        if not sep:
            raise ScorecardInputError(f"expected AXIS=RATING, got {pair!r}")
        if axis not in axes:
            allowed = ", ".join(axes)
            raise ScorecardInputError(f"unknown axis {axis!r} for {kit.id} (allowed: {allowed})")
        if rating not in RATINGS:
            allowed = ", ".join(RATINGS)
            raise ScorecardInputError(f"unknown rating {rating!r} for {axis} (allowed: {allowed})")
        if axis in ratings:
            raise ScorecardInputError(f"axis {axis!r} is given twice (give each axis once)")
        ratings[axis] = rating
    return ratings


def result(hb: Handbook, kit_id: str, pairs: list[str]) -> dict:
    """The verdict for a kit and AXIS=RATING arguments, as the JSON output shows it."""
    kit = _kit(hb, kit_id)
    ratings = parse_ratings(kit, pairs)
    verdict = decide(hb.kits.hire_rule, kit.axes, ratings)
    return {
        "kit": kit.id,
        "edition": hb.edition,
        "ratings": {axis.id: ratings.get(axis.id) for axis in kit.axes},
        "verdict": verdict.verdict,
        "reason": verdict.reason,
    }


def main(argv: list[str], hb: Handbook) -> int:
    as_json = "--json" in argv
    args = [arg for arg in argv if arg != "--json"]
    if not args or args[0] in ("-h", "--help"):
        print(USAGE, file=sys.stdout if args else sys.stderr)
        return 0 if args else USAGE_ERROR
    try:
        answer = result(hb, args[0], args[1:])
    except ScorecardInputError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    if as_json:
        print(json.dumps(answer, indent=2))
    else:
        print(f"{answer['kit']}: {answer['verdict']}")
        print(answer["reason"])
    return 0
