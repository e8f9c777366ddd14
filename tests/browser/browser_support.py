"""Browser-test helpers: a static server on 127.0.0.1 and axe-core from the npm package."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".zip": "application/zip",
    }

    def log_message(self, format, *args):  # noqa: A002 - quiet test output
        pass


class StaticServer:
    """A plain static file server for a directory, on a free port of 127.0.0.1."""

    def __init__(
        self,
        directory: Path,
        handler: type[http.server.SimpleHTTPRequestHandler] = _Handler,
        server_class: type[http.server.ThreadingHTTPServer] = http.server.ThreadingHTTPServer,
    ) -> None:
        bound = functools.partial(handler, directory=str(directory))
        self.httpd = server_class(("127.0.0.1", 0), bound)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> StaticServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str = "/") -> str:
        return self.origin + path


AXE_PATH = "/__tests__/axe.min.js"


def load_axe(page) -> None:
    """Put axe-core on the page, unless an init script already did (context.add_init_script(
    path=AXE)). The pages' Content-Security-Policy refuses inline scripts but allows the site's
    own: Playwright serves the pinned npm file at a path of the site, loaded by <script src>."""
    if page.evaluate("typeof window.axe !== 'undefined'"):
        return
    page.route(
        f"**{AXE_PATH}",
        lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"),
    )
    page.add_script_tag(url=AXE_PATH)


def run_axe(page, selector: str | None = None) -> list[dict]:
    """axe-core violations on the page (or inside selector), from the pinned npm package."""
    load_axe(page)
    context = f"document.querySelector({selector!r})" if selector else "document"
    result = page.evaluate(f"async () => (await axe.run({context})).violations")
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in result]
