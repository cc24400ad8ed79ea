"""What the ledger changes in a plan, and a free account's monthly budget of notes
(docs/guidance.md: connect.never_repeat, connect.note_budget)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from writer.guidance import Guidance
from writer.notes import Interviewer, LinkedInStatus, Notes, Rapport, Relation, Tier
from writer.plan import ActionKind, Decision, InterviewerPlan, Reason, Sent

_PRIORITY = {
    Relation.hiring_manager: 0,
    Relation.executive: 1,
    Relation.team_member: 2,
    Relation.other: 3,
    Relation.recruiter: 4,
    Relation.hr_coordinator: 5,
}
_RAPPORT_PRIORITY = {Rapport.strong: 0, Rapport.some: 1, Rapport.minimal: 2}


def with_ledger(notes: Notes, sent: Sequence[Sent]) -> Notes:
    """The notes as the ledger knows them: recorded requests and messages folded in."""
    mine = [s for s in sent if s.company == notes.company]
    if not mine:
        return notes
    people = []
    for person in notes.interviewers:
        linkedin = person.linkedin
        for record in (s for s in mine if s.interviewer == person.name):
            day = record.at.date()
            if (
                record.kind == ActionKind.connection_request
                and linkedin.status == LinkedInStatus.none
            ):
                linkedin = linkedin.model_copy(
                    update={"status": LinkedInStatus.pending, "requested_on": day}
                )
            if record.kind == ActionKind.follow_up_message and linkedin.messaged_on is None:
                linkedin = linkedin.model_copy(update={"messaged_on": day})
        people.append(person.model_copy(update={"linkedin": linkedin}))
    return notes.model_copy(update={"interviewers": people})


def emailed(notes: Notes, sent: Sequence[Sent]) -> dict[str, datetime]:
    """When the ledger says each interviewer of this company got a thank-you email."""
    return {
        s.interviewer: s.at
        for s in sent
        if s.company == notes.company and s.kind == ActionKind.thank_you_email
    }


def requests_elsewhere(notes: Notes, sent: Sequence[Sent], now: datetime) -> int:
    """Connection requests recorded in the month of `now` for other companies."""
    return sum(
        1
        for s in sent
        if s.company != notes.company
        and s.kind == ActionKind.connection_request
        and (s.at.year, s.at.month) == (now.year, now.month)
    )


def notes_sent_this_month(notes: Notes, now: datetime) -> int:
    """Connection requests (with notes) to this company's interviewers in the month of `now`."""
    month = (now.year, now.month)
    sent = [p.linkedin.requested_on for p in notes.interviewers]
    return sum(1 for day in sent if day is not None and (day.year, day.month) == month)


def apply_note_budget(
    notes: Notes, people: list[InterviewerPlan], used: int, guidance: Guidance
) -> None:
    """Over a free account's monthly note budget (`used` notes already gone this month),
    the lower-priority requests become optional."""
    if notes.tier != Tier.free:
        return
    budget = guidance.free_note_budget
    planned = [
        (_priority(person), action)
        for person, plan in zip(notes.interviewers, people, strict=True)
        if (action := plan.action(ActionKind.connection_request)) and action.decision == Decision.do
    ]
    planned.sort(key=lambda pair: pair[0])
    text = (
        f"A free account allows about {budget} personalized notes a month and {used} went "
        "out this month: this lower-priority request can wait, or go without a note."
    )
    for _, action in planned[max(budget - used, 0) :]:
        action.decision = Decision.optional
        action.reasons.append(Reason(rule="connect.note_budget", text=text))


def _priority(person: Interviewer) -> tuple[int, int, int]:
    mutuals = person.mutual_connections or 0
    return (_PRIORITY[person.relation], _RAPPORT_PRIORITY[person.rapport], -mutuals)
