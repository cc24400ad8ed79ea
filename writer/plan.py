"""The plan's data: who gets which action, when, and why (docs/notes-format.md §2-3)."""

from __future__ import annotations

from collections.abc import Container, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from writer.kinds import MESSAGE_FOR_ACTION, ActionKind, MessageKind

if TYPE_CHECKING:
    from writer.notes import Interviewer, Notes

__all__ = [
    "Action",
    "ActionKind",
    "Decision",
    "InterviewerPlan",
    "MessageKind",
    "Plan",
    "PlannedMessage",
    "Reason",
    "Sent",
]


class Decision(StrEnum):
    do = "do"
    wait = "wait"
    optional = "optional"
    skip = "skip"


@dataclass(frozen=True)
class Sent:
    """A message the candidate recorded as sent (the ledger), which the planner respects."""

    company: str
    interviewer: str
    kind: ActionKind
    at: datetime

    def __post_init__(self) -> None:
        # Callers may pass the ledger's stored string; it must name an action.
        object.__setattr__(self, "kind", ActionKind(self.kind))

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Sent:
        return cls(data["company"], data["interviewer"], ActionKind(data["kind"]), _at(data["at"]))

    def to_json(self) -> dict[str, str]:
        return {
            "company": self.company,
            "interviewer": self.interviewer,
            "kind": self.kind.value,
            "at": self.at.isoformat(),
        }


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


class Reason(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule: str
    text: str


class Action(BaseModel):
    kind: ActionKind
    decision: Decision
    not_before: datetime | None = None
    not_after: datetime | None = None
    reasons: list[Reason]
    # A thank-you email more than a few days late (email.late): a draft owns the delay.
    late: bool = False

    @property
    def message_kind(self) -> MessageKind | None:
        """The message this action sends, if it sends one (`disconnect` does not)."""
        return MESSAGE_FOR_ACTION.get(self.kind)


class InterviewerPlan(BaseModel):
    name: str
    relation: str
    actions: list[Action]

    def action(self, kind: ActionKind) -> Action | None:
        return next((a for a in self.actions if a.kind == kind), None)


class Plan(BaseModel):
    company: str
    role: str
    now: datetime
    interviewers: list[InterviewerPlan]
    # Set when the clock's UTC offset differs from the interview's (a daylight-saving
    # change since, or travel): the windows are at the interview's offset.
    offset_note: str | None = None
    # What the plan assumed or could not judge well (a date-only start, no end, a loop long
    # past): each with a `rule` id and a `text` that says how to be exact.
    warnings: list[Reason] = []
    # Two status emails went unanswered (status.at_most_two): stop writing.
    cold: bool = False

    def person(self, name: str) -> InterviewerPlan:
        return next(p for p in self.interviewers if p.name == name)

    def messages(
        self, notes: Notes, kinds: Container[MessageKind] | None = None
    ) -> Iterator[PlannedMessage]:
        """Every message to draft, in plan order: each action not skipped that sends one
        (of `kinds`, when given). `notes` are the notes this plan was made from."""
        people = zip(self.interviewers, notes.interviewers, strict=True)
        for position, (person_plan, person) in enumerate(people):
            for action in person_plan.actions:
                kind = action.message_kind
                if action.decision == Decision.skip or kind is None:
                    continue
                if kind == MessageKind.status_email and action.decision == Decision.wait:
                    continue  # drafted once its window opens, from the notes as they are then
                if kinds is None or kind in kinds:
                    yield PlannedMessage(position, person, action, kind)


@dataclass(frozen=True)
class PlannedMessage:
    """One message the plan says to draft: to whom (and their place in the notes), for
    which action, of which kind."""

    position: int
    person: Interviewer
    action: Action
    kind: MessageKind


def offset_text(moment: datetime) -> str:
    """'-05:00'."""
    zone = moment.strftime("%z") or "+0000"
    return f"{zone[:3]}:{zone[3:5]}"


def offset_note(interview: datetime, now: datetime) -> str | None:
    """What to say when `now` (as the clock gives it) is at another UTC offset than the
    interview, or None when they agree."""
    then, here = interview.utcoffset(), now.utcoffset()
    if then is None or here is None or then == here:
        return None
    gap = here - then
    hours = abs(gap) / timedelta(hours=1)
    way = "add" if gap > timedelta(0) else "subtract"
    return (
        f"times are shown at the interview's UTC offset, {offset_text(interview)}; your "
        f"clock is now at {offset_text(now)}, so {way} {hours:g} h to read them on it"
    )
