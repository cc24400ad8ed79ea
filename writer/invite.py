"""Read an interview invite (`.ics`, or an `.eml` carrying one) into the facts a notes
skeleton needs: who attends, when, and what the summary says. No network: the time zones
come from the invite's own VTIMEZONE blocks (or the tz database for names it knows)."""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from writer.errors import InputError
from writer.reading import read_capped, shown_path

_CALENDAR_TYPES = ("text/calendar", "application/ics")
# Attendees that are places or things, not people (RFC 5545 §3.2.3).
_NOT_PEOPLE = {"ROOM", "RESOURCE"}
_SENDERS_NOT_PEOPLE = re.compile(r"^(no-?reply|calendar|notifications?|do-not-reply)", re.I)


@dataclass(frozen=True)
class Person:
    name: str | None
    email: str | None
    cutype: str = "INDIVIDUAL"

    @property
    def is_person(self) -> bool:
        return self.cutype not in _NOT_PEOPLE


@dataclass
class Invite:
    """One interview event, as the invite gives it."""

    source: str
    summary: str
    start: datetime | date
    end: datetime | date | None
    organizer: Person | None
    attendees: list[Person] = field(default_factory=list)
    method: str = "PUBLISH"
    sequence: int = 0
    cancelled: bool = False
    location: str | None = None
    recipients: list[str] = field(default_factory=list)  # the .eml's To, lower case


def read_invite(path: Path) -> Invite:
    """The interview event in an `.ics` or `.eml` file; `InputError` when there is none."""
    source = shown_path(path)
    data = read_capped(path, source)
    if path.suffix.lower() in (".eml", ".msg") or _looks_like_mail(data):
        calendar, recipients = _from_mail(data, source)
    else:
        calendar, recipients = data, []
    invite = _parse_calendar(calendar, source)
    invite.recipients = recipients
    return invite


def _looks_like_mail(data: bytes) -> bool:
    head = data[:2000].lstrip().upper()
    return not head.startswith(b"BEGIN:VCALENDAR") and b"\nCONTENT-TYPE:" in b"\n" + head


def _from_mail(data: bytes, source: str) -> tuple[bytes, list[str]]:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    recipients = [addr.lower() for _, addr in getaddresses(message.get_all("to", [])) if addr]
    for part in message.walk():
        named = (part.get_filename() or "").lower().endswith(".ics")
        if part.get_content_type() in _CALENDAR_TYPES or named:
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload, recipients
    raise InputError.one(
        source,
        0,
        "this email carries no calendar invite (no text/calendar part or .ics attachment); "
        "save the invite itself (.ics) from your calendar, or pass the email that has it",
    )


def _parse_calendar(data: bytes, source: str) -> Invite:
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, KeyError, IndexError) as error:
        raise _malformed(source, f"it is not an iCalendar file ({_short(error)})") from None
    events = list(calendar.walk("VEVENT"))
    if not events:
        raise _malformed(source, "it holds no event (no BEGIN:VEVENT)")
    # A rescheduled invite may come with the older copy: the highest SEQUENCE is current.
    event = max(events, key=lambda e: _int(e.get("sequence")))
    try:
        start, end = _when(event, calendar)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise _malformed(source, f"its DTSTART/DTEND cannot be read ({_short(error)})") from None
    method = str(calendar.get("method", "PUBLISH")).upper()
    status = str(event.get("status", "")).upper()
    return Invite(
        source=source,
        summary=str(event.get("summary", "")).strip(),
        start=start,
        end=end,
        organizer=_person(event.get("organizer")),
        attendees=[p for p in map(_person, _as_list(event.get("attendee"))) if p is not None],
        method=method,
        sequence=_int(event.get("sequence")),
        cancelled=method == "CANCEL" or status == "CANCELLED",
        location=str(event.get("location", "")).strip() or None,
    )


def _malformed(source: str, why: str) -> InputError:
    return InputError.one(
        source,
        0,
        f"cannot read this invite: {why}; export the event again from your calendar "
        "(an .ics file, or the email with the invite attached)",
    )


def _short(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text if len(text) <= 120 else text[:110] + "…"


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _when(event: Any, calendar: Any) -> tuple[datetime | date, datetime | date | None]:
    if event.get("dtstart") is None:
        raise ValueError("the event has no DTSTART")
    start = _moment(event.decoded("dtstart"), calendar)
    end: datetime | date | None = None
    if event.get("dtend") is not None:
        end = _moment(event.decoded("dtend"), calendar)
    elif event.get("duration") is not None:
        end = start + event.decoded("duration")
    if isinstance(start, date) and not isinstance(start, datetime) and isinstance(end, date):
        # An all-day event ends on the next day (exclusive); the interview is the one day.
        end = None if end - start <= timedelta(days=1) else end
    return start, end


def _moment(value: Any, calendar: Any) -> datetime | date:
    if not isinstance(value, datetime):
        if isinstance(value, date):
            return value
        raise ValueError(f"{value!r} is not a date or a date-time")
    if value.tzinfo is None:
        # A floating time: read it in the calendar's own zone when it names one.
        return value.replace(tzinfo=_calendar_zone(calendar)) if _calendar_zone(calendar) else value
    offset = value.utcoffset()
    zone = _calendar_zone(calendar)
    if offset == timedelta(0) and zone is not None:
        return value.astimezone(zone)  # Google writes UTC but says its zone beside it
    return value


def _calendar_zone(calendar: Any) -> ZoneInfo | None:
    name = calendar.get("x-wr-timezone")
    if not name:
        return None
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _person(value: Any) -> Person | None:
    if value is None:
        return None
    address = str(value).strip()
    mail = address[7:] if address.lower().startswith("mailto:") else None
    params = getattr(value, "params", {})
    # "Sam Ortiz (Talent)": the bracket is a team label, not part of the name.
    name = re.sub(r"\s*\([^)]*\)\s*$", "", str(params.get("CN", "")).strip().strip('"')) or None
    if name is not None and mail is not None and name.lower() == mail.lower():
        name = None  # Outlook writes the address as the name when it knows no name
    cutype = str(params.get("CUTYPE", "INDIVIDUAL")).upper()
    return Person(name, mail.strip().lower() if mail else None, cutype)


def is_no_reply(person: Person) -> bool:
    """A calendar system's sender address, not a person who could be thanked."""
    local = (person.email or "").split("@")[0]
    return bool(_SENDERS_NOT_PEOPLE.match(local))
