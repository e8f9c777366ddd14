"""SVG skill-profile charts, generated at build time, each with a text alternative."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..content.model import Handbook, Role

ROW_HEIGHT = 30
LABEL_WIDTH = 190
BAR_WIDTH = 200
MAX_LEVEL = 4


def describe_profile(hb: Handbook, role: Role) -> str:
    """The chart's text alternative: every axis with its level and level name."""
    levels = [(axis, role.skills[axis.id]) for axis in hb.base_axes]
    parts = [
        f"{axis.name}: {level} of {MAX_LEVEL} ({axis.level_name(level)})" for axis, level in levels
    ]
    return "; ".join(parts)


def skill_chart(hb: Handbook, role: Role, prefix: str = "chart") -> Markup:
    """A horizontal bar chart of a role's base-axis levels, as accessible inline SVG."""
    axes = hb.base_axes
    height = ROW_HEIGHT * len(axes) + 10
    width = LABEL_WIDTH + BAR_WIDTH + 40
    title_id, desc_id = f"{prefix}-{role.id}-title", f"{prefix}-{role.id}-desc"
    rows = []
    for index, axis in enumerate(axes):
        level = role.skills[axis.id]
        y = index * ROW_HEIGHT + 5
        bar = BAR_WIDTH * level / MAX_LEVEL
        rows.append(
            f'<text x="0" y="{y + 19}" class="hb-chart-label">{escape(axis.name)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{BAR_WIDTH}" height="20" '
            f'class="hb-chart-track"/>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{bar:g}" height="20" '
            f'class="hb-chart-bar hb-level-{level}"/>'
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 8}" y="{y + 19}" class="hb-chart-value">'
            f"{level}/{MAX_LEVEL}</text>"
        )
    return Markup(
        f'<svg class="hb-chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-labelledby="{title_id} {desc_id}">'
        f'<title id="{title_id}">Skill profile: {escape(role.title)}</title>'
        f'<desc id="{desc_id}">{escape(describe_profile(hb, role))}</desc>'
        + "".join(rows)
        + "</svg>"
    )
