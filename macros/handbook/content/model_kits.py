"""The frozen model of data/kits.yaml: stages, loops, the hire rule and per-kit edits."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

WORKING_DAY_MINUTES = 480  # a stage this long or longer is a day of work, not an interview


def duration(minutes: int) -> str:
    """As a reader says it: 45 -> "45 min", 60 -> "1 h", 75 -> "1 h 15 min", and whole
    working days of 8 h as days: 960 -> "2 working days"."""
    if minutes >= WORKING_DAY_MINUTES and minutes % WORKING_DAY_MINUTES == 0:
        days = minutes // WORKING_DAY_MINUTES
        return f"{days} working day{'s' if days != 1 else ''}"
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


@dataclass(frozen=True)
class Stage:
    id: str
    title: str
    minutes: int
    interviewers: str
    purpose: str
    probes: tuple[str, ...]
    questions: int
    opens_with: str = ""

    @property
    def duration(self) -> str:
        return duration(self.minutes)

    @property
    def is_interview(self) -> bool:
        """Shorter than a working day (a paid trial of days is not an interview)."""
        return self.minutes < WORKING_DAY_MINUTES

    @classmethod
    def build(cls, data: dict) -> Stage:
        return cls(
            data["id"],
            data["title"],
            data["minutes"],
            data["interviewers"],
            data["purpose"],
            tuple(data["probes"]),
            data["questions"],
            data.get("opens_with", ""),
        )


@dataclass(frozen=True)
class KitEdit:
    """An editor's changes to one kit: (stage id, question id) pins, and excluded questions."""

    kit: str
    pins: tuple[tuple[str, str], ...] = ()
    exclude: tuple[str, ...] = ()

    @classmethod
    def build(cls, data: dict) -> KitEdit:
        pins = tuple((pin["stage"], pin["question"]) for pin in data.get("pin", ()))
        return cls(data["kit"], pins, tuple(data.get("exclude", ())))


@dataclass(frozen=True)
class KitSettings:
    hire_rule_summary: str
    hire_rule: MappingProxyType  # no_hire_at, max_no, strong_hire_min (engine/scorecard.py)
    stages: tuple[Stage, ...]
    loops: MappingProxyType  # role id -> stage ids in order
    edits: MappingProxyType  # kit id ("role/level") -> KitEdit

    @classmethod
    def build(cls, data: dict) -> KitSettings:
        rule = {key: value for key, value in data["hire_rule"].items() if key != "summary"}
        edits = {item["kit"]: KitEdit.build(item) for item in data.get("kits", ())}
        return cls(
            data["hire_rule"]["summary"],
            MappingProxyType(rule),
            tuple(Stage.build(stage) for stage in data["stages"]),
            MappingProxyType({loop["role"]: tuple(loop["stages"]) for loop in data["loops"]}),
            MappingProxyType(edits),
        )

    def stage(self, stage_id: str) -> Stage:
        return next(stage for stage in self.stages if stage.id == stage_id)

    def edit(self, kit_id: str) -> KitEdit:
        return self.edits.get(kit_id, KitEdit(kit_id))
