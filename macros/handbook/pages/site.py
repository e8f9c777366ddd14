"""What the MkDocs edge (macros/main.py) needs from the pages room, in one place."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from ..content.kits import kit_ids
from ..content.model import Handbook
from . import calculator, kits, memo, offline, questions, rebuild, render, snapshot, themed
from .calculator import MissingPyodide, assets, grid_json, start_grid_plans
from .changes import changes_page
from .csp import with_policy
from .nav import nav_title, navigation
from .offline import offline_assets, page_assets
from .paths import root_of
from .rawhtml import RawHtmlExtension, anchor_ids
from .snapshot import Snapshot, SnapshotError

__all__ = [
    "CalculatorBuild",
    "MissingPyodide",
    "RawHtmlExtension",
    "Snapshot",
    "SnapshotError",
    "anchor_ids",
    "assets",
    "calculator_build",
    "check_pyodide",
    "with_policy",
    "footer",
    "generated_pages",
    "grid_json",
    "memo",
    "nav_title",
    "navigation",
    "offline_assets",
    "page_assets",
    "page_macros",
    "problem_banner",
    "rebuild",
    "root_of",
    "start_grid_plans",
    "themed",
    "versions_json",
]


def check_pyodide(project_root: Path) -> None:
    """Raise MissingPyodide when the npm package is not installed."""
    calculator.pyodide_dir(project_root)


def versions_json(hb: Handbook) -> str:
    """versions.json for a build outside mike (`make build`, `make serve`), so the theme's
    edition selector finds the one edition instead of a 404; mike's own file replaces it in
    the published tree, where each edition sits one folder below it. The one edition is the
    newest, so it carries the `latest` alias (extra.version.default): without it the theme would
    call it "an older edition" in its banner."""
    return json.dumps([{"version": hb.edition, "title": hb.edition, "aliases": ["latest"]}])


@dataclass(frozen=True)
class CalculatorBuild:
    """What this build's calculator is made of: its snapshot (if any) and its key."""

    edition: str
    key: str
    snapshot: Snapshot | None
    head_data: Markup

    def service_worker(self, page: list[str]) -> tuple[str, str]:
        """(site path, script) of the service worker, given the calculator page's assets."""
        files = offline.offline_files(self.snapshot, page)
        return offline.SERVICE_WORKER, offline.service_worker(self.edition, self.key, files)


def calculator_build(hb: Handbook, project_root: Path, with_snapshot: bool) -> CalculatorBuild:
    """Make (or take from the cache) the snapshot, unless told not to; SnapshotError if it
    cannot be made."""
    directory = calculator.pyodide_dir(project_root)
    made = None
    if with_snapshot:
        cache = snapshot.cache_dir(project_root)
        made = snapshot.ensure_snapshot(directory, hb.calculator_rules_json, cache)
    key = offline.build_key(hb, made, snapshot.pyodide_version(directory))
    return CalculatorBuild(hb.edition, key, made, offline.head_data(hb, made, key))


def footer(hb: Handbook) -> str:
    return f"{nav_title(hb.title)} · edition {nav_title(hb.edition)}"


def generated_pages(hb: Handbook) -> dict[str, str]:
    """docs-relative path -> finished Markdown for every page generated from the data alone."""
    pages = {
        f"roles/{role.id}.md": render.role_page(hb, role.id, root=root_of(f"roles/{role.id}/"))
        for role in hb.roles
    }
    pages["roles/compare.md"] = kits.compare_page(hb, root=root_of("roles/compare/"))
    pages["kits/index.md"] = kits.kits_index(hb, root=root_of("kits/"))
    pages["kits/debrief.md"] = kits.debrief_page(hb, root=root_of("kits/debrief/"))
    for kit_id in kit_ids(hb):
        pages[f"kits/{kit_id}.md"] = kits.kit_page(hb, kit_id, root=root_of(f"kits/{kit_id}/"))
    pages.update(questions.generated_question_pages(hb))
    pages["materials/index.md"] = render.materials_page(hb, root=root_of("materials/"))
    for item in hb.materials:
        root = root_of(f"materials/{item.id}/")
        pages[f"materials/{item.id}.md"] = render.material_page(hb, item.id, root=root)
    return pages


def page_macros(releases: Path) -> dict[str, Callable[..., str]]:
    """Macro name -> renderer(hb, *args, root=...) for the hand-written pages in docs/."""
    return {
        "roles_overview": render.roles_overview,
        "skills_page": render.skills_page,
        "questions_page": questions.questions_index,
        "composition_page": render.composition_page,
        "interviewing_page": render.interviewing_page,
        "about_page": render.about_page,
        "home_page": render.home_page,
        "calculator_page": calculator.calculator_page,
        "changes_page": lambda hb, root: changes_page(hb, releases, root=root),
    }


def problem_banner(problems: list[str]) -> Markup:
    """The live-preview banner: every FILE:LINE: path: message, escaped."""
    items = Markup("").join(Markup("<li><code>%s</code></li>") % problem for problem in problems)
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    return Markup(
        '<div class="hb-data-problems" role="alert" id="data-problems">'
        "<p><strong>%s %s in the data.</strong> This preview shows the last version that "
        "validated; fix the lines below and the page reloads.</p><ul>%s</ul></div>"
    ) % (escape(str(count)), noun, items)
