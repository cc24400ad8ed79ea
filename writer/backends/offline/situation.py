"""Where things stand with one reader when a message goes: what the notes say happened
(an offer, a rejection with feedback, a withdrawal for another offer, a LinkedIn connection
already made) and which days the message may be read on.

A message that ignores these reads as a form letter: a plain connection note after an
offer, no thanks for feedback that was given, a withdrawal that never says why, "I'd be
glad to keep in touch" to someone already connected, "best wishes for the week" read on a
Saturday."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from writer.notes import Interviewer, LinkedInStatus, Notes, Outcome, Relation

# 'feedback: wanted more depth', 'got feedback from the recruiter', 'her feedback was kind';
# not a note to ask for some ('ask for feedback?').
_FEEDBACK = re.compile(r"\bfeedback\b", re.IGNORECASE)
_FEEDBACK_WANTED = re.compile(
    r"\b(?:ask|asking|request|requesting|want|hope|hoping|chase|no)\b[\w\s]{0,12}\bfeedback\b",
    re.IGNORECASE,
)
# 'took the other offer', 'accepted an offer elsewhere', 'signed with X', 'going with the
# other offer': the reason a withdrawal may say, kindly and briefly.
_OTHER_OFFER = re.compile(
    r"\b(?:took|take|taking|accepted|accept|accepting|signed|going with|went with|chose|"
    r"picked)\b[\w\s'-]{0,24}\b(?:offer|role|job|position)\b",
    re.IGNORECASE,
)
_ELSEWHERE = re.compile(r"\b(?:other|another|different|competing|elsewhere|rival)\b", re.I)

# A phrase about the week: its whole ('a good week'), or what is left of it.
_REST_OF_WEEK = re.compile(r"\brest of (?:the|your) week\b", re.IGNORECASE)
_WEEK = re.compile(r"\bweek\b", re.IGNORECASE)
_WEEKEND = re.compile(r"\bweekend\b", re.IGNORECASE)


@dataclass(frozen=True)
class Situation:
    """The facts one message must not ignore."""

    outcome: Outcome
    feedback: bool = False  # the notes record feedback they gave
    other_offer: bool = False  # the candidate withdrew for another offer
    connected: bool = False  # already connected on LinkedIn
    # weekdays (0 = Monday) the message may be read on; None when no one can say
    days: frozenset[int] | None = None

    def suits(self, text: str) -> bool:
        """Whether a phrase about the week holds on every day the message may be read:
        'the rest of the week' Monday to Thursday, the week as a whole Monday to Wednesday."""
        if _WEEKEND.search(text):
            return self.days is not None and self.days <= {3, 4}
        if _REST_OF_WEEK.search(text):
            return self.days is not None and self.days <= {0, 1, 2, 3}
        if _WEEK.search(text):
            return self.days is not None and self.days <= {0, 1, 2}
        return True


def _jottings(person: Interviewer) -> list[str]:
    return [*person.topics, *([person.notes] if person.notes else [])]


def feedback_given(person: Interviewer) -> bool:
    """The notes record feedback this person (or the loop) gave."""
    return any(
        _FEEDBACK.search(text) and not _FEEDBACK_WANTED.search(text) for text in _jottings(person)
    )


def withdrew_for_offer(notes: Notes) -> bool:
    """The notes say the candidate took another offer (on anyone's topics: one reason)."""
    return any(
        (found := _OTHER_OFFER.search(text)) is not None
        and _ELSEWHERE.search(text[found.start() :]) is not None
        for person in notes.interviewers
        for text in _jottings(person)
    )


def read_on(
    now: datetime, not_before: datetime | None, not_after: datetime | None, zone: tzinfo | None
) -> frozenset[int] | None:
    """The weekdays between the first and the last moment the message may go; a window
    that has closed goes now, and one with no end (it waits on an acceptance) any day."""
    if not_after is None:
        return None
    first = max(now, not_before or now)
    last = max(not_after, first)
    day, end = first.astimezone(zone).date(), last.astimezone(zone).date()
    out: set[int] = set()
    while day <= end and len(out) < 7:
        out.add(day.weekday())
        day += timedelta(days=1)
    return frozenset(out)


def situation(
    notes: Notes,
    person: Interviewer,
    now: datetime,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
) -> Situation:
    return Situation(
        outcome=notes.outcome,
        feedback=notes.outcome == Outcome.rejected and feedback_given(person),
        other_offer=notes.outcome == Outcome.withdrew and withdrew_for_offer(notes),
        connected=person.linkedin.status == LinkedInStatus.accepted,
        days=read_on(now, not_before, not_after, notes.interview.start.tzinfo),
    )


# The people whose call the decision is, or who pass it on: asking anyone else for news,
# or thanking them for telling, speaks to the wrong person.
_DECIDES = frozenset(
    {Relation.hiring_manager, Relation.executive, Relation.recruiter, Relation.hr_coordinator}
)


def decides(person: Interviewer) -> bool:
    """This person makes or passes on the decision (not a team member or someone who sat in)."""
    return person.relation in _DECIDES
