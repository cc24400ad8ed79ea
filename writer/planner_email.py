"""The thank-you email's decision, and what the plan warns about (docs/guidance.md: email.*)."""

from __future__ import annotations

from datetime import datetime, timedelta

from writer.guidance import Guidance
from writer.notes import ASSUMED_START, DEFAULT_LENGTH, Interviewer, Notes, Outcome
from writer.plan import Action, ActionKind, Decision, Reason
from writer.planner_status import addressee


def ago(delta: timedelta) -> str:
    """'6 h', '5 days': hours read well up to two days, days after that."""
    hours = max(delta.total_seconds(), 0) / 3600
    if hours < 48:
        return f"{hours:.0f} h"
    return f"{int(hours // 24)} days"  # floored, as the plan's "closed 9 d 18 h ago" is


def long_past(notes: Notes, now: datetime, guidance: Guidance) -> bool:
    """The interview is so long ago that timing advice no longer makes sense."""
    return now - notes.interview.ends > timedelta(days=guidance.loop_long_past_days)


def thank_you_email(
    person: Interviewer,
    notes: Notes,
    now: datetime,
    guidance: Guidance,
    recorded: datetime | None = None,
) -> Action:
    """Send, or say why not: already sent, late (`late=True`: own the delay), long past.

    `recorded` is when the ledger says the email went out; the notes' `email_sent_on`
    counts the same."""
    kind = ActionKind.thank_you_email
    sent = _already_sent(person, recorded)
    if sent is not None:
        return Action(kind=kind, decision=Decision.skip, reasons=[sent])
    ends = notes.interview.ends.astimezone(now.tzinfo)
    end = ends + timedelta(hours=guidance.email_within_hours)
    messaged = _messaged_since(person, now, end)
    if messaged is not None:
        return Action(kind=kind, decision=Decision.skip, reasons=[messaged])
    action = Action(
        kind=kind,
        decision=Decision.do,
        not_before=ends,
        not_after=end,
        reasons=[
            Reason(
                rule="email.always",
                text="Every interviewer gets a thank-you email; LinkedIn only supplements it.",
            ),
            Reason(
                rule="email.within_24h",
                text=f"Send it within {guidance.email_within_hours:g} h "
                "of the interview's end, while the conversation is fresh.",
            ),
        ],
    )
    if notes.outcome in (Outcome.rejected, Outcome.withdrew):
        action.decision = Decision.optional
        text = (
            "The decision is made; a short thank-you "
            "for their time is still gracious and keeps the door open."
        )
        action.reasons.append(Reason(rule="email.always", text=text))
    if now > end:
        _late(action, person, notes, now, guidance, now - end)
    return action


def _messaged_since(person: Interviewer, now: datetime, end: datetime) -> Reason | None:
    """A LinkedIn message has gone to them since the email's window closed: it thanked them
    already, and a late email on top would thank them twice."""
    messaged = person.linkedin.messaged_on
    if messaged is None or now <= end or messaged > now.date():
        return None
    text = (
        f"You messaged {person.first_name} on LinkedIn on {messaged:%a %d %b}, after the "
        "email's window closed: that message thanked them, and a late email now would say it "
        "twice."
    )
    return Reason(rule="email.after_message", text=text)


def _already_sent(person: Interviewer, recorded: datetime | None) -> Reason | None:
    if person.email_sent_on is not None:
        text = f"You sent it on {person.email_sent_on:%a %d %b} (email_sent_on in the notes)."
    elif recorded is not None:
        text = f"You sent it on {recorded:%a %d %b} (recorded in your ledger)."
    else:
        return None
    return Reason(rule="email.sent", text=text)


def _late(
    action: Action,
    person: Interviewer,
    notes: Notes,
    now: datetime,
    guidance: Guidance,
    late: timedelta,
) -> None:
    """A closed window: under a few days late thanks still beat none; after that the email
    is optional, and a draft owns the delay in one clause (`action.late`)."""
    limit = guidance.email_late_after_days
    if late <= timedelta(days=limit):
        text = (
            f"The window closed {ago(late)} ago: if you haven't sent it, send it today; "
            f"late thanks beat none, and under {limit:g} days late it still reads as prompt "
            "enough."
        )
        action.reasons.append(Reason(rule="email.within_24h", text=text))
        return
    action.decision = Decision.optional
    action.late = True
    decider = addressee(notes)
    if notes.outcome in (Outcome.rejected, Outcome.withdrew) and person is not decider:
        # the reply to the outcome goes to the one who decided; to anyone else, thanks this
        # late arrive as a reaction to the news, not to the conversation
        what = "the decision came" if notes.outcome == Outcome.rejected else "you withdrew"
        text = (
            f"The window closed {ago(late)} ago and {what} since: a thank-you this late to "
            f"{person.first_name}, who did not make the decision, reads as a reaction to the "
            f"news. Your reply to {decider.first_name} thanks the panel; to stay in touch "
            f"with {person.first_name}, the connection request says it in a line."
        )
        action.decision = Decision.skip
        action.late = False
        action.reasons = [r for r in action.reasons if "still gracious" not in r.text]
        action.reasons.append(Reason(rule="email.late_after_decision", text=text))
        return
    if long_past(notes, now, guidance):
        since = now - notes.interview.ends
        text = (
            f"The interview was {ago(since)} ago, so the loop is long past: a thank-you is no "
            "longer expected. Write only if you want to stay in touch, and say in one clause "
            "that it comes late."
        )
    else:
        text = (
            f"The window closed {ago(late)} ago (more than {limit:g} days late): a thank-you "
            "is now your call. If you send one, keep it short and own the delay in one clause "
            '("I\'m sorry this comes later than I meant it to").'
        )
    action.reasons.append(Reason(rule="email.late", text=text))


def plan_warnings(notes: Notes, now: datetime, guidance: Guidance) -> list[Reason]:
    """What the plan assumed or could not say well: a date-only start, a missing end, a
    loop long past."""
    interview, out = notes.interview, []
    tz = interview.start.tzinfo
    offset = interview.start.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else "local time"
    if interview.start_was_date:
        day = interview.start.date().isoformat()
        text = (
            f"interview.start is a date alone ({day}): the plan assumes "
            f"{ASSUMED_START:%H:%M} in this machine's time zone ({offset}). To be exact, "
            "write the time with its offset, e.g. start: "
            f"{interview.start.replace(hour=14).isoformat()}."
        )
        out.append(Reason(rule="interview.date_only", text=text))
    if interview.end is None:
        hours = DEFAULT_LENGTH.total_seconds() / 3600
        ends = interview.ends.astimezone(tz)
        text = (
            f"interview.end is missing: the plan assumes the interview lasted {hours:g} h "
            f"(ended {ends:%a %d %b %H:%M}), and every window counts from then. To be exact, "
            f"add end: {ends.isoformat()} with the real time."
        )
        out.append(Reason(rule="interview.no_end", text=text))
    if long_past(notes, now, guidance):
        since = ago(now - interview.ends)
        text = (
            f"The interview was {since} ago ({interview.ends.astimezone(tz):%a %d %b %Y}), "
            "so the loop is long past: its thank-you and connection windows closed long ago. "
            "Nothing here is urgent; reach out only to stay in touch. If this is a new "
            "round, update interview.start in the notes."
        )
        out.append(Reason(rule="plan.long_past", text=text))
    return out
