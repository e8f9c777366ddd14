"""Interview kits from the model: one per role and level, with its loop, questions and scorecard.

Questions are picked deterministically. For each stage of the role's loop, in order: the
stage's opening question and the questions pinned to it in kits.yaml, then questions from the
bank that suit the role, taken in turn from each area the stage probes, nearest first to the
difficulty that the level's expected level in that area calls for (bank order breaks ties). A
question is asked once per kit, and an excluded question never.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

from ..engine.scorecard import Axis
from .model import Handbook, Question, Role, RoleLevel
from .model_kits import Stage, duration

DIFFICULTY_ORDER = ("foundational", "intermediate", "advanced")
#: expected level in the area -> the difficulty it calls for
TARGET_DIFFICULTY = {1: "foundational", 2: "foundational", 3: "intermediate", 4: "advanced"}
DEFAULT_AREA_LEVEL = 3


@dataclass(frozen=True)
class KitQuestion:
    question: Question
    pinned: bool
    listen_level: int  # the calibration level quoted as "what to listen for"
    listen_for: str


@dataclass(frozen=True)
class KitStage:
    stage: Stage
    questions: tuple[KitQuestion, ...]


@dataclass(frozen=True)
class Kit:
    id: str  # "role-id/level-id"
    role: Role
    level: RoleLevel
    stages: tuple[KitStage, ...]
    axes: tuple[Axis, ...]

    @property
    def minutes(self) -> int:
        return sum(item.stage.minutes for item in self.stages)

    @property
    def interview_time(self) -> str:
        """The interview stages' time together, e.g. "4 h 15 min"."""
        return duration(sum(s.stage.minutes for s in self.stages if s.stage.is_interview))

    @property
    def long_stages(self) -> tuple[Stage, ...]:
        """Stages of a working day or more, such as a paid trial, reported on their own."""
        return tuple(item.stage for item in self.stages if not item.stage.is_interview)

    @property
    def time(self) -> str:
        """Interview time, then each long stage's: "4 h 15 min + 2 working days"."""
        return " + ".join([self.interview_time] + [stage.duration for stage in self.long_stages])

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(q.question.id for stage in self.stages for q in stage.questions)


def kit_ids(hb: Handbook) -> list[str]:
    """Every kit, role by role and level by level: "role-id/level-id"."""
    return [f"{role.id}/{level.id}" for role in hb.roles for level in role.levels]


def area_level(level: RoleLevel, area: str) -> int:
    return level.skills.get(area, DEFAULT_AREA_LEVEL)


def scorecard_axes(hb: Handbook, role: Role, level: RoleLevel) -> tuple[Axis, ...]:
    """The base axes, then every further area the role's loop probes, in skills.yaml order."""
    stages = [hb.kits.stage(stage_id) for stage_id in hb.kits.loops[role.id]]
    probed = {area for stage in stages for area in stage.probes}
    return tuple(
        Axis(skill.id, skill.name, level.skills[skill.id])
        for skill in hb.skills
        if skill.base or (skill.id in probed and skill.id in level.skills)
    )


def _distance(question: Question, target: str) -> int:
    return abs(DIFFICULTY_ORDER.index(question.difficulty) - DIFFICULTY_ORDER.index(target))


def _ranked(hb: Handbook, role: Role, level: RoleLevel, area: str) -> list[Question]:
    target = TARGET_DIFFICULTY[area_level(level, area)]
    return sorted(hb.questions_suiting(role.id, area), key=lambda q: _distance(q, target))


def _kit_question(question: Question, level: RoleLevel, pinned: bool) -> KitQuestion:
    wanted = max(2, area_level(level, question.area))
    text = dict(question.guide.calibration).get(wanted, "")
    return KitQuestion(question, pinned, wanted, text)


def _pick(hb: Handbook, role: Role, level: RoleLevel, stage: Stage, pins, blocked: set[str]):
    chosen = [hb.question(question_id) for question_id in pins]
    turns = zip_longest(*(_ranked(hb, role, level, area) for area in stage.probes))
    for question in (q for turn in turns for q in turn if q is not None):
        if len(chosen) >= stage.questions:
            break
        if question.id not in blocked and question not in chosen:
            chosen.append(question)
    return chosen


def _pins(hb: Handbook, role: Role, kit_id: str) -> dict[str, list[str]]:
    """Stage id -> the questions it starts with: the stage's opening question (when it suits
    the role and is not excluded), then the kit's own pins."""
    edit = hb.kits.edit(kit_id)
    pins: dict[str, list[str]] = {}
    for stage_id in hb.kits.loops[role.id]:
        opening = hb.kits.stage(stage_id).opens_with
        suits = opening and role.id in hb.question(opening).roles
        if suits and opening not in edit.exclude and all(q != opening for _, q in edit.pins):
            pins[stage_id] = [opening]
    for stage_id, question in edit.pins:
        pins.setdefault(stage_id, []).append(question)
    return pins


def build_kit(hb: Handbook, kit_id: str) -> Kit:
    """The kit "role-id/level-id" (KeyError when there is none)."""
    role_id, _, level_id = kit_id.partition("/")
    role = next((r for r in hb.roles if r.id == role_id), None)
    level = next((lv for lv in role.levels if lv.id == level_id), None) if role else None
    if level is None:
        raise KeyError(kit_id)
    pins = _pins(hb, role, kit_id)
    blocked = set(hb.kits.edit(kit_id).exclude) | {q for qs in pins.values() for q in qs}
    stages = []
    for stage_id in hb.kits.loops[role.id]:
        stage, pinned = hb.kits.stage(stage_id), pins.get(stage_id, [])
        chosen = _pick(hb, role, level, stage, pinned, blocked)
        blocked |= {q.id for q in chosen}
        picked = tuple(_kit_question(q, level, q.id in pinned) for q in chosen)
        stages.append(KitStage(stage, picked))
    return Kit(kit_id, role, level, tuple(stages), scorecard_axes(hb, role, level))


def all_kits(hb: Handbook) -> list[Kit]:
    return [build_kit(hb, kit_id) for kit_id in kit_ids(hb)]
