"""The shape of the calculator section of composition.yaml.

Its inside is checked by the engine itself (engine.rule_problems), so that the same checks run
wherever the engine runs; problems come back as paths and are reported at their YAML lines.
"""

from __future__ import annotations

from handbook.schema import AnyMapping

CALCULATOR = AnyMapping(
    description="Calculator rules: archetypes, stages, data complexity, weights and reasons."
)
