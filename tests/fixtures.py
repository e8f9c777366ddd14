"""A tiny, valid handbook for unit tests: its YAML files, its calculator rules, a data dir writer.

Unit tests build on this, never on data/: a content edit in data/ cannot break them. The tiny
handbook has two base axes (practice, theory) and one further area (culture), four roles
(engineer, the generalist; scientist; ops; lead), three questions, one interviewer material,
two archetypes (research, product), two stages (early, live), two data levels (simple, messy)
and three fractional tasks.
Every feature of the calculator is used once: needs with or_fractional, from and when, min_team,
min_share, deadlines, weight_percent, needs_bonus, traits, every kind of condition, fractional
rules with closed_by and before, hire and plan reasons, and lead_now.
"""

from __future__ import annotations

import copy
import functools
import json
import os
from pathlib import Path
from typing import Any

import yaml

AXES = ["practice", "theory"]
ROLE_IDS = ["engineer", "scientist", "ops", "lead"]
ARCHETYPES = ["research", "product"]
STAGES = ["early", "live"]
DATA_LEVELS = ["simple", "messy"]
TASKS = ["interim-lead", "ci-setup", "etl-setup"]
EDITION = "2030.01"

HANDBOOK_YAML = f"""\
# yaml-language-server: $schema=../schemas/handbook.schema.json
title: Tiny handbook
edition: "{EDITION}"
summary: A handbook small enough to read in a test.
audience:
  - Test writers
sources:
  - id: tiny-source
    title: A tiny source
    author: An author
    publisher: A publisher
    published: "2029-12-31"
    note: Where the tiny ideas come from.
editorial_note: The levels are the tests' own judgement.
"""


def _levels(axis: str) -> str:
    return "".join(
        f"      - level: {n}\n        name: {name}\n        description: {axis} at level {n}.\n"
        for n, name in enumerate(("Aware", "Working", "Strong", "Expert"), 1)
    )


SKILLS_YAML = (
    "# yaml-language-server: $schema=../schemas/skills.schema.json\n"
    "skills:\n"
    "  - id: practice\n"
    "    name: Practice\n"
    "    base: true\n"
    "    summary: Shipping models.\n"
    "    signals:\n"
    "      - Has shipped a model\n"
    "    skilled_at:\n"
    "      - Training models\n"
    "    levels:\n" + _levels("practice") + "  - id: theory\n"
    "    name: Theory\n"
    "    base: true\n"
    "    summary: The maths behind the models.\n"
    "    signals:\n"
    "      - Derives a loss by hand\n"
    "    skilled_at:\n"
    "      - Reading papers\n"
    "    levels:\n" + _levels("theory") + "  - id: culture\n"
    "    name: Culture\n"
    "    base: false\n"
    "    summary: How someone works with others.\n"
    "    signals:\n"
    "      - Explains trade-offs plainly\n"
    "    skilled_at:\n"
    "      - Working with others\n"
    "    levels:\n" + _levels("culture")
)


def _levels_of(role_id: str, practice: int, theory: int) -> str:
    """Two levels: a lower one, then one at the role's headline skills (with culture)."""
    low, high = ("tech-lead", "director") if role_id == "lead" else ("junior", "senior")
    lower = f"{{practice: {max(1, practice - 1)}, theory: {theory}, culture: 2}}"
    return (
        f"    levels:\n"
        f"      - id: {low}\n"
        f"        title: Junior {role_id}\n"
        f"        scope: Small pieces of {role_id} work.\n"
        f"        skills: {lower}\n"
        f"      - id: {high}\n"
        f"        title: Senior {role_id}\n"
        f"        scope: All of the {role_id} work.\n"
        f"        changes: Owns the work end to end.\n"
        f"        skills: {{practice: {practice}, theory: {theory}, culture: 3}}\n"
        f"        judgement: The tests' own judgement.\n"
        + ("        people_leadership: Manages the team.\n" if role_id == "lead" else "")
    )


def _role(role_id: str, title: str, practice: int, theory: int, extra: str = "") -> str:
    return (
        f"  - id: {role_id}\n"
        f"    title: {title}\n"
        f"{extra}"
        f"    summary: The {role_id} of the tiny team.\n"
        f"    responsibilities:\n"
        f"      - Does {role_id} work\n"
        f"    profile:\n"
        f"      - A {role_id}\n"
        f"    when_to_hire: When {role_id} work piles up.\n"
        f"    pitfalls:\n"
        f"      - Hiring a {role_id} too early\n"
        f"    skills:\n"
        f"      practice: {practice}\n"
        f"      theory: {theory}\n"
        + _levels_of(role_id, practice, theory)
        + f"    interview_focus:\n"
        f"      - area: practice\n"
        f"        why: Every {role_id} ships.\n"
    )


ROLES_YAML = (
    "# yaml-language-server: $schema=../schemas/roles.schema.json\n"
    "roles:\n"
    + _role(
        "engineer",
        "Engineer",
        3,
        2,
        "    abbreviation: ENG\n    also_called:\n      - Generalist\n",
    )
    + "    variants:\n"
    "      - id: platform\n"
    "        title: Platform engineer\n"
    "        summary: An engineer who builds the platform.\n"
    + _role("scientist", "Scientist", 2, 4)
    + "      - area: theory\n"
    "        why: Scientists need the maths.\n"
    + _role("ops", "Ops engineer", 3, 1)
    + _role("lead", "Lead", 3, 3)
)

QUESTION_FILES = {
    "practice": """\
# yaml-language-server: $schema=../../schemas/questions.schema.json
questions:
  - id: ship-a-model
    text: How did you ship your last model?
    roles: [engineer, ops]
    difficulty: foundational
    materials: [model-card]
    guide:
      strong:
        - Names the steps
        - Names the checks
        - Names the result
      red_flags:
        - Never shipped
      calibration:
        level_2: Names the idea.
        level_3: Explains the idea.
        level_4: Teaches the idea.
      follow_ups:
        - ask: What broke?
          good_answer: A concrete answer.
""",
    "theory": """\
# yaml-language-server: $schema=../../schemas/questions.schema.json
questions:
  - id: derive-a-loss
    text: Derive the cross-entropy loss.
    roles: [scientist]
    difficulty: advanced
    guide:
      strong:
        - Starts from likelihood
        - Takes the logarithm
        - Explains the sign
      red_flags:
        - Recites without deriving
      calibration:
        level_2: Names the idea.
        level_3: Explains the idea.
        level_4: Teaches the idea.
      follow_ups:
        - ask: Why not squared error?
          good_answer: A concrete answer.
""",
    "culture": """\
# yaml-language-server: $schema=../../schemas/questions.schema.json
questions:
  - id: explain-a-trade-off
    text: Tell me about a trade-off you explained to someone outside the team.
    roles: [engineer, scientist, ops, lead]
    difficulty: intermediate
    guide:
      strong:
        - A real situation
        - Shaped for the audience
        - Checked understanding
      red_flags:
        - Blames the audience
      calibration:
        level_2: Names the idea.
        level_3: Explains the idea.
        level_4: Teaches the idea.
      follow_ups:
        - ask: What would you change?
          good_answer: A concrete answer.
""",
}

KITS_YAML = """\
# yaml-language-server: $schema=../schemas/kits.schema.json
hire_rule:
  summary: Not sure means no.
  no_hire_at: 3
  max_no: 1
  strong_hire_min: 2
stages:
  - id: chat
    title: Chat
    minutes: 30
    interviewers: The manager
    purpose: A first talk.
    probes: [culture, practice]
    questions: 1
  - id: deep
    title: Deep dive
    minutes: 60
    interviewers: Two engineers
    purpose: Dig into a project.
    probes: [practice, theory]
    questions: 2
    opens_with: ship-a-model
loops:
  - role: engineer
    stages: [chat, deep]
  - role: scientist
    stages: [chat, deep]
  - role: ops
    stages: [chat, deep]
  - role: lead
    stages: [deep, chat]
kits:
  - kit: scientist/senior
    pin:
      - stage: chat
        question: derive-a-loss
"""

MATERIALS_YAML = """\
# yaml-language-server: $schema=../schemas/materials.schema.json
materials:
  - id: model-card
    title: A model card
    area: practice
    summary: A one-page model card to discuss.
    questions: [ship-a-model]
    sections:
      - title: The card
        body: |
          ```text
          model: tiny-classifier
          ```
"""

INTERVIEWING_YAML = """\
# yaml-language-server: $schema=../schemas/interviewing.schema.json
principles:
  - id: same-questions
    title: Ask everyone the same questions
    text: Comparable answers need the same questions.
  - id: written-scorecards
    title: Write the scorecard first
    text: |-
      Score before the debrief.

      One strong opinion should not sway the panel.
"""

CALCULATOR_YAML = """\
calculator:
  description: The tiny calculator's rules.
  how_it_works: One hire at a time.
  max_headcount: 40
  max_existing: 100
  default_headcount: 3
  defaults:
    stage: early
    data: simple
  generalist:
    role: engineer
    base: 2
    description: Every team starts with engineers.
  roles:
    engineer:
      levels: {first: senior, later: junior, employed: junior}
    scientist:
      needs:
        - role: engineer
        - role: ops
          or_fractional: ci-setup
          why: A scientist joins before any ops engineer, so CI is set up part-time first.
        - role: ops
          from: 3
          when: {stage: [live]}
    ops:
      needs:
        - role: engineer
    lead:
      needs:
        - role: engineer
  archetypes:
    - id: research
      title: Research
      description: You train your own models.
      traits: [trains-models]
      needs:
        practice: 2
        theory: 4
      weights:
        engineer: 50
        scientist: 40
        ops: 20
        lead: 10
      min_team:
        scientist: 1
        lead: 4
      rationale:
        text: Research needs scientists.
        link: team-composition/#scientists
    - id: product
      title: Product
      description: You build on hosted models.
      needs:
        practice: 3
        theory: 1
      weights:
        engineer: 60
        ops: 20
        lead: 10
      min_share:
        engineer: 50
      rationale:
        text: Products need engineers.
        link: team-composition/#engineers
  stages:
    - id: early
      title: Early
      description: A prototype.
      weight_percent:
        ops: 50
    - id: live
      title: Live
      description: Real users.
      deadlines:
        ops: 2
      needs_bonus:
        practice: 1
      rationale:
        text: Live products need ops early.
        link: roles/ops/
  data_complexity:
    - id: simple
      title: Simple
      description: One clean source.
    - id: messy
      title: Messy
      description: Many sources.
      deadlines:
        lead: 3
      needs_bonus:
        practice: 2
  max_fractional: 3
  fractional_rules:
    - task: interim-lead
      closed_by: lead
      why: Nobody leads the team yet.
    - task: ci-setup
      closed_by: ops
      why: Nobody runs CI yet.
    - task: etl-setup
      when: {data: [messy], trait: trains-models}
      before: scientist
      why: Messy training data needs an ETL set-up.
  hire_reasons:
    generalist_first: "{a_role} comes first"
    specialist_first: "{base} engineers are the base, so {a_role} comes first"
    stage_deadline: "{stage} needs {a_role} by hire {deadline}"
    data_deadline: "{data} data needs {a_role} by hire {deadline}"
    lead_now: "you can afford {a_role} now, so by hire {deadline}"
    foundation: "your {for_nth} {for} needs {a_role} first"
    min_share: "{role}s stay above {share}%; this is the {nth}"
    span: "one {role} per {span} others; this is the {nth}"
    span_first: "more than {span} people and no {role}; this is the {nth}"
    weight: "{role} is furthest below its share; this is the {nth}"
    fallback: "nothing else can join, so {role} number {hire}"
    unblocked: ", now that {a_after} is here"
  plan_reasons:
    - role: ops
      hired: "{a_role} joins at hire {first} ({positions}), after {before}"
      missing: "no {role} in {hires} hires"
      link: roles/ops/
  lead_now:
    role: lead
    by_hire: 2
    label: We can afford a lead now
  rationale_rules:
    - when: {generalist_base: true}
      text: The existing engineers are the base.
      link: team-composition/#engineers
    - when: {generalist_base: false}
      text: The plan starts from engineers.
      link: team-composition/#engineers
    - when: {hires: scientist}
      text: Scientists join after their foundations.
      link: team-composition/#scientists
    - when: {existing: true}
      text: The existing team counts.
      link: team-composition/#engineers
    - when: {fractional: true}
      text: Part-time specialists cover one-off work.
      link: team-composition/#fractional
"""

COMPOSITION_YAML = (
    """\
# yaml-language-server: $schema=../schemas/composition.schema.json
principles:
  - id: engineers
    title: Start with engineers
    text: Engineers first.
  - id: scientists
    title: Scientists need foundations
    text: Scientists after engineers and ops.
  - id: fractional
    title: Use fractional specialists
    text: Part-time experts for one-off work.
fractional_tasks:
  - id: interim-lead
    title: Interim lead
    description: A part-time lead.
    why_fractional: Early decisions matter most.
  - id: ci-setup
    title: CI set-up
    description: Continuous integration that reaches a GPU.
    why_fractional: One-off work.
  - id: etl-setup
    title: ETL set-up
    description: Data pipelines.
    why_fractional: An expert is quick.
"""
    + CALCULATOR_YAML
)


def data_files() -> dict[str, str]:
    """Data file name (relative to data/) -> YAML text of the tiny handbook."""
    files = {
        "handbook.yaml": HANDBOOK_YAML,
        "skills.yaml": SKILLS_YAML,
        "roles.yaml": ROLES_YAML,
        "composition.yaml": COMPOSITION_YAML,
        "interviewing.yaml": INTERVIEWING_YAML,
        "materials.yaml": MATERIALS_YAML,
        "kits.yaml": KITS_YAML,
    }
    files.update({f"questions/{area}.yaml": text for area, text in QUESTION_FILES.items()})
    return files


def write_data(directory: Path) -> Path:
    """Write the tiny handbook's data files into directory (created); return it."""
    directory = Path(directory)
    for name, text in data_files().items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return directory


@functools.cache
def _rules_json() -> str:
    from handbook.engine import build_rules

    composition = yaml.safe_load(COMPOSITION_YAML)
    roles = yaml.safe_load(ROLES_YAML)["roles"]
    skills = yaml.safe_load(SKILLS_YAML)["skills"]
    axes = [skill["id"] for skill in skills if skill["base"]]
    rules = build_rules(composition["calculator"], roles, composition["fractional_tasks"], axes)
    return json.dumps(rules, sort_keys=True, separators=(",", ":"))


def rules() -> dict[str, Any]:
    """The tiny handbook's calculator rules, as the engine takes them (a fresh copy)."""
    return json.loads(_rules_json())


def rules_json() -> str:
    """The same rules as one JSON string, as the browser receives them."""
    return _rules_json()


def changed_rules(change) -> dict[str, Any]:
    """A fresh copy of the rules with change(calculator) applied."""
    changed = copy.deepcopy(rules())
    change(changed["calculator"])
    return changed


class DataDir:
    """A writable tiny data/ under root, addressed relative to the working directory."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.dir = write_data(self.root / "data")

    def text(self, name: str) -> str:
        return (self.dir / name).read_text(encoding="utf-8")

    def write(self, name: str, text: str | bytes) -> None:
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    def replace(self, name: str, old: str, new: str, count: int = 1) -> str:
        """Replace old by new in one file (old must be there); the file's new text."""
        text = self.text(name)
        assert old in text, f"{old!r} not in {name}"
        updated = text.replace(old, new, count)
        self.write(name, updated)
        return updated

    def problems(self) -> list[str]:
        """Every problem as FILE:LINE: path: message, with paths as the editor sees them."""
        from handbook.content import collect_problems

        _, problems = collect_problems(Path(os.path.relpath(self.dir)))
        return [str(problem) for problem in problems]
