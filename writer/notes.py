"""The notes file: one interview loop at one company (docs/notes-format.md §1)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)

from writer import names

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DIGITS = re.compile(r"^[+-]?\d+(\.\d*)?$")
# Windows are computed days past these dates: years near 1 or 9999 would overflow.
FIRST_YEAR, LAST_YEAR = 1970, 2200


def _not_a_number(value: Any) -> Any:
    """A bare number is not a date (pydantic would read 20261120 as a 1970 Unix time)."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number or (isinstance(value, str) and _DIGITS.match(value.strip())):
        raise ValueError(
            f"{str(value).strip()} is a number, not a date; write the date with dashes, "
            "e.g. 2026-11-20 (or 2026-11-20T14:00:00-05:00 for a time)"
        )
    return value


def _in_range(value: Any) -> Any:
    if isinstance(value, date) and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(
            f"year {value.year} is out of range; use a year from {FIRST_YEAR} to {LAST_YEAR}"
        )
    return value


DEFAULT_LENGTH = timedelta(hours=1)  # an interview without an end lasts this long
ASSUMED_START = time(9, 0)  # a date alone means this time, in the machine's time zone


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
    email: str | None = None  # the From of exported drafts (else found in the signature)

    @field_validator("signature")
    @classmethod
    def _keep_lines(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None


class LinkedIn(_Strict):
    status: LinkedInStatus = LinkedInStatus.none
    requested_on: date | None = None
    accepted_on: date | None = None
    messaged_on: date | None = None

    _no_numbers = field_validator("requested_on", "accepted_on", "messaged_on", mode="before")(
        _not_a_number
    )
    _years = field_validator("requested_on", "accepted_on", "messaged_on")(_in_range)


class Interviewer(_Strict):
    name: NonEmpty
    title: str | None = None
    relation: Relation = Relation.other
    topics: list[NonEmpty] = Field(default_factory=list)
    rapport: Rapport = Rapport.some
    email: str | None = None
    email_sent_on: date | None = None  # the thank-you email went out then: none is planned
    mutual_connections: int | None = Field(default=None, ge=0)
    linkedin: LinkedIn = Field(default_factory=LinkedIn)
    notes: str | None = None
    # How to address them ("Anne-Marie", "An", "Dr. Okafor", "Sir Anand"): settles names
    # written family name first, compound given names and titles.
    greet_as: str | None = None

    @field_validator("greet_as")
    @classmethod
    def _greet_as_set(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError(
                "greet_as is empty; write how to address them (e.g. greet_as: Anne-Marie), "
                "or leave the key out"
            )
        return value

    @property
    def first_name(self) -> str:
        """The given name they are greeted by ('Xiaoling' for 'Chen Xiaoling')."""
        return names.given_name(self.name, self.greet_as)

    def address(self, *, formal: bool = False) -> str:
        """What follows 'Hi' or 'Dear': `greet_as`, else 'Dr. Okafor' (formal), else the
        given name (see writer.names.address)."""
        return names.address(self.name, self.greet_as, formal=formal)


def _date_only(value: Any) -> date | None:
    """The date, when `value` is a date without a time."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _DATE_ONLY.match(value.strip()):
        return date.fromisoformat(value.strip())
    return None


def _aware(value: Any) -> Any:
    """A date alone means 09:00 local time; a date-time must carry its UTC offset."""
    value = _in_range(_not_a_number(value))
    day = _date_only(value)
    if day is not None:
        _in_range(day)
    return value if day is None else datetime.combine(day, ASSUMED_START).astimezone()


class Interview(_Strict):
    start: datetime
    end: datetime | None = None
    stage: str | None = None
    went: Went = Went.mixed
    decision_by: date | None = None
    # Who gave the decision date (a name in interviewers): the status email goes to them.
    decision_from: str | None = None
    # They wrote back (any reply about the decision) on this day: no status email is due.
    heard_back_on: date | None = None
    # Whether `start` was a date alone (09:00 assumed), so the plan can say so.
    _start_was_date: bool = PrivateAttr(default=False)

    _to_aware = field_validator("start", "end", mode="before")(_aware)
    _no_numbers = field_validator("decision_by", "heard_back_on", mode="before")(_not_a_number)
    _years = field_validator("start", "end", "decision_by", "heard_back_on")(_in_range)

    @field_validator("start", "end")
    @classmethod
    def _needs_offset(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.utcoffset() is None:
            raise ValueError(
                "needs a UTC offset, e.g. 2026-11-20T14:00:00-05:00 (or a date alone for 09:00)"
            )
        return value

    @model_validator(mode="wrap")
    @classmethod
    def _remember_date_only(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        interview = handler(data)
        if isinstance(data, dict) and _date_only(data.get("start")) is not None:
            interview._start_was_date = True
        return interview

    @property
    def start_was_date(self) -> bool:
        """True when the notes gave `start` as a date alone (09:00 local was assumed)."""
        return self._start_was_date

    @model_validator(mode="after")
    def _end_after_start(self) -> Interview:
        if self.end is not None and self.end < self.start:
            raise ValueError("interview.end is before interview.start; check the two times")
        return self

    @property
    def ends(self) -> datetime:
        """When the interview ended (start + 1 hour when no end is given)."""
        return self.end if self.end is not None else self.start + DEFAULT_LENGTH


class Notes(_Strict):
    _outcome_numbers = field_validator("outcome_on", mode="before")(_not_a_number)
    _outcome_years = field_validator("outcome_on")(_in_range)

    candidate: Candidate
    company: NonEmpty
    role: NonEmpty
    interview: Interview
    culture: Culture = Culture.neutral
    outcome: Outcome = Outcome.pending
    outcome_on: date | None = None  # the day the offer or rejection arrived
    interviewers: list[Interviewer] = Field(min_length=1)

    def interviewer(self, name: str) -> Interviewer | None:
        """The interviewer called `name` (case-insensitive), if any."""
        wanted = name.strip().casefold()
        for person in self.interviewers:
            known = {person.name, person.first_name, person.name.split()[0], person.greet_as or ""}
            if wanted in {k.casefold() for k in known}:
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
            out += [person.name, person.greet_as or "", person.title or "", person.email or ""]
            out.append(person.notes or "")
            out += person.topics
        return [text for text in out if text]
