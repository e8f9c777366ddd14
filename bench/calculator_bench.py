"""Calculator speed figures against a bare-Pyodide baseline from the same run (`make bench`).

Builds the site into a temporary directory, serves it on 127.0.0.1 (counting the bytes sent),
and drives headless Debian Chromium (the browser tests' flags) through Playwright:

  (a) navigation -> result ready, for the default page and shared URLs on the standard grid;
  (b) baseline: a bare page whose module worker only does `await loadPyodide()` from the same
      self-hosted files;
  (c) navigation -> result ready for an off-grid input (answered by Pyodide), vs 1.1 x (b);
  (d) p95 over 20 later changes once the engine is warm;
  (e) bytes each page downloads.

Times come from the page's own clock: performance marks (ms since navigation start) and
performance.now() around an input event. Every navigation uses a fresh browser context (cold
cache). No test asserts these times; this script prints them.

Usage: python bench/calculator_bench.py [--site DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import http.server
import math
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "browser"), str(ROOT / "tests")]

# The browser tests' Chromium flags, static server and strict build.
from browser_support import CHROMIUM_ARGS, StaticServer, _Handler  # noqa: E402
from support import build_site as strict_build  # noqa: E402

GRID_TARGET_MS = 300
GRID_RUNS = 5
SETTLE_S = 0.5
CHANGE_TARGET_MS = 50
BASELINE_FACTOR = 1.1
TIMEOUT_MS = 120_000
GRID_URLS = [
    "",  # the default plan, embedded in the page
    "archetype=llm-api&stage=scaling&data=high&headcount=17",
    "archetype=open-model-finetuning&stage=production&data=medium&headcount=30",
    "archetype=custom-models&stage=scaling&data=low&headcount=1",
]
OFF_GRID_URL = "archetype=llm-api&stage=production&data=medium&headcount=12&existing=ml-engineer:2"
WARM_URL = "archetype=custom-models&stage=prototype&data=low&headcount=31&existing=ml-engineer:1"
BARE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide baseline</title></head>
<body><script type="module">
const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
worker.onmessage = (event) => {
  performance.mark(`pyodide-${event.data}`);
  document.body.dataset.state = event.data;
};
</script></body></html>
"""
BARE_WORKER = """import { loadPyodide } from "../calculator/pyodide/pyodide.mjs";
try {
  await loadPyodide({ indexURL: new URL("../calculator/pyodide/", import.meta.url).href });
  postMessage("ready");
} catch (error) {
  postMessage("failed");
}
"""
CHANGE_SCRIPT = """async ([selector, value]) => {
  const result = document.getElementById("calculator-result");
  const field = document.querySelector(selector);
  const answered = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const query = window.location.search.slice(1);
      if (result.dataset.status === "ready" && result.dataset.request === query) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(result, { attributes: true });
  });
  const started = performance.now();
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  return (await answered) - started;
}"""
# 20 off-grid changes (the existing team keeps them off the grid): every one goes to Pyodide.
CHANGES = [("#calc-headcount", str(n)) for n in range(32, 42)] + [
    ("#calc-archetype", "llm-api"),
    ("#calc-stage", "production"),
    ("#calc-data", "high"),
    ("#calc-existing-mlops-engineer", "1"),
    ("#calc-existing-ml-lead", "1"),
    ("#calc-archetype", "open-model-finetuning"),
    ("#calc-stage", "scaling"),
    ("#calc-headcount", "5"),
    ("#calc-existing-data-engineer", "2"),
    ("#calc-data", "low"),
]


class CountingHandler(_Handler):
    """Static files, counting the bytes of every response body per request path."""

    def copyfile(self, source, outputfile):
        size = os.fstat(source.fileno()).st_size
        super().copyfile(source, outputfile)
        with self.server.lock:
            self.server.bytes_sent[self.path.split("?", 1)[0]] += size


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A context closed mid-download (by design, after its measurement) is not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Server(StaticServer):
    """The tests' static server, counting the bytes it sends per path."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory, handler=CountingHandler, server_class=QuietServer)
        self.httpd.lock = threading.Lock()
        self.httpd.bytes_sent = Counter()

    def take_counts(self) -> Counter:
        with self.httpd.lock:
            counts, self.httpd.bytes_sent = self.httpd.bytes_sent, Counter()
        return counts


def build_site(directory: Path) -> Path:
    result = strict_build(ROOT, directory)
    if result.returncode != 0:
        sys.exit(f"the site did not build:\n{result.stdout}{result.stderr}")
    return directory


def write_bare_page(site: Path) -> None:
    bare = site / "bench-bare"
    bare.mkdir(exist_ok=True)
    (bare / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    (bare / "worker.js").write_text(BARE_WORKER, encoding="utf-8")


def mark_time(page, name: str) -> float:
    return page.evaluate(f"performance.getEntriesByName({name!r})[0].startTime")


def wait_ready(page) -> None:
    page.wait_for_selector(
        "#calculator-result[data-status=ready]", state="attached", timeout=TIMEOUT_MS
    )


def calculator_ready_ms(browser, server: Server, query: str) -> tuple[float, str]:
    """(ms from navigation to the first answer, where it came from), in a fresh context."""
    time.sleep(SETTLE_S)  # let the previous context's background work (Pyodide compile) stop
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url("/calculator/" + (f"?{query}" if query else "")), wait_until="commit")
        wait_ready(page)
        source = page.get_attribute("#calculator-result", "data-source")
        return mark_time(page, "calculator-ready"), source
    finally:
        context.close()


def bare_pyodide_ms(browser, server: Server) -> float:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url("/bench-bare/"), wait_until="commit")
        page.wait_for_selector("body[data-state]", state="attached", timeout=TIMEOUT_MS)
        if page.get_attribute("body", "data-state") != "ready":
            sys.exit("the bare page could not load Pyodide")
        return mark_time(page, "pyodide-ready")
    finally:
        context.close()


def warm_changes_ms(browser, server: Server) -> list[float]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url(f"/calculator/?{WARM_URL}"))
        wait_ready(page)
        page.wait_for_selector(
            "#calculator-engine-status[data-state=ready]", state="attached", timeout=TIMEOUT_MS
        )
        times = [page.evaluate(CHANGE_SCRIPT, [selector, value]) for selector, value in CHANGES]
        if page.get_attribute("#calculator-result", "data-source") != "engine":
            sys.exit("the warm changes were not answered by the engine")
        return times
    finally:
        context.close()


def page_bytes(browser, server: Server, path: str) -> tuple[int, int]:
    """(all bytes, bytes under calculator/pyodide/) that one page downloads, cold cache."""
    context = browser.new_context()
    try:
        page = context.new_page()
        server.take_counts()
        page.goto(server.url(path))
        if path == "/calculator/":
            page.wait_for_selector(
                "#calculator-engine-status[data-state=ready]", state="attached", timeout=TIMEOUT_MS
            )
        page.wait_for_load_state("networkidle")
        counts = server.take_counts()
    finally:
        context.close()
    pyodide = sum(n for url, n in counts.items() if url.startswith("/calculator/pyodide/"))
    return sum(counts.values()), pyodide


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def verdict(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def print_table(rows: list[tuple[str, str, str, str, str]]) -> None:
    header = ("measure", "target", "measured", "baseline", "result")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(5)]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


def kib(n: int) -> str:
    return f"{n / 1024:,.0f} KiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--runs", type=int, default=5, help="runs of (b) and (c), default 5")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("Chromium is needed: apt-get install -y chromium")

    with tempfile.TemporaryDirectory(prefix="calculator-bench-") as temp:
        site = Path(temp) / "site"
        if args.site:
            shutil.copytree(args.site, site)
        else:
            build_site(site)
        write_bare_page(site)
        with Server(site) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                report(browser, server, args.runs)
            finally:
                browser.close()


def short(query: str) -> str:
    """archetype/stage/data/headcount (+existing) of a query string, for the table."""
    params = dict(part.split("=", 1) for part in query.split("&")) if query else {}
    text = "/".join(params.get(name, "default") for name in ("archetype", "stage", "data"))
    text += f"/{params.get('headcount', '5')}"
    return text + (f" + existing {params['existing']}" if "existing" in params else "")


def report(browser, server: Server, runs: int) -> None:
    rows, notes = [], []
    calculator_ready_ms(browser, server, "")  # warm up the browser process itself
    for query in GRID_URLS:
        samples = [calculator_ready_ms(browser, server, query) for _ in range(GRID_RUNS)]
        measured = statistics.median(ms for ms, _ in samples)
        sources = {source for _, source in samples}
        label = "(a) grid, default page" if not query else f"(a) grid, shared {short(query)}"
        ok = measured <= GRID_TARGET_MS and sources == {"build"}
        rows.append((label, f"<= {GRID_TARGET_MS} ms", f"{measured:.0f} ms", "", verdict(ok)))
        notes.append(
            f"{label}: answered by {'/'.join(sorted(sources))}, runs "
            + ", ".join(f"{ms:.0f}" for ms, _ in samples)
            + " ms (median shown)"
        )

    baseline, off_grid, off_sources = [], [], set()
    for _ in range(runs):  # interleaved, so that both see the same machine load
        baseline.append(bare_pyodide_ms(browser, server))
        ms, source = calculator_ready_ms(browser, server, OFF_GRID_URL)
        off_grid.append(ms)
        off_sources.add(source)
    base = statistics.median(baseline)
    rows.append(
        ("(b) bare page: await loadPyodide()", "baseline", f"{base:.0f} ms", f"{base:.0f} ms", "")
    )
    notes.append("(b) runs " + ", ".join(f"{ms:.0f}" for ms in baseline) + " ms (median shown)")
    off = statistics.median(off_grid)
    limit = BASELINE_FACTOR * base
    ok = off <= limit and off_sources == {"engine"}
    rows.append(
        (
            f"(c) off-grid, {short(OFF_GRID_URL)}",
            f"<= {BASELINE_FACTOR} x b = {limit:.0f} ms",
            f"{off:.0f} ms (x{off / base:.2f})",
            f"{base:.0f} ms",
            verdict(ok),
        )
    )
    notes.append(
        f"(c) answered by {'/'.join(sorted(off_sources))}, runs "
        + ", ".join(f"{ms:.0f}" for ms in off_grid)
        + " ms (median shown)"
    )

    changes = warm_changes_ms(browser, server)
    rows.append(
        (
            "(d) later changes, warm engine, p95 of 20",
            f"<= {CHANGE_TARGET_MS} ms",
            f"{p95(changes):.1f} ms",
            "",
            verdict(p95(changes) <= CHANGE_TARGET_MS),
        )
    )
    notes.append(
        f"(d) input event -> result updated, answered by Pyodide: median "
        f"{statistics.median(changes):.1f} ms, max {max(changes):.1f} ms"
    )

    for path in ["/", "/questions/", "/calculator/"]:
        total, pyodide = page_bytes(browser, server, path)
        expected_pyodide = path == "/calculator/"
        ok = (pyodide > 0) == expected_pyodide
        target = "Pyodide only here" if expected_pyodide else "no Pyodide"
        rows.append(
            (
                f"(e) bytes downloaded, {path}",
                target,
                f"{kib(total)} (Pyodide {kib(pyodide)})",
                "",
                verdict(ok),
            )
        )

    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(
        "Calculator benchmark: headless Chromium, built site served on 127.0.0.1, a fresh"
        " browser context (cold cache) per navigation, times from the page's clock."
    )
    print(f"Machine: {os.cpu_count()} CPUs, load average {load} (1, 5, 15 min) at the end.")
    print_table(rows)
    for note in notes:
        print("  " + note)


if __name__ == "__main__":
    main()
