"""The shape of the calculator section of composition.yaml, in the one spec language.

The same spec checks the data (with FILE:LINE messages, through handbook.content) and produces
the section's JSON Schema. What a spec cannot say (that an id is known, that the generalist has
no needs) is checked in rules_check.py and reported the same way.
"""

from __future__ import annotations

import re

from ..spec.language import Bool, Enum, Id, Int, ListOf, MapOf, Obj, Text, optional, required

LINK_SEGMENT = r"[a-z0-9]+(-[a-z0-9]+)*"
LINK_PATTERN = rf"^{LINK_SEGMENT}/({LINK_SEGMENT}/)?(#{LINK_SEGMENT})?$"
LINK_HINT = (
    "is not a site-relative link like 'roles/ml-engineer/' or "
    "'team-composition/#start-with-generalists'"
)
LEVELS = (1, 4)


def _link(description: str = "Site-root-relative page, e.g. roles/ml-lead/.") -> Text:
    return Text(description=description, pattern=LINK_PATTERN, hint=LINK_HINT)


REASON = Obj(
    {"text": required(Text("Shown to the reader.")), "link": required(_link())},
    description="A reason shown with the plan, and the handbook page that explains it.",
)


def _per_id(low: int, high: int, noun: str, description: str) -> MapOf:
    """A mapping from role or axis ids to whole numbers (which ids: rules_check.py)."""
    return MapOf(Int(low, high, noun=noun), description=description)


CONDITION = Obj(
    {
        "lacks": optional(Id("Holds when the finished team has nobody in this role.")),
        "hires": optional(Id("Holds when the plan hires this role.")),
        "stage": optional(ListOf(Id(), min_items=1, description="Holds at these stages.")),
        "data": optional(ListOf(Id(), min_items=1, description="Holds at these data levels.")),
        "trait": optional(Id("Holds when the archetype has this trait.")),
        "existing": optional(Bool("Whether there is an existing team.")),
        "generalist_base": optional(Bool("Whether the existing team is the generalist base.")),
        "fractional": optional(Bool("Whether the plan lists fractional tasks.")),
    },
    description="Every condition given must hold.",
)

SETTING = Obj(
    {
        "stage": optional(ListOf(Id(), min_items=1, description="Holds at these stages.")),
        "data": optional(ListOf(Id(), min_items=1, description="Holds at these data levels.")),
        "trait": optional(Id("Holds when the archetype has this trait.")),
    },
    description="Every condition given must hold (the request's settings only).",
)

NEED = Obj(
    {
        "role": required(Id("A role that must be on the team first.")),
        "from": optional(Int(1, 1000, noun="hire of the role")),
        "when": optional(SETTING),
        "or_fractional": optional(Id("A fractional task that also meets the need.")),
        "why": optional(Text("Shown with the fractional task when it meets the need.")),
    },
    description="from: applies from the n-th person in the role (default 1).",
)

HIRE_LEVELS = Obj(
    {
        "first": optional(Id("The level of the role's first hire (links to that level's kit).")),
        "later": optional(Id("The level of every later hire into the role.")),
        "employed": optional(Id("The level assumed for people the team already employs.")),
    },
    description="Each defaults to the role's headline level (the one its `skills` equal).",
)

HIRE_REASON_KINDS = (
    "generalist_first",
    "specialist_first",
    "stage_deadline",
    "data_deadline",
    "lead_now",
    "foundation",
    "min_share",
    "span",
    "span_first",
    "weight",
    "fallback",
    "unblocked",
)

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def template_syntax(text: str) -> list[str]:
    """A reason template's braces are {name} placeholders, nothing else (which names each text
    may use: rules_check.py)."""
    rest = _PLACEHOLDER.sub("", text)
    if "{" in rest or "}" in rest:
        return ["braces are only for placeholders such as {role}"]
    return []


def Template(description: str = "") -> Text:  # noqa: N802 - reads like a type in specs
    return Text(description=description, refine=template_syntax)


HIRE_REASONS = Obj(
    {kind: required(Template()) for kind in HIRE_REASON_KINDS},
    description=(
        "Why each hire is made, by the decision behind it; {name} placeholders are filled in "
        "(which ones each text may use: engine/rules_check.py). No final full stop."
    ),
)

PLAN_REASON = Obj(
    {
        "role": required(Id("The role this reason is about.")),
        "hired": required(Template("When the plan hires the role.")),
        "missing": optional(Template("When nobody holds the role after the plan.")),
        "link": required(_link()),
    },
    description="A plan-level reason generated from the plan's positions and counts.",
)

LEAD_NOW = Obj(
    {
        "role": required(Id("The lead role the request's lead_now brings forward.")),
        "by_hire": required(Int(1, 1000, noun="hire number")),
        "label": required(Text("The form's label for the choice.")),
    }
)

ARCHETYPE = Obj(
    {
        "id": required(Id()),
        "title": required(Text()),
        "description": required(Text()),
        "traits": optional(ListOf(Id(), description="Tags conditions can refer to.")),
        "needs": required(_per_id(*LEVELS, "level", "Base axis id -> level 1-4 needed.")),
        "weights": required(_per_id(0, 100, "weight", "Role id -> share (a role left out: 0).")),
        "min_team": optional(_per_id(0, 1000, "team size", "Team size before the first hire.")),
        "min_share": optional(_per_id(0, 99, "share", "Percent of the team to stay above.")),
        "rationale": optional(REASON),
    }
)

MODIFIER = Obj(
    {
        "id": required(Id()),
        "title": required(Text()),
        "description": required(Text()),
        "weight_percent": optional(_per_id(0, 1000, "percent", "Multiplies weights (100: same).")),
        "deadlines": optional(_per_id(1, 1000, "hire number", "Hired no later than this hire.")),
        "needs_bonus": optional(_per_id(0, 3, "bonus", "Added to the archetype's need.")),
        "rationale": optional(REASON),
        "prelaunch": optional(Bool("Whether the product has not launched yet at this stage.")),
    }
)

FRACTIONAL_RULE = Obj(
    {
        "task": required(Id("A fractional task id.")),
        "when": optional(CONDITION),
        "closed_by": optional(Id("The gap closes when this role joins the team.")),
        "needed": optional(Enum(("now", "before-launch"), "When the task is needed.")),
        "before": optional(Id("Needed before the first hire of this role (instead of needed).")),
        "why": required(Text()),
    }
)

CALCULATOR = Obj(
    {
        "description": required(Text("What the calculator's rules are and where they come from.")),
        "how_it_works": optional(Text("How a plan is built, shown on the calculator page.")),
        "max_headcount": required(Int(1, 1000, noun="max_headcount")),
        "max_existing": required(Int(0, 100000, noun="max_existing")),
        "default_headcount": optional(Int(1, 1000, noun="default_headcount")),
        "defaults": required(
            Obj({"stage": required(Id("A stage id.")), "data": required(Id("A data id."))})
        ),
        "generalist": required(
            Obj(
                {
                    "role": required(Id("The role every team starts with.")),
                    "base": required(Int(1, 1000, noun="base")),
                    "description": optional(Text()),
                }
            )
        ),
        "roles": required(
            MapOf(
                Obj(
                    {
                        "needs": optional(ListOf(NEED)),
                        "levels": optional(HIRE_LEVELS),
                        "span": optional(Int(1, 1000, noun="span")),
                    }
                ),
                description="Role id -> what must be on the team before its first hire, the "
                "levels its hires come in at, and its span: one more of it joins before anyone in "
                "it would have more than this many others (with nobody in it: before the others "
                "outnumber the span), never straight after another.",
            )
        ),
        "archetypes": required(ListOf(ARCHETYPE, min_items=1)),
        "stages": required(ListOf(MODIFIER, min_items=1)),
        "data_complexity": required(ListOf(MODIFIER, min_items=1)),
        "max_fractional": optional(Int(1, 100, noun="max_fractional")),
        "fractional_rules": required(ListOf(FRACTIONAL_RULE, min_items=1)),
        "hire_reasons": required(HIRE_REASONS),
        "plan_reasons": optional(ListOf(PLAN_REASON)),
        "lead_now": optional(LEAD_NOW),
        "rationale_rules": required(
            ListOf(
                Obj(
                    {
                        "when": optional(CONDITION),
                        "text": required(Text()),
                        "link": required(_link()),
                    }
                ),
                min_items=1,
            )
        ),
    },
    description="Calculator rules: archetypes, stages, data complexity, weights and reasons.",
)
