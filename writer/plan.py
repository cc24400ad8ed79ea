"""The plan's data: who gets which action, when, and why (CONTRACT.md §2-3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
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
    # Set when the clock's UTC offset differs from the interview's (a daylight-saving
    # change since, or travel): the windows are at the interview's offset.
    offset_note: str | None = None

    def person(self, name: str) -> InterviewerPlan:
        return next(p for p in self.interviewers if p.name == name)


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
