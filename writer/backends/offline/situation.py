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
# A claim that the talk has stayed in the mind since ('I have thought about X often since',
# 'remains on my mind', 'I keep coming back to'): true only once days have passed, not of a
# message drafted the evening of the interview.
_SINCE_CLAIM = re.compile(
    r"\b(?:since we spoke|often since|times since|with me since|on my mind|still thinking|"
    r"still mulling|still reflecting|keep (?:coming|thinking) back|kept (?:coming back|"
    r"thinking)|keep thinking|stayed with me|returned to|continue to think|thought more about|"
    r"thought about|been thinking|mind since)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Situation:
    """The facts one message must not ignore."""

    outcome: Outcome
    feedback: bool = False  # the notes record feedback they gave
    other_offer: bool = False  # the candidate withdrew for another offer
    connected: bool = False  # already connected on LinkedIn
    # weekdays (0 = Monday) the message may be read on; None when no one can say
    days: frozenset[int] | None = None
    # whole days from the interview to the first moment the message may go
    days_after: int = 2

    def had_days(self, text: str) -> bool:
        """Whether a claim in `text` that the talk has stayed in the mind since ('remains
        on my mind') has had the days to be true; a text with no such claim has."""
        return self.days_after >= 2 or not _SINCE_CLAIM.search(text)

    def suits(self, text: str) -> bool:
        """Whether a phrase about the week holds on every day the message may be read:
        'the rest of the week' Monday to Thursday, the week as a whole Monday to Wednesday;
        and whether a claim that the talk has stayed in the mind since has had the days."""
        if not self.had_days(text):
            return False
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
        days_after=days_after(notes, now, not_before),
    )


def days_after(notes: Notes, now: datetime, not_before: datetime | None) -> int:
    """Whole days from the interview's day to the first day the message may go."""
    start = notes.interview.start
    first = max(now, not_before or now, start)
    return (first.astimezone(start.tzinfo).date() - start.date()).days


# The people whose call the decision is, or who pass it on: asking anyone else for news,
# or thanking them for telling, speaks to the wrong person.
_DECIDES = frozenset(
    {Relation.hiring_manager, Relation.executive, Relation.recruiter, Relation.hr_coordinator}
)


def decides(person: Interviewer) -> bool:
    """This person makes or passes on the decision (not a team member or someone who sat in)."""
    return person.relation in _DECIDES
