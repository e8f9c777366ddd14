"""Reasons as text: one per hire from its decision, plan-level ones from the plan itself.

Standard library only (runs in Pyodide too). The wording is editorial (calculator.hire_reasons
and calculator.plan_reasons in composition.yaml); the engine fills in {name} placeholders with
plain str.replace, never str.format or any evaluation of the text. Which placeholders each
text may use is listed here and checked by rules_check.py.
"""

from __future__ import annotations

from typing import Any

from .conditions import matches
from .levels import hire_level
from .tasks import first_hires

COMMON = ("role", "a_role", "nth", "hire", "so_far", "stage", "data", "archetype")
HIRE_PLACEHOLDERS = {
    "generalist_first": COMMON,
    "specialist_first": (*COMMON, "base"),
    "stage_deadline": (*COMMON, "deadline"),
    "data_deadline": (*COMMON, "deadline"),
    "lead_now": (*COMMON, "deadline"),
    "foundation": (*COMMON, "for", "a_for", "for_nth"),
    "min_share": (*COMMON, "share"),
    "span": (*COMMON, "span"),
    "span_first": (*COMMON, "span"),
    "weight": COMMON,
    "fallback": COMMON,
    "unblocked": (*COMMON, "after", "a_after"),
}
PLAN_PLACEHOLDERS = {
    "hired": ("role", "a_role", "first", "count", "positions", "before"),
    "missing": ("role", "a_role", "hires"),
}
_ORDINALS = ("first", "second", "third", "fourth", "fifth")
_ORDINALS += ("sixth", "seventh", "eighth", "ninth", "tenth")


def ordinal(number: int) -> str:
    """1 -> "first" ... 10 -> "tenth", then "11th", "22nd", ..."""
    if 1 <= number <= len(_ORDINALS):
        return _ORDINALS[number - 1]
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    if 10 <= number % 100 <= 20:
        suffix = "th"
    return f"{number}{suffix}"


def in_sentence(title: str) -> str:
    """A title as it reads inside a sentence: "Production" -> "production", "ML lead" stays."""
    return title if title[:2].isupper() else title[:1].lower() + title[1:]


def with_article(title: str) -> str:
    """ "an ML engineer", "an MLOps engineer", "a data engineer" (letters read by name)."""
    text = in_sentence(title)
    acronym = text[:2].isupper()
    vowel_sound = text[:1] in ("AEFHILMNORSX" if acronym else "aeiou")
    return f"{'an' if vowel_sound else 'a'} {text}"


def fill(text: str, values: dict[str, str]) -> str:
    """text with each {name} replaced by values[name] (plain replacement, nothing evaluated)."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _titles(rules: dict[str, Any]) -> dict[str, str]:
    return {role["id"]: role["title"] for role in rules["roles"]}


def hire_reasons(rules: dict, setup: dict, decisions: list[dict]) -> list[dict[str, str]]:
    """One {role, level, why, link, kit} per hire, in order, from the decision that made it;
    the level is the calculator's choice for the role's first or a later hire (levels.py)."""
    texts = rules["calculator"]["hire_reasons"]
    titles = _titles(rules)
    hires = []
    for number, decision in enumerate(decisions, start=1):
        values = _hire_values(setup, titles, decision, number)
        why = fill(texts[decision["kind"]], values)
        if decision.get("unblocked_by") and decision["kind"] != "foundation":
            why += fill(texts["unblocked"], values)
        role_id = decision["role"]
        level = hire_level(rules, role_id, decision["count"])
        hires.append(
            {
                "role": role_id,
                "level": level,
                "why": sentence(why),
                "link": f"roles/{role_id}/",
                "kit": f"kits/{role_id}/{level}/",
            }
        )
    return hires


def _hire_values(setup: dict, titles: dict, decision: dict, number: int) -> dict[str, str]:
    role_title = titles[decision["role"]]
    values = {
        "role": in_sentence(role_title),
        "a_role": with_article(role_title),
        "nth": ordinal(decision["count"] + 1),
        "hire": str(number),
        "so_far": str(decision["count"]),
        "stage": in_sentence(setup["stage"]["title"]),
        "data": in_sentence(setup["data"]["title"]),
        "archetype": in_sentence(setup["archetype"]["title"]),
        "base": str(setup["generalist_base"]),
        "deadline": str(decision.get("deadline", "")),
        "share": str(decision.get("share", "")),
        "span": str(decision.get("span", "")),
    }
    if "for" in decision:
        values.update(
            {
                "for": in_sentence(titles[decision["for"]]),
                "a_for": with_article(titles[decision["for"]]),
                "for_nth": ordinal(decision["for_count"] + 1),
            }
        )
    if decision.get("unblocked_by"):
        after = titles[decision["unblocked_by"]]
        values.update({"after": in_sentence(after), "a_after": with_article(after)})
    return values


def _team_text(counts: dict[str, int], titles: dict[str, str]) -> str:
    parts = [
        f"{count} {in_sentence(titles[role_id])}{'s' if count != 1 else ''}"
        for role_id, count in counts.items()
        if count
    ]
    return _joined(parts) or "nobody yet"


def _joined(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def plan_reasons(rules: dict, existing: dict, order: list[str]) -> list[dict[str, str]]:
    """The calculator's plan_reasons, filled in from the plan's positions and counts: roles
    hired, by first hire, then roles nobody holds. A role only on the existing team: none."""
    titles = _titles(rules)
    first = first_hires(order)
    hired, missing = [], []
    for reason in rules["calculator"].get("plan_reasons", []):
        role_id = reason["role"]
        title = titles[role_id]
        values = {"role": in_sentence(title), "a_role": with_article(title)}
        if role_id in first:
            values.update(_positions(existing, order, role_id, titles, first[role_id]))
            hired.append((first[role_id], fill(reason["hired"], values), reason["link"]))
        elif not existing.get(role_id) and "missing" in reason:
            values["hires"] = str(len(order))
            missing.append((0, fill(reason["missing"], values), reason["link"]))
    return [{"text": sentence(text), "link": link} for _, text, link in sorted(hired) + missing]


def _positions(existing: dict, order: list, role_id: str, titles: dict, first: int) -> dict:
    team = {r: existing.get(r, 0) for r in titles}
    for hired in order[: first - 1]:
        team[hired] += 1
    positions = [str(n) for n, hired in enumerate(order, start=1) if hired == role_id]
    label = "hire " if len(positions) == 1 else "hires "
    return {
        "first": str(first),
        "count": str(len(positions)),
        "positions": label + _joined(positions),
        "before": _team_text(team, titles),
    }


def rationale(rules: dict, setup: dict, facts: dict, order: list[str]) -> list[dict[str, str]]:
    """The archetype's, stage's and data's reasons, the plan's own, then matching rules."""
    chosen = [setup["archetype"], setup["stage"], setup["data"]]
    reasons = [entry["rationale"] for entry in chosen if "rationale" in entry]
    reasons += plan_reasons(rules, facts["existing_counts"], order)
    reasons += [
        rule
        for rule in rules["calculator"].get("rationale_rules", [])
        if matches(rule.get("when", {}), facts)
    ]
    return [{"text": reason["text"], "link": reason["link"]} for reason in reasons]
