"""The notes file: one interview loop at one company (docs/notes-format.md §1)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from writer.checker.text import first_name

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Tier(StrEnum):
    free = "free"
    premium = "premium"


class Went(StrEnum):
    well = "well"
    mixed = "mixed"
    poorly = "poorly"


class Culture(StrEnum):
    formal = "formal"
    neutral = "neutral"
    casual = "casual"


class Outcome(StrEnum):
    pending = "pending"
    offer = "offer"
    rejected = "rejected"
    withdrew = "withdrew"


class Relation(StrEnum):
    hiring_manager = "hiring_manager"
    team_member = "team_member"
    executive = "executive"
    recruiter = "recruiter"
    hr_coordinator = "hr_coordinator"
    other = "other"


class Rapport(StrEnum):
    strong = "strong"
    some = "some"
    minimal = "minimal"


class LinkedInStatus(StrEnum):
    none = "none"
    pending = "pending"
    accepted = "accepted"
    declined = "declined"
    withdrawn = "withdrawn"


NonEmpty = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Candidate(_Strict):
    name: NonEmpty
    linkedin_tier: Tier = Tier.free
    signature: str | None = None

    @field_validator("signature")
    @classmethod
    def _keep_lines(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None


class LinkedIn(_Strict):
    status: LinkedInStatus = LinkedInStatus.none
    requested_on: date | None = None
    accepted_on: date | None = None
    messaged_on: date | None = None


class Interviewer(_Strict):
    name: NonEmpty
    title: str | None = None
    relation: Relation = Relation.other
    topics: list[NonEmpty] = Field(default_factory=list)
    rapport: Rapport = Rapport.some
    email: str | None = None
    mutual_connections: int | None = Field(default=None, ge=0)
    linkedin: LinkedIn = Field(default_factory=LinkedIn)
    notes: str | None = None

    @property
    def first_name(self) -> str:
        return first_name(self.name)


def _aware(value: Any) -> Any:
    """A date alone means 09:00 local time; a date-time must carry its UTC offset."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time(9, 0)).astimezone()
    if isinstance(value, str) and _DATE_ONLY.match(value.strip()):
        return datetime.combine(date.fromisoformat(value.strip()), time(9, 0)).astimezone()
    return value


class Interview(_Strict):
    start: datetime
    end: datetime | None = None
    stage: str | None = None
    went: Went = Went.mixed
    decision_by: date | None = None

    _to_aware = field_validator("start", "end", mode="before")(_aware)

    @field_validator("start", "end")
    @classmethod
    def _needs_offset(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.utcoffset() is None:
            raise ValueError(
                "needs a UTC offset, e.g. 2026-11-20T14:00:00-05:00 (or a date alone for 09:00)"
            )
        return value

    @model_validator(mode="after")
    def _end_after_start(self) -> Interview:
        if self.end is not None and self.end < self.start:
            raise ValueError("interview.end is before interview.start; check the two times")
        return self

    @property
    def ends(self) -> datetime:
        """When the interview ended (start + 1 hour when no end is given)."""
        return self.end if self.end is not None else self.start + timedelta(hours=1)


class Notes(_Strict):
    candidate: Candidate
    company: NonEmpty
    role: NonEmpty
    interview: Interview
    culture: Culture = Culture.neutral
    outcome: Outcome = Outcome.pending
    interviewers: list[Interviewer] = Field(min_length=1)

    def interviewer(self, name: str) -> Interviewer | None:
        """The interviewer called `name` (case-insensitive), if any."""
        wanted = name.strip().casefold()
        for person in self.interviewers:
            if person.name.casefold() == wanted or person.first_name.casefold() == wanted:
                return person
        return None

    @property
    def tier(self) -> Tier:
        return self.candidate.linkedin_tier

    def texts(self) -> list[str]:
        """Every piece of free text in the notes: what a draft may ground its details in."""
        out = [self.candidate.name, self.company, self.role, self.interview.stage or ""]
        out.append(self.candidate.signature or "")
        for person in self.interviewers:
            out += [person.name, person.title or "", person.email or "", person.notes or ""]
            out += person.topics
        return [text for text in out if text]
