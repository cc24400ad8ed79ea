"""The plan's data: who gets which action, when, and why (docs/notes-format.md §2-3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class ActionKind(StrEnum):
    thank_you_email = "thank_you_email"
    connection_request = "connection_request"
    follow_up_message = "follow_up_message"
    disconnect = "disconnect"


class MessageKind(StrEnum):
    thank_you_email = "thank_you_email"
    connection_note = "connection_note"
    follow_up_message = "follow_up_message"


class Decision(StrEnum):
    do = "do"
    wait = "wait"
    optional = "optional"
    skip = "skip"


MESSAGE_FOR_ACTION: dict[ActionKind, MessageKind] = {
    ActionKind.thank_you_email: MessageKind.thank_you_email,
    ActionKind.connection_request: MessageKind.connection_note,
    ActionKind.follow_up_message: MessageKind.follow_up_message,
}


@dataclass(frozen=True)
class Sent:
    """A message the candidate recorded as sent (the ledger), which the planner respects."""

    company: str
    interviewer: str
    kind: str  # thank_you_email | connection_request | follow_up_message
    at: datetime

    def to_json(self) -> dict[str, str]:
        return {
            "company": self.company,
            "interviewer": self.interviewer,
            "kind": self.kind,
            "at": self.at.isoformat(),
        }


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

    def person(self, name: str) -> InterviewerPlan:
        return next(p for p in self.interviewers if p.name == name)
