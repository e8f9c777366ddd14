"""Live preview: how long a YAML edit takes to show in the browser under `mkdocs serve`.

Runs `mkdocs serve` on a copy of the project, opens a question's guide page in Chromium and,
RUNS times each, edits (a) a question's text in data/questions/ (the handbook's data pipeline:
load, validate, render, rebuild) and (b) a hand-written Markdown page (docs/contributing.md:
the same rebuild without any data change), as the baseline measured in the same run. Each
figure is the time from writing the file to the reloaded page showing the new text (the
livereload reload included; see edit_and_wait). The target: a YAML edit that leaves the
calculator alone shows within 1.5 s at 1x content. Times are wall clock; the load average is
printed because a busy machine skews them.

Usage: python bench/preview_bench.py   (RUNS=5 by default)
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser"), str(ROOT / "macros")]

from browser_support import CHROMIUM_ARGS  # noqa: E402
from support import mkdocs_serve, project_copy, wait_until_serving  # noqa: E402

RUNS = int(os.environ.get("RUNS", "5"))
TARGET_S = 1.5
QUESTION_FILE = "data/questions/ml-theory.yaml"
QUESTION_PAGE = "/questions/ml-theory/"
MARKDOWN_FILE = "docs/contributing.md"
MARKDOWN_PAGE = "/contributing/"


MARK = "Preview mark"  # every edit's marker starts so
# In every document the page loads: the time the parser first adds a node holding a marker.
WATCH_MARKERS = (
    """(() => {
    const observer = new MutationObserver((mutations) => {
        for (const mutation of mutations) {
            const changed = mutation.type === "characterData";
            const nodes = changed ? [mutation.target] : mutation.addedNodes;
            for (const node of nodes) {
                if (node.textContent && node.textContent.includes(MARK)) {
                    window.__previewMarkParsedAt = performance.now();
                    observer.disconnect();
                    return;
                }
            }
        }
    });
    observer.observe(document, { childList: true, characterData: true, subtree: true });
})();"""
).replace("MARK", json.dumps(MARK))
SHOWN = """(marker) => document.body && document.body.textContent.includes(marker)
    && window.__previewMarkParsedAt !== undefined
    && performance.getEntriesByName("first-contentful-paint").length > 0"""
SHOWN_AT = """() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0].startTime;
    const loaded = performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd;
    return [window.__previewMarkParsedAt, paint, loaded].map((t) => performance.timeOrigin + t);
}"""


def edit_and_wait(page, path: Path, old: str, marker: str) -> tuple[float, float]:
    """(seconds from writing path (old text -> marker) to the reloaded page showing the marker,
    the same to its DOMContentLoaded). Shown: the later of the parser adding the text and the
    page's first paint, by the page's own clock (the system clock, as time.time() here). The
    probe looks only every 250 ms, so that it neither competes with the rebuild for the CPU
    nor rounds the figure up to its interval."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    written = time.time()
    path.write_text(text.replace(old, marker, 1), encoding="utf-8")
    page.wait_for_function(SHOWN, arg=marker, timeout=120_000, polling=250)
    parsed, painted, loaded = page.evaluate(SHOWN_AT)
    return max(parsed, painted) / 1000 - written, loaded / 1000 - written


def measure(page, project: Path, origin: str, file: str, url: str, old: str) -> list:
    """[(shown, DOMContentLoaded)] seconds for each of RUNS edits."""
    page.goto(origin + url)
    page.wait_for_load_state("load")
    times, current = [], old
    for run in range(RUNS):
        marker = f"{MARK} {run} {time.time_ns()}"
        times.append(edit_and_wait(page, project / file, current, marker))
        current = marker
        time.sleep(1.0)  # let the server settle before the next edit
    return times


def first_question_words(project: Path) -> str:
    """A run of words from the first question's text in QUESTION_FILE."""
    for line in (project / QUESTION_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("      ") and len(line.split()) > 6 and ":" not in line:
            return " ".join(line.split()[:4])
    raise SystemExit(f"no question text found in {QUESTION_FILE}")


def figures(label: str, times: list[float]) -> str:
    runs = ", ".join(f"{t:.2f}" for t in times)
    return f"  {label:<44} median {statistics.median(times):5.2f} s  (runs: {runs})"


def main() -> int:
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Chromium is not installed: run `make chromium`")
    with tempfile.TemporaryDirectory() as scratch:
        project = project_copy(Path(scratch) / "project")
        port = 8700 + os.getpid() % 200
        origin = f"http://127.0.0.1:{port}"
        server = mkdocs_serve(project, port)
        try:
            if not wait_until_serving(origin + "/", server, seconds=300):
                raise SystemExit(f"mkdocs serve did not answer at {origin}/")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.add_init_script(WATCH_MARKERS)
                words = first_question_words(project)
                data = measure(page, project, origin, QUESTION_FILE, QUESTION_PAGE, words)
                plain = measure(page, project, origin, MARKDOWN_FILE, MARKDOWN_PAGE, "# ")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    load = os.getloadavg()[0]
    shown, shown_plain = [t for t, _ in data], [t for t, _ in plain]
    median = statistics.median(shown)
    print(f"Live preview under `mkdocs serve`, 1x content; {os.cpu_count()} CPUs, load {load:.2f}")
    print(figures("YAML edit (a question's text)", shown))
    print(figures("baseline: Markdown edit (docs/contributing.md)", shown_plain))
    print(figures("the YAML edit to the page's DOMContentLoaded", [t for _, t in data]))
    ratio = median / statistics.median(shown_plain)
    met = "met" if median <= TARGET_S else "NOT MET"
    print(f"  YAML edit median {median:.2f} s (goal <= {TARGET_S} s): {met}; {ratio:.2f}x baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
