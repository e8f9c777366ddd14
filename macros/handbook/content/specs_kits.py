"""The shape of data/kits.yaml: interview stages, each role's loop, the hire rule, kit edits."""

from __future__ import annotations

from ..spec.language import Id, Int, ListOf, Obj, Text, optional, required

KIT_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*/[a-z][a-z0-9]*(-[a-z0-9]+)*$"
MAX_MINUTES = 2400  # a paid trial of up to a week

HIRE_RULE = Obj(
    {
        "summary": required(Text("The rule in a sentence or two, shown on every kit page.")),
        "no_hire_at": required(
            Int(
                1,
                4,
                noun="level",
                description="A no on an axis the level needs at this level or above means no-hire.",
            )
        ),
        "max_no": required(
            Int(0, 10, noun="count", description="More no ratings than this mean no-hire.")
        ),
        "strong_hire_min": required(
            Int(
                1,
                10,
                noun="count",
                description="At least this many strong-yes, and no no, make a strong hire.",
            )
        ),
    },
    description="The scorecard's decision rule (engine/scorecard.py applies it).",
)

STAGE = Obj(
    {
        "id": required(Id("The stage's data-stage value on kit pages.")),
        "title": required(Text()),
        "minutes": required(Int(5, MAX_MINUTES, noun="minutes")),
        "interviewers": required(Text("Who interviews.")),
        "purpose": required(Text("What the stage is for and how to run it.")),
        "probes": required(
            ListOf(Id("An interview area (skill id)."), min_items=1, description="Areas probed.")
        ),
        "questions": required(
            Int(0, 6, noun="count", description="How many bank questions the stage asks.")
        ),
        "opens_with": optional(
            Id("A question the stage always starts with, in every kit whose role it suits.")
        ),
    }
)

LOOP = Obj(
    {
        "role": required(Id("A role id.")),
        "stages": required(ListOf(Id("A stage id."), min_items=2, description="In order.")),
    }
)

PIN = Obj(
    {
        "stage": required(Id("A stage of the role's loop.")),
        "question": required(Id("A question id; asked in that stage before the picked ones.")),
    }
)

KIT = Obj(
    {
        "kit": required(
            Text(
                "role-id/level-id",
                pattern=KIT_PATTERN,
                hint="is not a kit (use role-id/level-id, e.g. ml-engineer/senior)",
            )
        ),
        "pin": optional(ListOf(PIN, description="Questions an editor insists on.")),
        "exclude": optional(ListOf(Id("A question id."), description="Questions never picked.")),
    }
)

KITS = Obj(
    {
        "hire_rule": required(HIRE_RULE),
        "stages": required(ListOf(STAGE, min_items=2, description="Every stage a loop may use.")),
        "loops": required(ListOf(LOOP, min_items=1, description="One loop per role.")),
        "kits": optional(ListOf(KIT, description="Edits to single kits: pins and exclusions.")),
    },
    title="Interview kits",
)
