"""The team-composition calculator: one pure-Python engine for tests, build and browser.

Standard library only (a test enforces it): the browser copies this package and
`handbook.spec` as they are into Pyodide (BROWSER_PACKAGES) and calls
`handbook.engine.recommend_json(rules_json, request_json)`.
"""

from .grid import (
    GRID_MAX_HEADCOUNT,
    default_request,
    grid_description,
    grid_key,
    grid_requests,
    grid_setting,
)
from .request import (
    FIELD_LABELS,
    REQUEST_FIELDS,
    RequestError,
    lead_now_label,
    normalise_request,
    recommend,
    recommend_json,
    short_repr,
    whole_number,
)
from .rules import build_rules, rule_problems

BROWSER_PACKAGES = ("spec", "engine")

__all__ = [
    "BROWSER_PACKAGES",
    "FIELD_LABELS",
    "GRID_MAX_HEADCOUNT",
    "REQUEST_FIELDS",
    "RequestError",
    "build_rules",
    "default_request",
    "grid_description",
    "grid_key",
    "grid_setting",
    "grid_requests",
    "lead_now_label",
    "normalise_request",
    "recommend",
    "recommend_json",
    "rule_problems",
    "short_repr",
    "whole_number",
]
