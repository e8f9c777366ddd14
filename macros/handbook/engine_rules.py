"""Assemble the calculator's rules from plain data, and check them for semantic problems.

Standard library only. Paths returned by `rule_problems` are tuples of keys and indexes into
the `calculator` section of composition.yaml, so the validator can point at the YAML line.

The calculator section (ROLE = role id, AXIS = base axis id, TASK = fractional task id):
  description, how_it_works: text; max_headcount: int; max_existing: int
  defaults: {stage: STAGE, data: DATA}
  generalist: {role: ROLE, base: int, description}   first hire; `base` existing ones make the
                                                     first new hire a specialist
  roles: {ROLE: {needs: [{role: ROLE, or_fractional: TASK, why: text}]}}   hiring gates
  archetypes: [{id, title, description, traits: [id], needs: {AXIS: 1-4},
                weights: {ROLE: 0-100} (a role left out: 0), min_team: {ROLE: int},
                min_share: {ROLE: percent}, rationale: {text, link}}]
  stages, data_complexity: [{id, title, description, weight_percent: {ROLE: percent},
                deadlines: {ROLE: hire number}, needs_bonus: {AXIS: 0-3}, rationale}]
  fractional_rules: [{task: TASK, when: CONDITION, why: text}]
  rationale_rules: [{when: CONDITION, text, link}]
  CONDITION: {lacks: ROLE, hires: ROLE, stage: [STAGE], data: [DATA], trait: id,
              existing: bool, generalist_base: bool, fractional: bool}   (all must hold)
  link: site-root-relative, e.g. 'roles/ml-lead/' or 'team-composition/#interim-lead'
"""

from __future__ import annotations

import copy
from typing import Any

from .engine_checks import ID_PATTERN, Checker, Path, show

LEVELS = (1, 4)

TOP_FIELDS = ("description", "max_headcount", "max_existing", "defaults", "generalist", "roles")
TOP_FIELDS += ("archetypes", "stages", "data_complexity", "fractional_rules", "rationale_rules")
ARCHETYPE_FIELDS = ("id", "title", "description", "needs", "weights")
ARCHETYPE_OPTIONAL = ("traits", "min_team", "min_share", "rationale")
MODIFIER_OPTIONAL = ("weight_percent", "deadlines", "needs_bonus", "rationale")
CONDITION_KEYS = ("lacks", "hires", "stage", "data", "trait", "existing", "generalist_base")
CONDITION_KEYS += ("fractional",)


def build_rules(
    calculator: dict[str, Any],
    roles: list[dict[str, Any]],
    fractional_tasks: list[dict[str, Any]],
    axes: list[str],
) -> dict[str, Any]:
    """The rules dict the engine takes: base axes, roles with their levels, tasks, calculator."""
    return {
        "axes": list(axes),
        "roles": [
            {
                "id": role["id"],
                "title": role["title"],
                "skills": {axis: role.get("skills", {}).get(axis, 0) for axis in axes},
            }
            for role in roles
        ],
        "fractional_tasks": [
            {"id": task["id"], "title": task["title"]} for task in fractional_tasks
        ],
        "calculator": copy.deepcopy(calculator),
    }


def rule_problems(rules: Any) -> list[tuple[Path, str]]:
    """Semantic problems of the rules as (path into the calculator section, message) pairs."""
    if not isinstance(rules, dict) or not isinstance(rules.get("calculator"), dict):
        return [((), "the rules need a 'calculator' mapping")]
    check = _Checker(rules)
    check.calculator(rules["calculator"])
    return check.problems


def _ids(entries: Any) -> list:
    entries = entries if isinstance(entries, list) else []
    return [entry.get("id") for entry in entries if isinstance(entry, dict)]


class _Checker(Checker):
    """Walks the calculator section, collecting problems."""

    def __init__(self, rules: dict[str, Any]) -> None:
        super().__init__(_ids(rules.get("roles")))
        self.axes = list(rules.get("axes") or [])
        self.tasks = _ids(rules.get("fractional_tasks"))
        calculator = rules["calculator"]
        self.stages = _ids(calculator.get("stages"))
        self.data = _ids(calculator.get("data_complexity"))
        self.traits = {
            trait
            for archetype in calculator.get("archetypes") or []
            if isinstance(archetype, dict) and isinstance(archetype.get("traits"), list)
            for trait in archetype["traits"]
        }
        generalist = calculator.get("generalist")
        self.generalist = generalist.get("role") if isinstance(generalist, dict) else None

    def calculator(self, calculator: dict) -> None:
        self.fields(calculator, (), TOP_FIELDS, ("how_it_works",))
        self.text(calculator.get("description"), ("description",))
        if "how_it_works" in calculator:
            self.text(calculator["how_it_works"], ("how_it_works",))
        self.whole(calculator.get("max_headcount"), ("max_headcount",), 1, 1000, "max_headcount")
        self.whole(calculator.get("max_existing"), ("max_existing",), 0, 100000, "max_existing")
        defaults = self.fields(calculator.get("defaults"), ("defaults",), ("stage", "data"))
        if "stage" in defaults:
            self.known(defaults["stage"], self.stages, "stage", ("defaults", "stage"))
        if "data" in defaults:
            self.known(defaults["data"], self.data, "data complexity", ("defaults", "data"))
        self.generalist_rule(calculator.get("generalist"))
        self.role_needs(calculator.get("roles"))
        seen: list = []
        for index, archetype in enumerate(
            self.entries(calculator.get("archetypes"), ("archetypes",))
        ):
            self.archetype(archetype, ("archetypes", index), seen)
        for section in ("stages", "data_complexity"):
            seen = []
            for index, modifier in enumerate(self.entries(calculator.get(section), (section,))):
                self.modifier(modifier, (section, index), seen)
        self.conditional_lists(calculator)

    def generalist_rule(self, value: Any) -> None:
        rule = self.fields(value, ("generalist",), ("role", "base"), ("description",))
        if "role" in rule:
            self.known(rule["role"], self.roles, "role", ("generalist", "role"))
        if "base" in rule:
            self.whole(rule["base"], ("generalist", "base"), 1, 1000, "base")
        if "description" in rule:
            self.text(rule["description"], ("generalist", "description"))

    def role_needs(self, value: Any) -> None:
        roles = self.mapping(value, ("roles",))
        for role_id, rule in roles.items():
            path = ("roles", role_id)
            if not self.known(role_id, self.roles, "role", path):
                continue
            needs = self.fields(rule, path, (), ("needs",)).get("needs", [])
            if needs and role_id == self.generalist:
                self.add(
                    path + ("needs",), f"the generalist {show(role_id)} cannot need other roles"
                )
            for index, need in enumerate(needs if isinstance(needs, list) else []):
                self.need(need, path + ("needs", index), role_id)

    def need(self, value: Any, path: Path, role_id: str) -> None:
        need = self.fields(value, path, ("role",), ("or_fractional", "why"))
        known = "role" in need and self.known(need["role"], self.roles, "role", path + ("role",))
        if known and need["role"] == role_id:
            self.add(path + ("role",), f"role {show(role_id)} cannot need itself")
        if "or_fractional" in need:
            self.known(
                need["or_fractional"], self.tasks, "fractional task", path + ("or_fractional",)
            )
            if "why" not in need:
                self.add(path, "missing field 'why' (the reason shown with the fractional task)")
        if "why" in need:
            self.text(need["why"], path + ("why",))

    def archetype(self, value: Any, path: Path, seen: list) -> None:
        archetype = self.fields(value, path, ARCHETYPE_FIELDS, ARCHETYPE_OPTIONAL)
        self.identity(archetype, path, seen)
        needs = self.numbers(
            archetype.get("needs", {}), path + ("needs",), self.axes, "axis", LEVELS
        )
        self.complete(needs, path + ("needs",), self.axes, "axis")
        weights = self.numbers(
            archetype.get("weights", {}), path + ("weights",), self.roles, "role", (0, 100)
        )
        if self.generalist in weights and weights[self.generalist] == 0:
            self.add(path + ("weights", self.generalist), "the generalist's weight must be above 0")
        min_team = self.numbers(
            archetype.get("min_team", {}), path + ("min_team",), self.roles, "role", (0, 1000)
        )
        if min_team.get(self.generalist):
            self.add(
                path + ("min_team", self.generalist), "the generalist cannot wait for a team size"
            )
        self.numbers(
            archetype.get("min_share", {}), path + ("min_share",), self.roles, "role", (0, 99)
        )
        traits = archetype.get("traits", [])
        if not isinstance(traits, list) or not all(
            isinstance(t, str) and ID_PATTERN.match(t) for t in traits
        ):
            self.add(path + ("traits",), "traits must be a list of kebab-case ids")
        if "rationale" in archetype:
            self.reason(archetype["rationale"], path + ("rationale",))

    def modifier(self, value: Any, path: Path, seen: list) -> None:
        modifier = self.fields(value, path, ("id", "title", "description"), MODIFIER_OPTIONAL)
        self.identity(modifier, path, seen)
        self.numbers(
            modifier.get("weight_percent", {}),
            path + ("weight_percent",),
            self.roles,
            "role",
            (0, 1000),
        )
        self.numbers(
            modifier.get("deadlines", {}), path + ("deadlines",), self.roles, "role", (1, 1000)
        )
        self.numbers(
            modifier.get("needs_bonus", {}), path + ("needs_bonus",), self.axes, "axis", (0, 3)
        )
        if "rationale" in modifier:
            self.reason(modifier["rationale"], path + ("rationale",))

    def conditional_lists(self, calculator: dict) -> None:
        rules = calculator.get("fractional_rules")
        for index, value in enumerate(self.entries(rules, ("fractional_rules",))):
            path = ("fractional_rules", index)
            rule = self.fields(value, path, ("task", "why"), ("when",))
            if "task" in rule:
                self.known(rule["task"], self.tasks, "fractional task", path + ("task",))
            if "why" in rule:
                self.text(rule["why"], path + ("why",))
            self.condition(rule.get("when", {}), path + ("when",), in_fractional=True)
        for index, value in enumerate(
            self.entries(calculator.get("rationale_rules"), ("rationale_rules",))
        ):
            path = ("rationale_rules", index)
            rule = self.fields(value, path, ("text", "link"), ("when",))
            self.reason({"text": rule.get("text"), "link": rule.get("link")}, path)
            self.condition(rule.get("when", {}), path + ("when",), in_fractional=False)

    def condition(self, value: Any, path: Path, in_fractional: bool) -> None:
        when = self.fields(value, path, (), CONDITION_KEYS)
        for key, wanted in when.items():
            where = path + (key,)
            if key in ("lacks", "hires"):
                self.known(wanted, self.roles, "role", where)
            elif key in ("stage", "data"):
                allowed = self.stages if key == "stage" else self.data
                if not isinstance(wanted, list) or not wanted:
                    self.add(where, f"{key} must be a non-empty list of ids")
                for index, item in enumerate(wanted if isinstance(wanted, list) else []):
                    self.known(
                        item,
                        allowed,
                        "stage" if key == "stage" else "data complexity",
                        where + (index,),
                    )
            elif key == "trait":
                self.known(wanted, sorted(self.traits), "trait (no archetype has it)", where)
            elif key in CONDITION_KEYS and not isinstance(wanted, bool):
                self.add(where, f"{key} must be true or false, got {show(wanted)}")
        if in_fractional and "fractional" in when:
            self.add(
                path + ("fractional",), "a fractional rule cannot depend on the fractional list"
            )
