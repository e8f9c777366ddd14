"""What the calculator spec cannot say: known ids, the generalist's constraints, complete needs.

Runs after rules_spec.CALCULATOR accepted the section's shape; reports through the same
`report(path, message)` callback as the spec language, so every problem becomes one
FILE:LINE: path: message line.
"""

from __future__ import annotations

import re
from typing import Any

from ..spec.language import Report, unknown_id
from ..spec.problems import Path
from .reasons import HIRE_PLACEHOLDERS, PLAN_PLACEHOLDERS

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def placeholder_problems(text: str, allowed: tuple[str, ...]) -> list[str]:
    """One message per {name} in text that is not among the allowed names."""
    shown = ", ".join("{" + name + "}" for name in allowed)
    return [
        f"unknown placeholder '{{{name}}}'; allowed: {shown}"
        for name in _PLACEHOLDER.findall(text)
        if name not in allowed
    ]


class RuleChecker:
    """Checks one calculator section against the roles, axes and tasks it refers to."""

    def __init__(self, rules: dict[str, Any], report: Report) -> None:
        calculator = rules["calculator"]
        self.report = report
        self.roles = [role["id"] for role in rules["roles"]]
        self.role_levels = {
            role["id"]: [level["id"] for level in role.get("levels", [])] for role in rules["roles"]
        }
        self.axes = list(rules["axes"])
        self.tasks = [task["id"] for task in rules["fractional_tasks"]]
        self.stages = [stage["id"] for stage in calculator["stages"]]
        self.data = [data["id"] for data in calculator["data_complexity"]]
        self.traits = sorted(
            {
                trait
                for archetype in calculator["archetypes"]
                for trait in archetype.get("traits", [])
            }
        )
        self.generalist = calculator["generalist"]["role"]

    def known(self, value: str, allowed: list[str], noun: str, path: Path) -> bool:
        if value in allowed:
            return True
        self.report(path, unknown_id(noun, value, allowed))
        return False

    def keys(self, mapping: dict, allowed: list[str], noun: str, path: Path) -> None:
        for key in mapping:
            self.known(key, allowed, noun, (*path, key))

    def check(self, calculator: dict[str, Any]) -> None:
        self.known(calculator["defaults"]["stage"], self.stages, "stage", ("defaults", "stage"))
        self.known(
            calculator["defaults"]["data"], self.data, "data complexity", ("defaults", "data")
        )
        most = calculator["max_headcount"]
        default = calculator.get("default_headcount")
        if default is not None and default > most:
            self.report(("default_headcount",), f"{default} is above max_headcount ({most})")
        if self.known(self.generalist, self.roles, "role", ("generalist", "role")):
            self.role_needs(calculator["roles"])
        for section, noun in (("archetypes", "archetype"), ("stages", "stage")):
            self.unique(calculator[section], section, noun)
        self.unique(calculator["data_complexity"], "data_complexity", "data complexity")
        for index, archetype in enumerate(calculator["archetypes"]):
            self.archetype(archetype, ("archetypes", index))
        for section in ("stages", "data_complexity"):
            for index, modifier in enumerate(calculator[section]):
                self.modifier(modifier, (section, index))
        for index, rule in enumerate(calculator["fractional_rules"]):
            self.fractional_rule(rule, ("fractional_rules", index))
        self.texts(calculator)
        for index, rule in enumerate(calculator["rationale_rules"]):
            path = ("rationale_rules", index)
            self.link(rule["link"], (*path, "link"))
            self.condition(rule.get("when", {}), (*path, "when"), in_fractional=False)

    def fractional_rule(self, rule: dict[str, Any], path: Path) -> None:
        self.known(rule["task"], self.tasks, "fractional task", (*path, "task"))
        self.condition(rule.get("when", {}), (*path, "when"), in_fractional=True)
        for key in ("closed_by", "before"):
            if key in rule:
                self.known(rule[key], self.roles, "role", (*path, key))
        if "before" in rule and "needed" in rule:
            self.report((*path, "before"), "give either needed or before, not both")

    def texts(self, calculator: dict[str, Any]) -> None:
        """Placeholders of the hire and plan reasons, and the roles they name."""
        path: Path = ("hire_reasons",)
        for kind, text in calculator["hire_reasons"].items():
            self.placeholders(text, HIRE_PLACEHOLDERS[kind], (*path, kind))
            if text.rstrip().endswith("."):
                self.report((*path, kind), "ends with a full stop; the calculator adds one")
        for index, reason in enumerate(calculator.get("plan_reasons", [])):
            path = ("plan_reasons", index)
            self.known(reason["role"], self.roles, "role", (*path, "role"))
            self.link(reason["link"], (*path, "link"))
            for key, allowed in PLAN_PLACEHOLDERS.items():
                if key in reason:
                    self.placeholders(reason[key], allowed, (*path, key))
        if "lead_now" in calculator:
            self.known(calculator["lead_now"]["role"], self.roles, "role", ("lead_now", "role"))

    def placeholders(self, text: str, allowed: tuple[str, ...], path: Path) -> None:
        for message in placeholder_problems(text, allowed):
            self.report(path, message)

    def unique(self, entries: list[dict], section: str, noun: str) -> None:
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            if entry["id"] in seen:
                self.report((section, index, "id"), f"duplicate {noun} id '{entry['id']}'")
            seen.add(entry["id"])

    def role_needs(self, roles: dict[str, Any]) -> None:
        for role_id, rule in roles.items():
            path = ("roles", role_id)
            if not self.known(role_id, self.roles, "role", path):
                continue
            self.levels(role_id, rule.get("levels", {}), (*path, "levels"))
            needs = rule.get("needs", [])
            if needs and role_id == self.generalist:
                self.report((*path, "needs"), f"the generalist '{role_id}' cannot need other roles")
            for index, need in enumerate(needs):
                where = (*path, "needs", index)
                self.setting(need.get("when", {}), (*where, "when"))
                known = self.known(need["role"], self.roles, "role", (*where, "role"))
                if known and need["role"] == role_id:
                    self.report((*where, "role"), f"role '{role_id}' cannot need itself")
                if "or_fractional" in need:
                    task = need["or_fractional"]
                    self.known(task, self.tasks, "fractional task", (*where, "or_fractional"))
                    if "why" not in need:
                        self.report(
                            (*where, "why"),
                            "required field is missing (the reason shown with the fractional task)",
                        )

    def levels(self, role_id: str, levels: dict[str, str], path: Path) -> None:
        for key, level_id in levels.items():
            self.known(level_id, self.role_levels[role_id], f"{role_id} level", (*path, key))

    def archetype(self, archetype: dict[str, Any], path: Path) -> None:
        needs = archetype["needs"]
        self.keys(needs, self.axes, "axis", (*path, "needs"))
        for axis in self.axes:
            if axis not in needs:
                self.report((*path, "needs"), f"missing level for base axis '{axis}'")
        weights = archetype["weights"]
        self.keys(weights, self.roles, "role", (*path, "weights"))
        if weights.get(self.generalist, 1) == 0:
            self.report(
                (*path, "weights", self.generalist), "the generalist's weight must be above 0"
            )
        for field in ("min_team", "min_share"):
            self.keys(archetype.get(field, {}), self.roles, "role", (*path, field))
        if archetype.get("min_team", {}).get(self.generalist):
            self.report(
                (*path, "min_team", self.generalist), "the generalist cannot wait for a team size"
            )
        if "rationale" in archetype:
            self.link(archetype["rationale"]["link"], (*path, "rationale", "link"))

    def modifier(self, modifier: dict[str, Any], path: Path) -> None:
        for field in ("weight_percent", "deadlines"):
            self.keys(modifier.get(field, {}), self.roles, "role", (*path, field))
        self.keys(modifier.get("needs_bonus", {}), self.axes, "axis", (*path, "needs_bonus"))
        if "rationale" in modifier:
            self.link(modifier["rationale"]["link"], (*path, "rationale", "link"))

    def setting(self, when: dict[str, Any], path: Path) -> None:
        for key, allowed, noun in (
            ("stage", self.stages, "stage"),
            ("data", self.data, "data complexity"),
        ):
            for index, item in enumerate(when.get(key, [])):
                self.known(item, allowed, noun, (*path, key, index))
        if "trait" in when:
            self.known(when["trait"], self.traits, "trait", (*path, "trait"))

    def condition(self, when: dict[str, Any], path: Path, in_fractional: bool) -> None:
        for key in ("lacks", "hires"):
            if key in when:
                self.known(when[key], self.roles, "role", (*path, key))
        self.setting(when, path)
        if in_fractional and "fractional" in when:
            self.report(
                (*path, "fractional"), "a fractional rule cannot depend on the fractional list"
            )

    def link(self, link: str, path: Path) -> None:
        parts = link.split("#")[0].strip("/").split("/")
        if parts[0] == "roles" and len(parts) == 2:
            self.known(parts[1], self.roles, "role", path)
