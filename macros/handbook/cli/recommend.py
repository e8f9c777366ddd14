"""`handbook recommend`: the team-composition calculator on the command line.

Usage: handbook recommend --archetype A --headcount N [--stage S] [--data-complexity C]
       [--existing ROLE=COUNT ...] [--lead-now] [--json]

Bad input prints one line to stderr naming the bad value and what is allowed, and exits 2.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import textwrap
from typing import Any, NoReturn

from ..engine import RequestError, recommend, short_repr

PROG = "handbook recommend"
USAGE_ERROR = 2
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_WIDTH = 100


class _UsageError(Exception):
    """argparse's own complaint, turned into one line instead of usage + exit."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _ids(entries: list[dict[str, Any]]) -> str:
    return ", ".join(entry["id"] for entry in entries)


def build_parser(rules: dict[str, Any]) -> argparse.ArgumentParser:
    """The argument parser; its help lists the ids the rules allow."""
    calculator = rules["calculator"]
    most = calculator["max_headcount"]
    parser = _Parser(
        prog=PROG,
        description="Recommend which ML roles to hire, in what order, with the reasons.",
        allow_abbrev=False,
    )
    parser.add_argument(
        "--archetype", required=True, metavar="A", help=f"one of {_ids(calculator['archetypes'])}"
    )
    parser.add_argument(
        "--headcount", required=True, metavar="N", help=f"new full-time hires, 1 to {most}"
    )
    parser.add_argument(
        "--stage",
        metavar="S",
        help=f"one of {_ids(calculator['stages'])} (default {calculator['defaults']['stage']})",
    )
    parser.add_argument(
        "--data-complexity",
        dest="data",
        metavar="C",
        help=f"one of {_ids(calculator['data_complexity'])} "
        f"(default {calculator['defaults']['data']})",
    )
    parser.add_argument(
        "--existing",
        metavar="ROLE=COUNT",
        nargs="+",
        action="extend",
        default=[],
        help=f"people already on the team; ROLE is one of {_ids(rules['roles'])}",
    )
    _add_lead_now(parser, calculator)
    parser.add_argument("--json", action="store_true", help="print the plan as JSON")
    return parser


def _add_lead_now(parser: argparse.ArgumentParser, calculator: dict[str, Any]) -> None:
    if "lead_now" in calculator:
        label = calculator["lead_now"]["label"]
        help_text = f"{label} (the lead comes among the first hires)"
        parser.add_argument("--lead-now", action="store_true", help=help_text)


def _as_number(text: str) -> int | str:
    """text as an int when it is written as one, else unchanged: the engine names bad values."""
    if _INTEGER.match(text):
        try:
            return int(text)
        except ValueError:  # more digits than int() accepts
            pass
    return text


def parse_existing(items: list[str]) -> dict[str, int | str]:
    """--existing ROLE=COUNT items as {role: count}; the engine checks roles and counts."""
    existing: dict[str, int | str] = {}
    for item in items:
        role_id, equals, count = item.partition("=")
        if not equals or not role_id:
            raise RequestError(
                f"malformed --existing {short_repr(item)}; expected ROLE=COUNT, e.g. ml-engineer=2"
            )
        if role_id in existing:
            raise RequestError(f"--existing names {short_repr(role_id)} twice; give each role once")
        existing[role_id] = _as_number(count)
    return existing


def _request(options: argparse.Namespace) -> dict[str, Any]:
    request = {"archetype": options.archetype, "headcount": _as_number(options.headcount)}
    if options.stage is not None:
        request["stage"] = options.stage
    if options.data is not None:
        request["data"] = options.data
    request["existing"] = parse_existing(options.existing)
    if getattr(options, "lead_now", False):
        request["lead_now"] = True
    return request


def main(argv: list[str], rules: dict[str, Any]) -> int:
    """Run `handbook recommend` with argv (the words after `recommend`); return the exit code."""
    parser = build_parser(rules)
    try:
        options = parser.parse_args(argv)
        plan = recommend(rules, _request(options))
    except _UsageError as error:
        print(f"{PROG}: error: {error} (see {PROG} --help)", file=sys.stderr)
        return USAGE_ERROR
    except RequestError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    except SystemExit as stop:  # --help
        return stop.code if isinstance(stop.code, int) else 0
    return _emit(json.dumps(plan, indent=2) if options.json else format_plan(plan, rules))


def _emit(text: str) -> int:
    """Print text; a closed pipe (`| head`) ends quietly instead of with a traceback."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit does not complain again
        return 1
    return 0


def _title(entries: list[dict[str, Any]], entry_id: str) -> str:
    return next(entry["title"] for entry in entries if entry["id"] == entry_id)


def _level_title(rules: dict[str, Any], role_id: str, level_id: str) -> str:
    role = next(role for role in rules["roles"] if role["id"] == role_id)
    return _title(role["levels"], level_id)


def _wrapped(text: str, first: str, rest: str) -> str:
    return textwrap.fill(
        text, _WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
    )


def format_plan(plan: dict[str, Any], rules: dict[str, Any]) -> str:
    """The plan as readable text for a terminal."""
    lines = _header(plan, rules) + _team(plan, rules)
    lines += ["", "Hiring order, and why each hire"]
    for number, hire in enumerate(plan["hires"], start=1):
        text = f"Hire {number} · {_level_title(rules, hire['role'], hire['level'])}: {hire['why']}"
        lines.append(_wrapped(text, "  ", "    "))
        lines.append(f"    interview kit: {hire['kit']}")
    lines += ["", "Fractional specialists (part-time)"]
    for task in plan["fractional"]:
        text = f"{task['title']} — {_timing(task, plan, rules)}: {task['why']}"
        lines.append(_wrapped(text, "  - ", "    "))
    if not plan["fractional"]:
        lines.append("  - none needed")
    lines += ["", "Skill coverage (level needed / team's best, 1-4)"]
    for row in plan["coverage"]:
        line = f"  {row['axis']:<22} {row['needed']} / {row['have']}  {row['status']}"
        lines.append(line + _closer(row, rules))
    lines += ["", "Why"]
    for reason in plan["rationale"]:
        lines.append(_wrapped(reason["text"], "  - ", "    "))
        lines.append(f"    handbook: {reason['link']}")
    return "\n".join(lines)


def _timing(task: dict[str, Any], plan: dict[str, Any], rules: dict[str, Any]) -> str:
    """ "needed now", or "needed before hire 4, until hire 6 (ML lead)"."""
    text = f"needed {task['needed']}"
    if task["until"] is None:
        return text
    closer = _title(rules["roles"], plan["hiring_order"][task["until"] - 1])
    return f"{text}, until hire {task['until']} ({closer})"


def _closer(row: dict[str, Any], rules: dict[str, Any]) -> str:
    if row["status"] != "gap":
        return ""
    titles = [_level_title(rules, closer["role"], closer["level"]) for closer in row["closed_by"]]
    if titles:
        return f"; closed by a hire: {' or '.join(titles)}"
    return f"; closed by a candidate at level {row['needed']}, above every level the roles describe"


def _header(plan: dict[str, Any], rules: dict[str, Any]) -> list[str]:
    calculator = rules["calculator"]
    given = plan["input"]
    archetype = _title(calculator["archetypes"], given["archetype"])
    stage = _title(calculator["stages"], given["stage"])
    data = _title(calculator["data_complexity"], given["data"])
    hires = f"{given['headcount']} new full-time hire" + ("s" if given["headcount"] != 1 else "")
    if given.get("lead_now"):
        hires += ", a lead now"
    existing = ", ".join(
        f"{_title(rules['roles'], role_id)}: {count}"
        for role_id, count in given["existing"].items()
    )
    return [
        f"Hiring plan: {archetype}; stage {stage}; data complexity {data}; {hires}",
        f"Existing team: {existing or 'none'}",
    ]


def _team(plan: dict[str, Any], rules: dict[str, Any]) -> list[str]:
    lines = ["", "Team after hiring"]
    existing = plan["input"]["existing"]
    for role_id, count in plan["composition"].items():
        new = count - existing.get(role_id, 0)
        parts = [f"{existing[role_id]} existing"] if role_id in existing else []
        parts += [f"{new} new"] if new else []
        detail = f"  ({' + '.join(parts)})" if parts else ""
        lines.append(f"  {_title(rules['roles'], role_id):<20} {count:>3}{detail}")
    return lines
