"""Once the outcome is known, one message per person per day (docs/guidance.md:
outcome.one_message).

The reply to an offer or a rejection thanks its addressee already: a late thank-you email
or a LinkedIn follow-up beside it, to the same person on the same day, says it twice."""

from __future__ import annotations

from datetime import datetime

from writer.plan import Action, ActionKind, Decision, InterviewerPlan, Reason

_REPLIES = (ActionKind.offer_reply, ActionKind.rejection_reply)
_WHAT = {ActionKind.offer_reply: "offer", ActionKind.rejection_reply: "decision"}


def fold_into_reply(plan: InterviewerPlan, first_name: str, now: datetime) -> None:
    """Skip a late thank-you email and a follow-up message to the person who gets the
    outcome reply, when the reply is due now: the reply carries the thanks."""
    reply = next((a for a in plan.actions if a.kind in _REPLIES), None)
    if reply is None or reply.decision != Decision.do:
        return
    # a reply still planned though its window has closed is drafted all the same: a late
    # thank-you beside it would still thank them twice
    what = _WHAT[reply.kind]
    for action in plan.actions:
        if action.decision not in (Decision.do, Decision.optional) or not _beside(action, now):
            continue
        label = "late thank-you" if action.kind == ActionKind.thank_you_email else "follow-up"
        text = (
            f"Your reply to {first_name} about the {what} thanks them already: a {label} "
            "the same day would say it twice, so it is folded into the reply."
        )
        action.decision = Decision.skip
        action.reasons.append(Reason(rule="outcome.one_message", text=text))


def _beside(action: Action, now: datetime) -> bool:
    """An action that would go out now, next to the reply: a thank-you whose window has
    closed, or a LinkedIn follow-up message."""
    if action.kind == ActionKind.thank_you_email:
        return action.not_after is not None and now > action.not_after
    return action.kind == ActionKind.follow_up_message
