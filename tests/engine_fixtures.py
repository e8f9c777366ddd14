"""Calculator rules built from the handbook's data files, for the engine's tests.

Reads the YAML directly and assembles the rules with engine.build_rules. The calculator section
comes from data/composition.calculator.part.yaml while that file exists (the engine's rules are
tuned there), else from the `calculator:` section of data/composition.yaml.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import yaml

from handbook.engine import build_rules

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CALCULATOR_PART = DATA / "composition.calculator.part.yaml"


def _read(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def calculator_section() -> dict[str, Any]:
    """The calculator section: from the part file while it exists, else from composition.yaml."""
    if CALCULATOR_PART.exists():
        return yaml.safe_load(CALCULATOR_PART.read_text(encoding="utf-8"))["calculator"]
    return _read("composition.yaml")["calculator"]


@functools.cache
def _rules_json() -> str:
    skills = _read("skills.yaml")["skills"]
    axes = [skill["id"] for skill in skills if skill.get("base")]
    rules = build_rules(
        calculator_section(),
        _read("roles.yaml")["roles"],
        _read("composition.yaml")["fractional_tasks"],
        axes,
    )
    return json.dumps(rules)


def load_rules() -> dict[str, Any]:
    """A fresh copy of the rules (tests may change it freely)."""
    return json.loads(_rules_json())


def rules_json() -> str:
    """The rules as the browser receives them: one JSON string."""
    return _rules_json()
