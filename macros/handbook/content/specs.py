"""The shape of every data file, as schema specs (one source for validation and JSON Schema)."""

from __future__ import annotations

from ..engine.rules_spec import CALCULATOR
from ..spec.language import (
    Bool,
    Enum,
    Id,
    Int,
    ListOf,
    MapOf,
    Obj,
    Text,
    optional,
    required,
)
from . import markup

BASE_LEVELS = (1, 4)
DIFFICULTIES = ("foundational", "intermediate", "advanced")
EDITION_PATTERN = r"^\d{4}\.(0[1-9]|1[0-2])(\.\d+)?$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _texts(description: str, min_items: int = 1) -> ListOf:
    return ListOf(Text(), min_items=min_items, description=description)


def _entries(description: str) -> ListOf:
    """A list of {id, title, text} entries (principles, rules of thumb)."""
    entry = Obj(
        {
            "id": required(Id("Anchor on the page, kebab-case.")),
            "title": required(Text("Short heading.")),
            "text": required(Text("Plain text; a blank line starts a new paragraph.")),
        }
    )
    return ListOf(entry, min_items=1, description=description)


SOURCE = Obj(
    {
        "id": required(Id()),
        "title": required(Text()),
        "author": required(Text()),
        "publisher": optional(Text()),
        "published": optional(
            Text(
                "Date as YYYY-MM-DD, in quotes.",
                pattern=DATE_PATTERN,
                hint="is not a date in the form YYYY-MM-DD",
            )
        ),
        "note": required(Text("What the handbook takes from this source.")),
    }
)

HANDBOOK = Obj(
    {
        "title": required(Text("The handbook's name.")),
        "edition": required(
            Text(
                'Edition as YYYY.MM, in quotes (e.g. "2026.11").',
                pattern=EDITION_PATTERN,
                hint="is not an edition of the form YYYY.MM (e.g. 2026.11)",
            )
        ),
        "summary": required(Text()),
        "audience": required(_texts("Who the handbook is for.")),
        "sources": required(ListOf(SOURCE, min_items=1, description="Sources and credits.")),
        "editorial_note": required(Text("Where the handbook adds its own judgement.")),
    },
    title="Handbook metadata",
)

LEVEL = Obj(
    {
        "level": required(Int(*BASE_LEVELS, noun="level")),
        "name": required(Text()),
        "description": required(Text("What a candidate at this level looks like.")),
    }
)

SKILL = Obj(
    {
        "id": required(Id()),
        "name": required(Text()),
        "base": required(Bool("True for the four base axes every candidate is ranked on.")),
        "summary": required(Text()),
        "signals": required(_texts("Signals of strength.")),
        "skilled_at": required(_texts("What people strong on this axis are skilled at.")),
        "levels": required(ListOf(LEVEL, min_items=4, description="The area's scale: levels 1-4.")),
    }
)

SKILLS = Obj({"skills": required(ListOf(SKILL, min_items=1))}, title="Skills and interview areas")

ROLE_LEVEL = Obj(
    {
        "id": required(Id("The kit's address: /kits/<role-id>/<level-id>/.")),
        "title": required(Text('The title at this level, e.g. "Senior ML engineer".')),
        "scope": required(Text("What someone at this level owns.")),
        "changes": optional(Text("What changes from the level below (every level but the first).")),
        "skills": required(
            MapOf(
                Int(*BASE_LEVELS, noun="level"),
                description="Skill id -> expected level 1-4: every base axis, plus any further "
                "area (culture, leadership) the level's kit rates.",
            )
        ),
        "people_leadership": optional(Text("For lead levels: whom they manage and how.")),
        "judgement": optional(Text("Why these levels: the handbook's own judgement.")),
    }
)

ROLE = Obj(
    {
        "id": required(Id()),
        "title": required(Text()),
        "abbreviation": optional(Text()),
        "also_called": optional(_texts("Other names for the role.", min_items=0)),
        "summary": required(Text()),
        "responsibilities": required(_texts("What they do.")),
        "profile": required(_texts("Typical profile.")),
        "when_to_hire": required(Text()),
        "pitfalls": required(_texts("Common mistakes when hiring for this role.")),
        "skills": required(
            MapOf(Int(*BASE_LEVELS, noun="level"), description="Base axis id -> level 1-4.")
        ),
        "interview_focus": required(
            ListOf(
                Obj({"area": required(Id("A skill id.")), "why": required(Text())}),
                min_items=1,
            )
        ),
        "variants": optional(
            ListOf(
                Obj({"id": required(Id()), "title": required(Text()), "summary": required(Text())})
            )
        ),
        "levels": required(
            ListOf(ROLE_LEVEL, min_items=2, description="The role's levels, lowest first.")
        ),
    }
)

ROLES = Obj({"roles": required(ListOf(ROLE, min_items=1))}, title="Roles")


def Prose(description: str = "") -> Text:  # noqa: N802 - reads like a type in specs
    """Plain text that may hold `inline code` and fenced ``` blocks (content/markup.py)."""
    note = "Plain text; `inline code` and fenced ``` code blocks are the only markup."
    return Text(description=f"{description} {note}".strip(), refine=markup.problems)


def _prose_list(description: str, min_items: int = 1) -> ListOf:
    return ListOf(Prose(), min_items=min_items, description=description)


CALIBRATION = Obj(
    {
        f"level_{level}": required(
            Prose(f"What an answer at level {level} of the area sounds like.")
        )
        for level in (2, 3, 4)
    },
    description="What answers at levels 2, 3 and 4 of the area's scale sound like.",
)

FOLLOW_UP = Obj(
    {
        "ask": required(Prose("The follow-up question.")),
        "good_answer": required(Prose("What a good answer includes.")),
    }
)

GUIDE = Obj(
    {
        "strong": required(_prose_list("What a strong answer covers.", min_items=3)),
        "red_flags": required(_prose_list("Red flags.", min_items=1)),
        "calibration": required(CALIBRATION),
        "follow_ups": required(ListOf(FOLLOW_UP, min_items=1, description="Follow-ups.")),
    },
    description="Answer guide for interviewers.",
)

QUESTION = Obj(
    {
        "id": required(Id("Unique across all question files; the question's anchor.")),
        "text": required(Prose("The question as the interviewer asks it.")),
        "roles": required(ListOf(Id("A role id."), min_items=1)),
        "difficulty": required(Enum(DIFFICULTIES)),
        "guide": required(GUIDE),
        "materials": optional(ListOf(Id("A material id."), description="Materials to use.")),
    }
)

QUESTIONS = Obj({"questions": required(ListOf(QUESTION, min_items=1))}, title="Interview questions")

FRACTIONAL_TASK = Obj(
    {
        "id": required(Id()),
        "title": required(Text()),
        "description": required(Text()),
        "why_fractional": required(Text()),
    }
)

INTERVIEWING = Obj(
    {"principles": required(_entries("Interviewing principles."))}, title="Interviewing"
)


COMPOSITION = Obj(
    {
        "principles": required(_entries("Team-composition rules of thumb.")),
        "fractional_tasks": required(ListOf(FRACTIONAL_TASK, min_items=1)),
        "calculator": required(CALCULATOR),
    },
    title="Team composition",
)


MATERIAL_SECTION = Obj(
    {"title": required(Text("Section heading.")), "body": required(Prose("The section's text."))}
)

MATERIAL = Obj(
    {
        "id": required(Id("The material's page: /materials/<id>/.")),
        "title": required(Text()),
        "area": required(Id("The interview area it serves.")),
        "summary": required(Prose()),
        "questions": optional(ListOf(Id("A question id."), description="Questions it goes with.")),
        "sections": required(ListOf(MATERIAL_SECTION, min_items=1)),
    }
)

MATERIALS = Obj(
    {"materials": required(ListOf(MATERIAL, min_items=1))}, title="Interviewer materials"
)
