"""The benchmark's visits that need the service worker: a first visit until the calculator is
kept for offline use, a repeat visit in the same browser context, and a visit with the server
stopped; plus the snapshot's own size."""

from __future__ import annotations

import gzip
import time
from dataclasses import dataclass
from pathlib import Path

from bench_pages import SETTLE_S, TIMEOUT_MS, Server, answer_ms

SAVED = "#calculator-offline-status[data-state=saved]"
ENGINE_READY = "#calculator-engine-status[data-state=ready]"


@dataclass(frozen=True)
class Visits:
    first_ms: float  # navigation -> first answer, cold cache
    first_bytes: int  # everything sent until the offline copy is kept
    repeat_ms: float  # the same link, next visit in the same context
    repeat_bytes: int
    repeat_status: str  # the engine's status line on the repeat visit


def wait_saved(page) -> None:
    page.wait_for_selector(SAVED, state="attached", timeout=TIMEOUT_MS)


def first_and_repeat(browser, server: Server, query: str) -> Visits:
    """A cold visit (until the copy is kept), then a repeat visit of the same link."""
    time.sleep(SETTLE_S)
    context = browser.new_context()
    try:
        server.take_counts()
        page = context.new_page()
        first_ms, _ = answer_ms(page, server, query)
        wait_saved(page)
        first_bytes = sum(server.take_counts().values())
        page.close()
        time.sleep(SETTLE_S)
        again = context.new_page()
        repeat_ms, source = answer_ms(again, server, query)
        if source != "engine":
            raise SystemExit("the repeat visit was not answered by the engine")
        again.wait_for_selector(ENGINE_READY, state="attached", timeout=TIMEOUT_MS)
        status = again.text_content(ENGINE_READY)
        wait_saved(again)
        return Visits(first_ms, first_bytes, repeat_ms, sum(server.take_counts().values()), status)
    finally:
        context.close()


def offline_ms(browser, site: Path, query: str) -> float:
    """One visit kept for offline use, then the link answered with the server stopped."""
    time.sleep(SETTLE_S)
    context = browser.new_context()
    try:
        with Server(site) as server:
            page = context.new_page()
            answer_ms(page, server, query)
            wait_saved(page)
            page.close()
        time.sleep(SETTLE_S)
        ms, source = answer_ms(context.new_page(), server, query)  # the server is stopped
        if source != "engine":
            raise SystemExit("the offline visit was not answered by the engine")
        return ms
    finally:
        context.close()


def snapshot_sizes(site: Path) -> tuple[int, int]:
    """(raw bytes, gzipped bytes) of the site's snapshot; (0, 0) without one."""
    found = sorted((site / "calculator" / "snapshot").glob("engine-*.bin.gz"))
    if not found:
        return 0, 0
    packed = found[0].read_bytes()
    return len(gzip.decompress(packed)), len(packed)
