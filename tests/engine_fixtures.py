"""Calculator rules for the engine's tests, from the validated model (as the build gets them)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from handbook.validate import load_handbook

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@functools.cache
def _rules_json() -> str:
    return load_handbook(DATA).calculator_rules_json


def load_rules() -> dict[str, Any]:
    """A fresh copy of the rules (tests may change it freely)."""
    return json.loads(_rules_json())


def rules_json() -> str:
    """The rules as the browser receives them: one JSON string."""
    return _rules_json()
