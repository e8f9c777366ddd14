"""Lighthouse scores of five handbook pages beside a plain mkdocs-material baseline from the
same run (`make bench-lighthouse`).

Builds the site strictly into a temporary directory (or takes --site DIR), builds a plain
mkdocs-material site of the same theme version with one page holding each measured page's text
(lighthouse_plain.py), serves both on 127.0.0.1 (gzipped, as static hosts serve), and runs
Lighthouse 12.2.3 (bench/lighthouse/, Debian's Chromium headless) serially on each page of each
site: mobile, Lighthouse's default and what PageSpeed Insights reports first. A handbook score
passes when it is >= 95 and >= the plain page's. For a handbook page under 95, the audits
scoring under 0.9 are listed with their displayValue, from its median-performance run.

Scores vary from run to run: LIGHTHOUSE_RUNS=N (default 1) takes the median of N runs.

Usage: LIGHTHOUSE_RUNS=N python bench/lighthouse_bench.py [--site DIR] [--reports DIR]
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench_pages import build_site
from lighthouse_plain import build_plain
from lighthouse_run import (
    CATEGORIES,
    LIGHTHOUSE,
    errored_audits,
    failing_audits,
    lighthouse,
    run_warnings,
    scores,
    serve,
)

PAGES = [
    ("home", "/"),
    ("role", "/roles/ml-engineer/"),
    ("question bank", "/questions/"),
    ("kit", "/kits/ml-engineer/senior/"),
    ("calculator", "/calculator/"),
]
TARGET = 95
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "best-pr", "seo": "seo"}


def runs_wanted() -> int:
    value = os.environ.get("LIGHTHOUSE_RUNS", "1")
    if not value.isdigit() or int(value) < 1:
        sys.exit(f"LIGHTHOUSE_RUNS must be a whole number >= 1, not {value!r}")
    return int(value)


def measure(handbook, plain, runs: int, workdir: Path, keep: Path | None) -> dict:
    """{(site, path): [report, ...]}, each run going through every page, handbook then plain."""
    reports: dict = {}
    for run in range(1, runs + 1):
        for name, path in PAGES:
            for site, server in (("handbook", handbook), ("plain", plain)):
                print(f"run {run}/{runs}: {site} {name} ({path})", file=sys.stderr, flush=True)
                report = lighthouse(server.url(path), workdir)
                reports.setdefault((site, path), []).append(report)
                if keep:
                    keep.mkdir(parents=True, exist_ok=True)
                    slug = path.strip("/").replace("/", "-") or "home"
                    target = keep / f"{site}-{slug}-{run}.json"
                    target.write_text(json.dumps(report), encoding="utf-8")
    return reports


def warnings(reports: dict) -> list[str]:
    """Each distinct warning Lighthouse gave, with how many runs gave it, and the CPU's
    benchmark index (Lighthouse's throttling assumes about 1000 or more)."""
    every = [report for runs in reports.values() for report in runs]
    counts = Counter(" ".join(w.split()) for report in every for w in run_warnings(report))
    index = statistics.median(report["environment"]["benchmarkIndex"] for report in every)
    errored = Counter(audit for report in every for audit in errored_audits(report))
    lines = [f"median CPU benchmark index {index:.0f} over {len(every)} runs"]
    lines += [f"warning in {n} of {len(every)} runs: {text}" for text, n in counts.items()]
    if errored:
        listed = ", ".join(f"{audit} ({n})" for audit, n in sorted(errored.items()))
        lines.append(
            f"audits Lighthouse could not run (in how many runs), so in no score: {listed}"
        )
    return lines


def median_scores(reports: list[dict]) -> dict[str, int | None]:
    each = [scores(report) for report in reports]
    result = {}
    for category in CATEGORIES:
        values = [s[category] for s in each if s[category] is not None]
        result[category] = statistics.median_low(values) if values else None
    return result


def median_report(reports: list[dict]) -> dict:
    """The run whose performance score is the median one (its audits explain that score)."""
    ranked = sorted(reports, key=lambda report: scores(report)["performance"] or 0)
    return ranked[(len(ranked) - 1) // 2]


def verdict(own: int | None, plain: int | None) -> str:
    if own is None:
        return "no score"
    misses = ([f"<{TARGET}"] if own < TARGET else []) + (
        ["<plain"] if plain is not None and own < plain else []
    )
    return " ".join(misses) or "ok"


def table(reports: dict) -> list[str]:
    header = f"{'page':<30}" + "".join(f"{SHORT[c] + ' hb/plain':<26}" for c in CATEGORIES)
    lines = [header, "-" * len(header)]
    for name, path in PAGES:
        own = median_scores(reports["handbook", path])
        base = median_scores(reports["plain", path])
        cells = [
            f"{_score(own[c]):>3}/{_score(base[c]):<3} {verdict(own[c], base[c]):<17}"
            for c in CATEGORIES
        ]
        lines.append(f"{f'{name} {path}':<30}" + "".join(f"{cell:<26}" for cell in cells))
    return lines


def _score(value: int | None) -> str:
    return "-" if value is None else str(value)


def failures(reports: dict) -> list[str]:
    lines = []
    for name, path in PAGES:
        own = median_scores(reports["handbook", path])
        low = [c for c in CATEGORIES if own[c] is None or own[c] < TARGET]
        if not low:
            continue
        report = median_report(reports["handbook", path])
        lines.append(f"{name} {path}: " + ", ".join(f"{c} {_score(own[c])}" for c in low))
        for category in CATEGORIES:
            for audit, score, shown in failing_audits(report, category):
                lines.append(f"  {category:<15} {audit:<36} {score:<5.2f} {shown}".rstrip())
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--reports", type=Path, help="also write each JSON report into DIR")
    args = parser.parse_args()
    runs = runs_wanted()
    with tempfile.TemporaryDirectory(prefix="handbook-lighthouse-") as tmp:
        work = Path(tmp)
        site = args.site or build_site(work / "site")
        plain = build_plain(site, [path for _, path in PAGES], work / "plain")
        with serve(site) as handbook_server, serve(plain) as plain_server:
            reports = measure(handbook_server, plain_server, runs, work, args.reports)
    version = json.loads((LIGHTHOUSE.parents[1] / "package.json").read_text())["version"]
    theme = importlib.metadata.version("mkdocs-material")
    print(
        f"Lighthouse {version}, mobile (Lighthouse's default form factor: simulated slow 4G, "
        f"4x CPU slowdown), median of {runs} run(s); Debian Chromium headless; both sites "
        f"served gzipped from 127.0.0.1; plain = mkdocs-material {theme}, no macros, no "
        "handbook CSS/JS, no web fonts, the same text"
    )
    print("\n".join(warnings(reports)))
    print(f"verdict: ok = handbook >= {TARGET} and >= plain\n")
    print("\n".join(table(reports)))
    lines = failures(reports)
    print(f"\nAudits under 0.9 on handbook pages under {TARGET} (median-performance run):")
    print("\n".join(lines) if lines else f"  none: every handbook score is >= {TARGET}")


if __name__ == "__main__":
    main()
