"""The frozen content model. Built only from validated data; nothing here reads YAML."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from .model_kits import KitSettings


def _tuple(items: Any) -> tuple:
    return tuple(items or ())


@dataclass(frozen=True)
class Entry:
    """A titled block of prose: a rule of thumb or an interviewing principle."""

    id: str
    title: str
    text: str

    @classmethod
    def build(cls, data: dict) -> Entry:
        return cls(data["id"], data["title"], data["text"])


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    author: str
    publisher: str
    published: str
    note: str


@dataclass(frozen=True)
class Level:
    level: int
    name: str
    description: str


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    base: bool
    summary: str
    signals: tuple[str, ...]
    skilled_at: tuple[str, ...]
    levels: tuple[Level, ...]

    @classmethod
    def build(cls, data: dict) -> Skill:
        levels = tuple(Level(**level) for level in data["levels"])
        return cls(
            data["id"],
            data["name"],
            data["base"],
            data["summary"],
            _tuple(data["signals"]),
            _tuple(data["skilled_at"]),
            levels,
        )

    def level_name(self, level: int) -> str:
        return next((item.name for item in self.levels if item.level == level), str(level))


@dataclass(frozen=True)
class Focus:
    area: str
    why: str


@dataclass(frozen=True)
class Variant:
    id: str
    title: str
    summary: str


@dataclass(frozen=True)
class RoleLevel:
    """One level of a role (for the ML lead, one of its variants): what a kit hires at."""

    id: str
    title: str
    scope: str
    changes: str
    skills: MappingProxyType  # skill id -> expected level: every base axis, maybe culture etc.
    people_leadership: str = ""
    judgement: str = ""

    @classmethod
    def build(cls, data: dict) -> RoleLevel:
        return cls(
            data["id"],
            data["title"],
            data["scope"],
            data.get("changes", ""),
            MappingProxyType(dict(data["skills"])),
            data.get("people_leadership", ""),
            data.get("judgement", ""),
        )


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    abbreviation: str
    also_called: tuple[str, ...]
    summary: str
    responsibilities: tuple[str, ...]
    profile: tuple[str, ...]
    when_to_hire: str
    pitfalls: tuple[str, ...]
    skills: MappingProxyType
    interview_focus: tuple[Focus, ...]
    variants: tuple[Variant, ...]
    levels: tuple[RoleLevel, ...] = ()

    @classmethod
    def build(cls, data: dict) -> Role:
        return cls(
            id=data["id"],
            title=data["title"],
            abbreviation=data.get("abbreviation", ""),
            also_called=_tuple(data.get("also_called")),
            summary=data["summary"],
            responsibilities=_tuple(data["responsibilities"]),
            profile=_tuple(data["profile"]),
            when_to_hire=data["when_to_hire"],
            pitfalls=_tuple(data["pitfalls"]),
            skills=MappingProxyType(dict(data["skills"])),
            interview_focus=tuple(Focus(**f) for f in data["interview_focus"]),
            variants=tuple(Variant(**v) for v in data.get("variants", ())),
            levels=tuple(RoleLevel.build(level) for level in data["levels"]),
        )

    def level(self, level_id: str) -> RoleLevel:
        return next(level for level in self.levels if level.id == level_id)


@dataclass(frozen=True)
class FollowUp:
    ask: str
    good_answer: str


@dataclass(frozen=True)
class Guide:
    strong: tuple[str, ...]
    red_flags: tuple[str, ...]
    follow_ups: tuple[FollowUp, ...]
    calibration: tuple[tuple[int, str], ...] = ()  # (level, what an answer at it sounds like)

    @classmethod
    def build(cls, data: dict) -> Guide:
        calibration = data["calibration"]
        return cls(
            _tuple(data["strong"]),
            _tuple(data["red_flags"]),
            tuple(FollowUp(item["ask"], item["good_answer"]) for item in data["follow_ups"]),
            tuple((level, calibration[f"level_{level}"]) for level in (2, 3, 4)),
        )


@dataclass(frozen=True)
class Question:
    id: str
    area: str
    text: str
    roles: tuple[str, ...]
    difficulty: str
    guide: Guide
    materials: tuple[str, ...] = ()

    @classmethod
    def build(cls, area: str, data: dict) -> Question:
        return cls(
            data["id"],
            area,
            data["text"],
            _tuple(data["roles"]),
            data["difficulty"],
            Guide.build(data["guide"]),
            _tuple(data.get("materials")),
        )


@dataclass(frozen=True)
class MaterialSection:
    title: str
    body: str


@dataclass(frozen=True)
class Material:
    """Something an interviewer hands out or works from: a coding ladder, a brief, a dataset."""

    id: str
    title: str
    area: str
    summary: str
    questions: tuple[str, ...]
    sections: tuple[MaterialSection, ...]

    @classmethod
    def build(cls, data: dict) -> Material:
        sections = tuple(MaterialSection(s["title"], s["body"]) for s in data["sections"])
        return cls(
            data["id"],
            data["title"],
            data["area"],
            data["summary"],
            _tuple(data.get("questions")),
            sections,
        )


@dataclass(frozen=True)
class FractionalTask:
    id: str
    title: str
    description: str
    why_fractional: str


@dataclass(frozen=True)
class Handbook:
    """Everything the site shows, validated and frozen."""

    title: str
    edition: str
    summary: str
    audience: tuple[str, ...]
    sources: tuple[Source, ...]
    editorial_note: str
    skills: tuple[Skill, ...]
    roles: tuple[Role, ...]
    questions: tuple[Question, ...]
    composition: tuple[Entry, ...]
    fractional_tasks: tuple[FractionalTask, ...]
    interviewing: tuple[Entry, ...]
    calculator_rules_json: str
    materials: tuple[Material, ...] = ()
    kits: KitSettings | None = None

    @property
    def base_axes(self) -> tuple[Skill, ...]:
        return tuple(skill for skill in self.skills if skill.base)

    def skill(self, skill_id: str) -> Skill:
        return next(skill for skill in self.skills if skill.id == skill_id)

    def role(self, role_id: str) -> Role:
        return next(role for role in self.roles if role.id == role_id)

    def questions_for(self, role_id: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if role_id in q.roles)

    def questions_in(self, area: str) -> tuple[Question, ...]:
        return self._question_index.get(area, ())

    def questions_suiting(self, role_id: str, area: str) -> tuple[Question, ...]:
        """The area's questions that suit the role, in bank order."""
        return self._question_index.get((role_id, area), ())

    @cached_property
    def _question_index(self) -> dict[Any, tuple[Question, ...]]:
        """Questions by area and by (role, area), in bank order, found once: kits ask for each
        area of each role's loop, and a scan each time grew with roles x questions."""
        found: dict[Any, list[Question]] = {}
        for q in self.questions:
            for key in (q.area, *((role_id, q.area) for role_id in q.roles)):
                found.setdefault(key, []).append(q)
        return {key: tuple(questions) for key, questions in found.items()}

    def material(self, material_id: str) -> Material:
        return next(item for item in self.materials if item.id == material_id)

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)

    def calculator_rules(self) -> dict[str, Any]:
        """The engine's rules as a fresh plain dict (JSON), safe to hand to the engine."""
        return json.loads(self.calculator_rules_json)
