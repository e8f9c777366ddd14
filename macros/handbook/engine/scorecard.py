"""The scorecard's hire rule: ratings per axis -> verdict and reason. Standard library only.

This is the one implementation of the rule. Its parameters are editorial and come from
data/kits.yaml (`hire_rule`); the kit pages carry a JavaScript copy
(docs/assets/javascripts/scorecard-rule.js) that a test proves equal to this function over every
combination of ratings, reasons included.

Order of the checks, first match wins:
1. an axis is not rated yet: incomplete (the reason says when the ratings so far already mean
   no-hire, because no further rating can change that);
2. any strong-no: no-hire;
3. a no on an axis the level needs at `no_hire_at` or above: no-hire;
4. more than `max_no` no ratings: no-hire;
5. at least `strong_hire_min` strong-yes and no no at all: strong-hire;
6. otherwise: hire.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

RATINGS = ("strong-no", "no", "yes", "strong-yes")
VERDICTS = ("incomplete", "no-hire", "hire", "strong-hire")
RULE_FIELDS = ("no_hire_at", "max_no", "strong_hire_min")


@dataclass(frozen=True)
class Axis:
    """An axis on a scorecard: its id, its name and the level (1-4) the kit hires at."""

    id: str
    name: str
    expected: int


@dataclass(frozen=True)
class Verdict:
    verdict: str
    reason: str


def _names(axes: Sequence[Axis]) -> str:
    return ", ".join(axis.name for axis in axes)


def _no_hire_reason(rule: Mapping[str, int], rated: Sequence[tuple[Axis, str]]) -> str:
    """Why the ratings given mean no-hire, or "" when they do not (yet)."""
    strong_no = [axis for axis, rating in rated if rating == "strong-no"]
    if strong_no:
        return f"strong-no on {_names(strong_no)}; one strong-no means no-hire."
    noes = [axis for axis, rating in rated if rating == "no"]
    needed = [axis for axis in noes if axis.expected >= rule["no_hire_at"]]
    if needed:
        first = needed[0]
        return (
            f"no on {first.name}, which this level needs at {first.expected}; a no on an axis "
            f"needed at {rule['no_hire_at']} or more means no-hire."
        )
    if len(noes) > rule["max_no"]:
        return f"{len(noes)} no ratings ({_names(noes)}); more than {rule['max_no']} means no-hire."
    return ""


def decide(rule: Mapping[str, int], axes: Sequence[Axis], ratings: Mapping[str, str]) -> Verdict:
    """The verdict for ratings (axis id -> rating; absent axes are not rated yet).

    Raises ValueError for a rating that is not one of RATINGS or an axis not on the scorecard."""
    known = {axis.id for axis in axes}
    for axis_id, rating in ratings.items():
        if axis_id not in known:
            raise ValueError(f"unknown axis {axis_id!r}")
        if rating not in RATINGS:
            raise ValueError(f"unknown rating {rating!r}")
    rated = [(axis, ratings[axis.id]) for axis in axes if axis.id in ratings]
    missing = [axis for axis in axes if axis.id not in ratings]
    no_hire = _no_hire_reason(rule, rated)
    if missing:
        reason = f"{len(missing)} of {len(axes)} axes not rated yet: {_names(missing)}."
        if no_hire:
            reason += f" The ratings so far already mean no-hire: {no_hire}"
        return Verdict("incomplete", reason)
    if no_hire:
        return Verdict("no-hire", no_hire[0].upper() + no_hire[1:])
    return _hire(rule, rated)


def _hire(rule: Mapping[str, int], rated: Sequence[tuple[Axis, str]]) -> Verdict:
    strong = [axis for axis, rating in rated if rating == "strong-yes"]
    noes = [axis for axis, rating in rated if rating == "no"]
    if not noes and len(strong) >= rule["strong_hire_min"]:
        return Verdict(
            "strong-hire",
            f"Strong-yes on {len(strong)} axes ({_names(strong)}) and no no; "
            f"{rule['strong_hire_min']} or more strong-yes with no no is a strong hire.",
        )
    if noes:
        return Verdict(
            "hire",
            f"Yes or better on every axis but {_names(noes)}, which this level needs below "
            f"{rule['no_hire_at']}; the bar is met.",
        )
    return Verdict("hire", "Yes or better on every axis; the bar is met.")
