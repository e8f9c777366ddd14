"""The build benchmark's two sites and their figures: the handbook built strictly from scaled
data (a project copy, as the build tests make), and a plain mkdocs-material site with the same
nav and pages of the same Markdown sizes (lorem text), no macros, no hooks, no handbook.
"""

from __future__ import annotations

import json
import os
import random
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]

from content_scale import DATA, scale_data  # noqa: E402

from support import build_site, project_copy  # noqa: E402

HOOK = Path(__file__).with_name("page_sizes_hook.py")
HOOKS_LINE = "hooks:\n  - macros/main.py\n"
PYODIDE_DIR = "calculator/pyodide"
SEARCH_INDEX = "search/search_index.json"
# The snapshot's key digests the calculator rules, which list every role: each scale would make
# its own (one Node run, cached), whose size does not follow the number of pages.
BUILD_ENV = {
    "HANDBOOK_SNAPSHOT": "off",
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONDONTWRITEBYTECODE": "1",
}
LOREM = (
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut "
    "labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris"
)
WORDS = tuple(LOREM.split(" "))
PLAIN_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", {"toc": {"permalink": True}}]


class BuildFailed(RuntimeError):
    """A strict build failed; the message carries MkDocs' output."""


@dataclass(frozen=True)
class Figures:
    seconds: float  # wall time of `mkdocs build --strict`
    cpu_seconds: float  # its user + system CPU time (steadier on a shared machine)
    output_bytes: int  # everything in the site but the self-hosted Pyodide folder
    pages: int  # HTML files
    largest_path: str
    largest_bytes: int
    search_bytes: int
    html_bytes: int  # the HTML files alone
    median_page: int  # bytes of the median HTML page (grows with the nav on every page)

    @property
    def bytes_per_page(self) -> float:
        return self.output_bytes / self.pages

    @property
    def html_per_page(self) -> float:
        return self.html_bytes / self.pages


def measure(site: Path, seconds: float, cpu_seconds: float) -> Figures:
    total, pages, largest, html = 0, 0, ("", 0), []
    for path in site.rglob("*"):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or relative.startswith(PYODIDE_DIR + "/"):
            continue
        size = path.stat().st_size
        total += size
        if path.suffix == ".html":
            pages += 1
            html.append(size)
            largest = max(largest, (relative, size), key=lambda item: item[1])
    search = site / SEARCH_INDEX
    search_bytes = search.stat().st_size if search.is_file() else 0
    median = sorted(html)[len(html) // 2] if html else 0
    return Figures(seconds, cpu_seconds, total, pages, *largest, search_bytes, sum(html), median)


def timed_build(project: Path, site: Path, env: dict[str, str]) -> Figures:
    started, cpu = time.perf_counter(), _children_cpu()
    result = build_site(project, site, env={**BUILD_ENV, **env})
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
    if result.returncode != 0:
        raise BuildFailed(f"the strict build of {project} failed:\n{result.stdout}{result.stderr}")
    return measure(site, seconds, cpu)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def handbook_project(directory: Path, factor: int) -> Path:
    """A project copy whose data/ is factor x data/ (validated; ScaleError if not), with the
    page-size hook added after macros/main.py."""
    project = project_copy(directory)
    scale_data(DATA, project / "data", factor)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if HOOKS_LINE not in text:
        raise BuildFailed(f"mkdocs.yml no longer has {HOOKS_LINE!r}; update bench/bench_sites.py")
    text = text.replace(HOOKS_LINE, f"{HOOKS_LINE}  - {json.dumps(str(HOOK))}\n", 1)
    config.write_text(text, encoding="utf-8")
    return project


def build_handbook(directory: Path, factor: int) -> tuple[Figures, dict]:
    """The handbook at factor x content: its figures, and its nav and page sizes."""
    directory.mkdir(parents=True)
    project = handbook_project(directory / "project", factor)
    pages_file = directory / "pages.json"
    figures = timed_build(project, directory / "site", {"BENCH_PAGES_FILE": str(pages_file)})
    return figures, json.loads(pages_file.read_text(encoding="utf-8"))


def lorem(title: str, size: int, seed: str) -> str:
    """Markdown of about size bytes: a title, paragraphs, and a heading every sixth block."""
    rng = random.Random(seed)
    blocks, total = [f"# {title}\n\n"], len(title) + 4
    while total < size:
        count = len(blocks)
        if count % 6 == 0:
            block = f"## Section {count // 6}\n\n"
        else:
            block = " ".join(rng.choice(WORDS) for _ in range(70)).capitalize() + ".\n\n"
        blocks.append(block)
        total += len(block)
    text = "".join(blocks)
    return text if len(text) <= size else text[: max(size, len(blocks[0])) - 1].rstrip() + "\n"


def plain_project(directory: Path, pages: dict) -> Path:
    """A plain mkdocs-material project: the same nav and page paths, lorem pages of the same
    Markdown sizes, the same Markdown extensions and the search plugin only."""
    docs = directory / "docs"
    for uri, size in pages["pages"].items():
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(lorem(Path(uri).stem, size, seed=uri), encoding="utf-8")
    config = {
        "site_name": "Plain benchmark site",
        "docs_dir": "docs",
        "use_directory_urls": True,
        "validation": {"omitted_files": "info"},
        "theme": {"name": "material", "font": False, "features": ["navigation.indexes"]},
        "plugins": ["search"],
        "markdown_extensions": PLAIN_EXTENSIONS,
        "nav": pages["nav"],
    }
    (directory / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return directory


def build_plain(directory: Path, pages: dict) -> Figures:
    directory.mkdir(parents=True)
    project = plain_project(directory / "project", pages)
    return timed_build(project, directory / "site", {})


def environment_note() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} CPUs, load average {load:.2f} at the start"
