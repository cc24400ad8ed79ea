"""Each `do` action of a plan as an iCalendar event at the start of its window; a window
that has closed gets no event."""

from __future__ import annotations

import hashlib
from datetime import UTC, timedelta

from writer.plan import Decision, Plan

EVENT_MINUTES = 15
REMINDER_MINUTES = 30


def closed(plan: Plan) -> int:
    """How many `do` actions `plan_to_ics` leaves out because their window has closed."""
    return sum(
        1
        for person in plan.interviewers
        for action in person.actions
        if action.decision == Decision.do
        and action.not_before is not None
        and action.not_after is not None
        and action.not_after < plan.now
    )


def plan_to_ics(plan: Plan) -> bytes:
    """An .ics calendar with one event, and a reminder, per `do` action whose window is
    open or ahead."""
    from icalendar import Alarm, Calendar, Event  # heavy import; only `--ics` needs it

    calendar = Calendar()
    calendar.add("prodid", "-//writer//interview follow-ups//EN")
    calendar.add("version", "2.0")
    for person in plan.interviewers:
        for action in person.actions:
            if action.decision != Decision.do or action.not_before is None:
                continue
            if action.not_after is not None and action.not_after < plan.now:
                continue  # an event in the past is a reminder nobody can act on
            what = action.kind.value.replace("_", " ")
            event = Event()
            uid = hashlib.sha256(f"{plan.company}|{person.name}|{what}".encode()).hexdigest()
            event.add("uid", f"{uid[:32]}@writer")
            event.add("summary", f"Send {what} to {person.name} ({plan.company})")
            # UTC: a fixed offset has no VTIMEZONE that calendars understand.
            start = action.not_before.astimezone(UTC)
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=EVENT_MINUTES))
            event.add("dtstamp", plan.now.astimezone(UTC))
            lines = [f"{r.rule}: {r.text}" for r in action.reasons]
            if action.not_after:
                lines.insert(0, f"Send by {action.not_after.isoformat()}.")
            event.add("description", "\n".join(lines))
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Send {what} to {person.name}")
            alarm.add("trigger", timedelta(minutes=-REMINDER_MINUTES))
            event.add_component(alarm)
            calendar.add_component(event)
    return bytes(calendar.to_ical())
