"""The calculator's precomputed grid plans, worked out beside the build rather than before it.

A build with no kept plans (grid_cache.py) used to stop for them in on_files: 1.7 s in one
process here, and 3.4 s in a pool of spawned processes, each of which imported MkDocs again.
Now one plain Python process (this module run as a script: the engine and json, nothing else)
starts as soon as the rules are valid and works them out on the other CPU, while the build
renders pages; the build collects them when it writes the site, last. If the process cannot be
started or its answer is not the expected files, the plans are worked out here instead: slower,
never different.

One file per grid setting (engine.grid_setting): a few dozen files rather than one per plan,
which made writing the site slow. Only the standard library and the engine are imported here,
so the process starts in a few tens of milliseconds.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from .. import engine
from . import grid_cache
from .paths import CALCULATOR_DIR

PLANS_LAYOUT = "by-setting"  # part of the cache key: kept plans in an older layout are not reused
WORKER_TIMEOUT_S = 600  # a process still busy after this is stopped and the plans made here
MEMORY_KEEP = 4  # rules and engine versions kept in memory (`mkdocs serve` rebuilds)
_known: dict[str, dict[str, str]] = {}


def compact_json(value: Any) -> str:
    """JSON as the site ships it: no spaces, keys in their order, text as it is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def settings(rules: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Grid setting name -> its requests (one per headcount), in the grid's order."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for request in engine.grid_requests(rules):
        grouped.setdefault(engine.grid_setting(request), []).append(request)
    return grouped


def file_name(setting: str) -> str:
    return f"{CALCULATOR_DIR}/plans/{setting}.json"


def plan_files(rules_json: str) -> dict[str, str]:
    """Site path -> JSON of one setting's plans, each headcount's plan under its number."""
    rules = json.loads(rules_json)
    return {
        file_name(name): compact_json(
            {str(r["headcount"]): engine.recommend(rules, r) for r in requests}
        )
        for name, requests in settings(rules).items()
    }


class Plans:
    """The plans of one build: ready, or being worked out by a process until result()."""

    def __init__(self, rules_json: str, key: str, cache: Path, worker=None) -> None:
        self.rules_json, self.key, self.cache = rules_json, key, cache
        self._worker: subprocess.Popen | None = worker
        self._plans: dict[str, str] | None = _known.get(key)

    def result(self) -> dict[str, str]:
        """Site path -> JSON for every grid setting; waits for the process if there is one."""
        if self._plans is None:
            answer = self._collect()
            if answer is None:
                answer = plan_files(self.rules_json)
            self._plans = answer
            grid_cache.keep(self.cache, self.key, answer)
            _remember(self.key, answer)
        return self._plans

    def cancel(self) -> None:
        """Stop the process, if any (the build failed; nothing will be written)."""
        if self._worker is not None:
            _stop(self._worker)
            self._worker = None

    def _collect(self) -> dict[str, str] | None:
        worker, self._worker = self._worker, None
        if worker is None:
            return None
        try:
            out, _ = worker.communicate(timeout=WORKER_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            _stop(worker)
            return None
        if worker.returncode != 0:
            return None
        return _checked(out, self.rules_json)


def _checked(out: bytes, rules_json: str) -> dict[str, str] | None:
    """The process's answer, if it is exactly one text per expected file."""
    try:
        answer = grid_cache.as_plans(json.loads(out))
    except ValueError:
        return None
    expected = {file_name(name) for name in settings(json.loads(rules_json))}
    return answer if answer is not None and set(answer) == expected else None


def _stop(worker: subprocess.Popen) -> None:
    """Kill the process and reap it."""
    worker.kill()
    worker.communicate()


def _remember(key: str, plans: dict[str, str]) -> None:
    _known[key] = plans
    for old in list(_known)[:-MEMORY_KEEP]:
        del _known[old]


def worker_command() -> list[str]:
    """This module as a script, in an isolated interpreter that writes no bytecode."""
    package_parent = str(Path(__file__).resolve().parents[2])
    code = "import sys; sys.path.insert(0, sys.argv[1]); from handbook.pages import grid_plans"
    return [sys.executable, "-I", "-B", "-c", code + "; grid_plans.main()", package_parent]


def start(rules_json: str, engine_digest: str, cache: Path, command=None) -> Plans:
    """The plans for these rules and this engine: from memory or the cache folder, or else from
    a process started now (command: for tests; default worker_command())."""
    key = grid_cache.cache_key(rules_json, f"{engine_digest}:{PLANS_LAYOUT}")
    if key not in _known:
        kept = grid_cache.read(cache, key)
        if kept is not None:
            _remember(key, kept)
    if key in _known:
        return Plans(rules_json, key, cache)
    worker = _started(command or worker_command(), rules_json.encode())
    return Plans(rules_json, key, cache, worker)


def _started(command: list[str], rules: bytes) -> subprocess.Popen | None:
    """The worker, given the rules; None if it cannot start or ends before reading them."""
    pipe = subprocess.PIPE
    try:
        worker = subprocess.Popen(command, stdin=pipe, stdout=pipe, stderr=subprocess.DEVNULL)
    except OSError:
        return None
    stdin, worker.stdin = worker.stdin, None  # closed here; communicate() must not flush it
    try:
        with stdin:
            stdin.write(rules)
    except OSError:
        _stop(worker)
        return None
    return worker


def main() -> None:
    """The worker: rules JSON on stdin, {site path: plans JSON} on stdout."""
    rules_json = sys.stdin.buffer.read().decode()
    sys.stdout.buffer.write(json.dumps(plan_files(rules_json)).encode())
