"""Kit pages, the kits index, the debrief page and the role comparison: model in, Markdown out.

Every string from the data is escaped by the templates; data for the pages' scripts travels as
JSON in <script type="application/json"> elements (calculator.script_json), never as markup.
"""

from __future__ import annotations

from ..content.kits import Kit, all_kits, build_kit
from ..content.model import Handbook, Role, RoleLevel
from ..engine.scorecard import RATINGS, decide
from .calculator import script_json
from .render import render

RATING_LABELS = {"strong-no": "Strong no", "no": "No", "yes": "Yes", "strong-yes": "Strong yes"}
SCORECARD_FORMAT = "ml-hiring-handbook-scorecard"
COMPARE_DEFAULT = ("ml-engineer/senior", "mlops-engineer/senior")


def kit_url(kit_id: str) -> str:
    return f"kits/{kit_id}/"


def _axes_json(kit: Kit) -> list[dict]:
    return [{"id": a.id, "name": a.name, "expected": a.expected} for a in kit.axes]


def _boot(hb: Handbook, kit: Kit) -> dict:
    return {
        "format": SCORECARD_FORMAT,
        "edition": hb.edition,
        "kit": kit.id,
        "title": kit.level.title,
        "rule": dict(hb.kits.hire_rule),
        "axes": _axes_json(kit),
        "labels": RATING_LABELS,
    }


# Kits stay out of site search: each repeats questions, job texts and level scales whose own
# pages are indexed, so a search for a question listed every kit that asks it before its guide.
# Readers reach kits from /kits/ (indexed), the role pages and the calculator's plans.
KIT_FRONT_MATTER = "---\nsearch:\n  exclude: true\n---\n\n"


def kit_page(hb: Handbook, kit_id: str, root: str) -> str:
    kit = build_kit(hb, kit_id)
    start = decide(hb.kits.hire_rule, kit.axes, {})
    return KIT_FRONT_MATTER + render(
        "kit.md.j2",
        hb=hb,
        kit=kit,
        start=start,
        ratings=RATINGS,
        labels=RATING_LABELS,
        job_markdown=job_description_markdown(hb, kit),
        boot=script_json(_boot(hb, kit)),
        root=root,
    )


def job_description_markdown(hb: Handbook, kit: Kit) -> str:
    """The kit's job description as Markdown, for copying into a job board."""
    level, role = kit.level, kit.role
    lines = [f"# {level.title}", "", role.summary, "", "## The role", "", level.scope, ""]
    if level.people_leadership:
        lines += ["## People leadership", "", level.people_leadership, ""]
    lines += ["## What you will do", ""] + [f"- {item}" for item in role.responsibilities]
    lines += ["", "## What we look for", ""]
    for axis in kit.axes:
        scale = hb.skill(axis.id)
        description = scale.levels[axis.expected - 1].description
        lines.append(f"- **{axis.name}** ({scale.level_name(axis.expected)}): {description}")
    lines += ["", "## The interview process", ""]
    for number, item in enumerate(kit.stages, 1):
        stage = item.stage
        lines.append(f"{number}. {stage.title} ({stage.duration}, {stage.interviewers})")
    return "\n".join(" ".join(line.split()) if line else "" for line in lines) + "\n"


def kits_index(hb: Handbook, root: str) -> str:
    return render("kits.md.j2", hb=hb, kits=all_kits(hb), root=root)


def debrief_page(hb: Handbook, root: str) -> str:
    kits = {kit.id: {"title": kit.level.title, "axes": _axes_json(kit)} for kit in all_kits(hb)}
    boot = {
        "format": SCORECARD_FORMAT,
        "edition": hb.edition,
        "rule": dict(hb.kits.hire_rule),
        "kits": kits,
        "labels": RATING_LABELS,
    }
    return render("debrief.md.j2", hb=hb, boot=script_json(boot), root=root)


def comparables(hb: Handbook) -> list[tuple[str, Role, RoleLevel]]:
    """Everything the comparison can show: every level of every role, as (id, role, level)."""
    return [(f"{role.id}/{level.id}", role, level) for role in hb.roles for level in role.levels]


def compare_rows(hb: Handbook) -> list[tuple[str, str]]:
    """(skill id, name) for every area any level sets: base axes first, in skills.yaml order."""
    used = {area for _, _, level in comparables(hb) for area in level.skills}
    ordered = sorted(hb.skills, key=lambda skill: not skill.base)
    return [(skill.id, skill.name) for skill in ordered if skill.id in used]


def _compare_json(hb: Handbook) -> dict:
    items = {
        item_id: {
            "title": level.title,
            "role": role.title,
            "url": f"roles/{role.id}/#level-{level.id}",
            "scope": level.scope,
            "people": level.people_leadership,
            "skills": dict(level.skills),
        }
        for item_id, role, level in comparables(hb)
    }
    names = {skill.id: [item.name for item in skill.levels] for skill in hb.skills}
    return {"items": items, "rows": compare_rows(hb), "levelNames": names}


def compare_page(hb: Handbook, root: str) -> str:
    items = {item_id: (role, level) for item_id, role, level in comparables(hb)}
    return render(
        "compare.md.j2",
        hb=hb,
        items=items,
        rows=compare_rows(hb),
        pair=COMPARE_DEFAULT if all(i in items for i in COMPARE_DEFAULT) else tuple(items)[:2],
        boot=script_json({"root": root, **_compare_json(hb)}),
        root=root,
    )
