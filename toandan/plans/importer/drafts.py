"""What the importer produces: a draft of a plan for an officer to check before anything is saved."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .timeframes import TimeFrame

__all__ = ["OrganisationClause", "PlanDraft", "SectionDraft", "Signer", "TaskDraft"]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass
class Signer:
    """The person who signed: position as printed, military/police rank if any, and name."""

    position: str | None = None
    name: str | None = None
    rank: str | None = None
    capacity: str | None = None

    def display(self) -> str | None:
        """Rank and name as printed under the signature ("Đại tá Phan Công Bình"); the position if no name."""
        if self.name:
            return f"{self.rank} {self.name}" if self.rank else self.name
        return self.position

    def to_dict(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "name": self.name,
            "rank": self.rank,
            "capacity": self.capacity,
            "display": self.display(),
        }


@dataclass
class TaskDraft:
    """One task: its numbering in the plan, what to do, who leads, who supports, and when."""

    ref: str
    title: str
    body: str = ""
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    timeframe: TimeFrame = field(default_factory=TimeFrame)
    section: str | None = None
    source: str = "item"
    clause: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "title": self.title,
            "lead": list(self.lead),
            "support": list(self.support),
            "start": _iso(self.timeframe.start),
            "end": _iso(self.timeframe.end),
            "recurring": self.timeframe.recurring,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.to_json(),
            "body": self.body,
            "section": self.section,
            "source": self.source,
            "clause": self.clause,
            "timeframe": self.timeframe.to_dict(),
            "warnings": list(self.warnings),
        }


@dataclass
class SectionDraft:
    """A top-level part of the plan (I., II., …) and what kind of content it holds."""

    ref: str
    title: str
    kind: str
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"ref": self.ref, "title": self.title, "kind": self.kind, "text": self.text}


@dataclass
class OrganisationClause:
    """An item of "Tổ chức thực hiện": standing agency, reporting regime, duties of each unit."""

    ref: str
    text: str
    units: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"ref": self.ref, "text": self.text, "units": list(self.units)}


@dataclass
class PlanDraft:
    """A parsed plan document; nothing here touches the database."""

    number: str | None = None
    issuer: str | None = None
    issuer_lines: list[str] = field(default_factory=list)
    place: str | None = None
    date: date | None = None
    title: str | None = None
    directive: str | None = None
    intro: str = ""
    sections: list[SectionDraft] = field(default_factory=list)
    tasks: list[TaskDraft] = field(default_factory=list)
    budget: str | None = None
    organisation: list[OrganisationClause] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer: Signer | None = None
    decision_number: str | None = None
    decision_date: date | None = None
    warnings: list[dict[str, str | None]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The CLI shape: exactly these keys, ISO dates, None where absent, signer as `Signer.display()`."""
        return {
            "number": self.number,
            "issuer": self.issuer,
            "place": self.place,
            "date": _iso(self.date),
            "title": self.title,
            "tasks": [task.to_json() for task in self.tasks],
            "recipients": list(self.recipients),
            "signer": self.signer.display() if self.signer else None,
        }

    def to_dict(self) -> dict[str, Any]:
        """Everything the preview needs, including raw phrases, flags and warnings."""
        return {
            **self.to_json(),
            "issuer_lines": list(self.issuer_lines),
            "directive": self.directive,
            "intro": self.intro,
            "sections": [section.to_dict() for section in self.sections],
            "tasks": [task.to_dict() for task in self.tasks],
            "budget": self.budget,
            "organisation": [clause.to_dict() for clause in self.organisation],
            "signer": self.signer.to_dict() if self.signer else None,
            "decision_number": self.decision_number,
            "decision_date": _iso(self.decision_date),
            "warnings": [dict(w) for w in self.warnings],
        }
