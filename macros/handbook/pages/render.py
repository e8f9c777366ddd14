"""Pure render functions: frozen model in, Markdown/HTML fragments out (all text escaped).

Page-sized output comes from Jinja templates in templates/ (autoescaped); each names its inputs
in a comment at the top. `root` is the relative path from the page to the site root ("../../").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup, escape

from ..content.model import Handbook
from . import charts, markup, rawhtml

DIFFICULTY_LABELS = {
    "foundational": "Foundational",
    "intermediate": "Intermediate",
    "advanced": "Advanced",
}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md_inline(text: str) -> Markup:
    """Escape text for a Markdown heading: HTML-escape <, > and &, then neutralise Markdown
    syntax. Quotes stay as they are: a heading is element text, and the table of contents would
    show a character reference for them literally."""
    escaped = str(escape(text)).replace("&#39;", "'").replace("&#34;", '"')
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", escaped))


def paragraphs(text: str) -> Markup:
    """Plain text to <p> elements; a blank line separates paragraphs."""
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    return Markup("".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in parts))


@cache
def environment() -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(str(resources.files("handbook.pages") / "templates"))
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_inline
    env.filters["raw"] = rawhtml.raw
    env.filters["paras"] = paragraphs
    env.filters["prose"] = markup.prose
    env.filters["prose_inline"] = markup.prose_inline
    env.globals["question_heading"] = lambda text: markup.heading_markdown(text, md_inline)
    env.globals["question_title"] = lambda text: markup.first_paragraph(text)[0]
    env.globals["difficulty_label"] = DIFFICULTY_LABELS.get
    env.globals["skill_chart"] = charts.skill_chart
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


def role_page(hb: Handbook, role_id: str, root: str) -> str:
    role = hb.role(role_id)
    areas = [skill for skill in hb.skills if any(skill.id in lv.skills for lv in role.levels)]
    headline = next(
        (
            level
            for level in role.levels
            if all(level.skills.get(axis.id) == role.skills[axis.id] for axis in hb.base_axes)
        ),
        None,
    )
    return render(
        "role.md.j2",
        hb=hb,
        role=role,
        questions=hb.questions_for(role_id),
        areas=areas,
        headline=headline,
        root=root,
    )


def roles_overview(hb: Handbook, root: str) -> str:
    return render("roles.md.j2", hb=hb, root=root)


def skills_page(hb: Handbook, root: str) -> str:
    return render("skills.md.j2", hb=hb, root=root)


def composition_page(hb: Handbook, root: str) -> str:
    return render("composition.md.j2", hb=hb, root=root)


def interviewing_page(hb: Handbook, root: str) -> str:
    return render("interviewing.md.j2", hb=hb, root=root)


def about_page(hb: Handbook, root: str) -> str:
    return render("about.md.j2", hb=hb, root=root)


def home_page(hb: Handbook, root: str) -> str:
    return render("home.md.j2", hb=hb, root=root)


def material_page(hb: Handbook, material_id: str, root: str) -> str:
    return render("material.md.j2", hb=hb, material=hb.material(material_id), root=root)


def materials_page(hb: Handbook, root: str) -> str:
    return render("materials.md.j2", hb=hb, root=root)
