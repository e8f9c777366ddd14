"""The benchmark's pages and server: the built site served on 127.0.0.1 (counting the bytes
it sends), the bare-Pyodide baseline page, and one measurement per kind of visit.

Times come from the page's own clock: performance marks (ms since navigation start) and
performance.now() around an input event.
"""

from __future__ import annotations

import http.server
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "browser"), str(ROOT / "tests")]

# The browser tests' Chromium flags, static server and strict build.
from browser_support import StaticServer, _Handler  # noqa: E402
from support import build_site as strict_build  # noqa: E402

SETTLE_S = 0.5
TIMEOUT_MS = 180_000
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


FIRST_PAINT = """() => performance.getEntriesByName("first-contentful-paint").length > 0"""


def mark_time(page, name: str) -> float:
    return page.evaluate(f"performance.getEntriesByName({name!r})[0].startTime")


def wait_ready(page) -> None:
    page.wait_for_selector(
        "#calculator-result[data-status=ready]", state="attached", timeout=TIMEOUT_MS
    )


def answer_ms(page, server: Server, query: str) -> tuple[float, str]:
    """(ms from navigation to the first answer on screen, where it came from) for one page: the
    later of the result being ready and the page's first paint (the answer may be in the page
    before the stylesheets let anything paint)."""
    page.goto(server.url("/calculator/" + (f"?{query}" if query else "")), wait_until="commit")
    wait_ready(page)
    page.wait_for_function(FIRST_PAINT, timeout=TIMEOUT_MS, polling=20)
    shown = max(mark_time(page, "calculator-ready"), mark_time(page, "first-contentful-paint"))
    return shown, page.get_attribute("#calculator-result", "data-source")


def calculator_ready_ms(browser, server: Server, query: str) -> tuple[float, str]:
    """(ms from navigation to the first answer, where it came from), in a fresh context."""
    time.sleep(SETTLE_S)  # let the previous context's background work (Pyodide compile) stop
    context = browser.new_context()
    try:
        return answer_ms(context.new_page(), server, query)
    finally:
        context.close()


def first_paint_ms(browser, server: Server, path: str) -> float:
    """ms from navigation to a page's first contentful paint, in a fresh context."""
    time.sleep(SETTLE_S)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url(path), wait_until="commit")
        page.wait_for_function(FIRST_PAINT, timeout=TIMEOUT_MS, polling=20)
        return mark_time(page, "first-contentful-paint")
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


def warm_changes_ms(browser, server: Server) -> tuple[list[float], list[float]]:
    """(CHANGES right after the engine is ready, the same once it has said it is warm), ms."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url(f"/calculator/?{WARM_URL}"))
        wait_ready(page)
        status = "#calculator-engine-status"
        page.wait_for_selector(f"{status}[data-state=ready]", state="attached", timeout=TIMEOUT_MS)
        early = [page.evaluate(CHANGE_SCRIPT, [selector, value]) for selector, value in CHANGES]
        page.wait_for_selector(f"{status}[data-warm=true]", state="attached", timeout=TIMEOUT_MS)
        warm = [page.evaluate(CHANGE_SCRIPT, [selector, value]) for selector, value in CHANGES]
        if page.get_attribute("#calculator-result", "data-source") != "engine":
            sys.exit("the warm changes were not answered by the engine")
        return early, warm
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
