"""Build speed and size at 1x, 10x and 100x content (`make bench-build`), each beside a plain
mkdocs-material site with the same nav and pages of the same Markdown sizes, built in the same
run.

For each scale: bench/content_scale.py writes N x the questions and roles into a project copy
(validated by the handbook's own validator), which is built with `mkdocs build --strict` as the
build tests build it (tests/support.py), and HANDBOOK_SNAPSHOT=off; a MkDocs hook records each
page's final Markdown size and the nav, from which the plain site is made. Printed per site:
build wall time, output size without the self-hosted Pyodide folder, the largest page and the
search index size; then the goals, each met or not met.

BENCH_SCALES=1,10 picks the scales (default 1,10,100). BENCH_RUNS=N (default 3) builds each
site N times, each from a fresh copy (cold caches, as on a clean clone), handbook and plain in
turn so that both see the same machine load; the times shown are the medians, each run's wall
time listed below the scale. Exit status 1 when a scale could not be built (its problems are
printed); goals not met do not change it.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from bench_sites import BuildFailed, Figures, build_handbook, build_plain, environment_note
from content_scale import ScaleError

DEFAULT_SCALES = "1,10,100"
TIME_GROWTH_GOAL = 10.0  # 10x / 1x build time
PLAIN_RATIO_GOAL = 1.2  # handbook / plain build time at 10x
LARGEST_PAGE_GOAL = 1_000_000  # bytes, at 10x
PER_PAGE_GOAL = 1.5  # bytes per page, largest scale / smallest scale: roughly flat
SNAPSHOT_NOTE = (
    "Calculator snapshot: off in every build (HANDBOOK_SNAPSHOT=off). It does depend on the "
    "content scale, but only through the calculator rules, which list every role: each scale "
    "would make its own with one Node run (cached by its key), a fixed cost whose size does not "
    "follow the number of pages. Not measured here."
)


def scales() -> list[int]:
    text = os.environ.get("BENCH_SCALES") or DEFAULT_SCALES
    try:
        found = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        sys.exit(f"BENCH_SCALES: whole numbers separated by commas, not {text!r}")
    if not found or found[0] < 1:
        sys.exit(f"BENCH_SCALES: whole numbers of 1 or more, not {text!r}")
    return found


def runs() -> int:
    text = os.environ.get("BENCH_RUNS") or "3"
    if not text.isdigit() or int(text) < 1:
        sys.exit(f"BENCH_RUNS: a whole number of 1 or more, not {text!r}")
    return int(text)


def mb(n: float) -> str:
    return f"{n / 1_000_000:,.2f} MB"


def row(scale: int, site: str, f: Figures) -> str:
    largest = f"{f.largest_path} {mb(f.largest_bytes)}"
    return (
        f"{scale:>4}x  {site:<8} {f.pages:>6} {f.seconds:>7.1f} {f.cpu_seconds:>6.1f} "
        f"{mb(f.output_bytes):>11} {f.bytes_per_page:>9,.0f} {f.html_per_page:>8,.0f} "
        f"{f.median_page:>8,} {mb(f.search_bytes):>9}  {largest}"
    )


HEADER = (
    "scale  site      pages  wall s  cpu s     output*   B/page*   HTML/p   median    search  "
    "largest page\n(wall s: build wall time; cpu s: its CPU time; * without calculator/pyodide/; "
    "HTML/p: HTML bytes per page; median: the median HTML page's bytes)"
)


def print_problems(scale: int, error: ScaleError, data_dir: str) -> None:
    """The first problem of each file (paths relative to the project), so that a root cause
    such as a file over the loader's size limit shows beside what follows from it."""
    print(
        f"{scale:>4}x  not built: the scaled data does not validate ({len(error.problems)} "
        "problems; the first of each file):"
    )
    firsts: dict[str, str] = {}
    for problem in error.problems:
        firsts.setdefault(problem.file, str(problem).replace(data_dir, "data"))
    for line in firsts.values():
        print(f"        {line}")


def run_scale(scale: int, directory: Path, count: int) -> tuple[Figures, Figures] | None:
    handbooks, plains = [], []
    for run in range(count):
        try:
            handbook, pages = build_handbook(directory / f"handbook-{run}", scale)
        except ScaleError as error:
            print_problems(scale, error, str(directory / f"handbook-{run}" / "project" / "data"))
            return None
        except BuildFailed as error:
            print(f"{scale:>4}x  not built: {error}")
            return None
        handbooks.append(handbook)
        plains.append(build_plain(directory / f"plain-{run}", pages))
    handbook, plain = median_of(handbooks), median_of(plains)
    print(row(scale, "handbook", handbook), flush=True)
    print(row(scale, "plain", plain), flush=True)
    ratio, cpu = handbook.seconds / plain.seconds, handbook.cpu_seconds / plain.cpu_seconds
    sizes = handbook.output_bytes / plain.output_bytes
    print(f"{'':>6} handbook/plain: wall time {ratio:.2f}, CPU time {cpu:.2f}, output {sizes:.2f}")
    if count > 1:
        listed = "; ".join(
            f"{name} {', '.join(f'{f.seconds:.1f}' for f in figures)} s"
            for name, figures in (("handbook", handbooks), ("plain", plains))
        )
        print(f"{'':>6} wall time of each run: {listed}")
    return handbook, plain


def median_of(figures: list[Figures]) -> Figures:
    """The first run's figures with the median wall and CPU times of all runs."""
    seconds = statistics.median(f.seconds for f in figures)
    cpu = statistics.median(f.cpu_seconds for f in figures)
    return dataclasses.replace(figures[0], seconds=seconds, cpu_seconds=cpu)


def verdict(ok: bool | None) -> str:
    return "not measured" if ok is None else ("met" if ok else "NOT MET")


def ratio_goal(label: str, ratio: tuple[float, float] | None, goal: float) -> str:
    """A wall-time ratio judged against its goal, with the CPU-time ratio beside it."""
    if ratio is None:
        return f"{label}: n/a (goal <= {goal:g}): {verdict(None)}"
    wall, cpu = ratio
    return f"{label}: {wall:.2f} (goal <= {goal:g}; CPU time {cpu:.2f}): {verdict(wall <= goal)}"


def times(a: Figures, b: Figures) -> tuple[float, float]:
    return a.seconds / b.seconds, a.cpu_seconds / b.cpu_seconds


def goal_lines(results: dict[int, tuple[Figures, Figures]]) -> list[str]:
    one, ten = results.get(1), results.get(10)
    growth = times(ten[0], one[0]) if one and ten else None
    versus = times(*ten) if ten else None
    largest = f"{ten[0].largest_path} {ten[0].largest_bytes:,} B" if ten else "n/a"
    ok = ten[0].largest_bytes < LARGEST_PAGE_GOAL if ten else None
    return [
        ratio_goal("build wall time 10x/1x", growth, TIME_GROWTH_GOAL),
        ratio_goal("handbook/plain build wall time at 10x", versus, PLAIN_RATIO_GOAL),
        f"largest page at 10x: {largest} (goal < 1 MB): {verdict(ok)}",
        per_page_line(results),
    ]


def growth_text(label: str, per_page: dict[int, float]) -> tuple[str, bool | None]:
    """ "label 1x N, 10x M (x G)": G is the largest scale's figure over the smallest's."""
    shown = ", ".join(f"{scale}x {value:,.0f}" for scale, value in per_page.items()) or "n/a"
    if len(per_page) < 2:
        return f"{label} {shown}", None
    growth = per_page[max(per_page)] / per_page[min(per_page)]
    return f"{label} {shown} (x{growth:.2f})", growth <= PER_PAGE_GOAL


def per_page_line(results: dict[int, tuple[Figures, Figures]]) -> str:
    """Bytes per page must not grow with the scale (linear output), whole output and HTML."""
    output, ok_output = growth_text("output", {s: p[0].bytes_per_page for s, p in results.items()})
    html, ok_html = growth_text("HTML", {s: p[0].html_per_page for s, p in results.items()})
    ok = None if ok_output is None else ok_output and ok_html
    return (
        f"bytes per page (handbook): {output}; {html} "
        f"(goal: roughly flat, largest/smallest scale <= {PER_PAGE_GOAL:g}): {verdict(ok)}"
    )


def main() -> int:
    wanted, count = scales(), runs()
    named = ", ".join(f"{s}x" for s in wanted)
    print(f"Build benchmark, scales {named}, median of {count} runs; {environment_note()}")
    print(SNAPSHOT_NOTE)
    print(HEADER, flush=True)
    results: dict[int, tuple[Figures, Figures]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-build-") as temp:
        for scale in wanted:
            directory = Path(temp) / f"scale-{scale}"
            built = run_scale(scale, directory, count)
            shutil.rmtree(directory, ignore_errors=True)  # 100x is large on disk
            if built is not None:
                results[scale] = built
    print("\nGoals")
    for line in goal_lines(results):
        print(f"  {line}")
    return 0 if len(results) == len(wanted) else 1


if __name__ == "__main__":
    sys.exit(main())
