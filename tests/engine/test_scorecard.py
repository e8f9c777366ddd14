"""engine/scorecard.py: the hire rule, over every combination of ratings of a small scorecard."""

from __future__ import annotations

import itertools

import pytest

from handbook.engine.scorecard import RATINGS, Axis, Verdict, decide

RULE = {"no_hire_at": 3, "max_no": 1, "strong_hire_min": 2}
AXES = (
    Axis("practice", "Practice", 3),
    Axis("theory", "Theory", 2),
    Axis("systems", "Systems", 4),
    Axis("culture", "Culture", 1),
)
STATES = (None, *RATINGS)  # None: not rated yet


def every_combination(axes=AXES):
    for states in itertools.product(STATES, repeat=len(axes)):
        yield {axis.id: state for axis, state in zip(axes, states, strict=True) if state}


def test_every_combination_follows_the_bar():
    seen = set()
    for ratings in every_combination():
        verdict = decide(RULE, AXES, ratings).verdict
        seen.add(verdict)
        values = list(ratings.values())
        if len(ratings) < len(AXES):
            assert verdict == "incomplete", ratings
        elif "strong-no" in values:
            assert verdict == "no-hire", ratings
        elif all(value == "strong-yes" for value in values):
            assert verdict in ("hire", "strong-hire"), ratings
        if verdict in ("hire", "strong-hire"):
            assert "strong-no" not in values
            assert all(ratings[a.id] != "no" for a in AXES if a.expected >= 3), ratings
    assert seen == {"incomplete", "no-hire", "hire", "strong-hire"}


def test_one_strong_no_is_a_no_hire_whatever_else():
    ratings = dict.fromkeys(("practice", "theory", "systems"), "strong-yes")
    assert decide(RULE, AXES, {**ratings, "culture": "strong-no"}) == Verdict(
        "no-hire", "Strong-no on Culture; one strong-no means no-hire."
    )


def test_a_no_on_an_axis_needed_at_three_is_a_no_hire():
    ratings = {"practice": "no", "theory": "yes", "systems": "yes", "culture": "yes"}
    assert decide(RULE, AXES, ratings) == Verdict(
        "no-hire",
        "No on Practice, which this level needs at 3; a no on an axis needed at 3 or more "
        "means no-hire.",
    )


def test_one_no_below_the_threshold_passes_and_two_do_not():
    ratings = {"practice": "yes", "theory": "no", "systems": "strong-yes", "culture": "yes"}
    assert decide(RULE, AXES, ratings) == Verdict(
        "hire",
        "Yes or better on every axis but Theory, which this level needs below 3; the bar is met.",
    )
    assert decide(RULE, AXES, {**ratings, "culture": "no"}) == Verdict(
        "no-hire", "2 no ratings (Theory, Culture); more than 1 means no-hire."
    )


def test_strong_hire_needs_enough_strong_yes_and_no_no():
    ratings = {"practice": "strong-yes", "theory": "yes", "systems": "strong-yes", "culture": "yes"}
    assert decide(RULE, AXES, ratings) == Verdict(
        "strong-hire",
        "Strong-yes on 2 axes (Practice, Systems) and no no; 2 or more strong-yes with no no is "
        "a strong hire.",
    )
    assert decide(RULE, AXES, {**ratings, "culture": "no"}).verdict == "hire"


def test_incomplete_names_what_is_missing_and_an_early_no_hire():
    assert decide(RULE, AXES, {"practice": "yes"}) == Verdict(
        "incomplete", "3 of 4 axes not rated yet: Theory, Systems, Culture."
    )
    assert decide(RULE, AXES, {"practice": "strong-no"}) == Verdict(
        "incomplete",
        "3 of 4 axes not rated yet: Theory, Systems, Culture. The ratings so far already mean "
        "no-hire: strong-no on Practice; one strong-no means no-hire.",
    )


@pytest.mark.parametrize(
    ("ratings", "message"),
    [({"practice": "maybe"}, "unknown rating 'maybe'"), ({"nope": "yes"}, "unknown axis 'nope'")],
)
def test_unknown_ratings_and_axes_are_refused(ratings, message):
    with pytest.raises(ValueError, match=message):
        decide(RULE, AXES, ratings)
