"""Lighthouse for `make bench-lighthouse`: a static server that compresses like a static host,
one Lighthouse CLI run (pinned in bench/lighthouse/, Debian's Chromium), and what a report says.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bench_pages import QuietServer  # also puts tests/browser on sys.path

from browser_support import CHROMIUM_ARGS, StaticServer, _Handler

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Audits that score a page; informative, manual and not-applicable ones do not.
SCORED_MODES = {"binary", "numeric", "metricSavings"}
FAILING = 0.9
TIMEOUT_S = 300
_COMPRESSED_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml")


@functools.lru_cache(maxsize=256)
def _gzipped(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class GzipHandler(_Handler):
    """The tests' static files, gzipped when the browser accepts it (as any static host does):
    without it, Lighthouse measures a transfer no reader's browser would see."""

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepted and os.path.isfile(path) and kind.startswith(_COMPRESSED_TYPES)):
            return super().send_head()
        body = _gzipped(path, os.stat(path).st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path) -> StaticServer:
    return StaticServer(directory, handler=GzipHandler, server_class=QuietServer)


def chromium() -> str:
    path = shutil.which("chromium")
    if not path:
        sys.exit("Chromium is needed: apt-get install -y chromium")
    return path


def lighthouse(url: str, workdir: Path) -> dict:
    """One Lighthouse run on url (mobile, Lighthouse's default); the JSON report."""
    if not LIGHTHOUSE.is_file():
        sys.exit(f"{LIGHTHOUSE} is missing: npm ci --prefix bench/lighthouse")
    output = workdir / "report.json"
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        f"--chrome-path={chromium()}",
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
        "--only-categories=" + ",".join(CATEGORIES),
        "--output=json",
        f"--output-path={output}",
        "--quiet",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S)
    if result.returncode != 0 or not output.is_file():
        sys.exit(f"Lighthouse failed on {url}:\n{result.stdout}{result.stderr}")
    report = json.loads(output.read_text(encoding="utf-8"))
    output.unlink()
    return report


def scores(report: dict) -> dict[str, int | None]:
    """Each category's score out of 100 (None when Lighthouse could not score it)."""
    result = {}
    for category in CATEGORIES:
        score = report["categories"][category]["score"]
        result[category] = None if score is None else round(score * 100)
    return result


def failing_audits(report: dict, category: str) -> list[tuple[str, float, str]]:
    """(audit id, score, displayValue) of the category's audits scoring under 0.9."""
    failing = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        score = audit.get("score")
        scored = audit.get("scoreDisplayMode") in SCORED_MODES and score is not None
        if scored and score < FAILING:
            failing.append((audit["id"], score, audit.get("displayValue", "")))
    return sorted(failing, key=lambda item: item[1])


def errored_audits(report: dict) -> list[str]:
    """Audits Lighthouse could not run (they count in no score; 12.2.3 cannot read every trace
    event of a newer Chromium, so its layout-shift and LCP-element diagnostics fail)."""
    return sorted(
        key for key, audit in report["audits"].items() if audit.get("scoreDisplayMode") == "error"
    )


def run_warnings(report: dict) -> list[str]:
    errors = [report["runtimeError"]["message"]] if report.get("runtimeError") else []
    return errors + list(report.get("runWarnings", []))
